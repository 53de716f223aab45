"""The findings list and its filters (severity, check, language).

Items are drawn from `finding_record`, the same plain data the JSON file holds, and carry
their filter values as data attributes; report.js hides the items the filters exclude.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from compare.checks.base import SEVERITIES, Finding
from compare.writers.findings import finding_record
from compare.writers.html_common import (
    esc,
    finding_anchor,
    lang_attr,
    unit_anchor,
)


def _checkboxes(name: str, values: Sequence[str]) -> str:
    boxes = "".join(
        f'<label><input type="checkbox" data-filter="{name}" value="{esc(v)}" checked> '
        f"{esc(v)}</label>"
        for v in values
    )
    return f'<fieldset class="filter"><legend>{name}</legend>{boxes}</fieldset>'


def filters(findings: Sequence[Finding]) -> str:
    """Checkboxes for every severity, check and language key the findings have."""
    checks = sorted({f.check for f in findings})
    langs = sorted({lang for f in findings for lang in f.langs})
    return (
        '<form class="filters" aria-label="filter findings">'
        f"{_checkboxes('severity', SEVERITIES)}{_checkboxes('check', checks)}"
        f"{_checkboxes('language', langs)}"
        f'<output class="shown" aria-live="polite">{len(findings)} of {len(findings)} '
        "findings shown</output></form>"
    )


def _item(group: str, record: dict, langs: Mapping[str, str]) -> str:
    keys = " ".join(record["langs"])
    quotes = "".join(
        f'<q{lang_attr(langs.get(s["lang"]))} title="{esc(s["lang"])}">{esc(s["text"])}</q>'
        for s in record["spans"]
    )
    quotes = f'<p class="quotes">{quotes}</p>' if quotes else ""
    suggestion = (
        f'<p class="suggestion">suggested: <span>{esc(record["suggestion"])}</span></p>'
        if record["suggestion"]
        else ""
    )
    return (
        f'<li class="finding {record["severity"]}" id="{finding_anchor(group, record["id"])}" '
        f'data-severity="{record["severity"]}" data-check="{esc(record["check"])}" '
        f'data-language="{esc(keys)}">'
        f'<div class="meta"><span class="sev {record["severity"]}">{record["severity"]}</span>'
        f'<span class="check">{esc(record["check"])}</span>'
        f'<span class="langs">{esc(" · ".join(record["langs"]))}</span>'
        f'<span class="conf" title="confidence">{record["confidence"]:.0%}</span>'
        f'<a class="goto" href="#{unit_anchor(group, record["unit"])}">unit {record["unit"]} →</a>'
        f"</div>"
        f'<p class="message">{esc(record["message"])}</p>'
        f"{quotes}{suggestion}</li>"
    )


def findings_list(group: str, findings: Sequence[Finding], langs: Mapping[str, str]) -> str:
    """One group's findings, most severe first, each linking to its unit's row."""
    if not findings:
        return '<p class="none">No findings in this group.</p>'
    items = "".join(_item(group, finding_record(f), langs) for f in findings)
    return f'<ol class="findings">{items}</ol>'
