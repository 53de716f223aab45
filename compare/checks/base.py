"""What every drift check sees and returns.

A check reads aligned units (the passages of each language that say one thing) and returns
findings. Checks run over all units of a document group at once, so they can judge a unit
against the document's own distribution rather than against absolute thresholds.
"""

from __future__ import annotations

import hashlib
import unicodedata
from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

SEVERITIES = ("major", "minor")


def in_structure(unit: UnitText) -> bool:
    """Whether a unit has a place in a legal structure (a law's article, paragraph, ...)."""
    return any(p for paths in unit.paths.values() for p in paths)


@dataclass(frozen=True)
class UnitText:
    """One aligned unit as text: per language the joined passages ("" where omitted)."""

    unit: int  # position of the unit in the alignment
    texts: Mapping[str, str]
    passages: Mapping[str, tuple[int, ...]]  # passage indices per language
    score: float | None = 0.0  # alignment score of the unit (higher = surer; None: file-paired)
    apparatus: bool = False  # editorial notes or contents, not the text itself
    # Per language, the place in the legal structure of each passage ("article 5, sub-point 4)").
    paths: Mapping[str, tuple[str | None, ...]] = field(default_factory=dict)
    segment: str | None = None  # the id a bilingual file gives the unit (AlignedUnit.segment)
    # Per language, its passages' texts, which `texts` joins with a space (as alignment
    # embedded them: what the model read once can be read from its caches).
    passage_texts: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Span:
    """A stretch of one language's unit text: [start, end) character offsets."""

    lang: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Finding:
    """One flag: where (unit, languages, spans), what (check, message), how sure (confidence)."""

    check: str
    severity: str  # "major" or "minor"
    confidence: float  # 0..1
    unit: int
    langs: tuple[str, ...]
    message: str
    spans: tuple[Span, ...] = ()
    suggestion: str | None = None
    details: Mapping[str, object] = field(default_factory=dict)
    segment: str | None = None  # the unit's segment id in a bilingual file (set by run_checks)
    # Per version, the text of the unit the finding was judged on (set by run_checks).
    context: Mapping[str, str] = field(default_factory=dict)

    @property
    def id(self) -> str:
        """Stable across runs and edits elsewhere: built from what was flagged (the check, its
        kind, the languages, the spans' text; without spans, the passages' text), never from
        positions, so a passage inserted earlier keeps every id. The same flag on the same
        words in two places shares its id; the fingerprint tells the places apart."""
        kind = [str(self.details.get(k, "")) for k in ("kind", "concept")]
        spans = [f"{s.lang}:{normalised(s.text)}" for s in self.spans]
        key = "|".join([self.check, ",".join(self.langs), *kind, *(spans or [self._texts()])])
        return self.check[:4] + "-" + _digest(key)

    @property
    def fingerprint(self) -> str:
        """The text of the finding's passages (its versions of the unit): when it differs from
        the one a reviewer saw, the finding has changed and is shown again."""
        return _digest(self._texts())

    def _texts(self) -> str:
        return "|".join(f"{lang}:{normalised(self.context.get(lang, ''))}" for lang in self.langs)

    @property
    def fault(self) -> str | None:
        """The version the finding is about (the one to check and fix), when the check can
        tell: checks name it as details["lang"]. The finding's other versions and spans are
        the reference it was judged against."""
        lang = self.details.get("lang")
        return lang if isinstance(lang, str) else None


def normalised(text: str) -> str:
    """Text compared for identity: Unicode NFC, runs of white space as one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def _digest(key: str) -> str:
    return hashlib.sha1(key.encode()).hexdigest()[:10]


class Check(ABC):
    """A drift check: one module per kind of drift, each a subclass of this."""

    name: ClassVar[str]
    # The attributes that set where the check draws its lines, named in the report's signature.
    threshold_names: ClassVar[tuple[str, ...]] = ()
    # Which units the check reads: the text's own, or its editorial apparatus (notes, contents).
    reads_apparatus: ClassVar[bool] = False

    @abstractmethod
    def run(self, units: Sequence[UnitText]) -> list[Finding]:
        """Findings for a group of aligned units (all units of one document group)."""

    def settings(self) -> dict[str, object]:
        """The thresholds this check runs with, for the report's reproducibility signature."""
        return {name: getattr(self, name) for name in self.threshold_names}
