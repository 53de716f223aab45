"""The self-contained HTML report: one file that opens offline, with everything inline.

`render_report` assembles the page from its parts (html_units: side by side, html_findings:
the filterable list, html_terms: the terminology matrix, html_timeline: term evolution).
The page loads nothing: its stylesheet and script (report.css, report.js beside this module)
are inlined and its charts are SVG, so a report mailed to an editor reads the same anywhere.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from compare import __version__
from compare.align.documents import Alignment
from compare.checks.base import Finding
from compare.glossary import Glossary
from compare.writers.findings import finding_record
from compare.writers.html_common import SEVERITIES, asset, esc, slug
from compare.writers.html_findings import filters, findings_list
from compare.writers.html_terms import Renderings, find_renderings, terms_matrix
from compare.writers.html_timeline import TimelineSection, timeline_section
from compare.writers.html_units import legend, units_table

CHECKSUM_SHOWN = 12  # hex digits of the model checksum in the one-line signature


@dataclass(frozen=True)
class ReportSection:
    """One document group: its alignment, its findings, its glossary and how it is rendered."""

    group: str
    relation: str  # "translations" or "versions"
    alignment: Alignment
    findings: tuple[Finding, ...]
    glossary: Glossary = field(default_factory=Glossary)
    renderings: Renderings = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        group: str,
        relation: str,
        alignment: Alignment,
        findings: Sequence[Finding],
        glossary: Glossary,
    ) -> ReportSection:
        """A section with the glossary's renderings found in the aligned text."""
        renderings = find_renderings(alignment, glossary)
        return cls(group, relation, alignment, tuple(findings), glossary, renderings)


@dataclass(frozen=True)
class ReportData:
    """Everything the page shows; `signature` comes from `reproducibility`."""

    signature: Mapping[str, str]
    sections: tuple[ReportSection, ...]
    timeline: tuple[TimelineSection, ...] = ()
    title: str = "tilmash report"


def _params_part(name: str, value: object) -> str:
    if isinstance(value, Mapping):
        return f"{name}:" + ",".join(f"{k}={_plain(v)}" for k, v in value.items())
    return f"{name}:{_plain(value)}"


def _plain(value: object) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _checksum(model_identity: str) -> str:
    """The weights' checksum from an identity such as "name@sha256:cd1c…"."""
    return model_identity.rpartition("@")[2]


def signature(
    model_name: str,
    model_identity: str,
    params: Mapping[str, object],
    date: dt.date | None = None,
) -> str:
    """One line that pins a run, in the style of sacrebleu's signature:
    "tilmash:0.1.0|model:multilingual-e5-small@sha256:cd1caf181241|align:max_block=4,…|date:…".

    `params` maps a name to a value or to a mapping of values (e.g. "align" to the aligner's
    parameters, "meaning" to a check's thresholds)."""
    checksum = _checksum(model_identity)
    algorithm, _, digest = checksum.rpartition(":")
    short = f"{algorithm}:{digest[:CHECKSUM_SHOWN]}" if algorithm else digest[:CHECKSUM_SHOWN]
    parts = [f"tilmash:{__version__}", f"model:{model_name}@{short}"]
    parts += [_params_part(name, value) for name, value in params.items()]
    parts.append(f"date:{(date or dt.date.today()).isoformat()}")
    return "|".join(parts)


def reproducibility(
    model_name: str,
    model_identity: str,
    params: Mapping[str, object],
    date: dt.date | None = None,
) -> dict[str, str]:
    """The fields the page's header shows, plus the one-line "signature"."""
    date = date or dt.date.today()
    return {
        "tool": f"tilmash {__version__}",
        "model": model_name,
        "checksum": _checksum(model_identity),
        **{name: _params_part(name, value).partition(":")[2] for name, value in params.items()},
        "date": date.isoformat(),
        "signature": signature(model_name, model_identity, params, date),
    }


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
