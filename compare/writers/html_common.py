"""Small pieces every part of the HTML report shares: anchors, language codes and labels."""

from __future__ import annotations

import re

from compare.checks.base import Finding

# Languages the page labels by name; any other language code is shown as it is.
LANG_NAMES = {"kk": "Қазақша", "ru": "Русский", "en": "English"}


def slug(text: str) -> str:
    """An id fragment without spaces or characters that need quoting in a URL."""
    return re.sub(r"[^\w.-]+", "_", text)


def unit_anchor(group: str, index: int) -> str:
    """The id of a unit's row in the side-by-side table; findings link here."""
    return f"unit-{slug(group)}-{index}"


def finding_anchor(group: str, finding: Finding) -> str:
    """The id of a finding in the findings list; highlighted spans point here. A finding id is
    shared by the same flag on the same words elsewhere, so the unit makes the anchor unique."""
    return f"finding-{slug(group)}-{finding.id}-u{finding.unit}"


def lang_code(lang: str | None) -> str:
    """A `lang` attribute's value; "mul" (mixed) and unknown languages read as undetermined."""
    if not lang or lang == "mul" or not re.fullmatch(r"[a-z]{2,3}", lang):
        return "und"
    return lang


def lang_label(key: str, lang: str) -> str:
    """A column heading for a version: its key and, for a known language, the language's own
    name ("kk · Қазақша"), so each reader finds their column."""
    name = LANG_NAMES.get(lang)
    return f"{key} · {name}" if name else key


def filed_under(finding: Finding) -> tuple[str, ...]:
    """The versions the language filter files a finding under: the one it is about, or all of
    its versions when the check cannot tell which one is at fault."""
    return (finding.fault,) if finding.fault else finding.langs
