"""Legal structure as block labels: "section 3, paragraph 2.1, sub-point 1)".

Policy documents (adilet.zan.kz saves them as HTML, DOCX or PDF) number their parts: headed
divisions ("Раздел 3", "3-бөлім", "Глава 2", "5-бап", "Section 3"), numbered points ("1.",
"2.1."), sub-points ("1)", "а)"). A block that opens with one of these sets that level and
clears the deeper ones; a block without a number continues the last one. So every block
carries the full path, and a finding can say where it is. Texts are left as they are.
"""

from __future__ import annotations

import re
from dataclasses import replace

from compare.lang.rules import LEGAL_DIVISIONS as _DIVISIONS
from compare.readers.base import Block

# Arabic ("8-1" inserted later), or Roman in capitals; Kazakh texts often write Roman "II" with
# the Cyrillic letter "І" (U+0406), read as the Latin one.
_NUMBER = r"(\d+(?:-\d+)*|(?-i:[IVXLCІ]+))"
_CYRILLIC_I = str.maketrans("І", "I")
# A point ("1.", "2.1.", "2.1") opens a sentence, so a capital follows; "1.5 million" is no point.
_POINTS = (
    (
        "paragraph",
        # "9. - 10. Исключены ...": a range of repealed points is read as its first.
        re.compile(
            r"(\d{1,3}(?:-\d{1,3})?(?:\.\d{1,3})*\.|\d{1,3}(?:\.\d{1,3})+)(?=\s+[«\"(\w]|\s+[-–]\s*\d)"
        ),
    ),
    # The site sometimes leaves out the space after a sub-point's number: "2)военных действий".
    ("sub-point", re.compile(r"(\d{1,3}(?:-\d{1,3})?\))(?=\s|[^\W\d_])")),
    ("item", re.compile(r"([а-яәғқңөұүһіa-z](?:-\d{1,3})?\))(?=\s)")),
)
# (Kazakh texts may write "Ә" as the Latin "Ə") ... or a bracket or the word of a repealed
# point, which keeps its number: "2. (исключен - от 7 мая 2007 года № 244)", "3. исключен
# Законом РК ...", "4. алып тасталды - ҚР ...", a Kazakh year or number with its ending
# ("9. 2013 жылғы 1 қаңтарға дейін ...", "1. 1-сыныпқа оқуға ..."), a list of the numbers of
# other points, which Kazakh puts first ("14. 1, 3, 4-1 және 11-1-тармақтарды қоспағанда, ..."),
# or the end of a range of repealed points ("9. - 10. Исключены ...").
_CAPITAL = re.compile(
    r"\s+(?:\(|[«\"]?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІƏ]|исключ|ал(?:ын)?ып\s+тасталды|\d{4}\s+жыл"
    r"|\d{1,4}-[а-яәғқңөұүһі]|\d{1,3}(?:-\d{1,3})*(?:,|\s+және)\s+\d"
    r"|[-–]\s*\d{1,3}(?:-\d{1,3})?[.)])"
)
LEVELS = tuple(name for name, _ in _DIVISIONS) + tuple(name for name, _ in _POINTS)
_DIVISION_LEVELS = frozenset(name for name, _ in _DIVISIONS)
APPARATUS = "apparatus"  # the kind of block that editorial notes, contents and notices are
CONTENTS = "contents"  # the label of an entry of a table of contents (apparatus)
_HEADING_LABEL = "heading"  # the readers' own label, which the corpus turns into a heading
_TITLE_WORDS = 15  # the most words an article's title written as a paragraph is read to have
SENTENCE_ENDS = (".", ";", ":", "!", "?")


def _division_patterns() -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for level, words in _DIVISIONS:
        # Kazakh pages often type the Latin "i" for "і" ("1 Бөлiм").
        alternatives = "|".join(re.escape(w).replace("і", "[іi]") for w in words)
        before = rf"(?:{alternatives})\s*{_NUMBER}\b"
        after = rf"{_NUMBER}\s*-?\s*(?:{alternatives})\b"
        out.append((level, re.compile(rf"(?:{before}|{after})", re.IGNORECASE)))
    return out


_DIVISION_PATTERNS = _division_patterns()


def numbering(text: str) -> tuple[str, str, int] | None:
    """The level, number and length of the legal numbering that opens `text`, if any."""
    stripped = text.lstrip()
    offset = len(text) - len(stripped)
    for level, pattern in _DIVISION_PATTERNS:
        match = pattern.match(stripped)
        if match:
            number = next(g for g in match.groups() if g).translate(_CYRILLIC_I)
            return level, number, offset + match.end()
    for level, pattern in _POINTS:
        match = pattern.match(stripped)
        if match and (level != "paragraph" or _CAPITAL.match(stripped, match.end())):
            return level, match[1].rstrip("."), offset + match.end()
    return None


def strip_numbering(text: str) -> str:
    """The text without the numbering that opens it ("2.1. Text" -> "Text")."""
    found = numbering(text)
    return text[found[2] :].lstrip(" .:-–—\t") if found else text


# A repealed part keeps its number and says so: "3. исключен Законом РК ...", "4) алып
# тасталды – ҚР ...", "Статья 20. (Исключена Законом РК ...)", "Статья 9. Число участников ...
# (Статья 9 исключена - Законом РК ...)"; so does a part whose time ran out: "4) действовал
# до 01.01.2026 в соответствии с Законом РК ...", "4) 01.01.2026 дейін қолданыста болды – ҚР ...".
_REPEALED = re.compile(
    r"(?:\d{1,3}(?:-\d{1,3})?[.)]\s*)?"  # the end of a range: "7) - 7-2) исключены ..."
    r"(?:\(?\s*(?:исключен|ал(?:ын)?ып\s+тасталды|действовал\w*\s+(?:с\s+\S+\s+)?до\s+\d"
    r"|[\d.]+\s+дейін\s+қолданыста\s+болды)|.*\([^()]*\b(?:исключен|алып\s+тасталды))",
    re.IGNORECASE,
)


def repealed(text: str) -> bool:
    """Whether a numbered part says only that it was repealed (the amending act cited)."""
    return _REPEALED.match(strip_numbering(text)) is not None


def opens_division(line: str) -> bool:
    """Whether a line heads a division as adilet.zan.kz writes it: "Статья 8-1.", "5-бап.",
    "Глава II." (a capital or a number first, a period after), not a reference ("статьи 14")."""
    found = numbering(line)
    if not found or found[0] not in _DIVISION_LEVELS:
        return False
    stripped = line.lstrip()
    return not stripped[:1].islower() and line[found[2] : found[2] + 1] == "."


def heading_of(text: str) -> tuple[str, str] | None:
    """The level and number of the division `text` heads when it is only that heading: a
    division's word and number and a short title with no sentence inside ("14-бап. Осы Заңды
    қолданысқа енгізу тәртібі" -> ("article", "14"))."""
    found = numbering(text)
    if found is None or not opens_division(text):
        return None
    title = text[found[2] :].strip().lstrip(".").strip().rstrip(".")
    if any(mark in title for mark in SENTENCE_ENDS) or len(title.split()) > _TITLE_WORDS:
        return None
    return found[0], found[1]


def division_of(path: str | None) -> str | None:
    """The divisions of a structural path, without its points: "chapter 1, article 3" of
    "chapter 1, article 3, paragraph 2, sub-point 4)"."""
    parts = [part for part in (path or "").split(", ") if part.split(" ")[0] in _DIVISION_LEVELS]
    return ", ".join(parts) or None


def label_blocks(blocks: list[Block]) -> list[Block]:
    """Blocks labelled with their place in the legal structure; headings keep their label.

    Every block also gets that place as its `path`, headings included. Editorial apparatus
    (a note opening "2) тармақшаға ...") takes the place it stands in without changing it. An
    article's heading written without its word ("18-1. Уәкілетті органның құзыреті") is read
    as that article's heading.
    """
    path: dict[str, str] = {}
    out = []
    for block in blocks:
        found = None if block.kind == APPARATUS else numbering(block.text)
        if found:
            level, number, _ = found
            if level == "paragraph" and _untitled_article(block.text, number, path):
                level, block = "article", replace(block, label=_HEADING_LABEL)
            depth = LEVELS.index(level)
            path = {k: v for k, v in path.items() if LEVELS.index(k) < depth}
            path[level] = number
        label = ", ".join(f"{level} {number}" for level, number in path.items()) or None
        keep = block.label == _HEADING_LABEL or block.kind == APPARATUS or not label
        out.append(replace(block, path=label) if keep else replace(block, label=label, path=label))
    return out


def _untitled_article(text: str, number: str, path: dict[str, str]) -> bool:
    """Whether a "paragraph" is the heading of the next article written without its word
    ("18-1. Уәкілетті органның құзыреті" after article 18): a short title (no sentence end,
    not a repealed point) numbered as the next article would be, and not as the next
    paragraph of its article would be."""
    article, paragraph = path.get("article"), path.get("paragraph")
    if not article or number not in _following(article):
        return False
    if paragraph and number in _following(paragraph):
        return False
    title = not text.rstrip().endswith(SENTENCE_ENDS)
    return title and len(text.split()) <= _TITLE_WORDS and not repealed(text)


def _following(number: str) -> set[str]:
    """The numbers the next part after `number` may have: "18" -> 19, 18-1; "112-3" -> 112-4,
    113, 112-3-1."""
    if not re.fullmatch(r"\d+(?:-\d+)*", number):
        return set()
    parts = number.split("-")
    out = {str(int(parts[0]) + 1), f"{number}-1"}
    if len(parts) > 1:
        out.add("-".join([*parts[:-1], str(int(parts[-1]) + 1)]))
    return out
