"""Findings as JSON, CSV and XLSX (one row per finding), for pipelines, spreadsheets and the
editors who act on them: each finding with the language (and version) at fault, the file of
every version and the text of its unit in every version (compare.places)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict

from compare.places import Place, Version, group_versions, section_places
from compare.report import ReportSection
from compare.review import ReviewSummary


def _plain(value: object) -> bool:
    return isinstance(value, str | int | float | bool | list | tuple) or value is None


def _unique(items: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _version_record(version: Version) -> dict:
    return {"lang": version.lang, "version": version.label, "file": version.file}


def finding_record(place: Place) -> dict:
    """A finding as plain data: language codes under "lang"/"langs"/"fault", version labels
    beside them under "version"/"versions"/"fault_version"; the same record feeds JSON, CSV,
    XLSX and the HTML report."""
    finding, fault = place.finding, place.fault
    named = [place.of(key) for key in finding.langs]
    return {
        "id": finding.id,
        "check": finding.check,
        "severity": finding.severity,
        "confidence": round(finding.confidence, 3),
        "unit": finding.unit,
        "segment": finding.segment,
        "fault": fault.lang if fault else None,
        "fault_version": fault.label if fault else None,
        "langs": _unique([v.lang for v in named]),
        "versions": [v.label for v in named if v.label],
        "message": finding.message,
        "suggestion": finding.suggestion,
        "spans": [
            {
                "lang": place.of(s.lang).lang,
                "version": place.of(s.lang).label,
                "start": s.start,
                "end": s.end,
                "text": s.text,
            }
            for s in finding.spans
        ],
        "passages": [
            {
                **_version_record(version),
                "indices": list(place.passages[key]),
                "text": place.texts[key],
            }
            for key, version in place.versions.items()
        ],
        "details": {
            k: v for k, v in finding.details.items() if k != "lang" and _plain(v)
        },  # details["lang"] is the version key at fault: "fault" and "fault_version" above
    }


def findings_to_json(
    sections: Sequence[ReportSection],
    signature: Mapping[str, str],
    review: ReviewSummary | None = None,
) -> str:
    """Findings per document group, with the group's versions, the run's reproducibility
    signature and what the review memory hid."""
    data = {
        "signature": dict(signature),
        "groups": [
            {
                "group": section.group,
                "relation": section.relation,
                "versions": [_version_record(v) for v in group_versions(section).values()],
                "findings": [finding_record(p) for p in section_places(section)],
            }
            for section in sections
        ],
    }
    if review is not None:
        data["review"] = {**asdict(review), "line": review.line()}
    return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"


# The columns every findings table has; then a text column and a file column per version.
CSV_COLUMNS = (
    "group",
    "id",
    "severity",
    "check",
    "confidence",
    "unit",
    "segment",
    "fault",
    "fault_version",
    "langs",
    "versions",
    "message",
    "suggestion",
    "spans",
)


def _version_names(sections: Sequence[ReportSection]) -> list[str]:
    """Every version name of the run ("kk", "ru 2014"), in the order first met."""
    return _unique([v.name for s in sections for v in group_versions(s).values()])


def _table(sections: Sequence[ReportSection]) -> list[list]:
    """The header and one flat row per finding, its document group first."""
    names = _version_names(sections)
    header = [*CSV_COLUMNS, *(f"text {n}" for n in names), *(f"file {n}" for n in names)]
    rows = [header]
    for section in sections:
        for place in section_places(section):
            record = {"group": section.group, **finding_record(place)}
            record["langs"] = " ".join(record["langs"])
            record["versions"] = " ".join(record["versions"])
            record["spans"] = " | ".join(
                f"{' '.join(filter(None, (s['lang'], s['version'])))}: {s['text']}"
                for s in record["spans"]
            )
            by_name = {place.versions[key].name: key for key in place.versions}
            texts = [place.texts[by_name[n]] if n in by_name else "" for n in names]
            files = [place.versions[by_name[n]].file if n in by_name else "" for n in names]
            cells = [record[c] if record[c] is not None else "" for c in CSV_COLUMNS]
            rows.append([*cells, *texts, *files])
    return rows


def findings_to_csv(sections: Sequence[ReportSection]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(_table(sections))
    return out.getvalue()


# Column widths (in characters) by the start of the heading; the rest get SHORT.
WIDTHS = {"group": 24, "id": 16, "message": 60, "suggestion": 40, "spans": 40, "text": 50}
SHORT, FILE_WIDTH = 10, 30
WRAPPED = ("message", "suggestion", "spans", "text")


def findings_to_xlsx(sections: Sequence[ReportSection]) -> bytes:
    """The CSV's table as a spreadsheet for editors in Excel or LibreOffice: bold header,
    first row frozen, a filter on every column, set widths and wrapped text columns."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = "findings"
    for row in _table(sections):
        sheet.append(row)
    wrap = Alignment(wrap_text=True, vertical="top")
    for n, heading in enumerate(next(sheet.iter_rows(max_row=1)), 1):
        name = str(heading.value)
        heading.font = Font(bold=True)
        first = name.split()[0]
        width = FILE_WIDTH if first == "file" else WIDTHS.get(first, SHORT)
        sheet.column_dimensions[get_column_letter(n)].width = width
        if first in WRAPPED:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=n, max_col=n):
                cell.alignment = wrap
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
