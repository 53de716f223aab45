"""The self-contained HTML report: one file that opens offline, with everything inline.

`render_report` fills templates/report.html.j2 (Jinja2, autoescaped) with the report's data;
the html_* modules prepare what a template cannot reasonably compute (html_units: the side by
side table's marked runs, html_folds: its folded stretches, html_terms: the terminology
matrix, html_timeline: sparklines).
The page loads nothing: its stylesheet and script (templates/report.css, report.js) are
inlined and its charts are SVG, so a report mailed to an editor reads the same anywhere.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined

from compare import __version__
from compare.checks.base import SEVERITIES
from compare.corpus import joined
from compare.places import section_places
from compare.report import ReportData
from compare.writers.findings import finding_record
from compare.writers.html_common import (
    filed_under,
    finding_anchor,
    lang_code,
    lang_label,
    slug,
    unit_anchor,
)
from compare.writers.html_folds import Fold, side_by_side
from compare.writers.html_terms import concept_rows
from compare.writers.html_timeline import number, sparkline
from compare.writers.html_units import RANK_TIERS, unit_places


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("compare.writers", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # `tojson` escapes "<", ">", "&" and "'", so no text can close the script element.
    env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "default": str}
    env.filters.update(
        slug=slug, lang_code=lang_code, number=number, joined=joined, filed_under=filed_under
    )
    env.tests["fold"] = lambda block: isinstance(block, Fold)
    env.globals.update(
        severities=SEVERITIES,
        rank_tiers=RANK_TIERS,
        version=__version__,
        unit_anchor=unit_anchor,
        finding_anchor=finding_anchor,
        lang_label=lang_label,
        side_by_side=side_by_side,
        unit_places=unit_places,
        concept_rows=concept_rows,
        sparkline=sparkline,
    )
    return env


def render_report(data: ReportData) -> str:
    """The whole page as one HTML5 document (UTF-8, no external resources)."""
    # The findings as JSON records (the JSON file's shape), for whoever reads the page's source;
    # without the units' texts ("passages"), which the page's table shows already.
    records = {
        s.group: [
            {k: v for k, v in finding_record(p).items() if k != "passages"}
            for p in section_places(s)
        ]
        for s in data.sections
    }
    findings = [f for s in data.sections for f in s.findings]
    return (
        _environment()
        .get_template("report.html.j2")
        .render(data=data, findings=findings, records=records)
    )
