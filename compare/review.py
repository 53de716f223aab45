"""Review memory: the findings a reviewer accepted or ignored, kept in a sidecar file.

The sidecar (`.tilmash-review.toml`, next to the inputs) holds, per finding id, the decision,
a note, the date and the fingerprint of the finding's passages as the reviewer saw them. A
run hides the findings decided on whose text has not changed since, shows those whose text
changed (marked "changed"), and says how many it hid. Ids and fingerprints are Finding.id and
Finding.fingerprint: built from text, not positions, so inserting a passage keeps them.

`tilmash review accept ID` learns the fingerprints, check and message of ID from the last run
on the same sidecar, which `check` and `report` record in the cache folder (run_record).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, Strict, ValidationError
from pydantic.dataclasses import dataclass as pydantic_dataclass
from pydantic_core import ErrorDetails

from compare.checks.base import Finding
from compare.errors import InputError, TilmashError

if TYPE_CHECKING:
    from compare.report import Report

REVIEW_NAME = ".tilmash-review.toml"
Status = Literal["accepted", "ignored"]
STATUSES: tuple[str, ...] = get_args(Status)


Text = Annotated[str, Strict()]


@pydantic_dataclass(frozen=True, config=ConfigDict(extra="forbid"))
class Decision:
    """What a reviewer decided about one finding, and the text they decided on."""

    status: Status
    # Finding.fingerprint of each place the finding was seen (one id, same words, more places).
    fingerprints: Annotated[tuple[Text, ...], Field(min_length=1)]
    date: Annotated[dt.date, Strict()]  # a TOML date, unquoted; not a datetime
    note: Text = ""
    check: Text = ""
    message: Text = ""


@dataclass(frozen=True)
class Review:
    """A sidecar file and its decisions by finding id."""

    path: Path
    decisions: Mapping[str, Decision]


class _ReviewFile(BaseModel):
    """The sidecar as written: [findings.ID] tables."""

    model_config = ConfigDict(extra="forbid")

    findings: dict[str, Decision] = {}


_KEY_PROBLEMS = {
    "status": f"status must be one of {', '.join(STATUSES)}",
    "fingerprints": "fingerprints must be a list of strings",
    "date": "date must be a TOML date such as 2026-11-29",
    **{key: f"{key} must be a string" for key in ("note", "check", "message")},
}


def _problem(error: ErrorDetails) -> str:
    """The first problem pydantic found, in the review file's own terms."""
    loc = error["loc"]
    if len(loc) < 2:
        return "a review file holds [findings.ID] tables only"
    where = f"[findings.{loc[1]}]"
    if len(loc) == 2:
        return f"{where}: expected a table"
    if error["type"] == "unexpected_keyword_argument":
        return f"{where}: unknown key {loc[2]!r}"
    return f"{where}: {_KEY_PROBLEMS[str(loc[2])]}"


def load_review(path: Path) -> Review:
    """The decisions in `path` (none when it does not exist); a malformed file is one line."""
    from compare.manifest import read_toml

    if not path.exists():
        return Review(path, {})
    try:
        tables = _ReviewFile.model_validate(read_toml(path, "the review file"))
    except ValidationError as err:
        raise InputError(path, _problem(err.errors()[0])) from None
    return Review(path, tables.findings)


def decide(
    review: Review,
    ids: Sequence[str],
    status: str,
    seen: Mapping[str, Mapping[str, object]],
    note: str = "",
    today: dt.date | None = None,
) -> Review:
    """`review` with `ids` marked `status`; `seen` (from last_run) gives each id's fingerprints,
    check and message. An id the last run did not show is refused."""
    missing = [fid for fid in ids if fid not in seen]
    if missing:
        raise TilmashError(
            f"{missing[0]}: not a finding of the last run on {review.path}; "
            "run tilmash check (or report) on these files first"
        )
    day = today or dt.date.today()
    made = {
        fid: Decision(
            status,
            tuple(seen[fid]["fingerprints"]),
            day,
            note,
            str(seen[fid]["check"]),
            str(seen[fid]["message"]),
        )
        for fid in ids
    }
    return replace(review, decisions={**review.decisions, **made})


def forget(review: Review, ids: Sequence[str]) -> Review:
    """`review` without the decisions on `ids`; an id it does not hold is refused."""
    missing = [fid for fid in ids if fid not in review.decisions]
    if missing:
        raise TilmashError(f"{review.path}: no decision on {missing[0]}")
    kept = {fid: d for fid, d in review.decisions.items() if fid not in ids}
    return replace(review, decisions=kept)


@dataclass(frozen=True)
class ReviewSummary:
    """What a run says about the review: the file, how many findings it hid, how many of the
    decided findings changed since, and whether the hidden ones are shown (marked)."""

    file: str
    hidden: int
    changed: int
    shown: bool = False

    def line(self) -> str:
        hidden = f"{self.hidden} finding{'s' * (self.hidden != 1)} hidden by review ({self.file})"
        parts = [f"{hidden}, shown marked" if self.shown else hidden]
        if self.changed:
            parts.append(f"{self.changed} changed since reviewed, shown again")
        return "; ".join(parts)


def status_of(finding: Finding, review: Review) -> str | None:
    """The finding's review state: its decision ("accepted", "ignored") when its text is the
    one reviewed, "changed" when it is not, None when it was never decided on."""
    decision = review.decisions.get(finding.id)
    if decision is None:
        return None
    return decision.status if finding.fingerprint in decision.fingerprints else "changed"


def apply_review(report: Report, review: Review, show_reviewed: bool = False) -> Report:
    """The report as the review leaves it: findings decided on (text unchanged) hidden, or with
    `show_reviewed` kept and marked (details["review"]); changed ones marked "changed". The
    hidden ones leave Report.findings, so they do not count toward --fail-on."""
    hidden = changed = 0
    sections = []
    counted: list[Finding] = []
    for section in report.data.sections:
        kept = []
        for finding in section.findings:
            status = status_of(finding, review)
            marked = replace(finding, details={**finding.details, "review": status})
            if status in STATUSES:
                hidden += 1
                if show_reviewed:
                    kept.append(marked)
                continue
            changed += status == "changed"
            kept.append(marked if status else finding)
            counted.append(kept[-1])
        sections.append(replace(section, findings=tuple(kept)))
    summary = ReviewSummary(review.path.name, hidden, changed, show_reviewed)
    data = replace(report.data, sections=tuple(sections), review=summary)
    return replace(report, data=data, findings=tuple(counted))


def record_path(review_path: Path, cache: Path) -> Path:
    """Where the last run on a sidecar is recorded, in the cache folder."""
    key = hashlib.sha1(str(review_path.resolve()).encode()).hexdigest()[:16]
    return cache / "review" / f"{key}.json"


def run_record(review_path: Path, findings: Iterable[Finding]) -> dict[str, object]:
    """What `review accept` learns from a run (id → fingerprints, check, message) and the
    sidecar it was on; check and report write it with each run (compare.writers.review)."""
    by_id: dict[str, list[Finding]] = {}
    for finding in findings:
        by_id.setdefault(finding.id, []).append(finding)
    seen = {
        fid: {
            "fingerprints": [f.fingerprint for f in same],
            "check": same[0].check,
            "message": same[0].message,
        }
        for fid, same in by_id.items()
    }
    return {"review": str(review_path.resolve()), "findings": seen}


def last_run(review_path: Path | None, cache: Path) -> tuple[Path, dict[str, dict[str, object]]]:
    """The sidecar and the findings of the last run: on `review_path`, or (None) on whichever
    sidecar was checked last."""
    if review_path is not None:
        record = record_path(review_path, cache)
    else:
        records = sorted((cache / "review").glob("*.json"), key=lambda p: p.stat().st_mtime)
        if not records:
            raise TilmashError("no run to review yet: run tilmash check (or report) first")
        record = records[-1]
    if not record.exists():
        raise TilmashError(f"{review_path}: no run on it yet: run tilmash check (or report) first")
    try:
        data = json.loads(record.read_text(encoding="utf-8"))
        return Path(data["review"]), dict(data["findings"])
    except (OSError, ValueError, KeyError, TypeError):
        raise TilmashError(
            f"{record}: the record of the last run is unreadable; run tilmash check again"
        ) from None
