"""The self-contained HTML report: one file that opens offline, with everything inline.

`render_report` assembles the page from its parts (html_units: side by side, html_findings:
the filterable list, html_terms: the terminology matrix, html_timeline: term evolution).
The page loads nothing: its stylesheet and script (report.css, report.js beside this module)
are inlined and its charts are SVG, so a report mailed to an editor reads the same anywhere.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping

from compare import __version__
from compare.checks.base import SEVERITIES
from compare.report import ReportData, ReportSection
from compare.writers.findings import finding_record
from compare.writers.html_common import asset, esc, slug
from compare.writers.html_findings import filters, findings_list
from compare.writers.html_terms import terms_matrix
from compare.writers.html_timeline import timeline_section
from compare.writers.html_units import legend, units_table


def _header(data: ReportData) -> str:
    findings = [f for s in data.sections for f in s.findings]
    counts = " ".join(
        f'<span class="sev {s}">{sum(f.severity == s for f in findings)} {s}</span>'
        for s in SEVERITIES
    )
    nav = "".join(
        f'<a href="#{anchor}">{label}</a>'
        for anchor, label in (
            ("findings", "Findings"),
            ("side-by-side", "Side by side"),
            ("terminology", "Terminology"),
            ("timeline", "Timeline"),
        )
    )
    return (
        f'<header class="bar"><span class="brand">tilmash</span><nav>{nav}</nav>'
        f'<span class="counts">{counts}</span></header>'
    )


def _signature_block(fields: Mapping[str, str]) -> str:
    rows = "".join(
        f"<div><dt>{esc(k)}</dt><dd>{esc(v)}</dd></div>"
        for k, v in fields.items()
        if k != "signature"
    )
    line = fields.get("signature", "")
    return (
        f'<section class="signature" aria-label="reproducibility"><code>{esc(line)}</code>'
        f"<dl>{rows}</dl></section>"
    )


def _group_title(section: ReportSection) -> str:
    keys = ", ".join(section.alignment.keys)
    return (
        f"{esc(section.group)} <small>{esc(section.relation)}: {esc(keys)} · "
        f"{len(section.alignment.units)} units · {esc(section.alignment.model)}</small>"
    )


def _per_group(
    data: ReportData, anchor: str, title: str, body: Callable[[ReportSection], str], intro: str = ""
) -> str:
    """A page section with one subsection per document group."""
    parts = "".join(
        f'<section class="group" id="{anchor}-{slug(s.group)}">'
        f"<h3>{_group_title(s)}</h3>{body(s)}</section>"
        for s in data.sections
    )
    return f'<section id="{anchor}"><h2>{title}</h2>{intro}{parts}</section>'


def _findings_json(data: ReportData) -> str:
    """The findings as JSON records (the JSON file's shape), for whoever reads the page's
    source; "<" is escaped so no text can close the script element."""
    records = {s.group: [finding_record(f) for f in s.findings] for s in data.sections}
    return json.dumps(records, ensure_ascii=False, default=str).replace("<", "\\u003c")


def render_report(data: ReportData) -> str:
    """The whole page as one HTML5 document (UTF-8, no external resources)."""
    findings = _per_group(
        data,
        "findings",
        "Findings",
        lambda s: findings_list(s.group, s.findings, s.alignment.langs()),
        intro=filters([f for s in data.sections for f in s.findings]),
    )
    side = _per_group(
        data,
        "side-by-side",
        "Side by side",
        lambda s: units_table(s.group, s.alignment, s.findings),
        intro=legend(),
    )
    terms = _per_group(
        data,
        "terminology",
        "Terminology",
        lambda s: terms_matrix(s.group, s.alignment, s.glossary, s.renderings),
    )
    timeline = (
        f'<section id="timeline"><h2>Timeline</h2>{timeline_section(data.timeline)}</section>'
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="tilmash {esc(__version__)}">'
        f"<title>{esc(data.title)}</title><style>{asset('report.css')}</style></head>"
        f"<body>{_header(data)}<main><h1>{esc(data.title)}</h1>"
        f"{_signature_block(data.signature)}{findings}{side}{terms}{timeline}</main>"
        f'<script type="application/json" id="tilmash-findings">{_findings_json(data)}</script>'
        f"<script>{asset('report.js')}</script></body></html>\n"
    )
