"""Small pieces every part of the HTML report shares: escaping, anchors, lang attributes."""

from __future__ import annotations

import html
import re
from importlib import resources

# Languages the page labels by name; any other language code is shown as it is.
LANG_NAMES = {"kk": "Қазақша", "ru": "Русский", "en": "English"}


def esc(text: object) -> str:
    """Text made safe for HTML content and quoted attribute values."""
    return html.escape(str(text), quote=True)


def slug(text: str) -> str:
    """An id fragment without spaces or characters that need quoting in a URL."""
    return re.sub(r"[^\w.-]+", "_", text)


def unit_anchor(group: str, index: int) -> str:
    """The id of a unit's row in the side-by-side table; findings link here."""
    return f"unit-{slug(group)}-{index}"


def finding_anchor(group: str, finding_id: str) -> str:
    """The id of a finding in the findings list; highlighted spans point here."""
    return f"finding-{slug(group)}-{finding_id}"


def lang_attr(lang: str | None) -> str:
    """A ` lang="…"` attribute; "mul" (mixed) and unknown languages read as undetermined."""
    if not lang or lang == "mul" or not re.fullmatch(r"[a-z]{2,3}", lang):
        return ' lang="und"'
    return f' lang="{lang}"'


def lang_label(key: str, lang: str) -> str:
    """A column heading for a version: its key and, for a known language, the language's own
    name ("kk · Қазақша"), so each reader finds their column."""
    name = LANG_NAMES.get(lang)
    return f"{key} · {name}" if name else key


def asset(name: str) -> str:
    """A stylesheet or script shipped beside this module, to be inlined into the page."""
    return resources.files("compare.writers").joinpath(name).read_text(encoding="utf-8")
