"""Cut a sentence into located clauses that a translation may drop or add on its own.

Clauses lie between commas, semicolons, colons, dashes and brackets, where inserted phrases
such as "as is known" or "Как известно," sit. They are character offsets into the text, so a
finding can point at them; punctuation at the edges is left out of a clause.
"""

from __future__ import annotations

import re
from itertools import pairwise

# A clause ends at one of these marks; a bracketed stretch is a clause of its own.
_BREAK = re.compile(r"[,;:]\s+|\s+[—–-]\s+|\s*[()]\s*")
_WORD = re.compile(r"\w[\w'’.-]*")
_EDGE = " \t\n,;:—–-()\"'«»“”„.!?…"
_SEAM_LEFT = " \t\n,;:—–-("
_SEAM_RIGHT = " \t\n,;:—–-)"


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def word_count(text: str) -> int:
    """Words in a text: letters or digits, with inner apostrophes, periods and hyphens."""
    return len(_WORD.findall(text))


def clauses(text: str, min_words: int = 2) -> list[tuple[int, int]]:
    """Clause offsets in text order; a piece shorter than `min_words` joins the one before it
    (or after it, at the start), so that no piece is a lone word."""
    pieces: list[tuple[int, int]] = []
    start = 0
    for mark in [*_BREAK.finditer(text), None]:
        end = mark.start() if mark else len(text)
        s, e = _trimmed(text, start, end)
        if e > s:
            pieces.append((s, e))
        start = mark.end() if mark else start
    merged: list[tuple[int, int]] = []
    for s, e in pieces:
        if merged and (
            word_count(text[s:e]) < min_words or word_count(text[slice(*merged[-1])]) < min_words
        ):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def runs(text: str, n: int, min_words: int) -> list[tuple[int, int]]:
    """Offsets of `n` runs of consecutive words of near-equal length covering the text, for a
    sentence without clause marks; none for a text of fewer than `min_words` words."""
    words = list(_WORD.finditer(text))
    if len(words) < max(min_words, n):
        return []
    bounds = [round(k * len(words) / n) for k in range(n + 1)]
    return [_trimmed(text, words[a].start(), words[b - 1].end()) for a, b in pairwise(bounds)]


def without(text: str, start: int, end: int) -> str:
    """The text with [start, end) cut out and the seam tidied: a bracket pair or a doubled comma
    or dash left behind goes, and a text that now starts mid-sentence gets a capital."""
    before, after = text[:start], text[end:]
    left = len(before) - len(before.rstrip(_SEAM_LEFT))
    right = len(after) - len(after.lstrip(_SEAM_RIGHT))
    seam = (before[len(before) - left :] + after[:right]).split()
    before, after = before[: len(before) - left], after[right:]
    if "(" in "".join(seam) and ")" in "".join(seam):
        seam = []
    if not before:
        return after[:1].upper() + after[1:]
    if not after or after[0] in ".!?…":
        return before + after
    marks = [m for m in "".join(seam) if m not in "()"]
    if not marks:
        return before + " " + after
    return before + (f"{marks[0]} " if marks[0] in ",;:" else f" {marks[0]} ") + after
