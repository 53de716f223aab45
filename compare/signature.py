"""The reproducibility signature of a run, in the style of sacrebleu's: one line that pins
the tool, the model (with its weights' checksum), every setting that decides a finding and the
date, e.g. "tilmash:0.1.0|model:multilingual-e5-small@sha256:cd1caf181241|align:…|date:…".

Each part of a run adds its own settings: the aligner its parameters, each check the
thresholds it names (Check.settings), so a new check appears in the signature by itself.
The HTML report, the JSON and the terminal all show the same fields.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from compare import __version__

CHECKSUM_SHOWN = 12  # hex digits of the model checksum in the one-line signature


def _plain(value: object) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _params_value(value: object) -> str:
    """A setting as the signature writes it: "k=v,k=v" for a mapping, else the value."""
    if isinstance(value, Mapping):
        return ",".join(f"{k}={_plain(v)}" for k, v in value.items())
    return _plain(value)


@dataclass(frozen=True)
class Signature:
    """What pins a run: the model, the settings each part of the run added, the date."""

    model_name: str
    model_identity: str  # e.g. "name@sha256:cd1c…"
    params: Mapping[str, object] = field(default_factory=dict)
    date: dt.date = field(default_factory=dt.date.today)

    @property
    def checksum(self) -> str:
        """The weights' checksum from the model identity."""
        return self.model_identity.rpartition("@")[2]

    @property
    def model(self) -> str:
        """The model as its identity names it: with the engine's recipe and precision where it
        has them ("multilingual-e5-small (onnx-int8) v5"), since those change the vectors."""
        return self.model_identity.rpartition("@")[0] or self.model_name

    def line(self) -> str:
        """The one-line signature."""
        algorithm, _, digest = self.checksum.rpartition(":")
        short = f"{algorithm}:{digest[:CHECKSUM_SHOWN]}" if algorithm else digest[:CHECKSUM_SHOWN]
        parts = [f"tilmash:{__version__}", f"model:{self.model}@{short}"]
        parts += [f"{name}:{_params_value(value)}" for name, value in self.params.items()]
        parts.append(f"date:{self.date.isoformat()}")
        return "|".join(parts)

    def fields(self) -> dict[str, str]:
        """The fields a report's header and the JSON show, plus the one-line "signature"."""
        return {
            "tool": f"tilmash {__version__}",
            "model": self.model,
            "checksum": self.checksum,
            **{name: _params_value(value) for name, value in self.params.items()},
            "date": self.date.isoformat(),
            "signature": self.line(),
        }
