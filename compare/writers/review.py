"""The review file (compare.review) as TOML, and the record of a run that `review accept` reads."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

import tomli_w

from compare.checks.base import Finding
from compare.review import Review, record_path, run_record
from compare.writers import atomic_write

HEADER = (
    "# tilmash review memory: findings accepted or ignored, by id.\n"
    "# Written by `tilmash review accept|ignore|forget`; a finding whose text changed\n"
    "# since is shown again.\n"
)


def review_to_toml(review: Review) -> str:
    """The decisions as [findings.ID] tables, ids in order, empty notes left out."""
    tables = {
        fid: {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(d).items() if v != ""}
        for fid, d in sorted(review.decisions.items())
    }
    return HEADER + tomli_w.dumps({"findings": tables})


def save_review(review: Review) -> None:
    """Write the review file atomically."""
    atomic_write(review.path, review_to_toml(review))


def save_run(review_path: Path, findings: Iterable[Finding], cache: Path) -> None:
    """Record a run's findings in the cache folder, for `review accept` (run_record)."""
    path = record_path(review_path, cache)
    path.parent.mkdir(parents=True, exist_ok=True)
    record = run_record(review_path, findings)
    atomic_write(path, json.dumps(record, ensure_ascii=False, indent=1))
