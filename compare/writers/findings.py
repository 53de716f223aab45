"""Findings as JSON and CSV (one row per finding), for pipelines and spreadsheets."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict

from compare.checks.base import Finding
from compare.review import ReviewSummary


def finding_record(finding: Finding) -> dict:
    """A finding as plain data; the same record feeds JSON, CSV and the HTML report."""
    return {
        "id": finding.id,
        "check": finding.check,
        "severity": finding.severity,
        "confidence": round(finding.confidence, 3),
        "unit": finding.unit,
        "langs": list(finding.langs),
        "message": finding.message,
        "suggestion": finding.suggestion,
        "spans": [
            {"lang": s.lang, "start": s.start, "end": s.end, "text": s.text} for s in finding.spans
        ],
        "details": {k: v for k, v in finding.details.items() if _plain(v)},
    }


def _plain(value: object) -> bool:
    return isinstance(value, str | int | float | bool | list | tuple) or value is None


def findings_to_json(
    groups: Sequence[tuple[str, Sequence[Finding]]],
    signature: Mapping[str, str],
    review: ReviewSummary | None = None,
) -> str:
    """Findings per document group, with the run's reproducibility signature and what the
    review memory hid."""
    data = {
        "signature": dict(signature),
        "groups": [
            {"group": group, "findings": [finding_record(f) for f in findings]}
            for group, findings in groups
        ],
    }
    if review is not None:
        data["review"] = {**asdict(review), "line": review.line()}
    return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"


CSV_COLUMNS = (
    "group",
    "id",
    "severity",
    "check",
    "confidence",
    "unit",
    "langs",
    "message",
    "suggestion",
    "spans",
)


def _rows(groups: Sequence[tuple[str, Sequence[Finding]]]) -> list[list]:
    """One flat row per finding, its document group first (CSV_COLUMNS)."""
    rows = []
    for group, findings in groups:
        for finding in findings:
            record = {"group": group, **finding_record(finding)}
            record["langs"] = " ".join(record["langs"])
            record["spans"] = " | ".join(f"{s['lang']}: {s['text']}" for s in record["spans"])
            rows.append([record[c] if record[c] is not None else "" for c in CSV_COLUMNS])
    return rows


def findings_to_csv(groups: Sequence[tuple[str, Sequence[Finding]]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows([list(CSV_COLUMNS), *_rows(groups)])
    return out.getvalue()


def findings_to_xlsx(groups: Sequence[tuple[str, Sequence[Finding]]]) -> bytes:
    """The CSV's rows as a spreadsheet, for editors who work in Excel or LibreOffice."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "findings"
    for row in [list(CSV_COLUMNS), *_rows(groups)]:
        sheet.append(row)
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
