"""The layout of law texts from adilet.zan.kz: broken lines rejoined, editorial apparatus marked.

Texts copied from the site put every hyperlinked reference on a line of its own ("от 16.01.2026 ",
"№ 259-VIII", " (вводится ..."), so one sentence spans several lines with no blank line between;
paragraphs are separated by blank lines. Around the law the site adds apparatus: notes
("Примечание ИЗПИ!" / "ЗҚАИ-ның ескертпесі!" over the paragraph they annotate, "Сноска. ..." /
"Ескерту. ..." after an article), a table of contents and notices to users. Apparatus is kept,
as blocks of its own kind, so that it is never compared with the law itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

from compare.lang.rules import (
    ANNOUNCED_AMENDMENTS,
    CONTENTS_HEADINGS,
    ENTRY_INTO_FORCE,
    NOTE_HEADERS,
    NOTE_OPENERS,
    NOTE_PHRASES,
    SITE_LINKS,
)
from compare.readers.base import Block, normalize_space
from compare.readers.structure import (
    APPARATUS,
    CONTENTS,
    SENTENCE_ENDS,
    numbering,
    opens_division,
)

# Markdown mirrors of the site wrap notes in quotes and emphasis: "> *Ескерту. ...*".
_DECORATION = " \t>*_#"
# The longest line a wrapped title of a division runs onto in a table of contents.
_TITLE_LINE = 160
# The most words a paragraph that continues a division's title holds (the site sets some
# titles one word to a paragraph).
_TITLE_WORDS = 4
_NOTE_WORD = re.compile(rf"(?:{'|'.join(NOTE_OPENERS)})\s*[.:]", re.IGNORECASE)
_NOTE_PHRASE = re.compile("|".join(NOTE_PHRASES), re.IGNORECASE)
_ANNOUNCED = re.compile("|".join(ANNOUNCED_AMENDMENTS), re.IGNORECASE)
# An editorial footnote cites the amending act by its number or date; a note of the law itself
# ("Ескерту. Осы бапта арнайы іс-шаралар деп ... түсініледі.") does not.
_CITES_ACT = re.compile(r"№|\bN\s*\d|\b(?:19|20)\d{2}\b")
# A paragraph that is only when an amendment comes into force, in brackets.
_IN_FORCE = re.compile(rf"\((?=[^()]*(?:{'|'.join(ENTRY_INTO_FORCE)}))[^()]*\)\s*[.;]?\s*$")
_HEADERS = frozenset(header.rstrip("!") for header in NOTE_HEADERS)
# A citation of an act broken by a blank line between its date and its number ("... ҚР
# 01.04.2021" / "№ 26-VII (01.01.2021 бастап ...)").
_ENDS_WITH_DATE = re.compile(r"\b(?:\d{1,2}\.\d{1,2}\.\d{4}|\d{4}\.\d{1,2}\.\d{1,2})\.?\s*$")
_ACT_NUMBER = re.compile(r"\s*(?:№|N\s?\d)")
_WORD = re.compile(r"\w+")


def _bare(line: str) -> str:
    return normalize_space(line.strip(_DECORATION)).casefold()


def heads_note(line: str) -> bool:
    """A line such as "Примечание ИЗПИ!" that heads a note on the paragraph after it."""
    return _bare(line).rstrip("!") in _HEADERS


def _site_line(line: str) -> bool:
    """ "СОДЕРЖАНИЕ", "ПРЕСС-РЕЛИЗ": links of the site that stand for its own pages."""
    return _bare(line) in CONTENTS_HEADINGS or _bare(line) in SITE_LINKS


def opens_note(text: str) -> bool:
    """A paragraph such as "Сноска. Статья 3 - в редакции Закона РК от ..." that notes
    amendments (citing the amending act), or a note the site writes without such a word ("По
    всему тексту слова ... заменены ...")."""
    # Any white space first, no-break spaces included (some pages indent with them).
    bare = text.lstrip().lstrip(_DECORATION)
    word = _NOTE_WORD.match(bare)
    if word:  # "Сноска. По всему тексту Кодекса:" cites the acts in the list after it, and
        # "Ескерту. (активтерін)", ... деген сөздер алып тасталды;" opens such a list itself
        rest = bare[word.end() :].lstrip()
        return _CITES_ACT.search(bare) is not None or _NOTE_PHRASE.search(rest) is not None
    return _NOTE_PHRASE.match(bare) is not None


def announces_amendment(text: str) -> bool:
    """A note ("Примечание ИЗПИ! Статья 5 предусматривается в редакции Закона РК от ...")
    that announces an amendment still to come: the text it stands in does not have it yet.
    The site sets such a note before the part it announces, so it stands in the part before."""
    return _ANNOUNCED.match(text.lstrip().lstrip(_DECORATION)) is not None


def note_kind(text: str) -> str:
    """What a piece of apparatus is: "footnote" ("Сноска. ..."), "contents" (the contents or
    another site link) or "note" (under a note header, or a notice)."""
    if opens_note(text):
        return "footnote"
    return "contents" if _site_line(text) else "note"


def is_adilet_layout(lines: Sequence[str]) -> bool:
    """Whether plain-text lines come from the site: a note header, or a footnote and an article."""
    if any(heads_note(line) for line in lines):
        return True
    return any(opens_note(line) for line in lines) and any(opens_division(x) for x in lines)


def adilet_blocks(lines: Sequence[str]) -> list[Block] | None:
    """Blocks of a plain text in the site's layout, or None when the text is not in it.

    Lines run on until a blank line; a division heading or a note header starts a block of its
    own, and a note header or a site link ends one. Division headings ("Статья 5. Требования
    ...") are labelled "heading", as the HTML and Markdown readers label theirs.
    """
    if not is_adilet_layout(lines):
        return None
    paragraphs = _paragraphs(lines, _inner_words(lines))
    blocks = [Block(normalize_space(text)) for text in _rejoined(paragraphs)]
    return [replace(b, label="heading") if opens_division(b.text) else b for b in blocks]


def _inner_words(lines: Sequence[str]) -> frozenset[str]:
    """The words the text writes whole: those inside a line, not at either end of it, where a
    link may have cut one ("требо" / "вания"), lower-cased."""
    return frozenset(w.casefold() for line in lines for w in _WORD.findall(line)[1:-1])


def _paragraphs(lines: Sequence[str], words: frozenset[str]) -> Iterator[str]:
    text = ""
    for line in lines:
        stands_alone = heads_note(line) or _site_line(line)
        if text and (not line.strip() or stands_alone or opens_division(line)):
            yield text
            text = ""
        if line.strip():
            text = _run_on(text, line, words)
            if stands_alone:
                yield text
                text = ""
    if text:
        yield text


def _rejoined(paragraphs: Iterator[str]) -> list[str]:
    """Paragraphs with a bracketed entry into force ("(вводится в действие ...).") that the
    site set off by a blank line joined to the note or point it ends, the number of a cited
    act ("№ 26-VII ...") to the paragraph that ends with the act's date, the words of a
    division's title that the site set one to a paragraph to the heading they continue, and
    the rest of a bracket that a blank line broke ("д) (алып" / "тасталды)")."""
    out: list[str] = []
    for text in paragraphs:
        ends = _IN_FORCE.match(text.strip()) or (
            out and _ACT_NUMBER.match(text) and _ENDS_WITH_DATE.search(out[-1])
        )
        previous = out[-1] if out else ""
        ends = ends and not opens_division(previous)
        joins = ends or _continues_heading(previous, text) or _closes_bracket(previous, text)
        if previous and joins:
            out[-1] = f"{out[-1].rstrip()} {text.strip()}"
        else:
            out.append(text)
    return out


def _closes_bracket(text: str, after: str) -> bool:
    """Whether `after` closes a bracket that `text` leaves open with no sentence end ("д) (алып"
    / "тасталды)", "(жалпы орта білім беруді, техникалық және" / "кәсіптік білім беруді);"):
    one paragraph that a blank line broke, not a numbered part of its own."""
    head = text.rstrip()
    opened = head.rfind("(") > head.rfind(")") and not head.endswith(SENTENCE_ENDS)
    close, reopen = after.find(")"), after.find("(")
    closes = close >= 0 and (reopen < 0 or close < reopen)
    return opened and closes and numbering(after) is None and not opens_note(after)


def _continues_heading(heading: str, text: str) -> bool:
    """Whether `text` is a few words of the title of `heading`, set off by a blank line
    ("52-4-бап. Ислам банкінің" / "жарғысына" / "қойылатын" ...): the heading has no sentence
    end after its title, and the words stand at the margin, where the law's own paragraphs
    are indented, with no sentence end, note or heading of their own."""
    title = heading.strip()
    found = numbering(title)
    if not opens_division(title) or found is None:
        return False
    ended = title.endswith(SENTENCE_ENDS) and len(title) > found[2] + 1
    words = text.strip()
    return not (
        ended
        or text[:1].isspace()
        or not words
        or len(words.split()) > _TITLE_WORDS
        or words.endswith(SENTENCE_ENDS)
        or opens_division(text)
        or heads_note(text)
        or opens_note(text)
        or _site_line(text)
    )


def _run_on(text: str, line: str, words: frozenset[str]) -> str:
    """A line joined to the text before it as the site shows them: the spaces around a link are
    in the lines themselves; only two words that touch ("ОГРАНИЧЕННОЙ", "ОТВЕТСТВЕННОСТЬЮ" of a
    long heading) get one between them, unless they are the pieces of one word a link cut
    ("требо" / "вания"): the text writes the joined word whole (`words`), neither piece."""
    touching = text[-1:].isalnum() and line[:1].isalnum()
    return f"{text} {line}" if touching and not _cut_word(text, line, words) else text + line


def _cut_word(text: str, line: str, words: frozenset[str]) -> bool:
    """Whether the last word of `text` and the first of `line` are pieces of one word."""
    left, right = _WORD.findall(text)[-1].casefold(), _WORD.findall(line)[0].casefold()
    return left + right in words and left not in words and right not in words


def mark_apparatus(blocks: Sequence[Block]) -> list[Block]:
    """Blocks with editorial apparatus marked as kind "apparatus" (the entries of a table of
    contents also labelled "contents"); a note header and the paragraph it heads become one
    block, so that one note is one passage."""
    out: list[Block] = []
    contents = _contents_entries(blocks)
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if heads_note(block.text) and i + 1 < len(blocks) and _annotatable(blocks[i + 1]):
            text = f"{block.text} {blocks[i + 1].text}"
            out.append(replace(block, text=text, kind=APPARATUS))
            i += 2
            continue
        if i in contents:
            block = replace(block, kind=APPARATUS, label=CONTENTS)
        elif (
            heads_note(block.text)
            or opens_note(block.text)
            or _site_line(block.text)
            or (out and _goes_on(out[-1], block))
        ):
            block = replace(block, kind=APPARATUS)
        out.append(block)
        i += 1
    return out


def _goes_on(note: Block, block: Block) -> bool:
    """Whether `block` goes on with the apparatus before it: an entry of the list a note opens
    or continues ("Ескерту. Бүкіл мәтін бойынша:" / ""..." деген сөздер ... ауыстырылсын;"),
    which is not numbered as the law is, or punctuation that a link left on a line of its own
    (the "." after "ОГЛАВЛЕНИЕ")."""
    if note.kind != APPARATUS:
        return False
    listed = note.text.rstrip().endswith((":", ";")) and numbering(block.text) is None
    return listed or not any(c.isalnum() for c in block.text)


def _annotatable(block: Block) -> bool:
    """A block that can be a note's text: not a heading, a footnote ("Сноска. ..."), another
    note header or a site link."""
    text = block.text
    footnote = _NOTE_WORD.match(text.lstrip().lstrip(_DECORATION)) is not None
    return not (opens_division(text) or heads_note(text) or _site_line(text) or footnote)


def _contents_entries(blocks: Sequence[Block]) -> set[int]:
    """Indices of the entries of tables of contents: the division headings after
    "СОДЕРЖАНИЕ", or at the very start of a text (Markdown mirrors of the site open with the
    contents, unheaded), when the first of them comes again as the law's own heading."""
    starts = [i + 1 for i, b in enumerate(blocks) if _bare(b.text) in CONTENTS_HEADINGS]
    return {i for start in [0, *starts] for i in _contents_run(blocks, start)}


def _contents_run(blocks: Sequence[Block], start: int) -> range:
    """The entries of a table of contents that begins at `start`: division headings and the
    lines their long titles wrap onto, up to the last heading or lower-case wrapped line
    before the first entry comes again; empty when no contents begins there."""
    if start >= len(blocks) or not opens_division(blocks[start].text):
        return range(0)
    first = _bare(blocks[start].text)
    again = next((k for k in range(start + 1, len(blocks)) if _bare(blocks[k].text) == first), 0)
    end = start
    for k in range(start, again):
        text = blocks[k].text
        if opens_division(text) or (
            _wrapped_title(text) and text.lstrip(_DECORATION)[:1].islower()
        ):
            end = k + 1
        elif not _wrapped_title(text):
            break
    return range(start, end)


def _wrapped_title(text: str) -> bool:
    """A line that can continue a heading wrapped in a table of contents ("области миграции
    населения", "РЕСПУБЛИКИ КАЗАХСТАН."): short, capitals or no sentence end, no note."""
    ends = text.rstrip().endswith(SENTENCE_ENDS)
    return (
        len(text) <= _TITLE_LINE
        and (text.isupper() or not ends)
        and not (heads_note(text) or opens_note(text) or _site_line(text))
    )
