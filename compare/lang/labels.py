"""Labels that open abstract paragraphs ("Аңдатпа.") and keyword lines ("Түйін сөздер: ...").

Journal abstracts in the corpus start with such labels in each language; stripping them keeps
the label out of alignment, and keyword lines are lists, not sentences.
"""

from __future__ import annotations

import re

from compare.lang.rules import ABSTRACT_LABELS, KEYWORD_LABELS


def _label_pattern(labels: tuple[str, ...]) -> str:
    # PDF extracts type the Kazakh "і" as a Latin "i"; spaces may be any white space.
    return "|".join(
        re.escape(label).replace("і", "[іi]").replace(r"\ ", r"\s+") for label in labels
    )


_LABELS = _label_pattern(ABSTRACT_LABELS + KEYWORD_LABELS)
_KEYWORD_LABEL = re.compile(rf"(?:{_label_pattern(KEYWORD_LABELS)})$", re.IGNORECASE)
# The label, then a period, colon or dash, or the end of its line.
_LABEL = re.compile(rf"\s*({_LABELS})(?:\s*[.:—–-]|[ \t]*\n)\s*", re.IGNORECASE)
_SEPARATOR = re.compile(r"\s*[,;·]\s*")


def strip_label(text: str) -> tuple[str | None, str]:
    """The label that opens `text` as written ("Аңдатпа") and the rest; (None, text) if none."""
    match = _LABEL.match(text)
    if not match:
        return None, text
    return match[1], text[match.end() :]


def split_keywords(text: str) -> list[str]:
    """Items of a keyword line, without its label and final period; separators , ; and ·.

    Only a line that opens with a keyword label ("Keywords:", "Түйін сөздер:") is a keyword
    line; any other text gives [], so commas in ordinary sentences never split them.
    """
    label, rest = strip_label(text)
    if label is None or not _KEYWORD_LABEL.match(label):
        return []
    rest = rest.strip().removesuffix(".")
    return [item for item in _SEPARATOR.split(rest) if item]
