"""Split kk/ru/en text into sentences and legal-text clauses, so that they can be aligned.

A compact rule set rather than pysbd: pysbd's Kazakh mode splits after the year mark
("2022 ж. | өте ...") and its Russian mode after "ст." ("См. ст. | 5"). A break needs a terminal
mark, optional closing quotes or brackets, white space, and a next word that does not start
in lower case; then abbreviations, initials and clause numbers veto it. Decimals, dates, URLs,
DOIs and e-mails never split, as their periods are not followed by white space.
"""

from __future__ import annotations

import re
from functools import cache

from compare.lang.rules import NEVER_FINAL_ABBREVIATIONS, YEAR_ABBREVIATIONS

# A numbered clause or list item: "1. ", "2.1. ", "1) ", "а) ".
_CLAUSE = r"(?:\d+(?:\.\d+)*\.|\d+\)|[^\W\d_]\))\s"
# Hard breaks: a blank line, a line that starts a clause, a clause after ";" or ":".
_HARD_BREAK = re.compile(rf"\n\s*\n|\n\s*(?={_CLAUSE})|(?<=[;:])\s+(?={_CLAUSE})")
_CANDIDATE = re.compile(r"([.!?…]+)[\"'»”’)\]]*\s+")
_OPENERS = "\"'«“„‘([—–- "
_LAST_WORDS = re.compile(r"(\S+)\s+(\S+)$|(\S+)$")
_INITIALS = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]")
_NUMBER = re.compile(r"\d+(?:[.,-]\d+)*")  # "3.5", "2.1", "3-1"
_BREAKS = re.compile(r"\s*[^\S ]\s*")
# A date that cites an act, its number next: "ҚР 2009.07.17. N 188-IV Заңымен", "Законом РК от
# 10.01.2006 г. N 116" (the period after the date or its year mark is not a sentence end).
_DATE_END = re.compile(r"\d{1,4}\.\d{1,2}\.\d{1,4}(?:\s*г)?$")
_ACT_NUMBER = re.compile(
    r"(?:№|N\s?\d)"
)  # a white-space run with a line break, tab or special space


def tidy_space(text: str) -> str:
    """Line breaks, tabs and special spaces become one space; spaces typed inside a line stay
    (a double space is the author's, for the spacing check to find)."""
    return _BREAKS.sub(" ", text).strip()


@cache
def _abbreviations(lang: str) -> frozenset[str]:
    """The language's list plus the English one, or all lists for a language without one."""
    if lang in NEVER_FINAL_ABBREVIATIONS:
        return NEVER_FINAL_ABBREVIATIONS[lang] | NEVER_FINAL_ABBREVIATIONS["en"]
    return frozenset().union(*NEVER_FINAL_ABBREVIATIONS.values())


def _matches(word: str, abbreviations: frozenset[str]) -> bool:
    """Lower-case entries match in any case; entries with capitals ("No") match exactly."""
    return word in abbreviations or word.lower() in abbreviations


def _may_end_sentence(before: str, lang: str) -> bool:
    """Whether the period closing `before` (a sentence so far) can end it, given a capital next."""
    found = _LAST_WORDS.search(before)
    if not found:
        return False
    previous, word = (found[1] or ""), (found[2] or found[3]).lstrip(_OPENERS)
    pair = f"{previous.lstrip(_OPENERS)} {word}"
    if word.isupper() and _INITIALS.fullmatch(word):
        return False  # initials: "Л.Н. Гумилев", "J. R. R. Tolkien"
    if _NUMBER.fullmatch(word) and not previous:
        return False  # clause number: "1. Общие положения"
    if word.lower() in YEAR_ABBREVIATIONS:
        return bool(_NUMBER.fullmatch(previous))  # "2022 г." may end; "г. Астана" does not
    abbreviations = _abbreviations(lang)
    return not (_matches(word, abbreviations) or _matches(pair, abbreviations))


def _sentences(block: str, lang: str) -> list[str]:
    text = tidy_space(block)
    sentences: list[str] = []
    start = 0
    for match in _CANDIDATE.finditer(text):
        rest = text[match.end() :].lstrip(_OPENERS)
        if not rest or rest[0].islower():
            continue
        before = text[start : match.start(1)]
        if match[1] == "." and not _may_end_sentence(before, lang):
            continue
        if match[1] == "." and _DATE_END.search(before) and _ACT_NUMBER.match(rest):
            continue
        sentences.append(text[start : match.end()].strip())
        start = match.end()
    sentences.append(text[start:].strip())
    return [s for s in sentences if s]


def split_sentences(text: str, lang: str) -> list[str]:
    """Sentences and numbered clauses of `text`, line breaks inside each made one space.

    `lang` ("kk", "ru", "en") picks the abbreviation list; any other value uses all lists.
    Single line breaks are taken as wrapped lines (as in PDF extracts), not as breaks.
    """
    return [s for block in _HARD_BREAK.split(text) for s in _sentences(block, lang)]
