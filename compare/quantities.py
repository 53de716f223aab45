"""Numbers, years, percentages, dates and times in kk, ru and en text, normalised for comparison.

Translators write one quantity in many ways ("1,997" / "1 997", "30 November" / "30 ноября" /
"30 желтоқсандағы", "3 p.m." / "15:00", "£2.8bn" / "2,8 млрд"); a drift check must compare what
is meant, not the characters. `extract` finds each quantity and gives it a value that is equal
across languages when the meaning is. Ranges ("2007–2015") are split into their two ends, so
they also match "с 2007 по 2015 год". DOIs, URLs, e-mail addresses, handles, identifiers glued
to letters ("MP3") and list labels at the start of a line ("1.", "2.1.", "[3]") are structure,
not content, and are not extracted. Written-out numbers ("two", "екі", "восьмой") and month names
alone that are also common words ("May", "маусым" = season, "қазан" = cauldron) come back marked
`weak`: they may confirm a quantity of another language but are too ambiguous ("one", "бір" are
often just "a") to be flagged on their own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache

from compare.lang.numerals import (
    AMBIGUOUS_MONTHS,
    CENTURY_WORD,
    CURRENCY_SCALES,
    CYR,
    KK_SUFFIX,
    MONTH_NAMES_EN,
    MONTHS,
    NOT_NUMBERS,
    ORDINALS,
    PERCENT,
    RU_ORDINAL_ENDINGS,
    SCALES,
    SPELLED,
    YEAR_MARK,
)
from compare.lang.rules import KNOWN_LANGS
from compare.units import label, unit_after

Value = Decimal | int | tuple[int | None, ...]


@dataclass(frozen=True)
class Quantity:
    """One quantity in a text: what it is, its normalised value, and where it stands.

    value by kind: number, percent: Decimal; year, decade, century: int (a decade written with
    two digits, "30-е годы", keeps two); date: (year, month, day) with None for parts not
    written; time: (hour 0-23, minute); code: the parts of a dotted number such as "2.1.3".
    """

    kind: str  # number, percent, year, decade, century, date, time or code
    value: Value
    start: int
    end: int
    surface: str
    confidence: float = 0.9  # how sure the reading is
    alt: Value | None = None  # the other reading of an ambiguous form ("1,997": 1997 or 1.997)
    weak: bool = False  # may confirm a quantity elsewhere, too ambiguous to flag on its own
    unit: str | None = None  # a unit of measure written after it, as pint names it ("mile")

    def readings(self) -> tuple[Value, ...]:
        """The value and, for an ambiguous form, its other reading."""
        return (self.value,) if self.alt is None else (self.value, self.alt)


_LETTER = r"[^\W\d_]"
_SPACE = "[ \u00a0\u2009\u202f]"  # group separators: space, no-break space, thin spaces


@cache
def _spelled_values(lang: str) -> dict[str, int]:
    """Word form -> value: ordinals 1..10, then groups of forms for 1..12, tens, 100 and 1000."""
    values = [*range(1, 13), 20, 30, 40, 50, 60, 70, 80, 90, 100, 1000]
    endings = RU_ORDINAL_ENDINGS if lang == "ru" else [""]
    ordinals = {
        form + ending: value
        for group, value in zip(ORDINALS[lang].split(), range(1, 11), strict=True)
        for form in group.split("|")
        for ending in endings
    }
    return ordinals | {
        form.replace("_", " "): value
        for group, value in zip(SPELLED[lang].split(), values, strict=True)
        for form in group.split("|")
    }


# ---- masking of what is not content ----------------------------------------------------------

_WEB = (
    r"(?:https?://|www\.)\S+"  # URL
    r"|\b(?:doi:\s*)?10\.\d{4,9}/\S+"  # DOI
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail
    r"|@\w+"  # handle
)
_LIST_LABEL = (
    r"(?m:^[ \t]*(?:[-–—•*][ \t]*)?"  # list label at a line start, maybe after a bullet
    r"(?:\[\d{1,3}\]|\(\d{1,3}\)|\d{1,3}(?:\.\d{1,3})*[.)]|[IVXLC]{1,5}\.)(?=\s))"
)
_NOT_CONTENT = re.compile(f"{_WEB}|{_LIST_LABEL}", re.IGNORECASE)
_LIST_LABELS = re.compile(_LIST_LABEL, re.IGNORECASE)
# What each stretch of _WEB holds: a text without any has list labels alone to mask, and the
# e-mail pattern, tried at every character, is what makes masking slow (most texts have none).
_WEB_MARK = re.compile(r"https?://|www\.|10\.|@", re.IGNORECASE)


def _mask(text: str) -> str:
    """The text with non-content stretches blanked out; offsets stay those of the text."""
    pattern = _NOT_CONTENT if _WEB_MARK.search(text) else _LIST_LABELS
    return pattern.sub(lambda m: " " * len(m[0]), text)


# ---- rules -----------------------------------------------------------------------------------


def _alternation(words: Iterable[str]) -> str:
    """A regex for any of the (non-empty, lower-case) words, the longest that fits first so
    that the longest form wins. It is their trie, led by a look-ahead for their first letters:
    a position no word starts with is passed over in one test, and at one that does each
    letter is tested once, not once per word (the Russian number words are 250)."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    firsts = "".join(map(re.escape, sorted(trie)))
    return f"(?=[{firsts}]){_trie_pattern(trie)}"


def _trie_pattern(node: dict[str, dict]) -> str:
    """The regex of a trie's node: its longer words (one branch per next letter) before the
    word that ends at it, if one does."""
    branches = [re.escape(char) + _trie_pattern(child) for char, child in node.items() if char]
    if not branches:
        return ""
    body = f"(?:{'|'.join(branches)})"
    return f"{body}?" if "" in node else body


@cache
def _month_pattern(lang: str, suffix: str | None = None) -> str:
    """A month word in any of its forms; group "stem" is the key into the language's table."""
    suffix = {"kk": KK_SUFFIX, "ru": "", "en": r"\.?"}[lang] if suffix is None else suffix
    return rf"(?<!{_LETTER})(?P<mon>(?P<stem>{_alternation(MONTHS[lang])}){suffix})(?!{_LETTER})"


def _month_number(match: re.Match[str], lang: str) -> int | None:
    """The month a matched month word names; None for en names not capitalised ("may")."""
    if lang == "en" and not match["stem"][0].isupper():
        return None
    return MONTHS[lang][match["stem"].lower()]


def _day(digits: str) -> str:
    """A day of `digits`, with its ending ("30th", "31-і")."""
    return rf"(?P<d>{digits})(?:st|nd|rd|th|-{CYR}{{1,4}})?"


_DAY = _day(r"[0-3]?\d")
# A number right before a month name is its day even when no month has it ("85 желтоқсанына"
# mistyped for "25"); after a month name only a day that can be one is read ("May 45 people").
_DAY_BEFORE = _day(r"\d{1,2}")
_FIRST_DAY = r"(?:(?P<d0>[0-3]?\d)\s*[-–—]\s*)?"  # the first day of "12–14 ноября"


@cache
def _date_patterns(lang: str) -> tuple[re.Pattern[str], ...]:
    """Month-name date patterns, longest first; all share the groups y, d0, d and mon."""
    month = _month_pattern(lang)
    year = rf"(?P<y>[12]\d{{3}})(?:\s*{YEAR_MARK[lang]})?"
    patterns = [
        # kk year first: "2022 жылғы 30 желтоқсандағы", "2005 жылдың 30 мамырында"
        rf"(?P<y>[12]\d{{3}})\s*(?:-?ж\.|жылғы|жылдың|жылы)\s+(?:{_FIRST_DAY}{_DAY_BEFORE}\s+)?"
        rf"{month}",
        # "30 декабря", "31-желтоқсанда" (a Kazakh day may be joined to its month by a hyphen)
        rf"(?<![\d.,]){_FIRST_DAY}{_DAY_BEFORE}(?:\s+|-)(?:of\s+)?{month}(?:,?\s+{year})?",
        rf"{month}\s+{year}",
        month,
    ]
    if lang == "en":  # "November 30, 2022", "Nov. 30"
        patterns.insert(2, rf"{month}\s+{_DAY}(?!\d)(?:,?\s+{year})?")
    if lang == "kk":  # "қазанның 5-і": the day after a month in the genitive
        genitive = _month_pattern(lang, "(?:ның|нің|дың|дің|тың|тің)")
        patterns.insert(2, rf"{genitive}\s+{_DAY}(?!\d)")
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


def _valid_date(month: int, day: int | None) -> bool:
    return 1 <= month <= 12 and (day is None or 1 <= day <= 31)


@cache
def _month_starts(lang: str) -> re.Pattern[str]:
    """The first five letters of any month word, at a word's start. Every date pattern has a
    month word there, so a text without one has no named date; the few beginnings are found
    much faster than all the forms (213 in Russian)."""
    starts = _alternation({form[:5] for form in MONTHS[lang]})
    return re.compile(rf"(?<!{_LETTER}){starts}", re.IGNORECASE)


def _named_dates(text: str, lang: str) -> Iterator[list[Quantity]]:
    """Dates with a month name; a day range ("12–14 ноября") gives one date per day."""
    if not _month_starts(lang).search(text):
        return
    for pattern in _date_patterns(lang):
        for m in pattern.finditer(text):
            month = _month_number(m, lang)
            groups = m.groupdict()
            year = int(groups["y"]) if groups.get("y") else None
            days = [int(d) for d in (groups.get("d0"), groups.get("d")) if d]
            before = bool(groups.get("d")) and m.start("d") < m.start("mon")
            if month is None or not (before or all(_valid_date(month, d) for d in days)):
                continue
            alone = not days and year is None
            weak = alone and m["stem"].lower() in AMBIGUOUS_MONTHS[lang]
            confidence = round(0.7 + 0.1 * (year is not None) + 0.15 * bool(days), 2)
            yield [
                Quantity(
                    "date", (year, month, day), m.start(), m.end(), m[0], confidence, weak=weak
                )
                for day in days or [None]
            ]


_NUMERIC_DATES = (
    re.compile(r"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>[12]\d{3})(?![\d.]\d)"),
    re.compile(r"(?<![\d-])(?P<y>[12]\d{3})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d-])"),
    # Year first with dots, as Kazakh law texts write amendment dates: "2009.12.30".
    re.compile(r"(?<![\d.])(?P<y>[12]\d{3})\.(?P<m>[01]\d)\.(?P<d>[0-3]\d)(?![\d.]\d)"),
    re.compile(r"(?<![\d/])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>[12]\d{3})(?![\d/])"),
)


def _numeric_dates(text: str, lang: str) -> Iterator[list[Quantity]]:
    """Dates in digits; "08/12/2021" is month first in en, day first otherwise."""
    for pattern in _NUMERIC_DATES:
        for m in pattern.finditer(text):
            groups = m.groupdict()
            if "a" in groups:
                first, second = int(m["a"]), int(m["b"])
                month, day = (first, second) if lang == "en" else (second, first)
            else:
                month, day = int(m["m"]), int(m["d"])
            if not _valid_date(month, day):
                continue
            year = int(m["y"])
            alt = (year, day, month) if "a" in groups and day <= 12 and day != month else None
            yield [Quantity("date", (year, month, day), m.start(), m.end(), m[0], 0.9, alt)]


_AM_PM = r"\s*(?P<ap>[ap])\.?\s?m\b\.?"
_TIMES = (
    re.compile(rf"(?<![\d.:,])(?P<h>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d){_AM_PM}", re.IGNORECASE),
    re.compile(r"(?<![\d.:,])(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?![\d:])"),
    re.compile(rf"(?<![\d.:,])(?P<h>1[0-2]|0?[1-9]){_AM_PM}", re.IGNORECASE),
)


def _times(text: str, lang: str) -> Iterator[list[Quantity]]:
    """Clock times ("15:00", "07:55-те", "7.55am", "3 p.m.") on a 24-hour clock."""
    for pattern in _TIMES:
        for m in pattern.finditer(text):
            hour = int(m["h"])
            if m.groupdict().get("ap"):
                hour = hour % 12 + (12 if m["ap"].lower() == "p" else 0)
            minute = int(m["mi"]) if m.groupdict().get("mi") else 0
            yield [Quantity("time", (hour, minute), m.start(), m.end(), m[0], 0.85)]


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_CYRILLIC_ROMAN = str.maketrans("ХІ", "XI")
_CENTURIES = re.compile(
    rf"(?<!{_LETTER})(?:(?P<r>[IVXLХІ]{{1,6}})|(?P<n>\d{{1,2}})(?:-?(?:st|nd|rd|th))?)"
    rf"(?:-?{CYR}{{1,5}})?\s*{CENTURY_WORD}"
)


def _roman(numeral: str) -> int:
    values = [_ROMAN[c] for c in numeral.translate(_CYRILLIC_ROMAN)]
    return sum(-v if v < nxt else v for v, nxt in zip(values, [*values[1:], 0], strict=True))


def _centuries(text: str, lang: str) -> Iterator[list[Quantity]]:
    """Centuries in Roman numerals, Latin or Cyrillic ("ХХІ ғасыр"), or digits ("19-м веке")."""
    for m in _CENTURIES.finditer(text):
        value = _roman(m["r"]) if m["r"] else int(m["n"])
        if 1 <= value <= 30:
            yield [Quantity("century", value, m.start(), m.end(), m[0], 0.9)]


_NUMBER = (
    rf"\d{{1,3}}(?:{_SPACE}\d{{3}})+(?:,\d+)?(?!\d)"  # "1 997", "10 000,5"
    r"|\d+(?:[.,]\d+)*"
)
# Kazakh joins a pair with "мен/бен/пен" ("2 мен 4 дюйм" = "2 to 4 inches").
_RANGE_JOIN = r"\s*(?:[-–—]|\bto\b|\bдо\b|\bпо\b|\b[мбп]ен\b)\s*"
# Not inside a word or a decimal ("x,5", "1,5"), but after a list item's bracket: "1),7)".
_NUMBERS = re.compile(
    rf"(?P<between>\bbetween\s+)?(?<!\w)(?<!\w,)(?<!\d\.)(?P<cur>[$£€₸]\s?)?(?P<a>{_NUMBER})"
    rf"(?:(?:{_RANGE_JOIN}|(?(between)\s+and\s+|(?!)))(?P<b>{_NUMBER}))?"
)
_DECADE = {
    "en": re.compile(r"'?s(?!\w)"),
    "ru": re.compile(r"-?(?:е|х|ые|ых)(?!\w)"),
    "kk": re.compile(r"(?!)"),
}


@dataclass(frozen=True)
class _Tail:
    """A word after a number that sets its kind: "%", "млрд", "года", "s" of "1930s"."""

    kind: str
    end: int
    factor: int = 1
    confidence: float = 0.9

    def convert(self, value: Decimal) -> Decimal | int:
        if self.kind in ("year", "decade"):
            return int(value)
        return value * self.factor


@cache
def _tail_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Percent sign or word, scale word, year mark: what may follow a number in `lang`."""
    scales = "|".join(f"(?P<s{i}>{p})" for i, p in enumerate(SCALES))
    return (
        re.compile(rf"\s*{PERCENT}", re.IGNORECASE),
        re.compile(rf"\s?-?(?:{scales})(?!{_LETTER})", re.IGNORECASE),
        re.compile(rf"\s*{YEAR_MARK[lang]}", re.IGNORECASE),
    )


_CURRENCY_SCALE = re.compile(r"[kKmM](?!\w)")


def _tail(value: Decimal, text: str, end: int, lang: str, currency: bool) -> _Tail | None:
    """The kind-setting word after a number ending at `end`, if there is one."""
    percent, scale, year_mark = _tail_patterns(lang)
    if m := percent.match(text, end):
        return _Tail("percent", m.end(), confidence=0.95)
    if m := scale.match(text, end):
        factor = next(f for i, f in enumerate(SCALES.values()) if m[f"s{i}"])
        return _Tail("number", m.end(), factor)
    if currency and (m := _CURRENCY_SCALE.match(text, end)):
        return _Tail("number", m.end(), CURRENCY_SCALES[m[0].lower()], 0.8)
    if value != value.to_integral_value():
        return None
    if value >= 100 and (m := year_mark.match(text, end)):
        return _Tail("year", m.end(), confidence=0.95)
    if value % 10 == 0 and (m := _DECADE[lang].match(text, end)):
        return _Tail("decade", m.end(), confidence=0.8)
    return None


def _parse_number(surface: str, lang: str) -> tuple[Decimal | tuple[int, ...], Decimal | None]:
    """Value and other reading of a digit string in the language's convention.

    A single separator before exactly three digits ("1,997", "1.997") is ambiguous between
    thousands and decimals: the language's usual reading comes first. Several dots or commas
    that are not thousands groups ("2.1.3") make a code, returned as a tuple of its parts.
    """
    digits = re.sub(_SPACE, "", surface)
    seps = re.findall(r"[.,]", digits)
    parts = re.split(r"[.,]", digits)
    if not seps:
        return Decimal(digits), None
    if len(set(seps)) == 2:  # "1,234.5" / "1.234,5": the last separator is the decimal one
        whole, frac = digits.rsplit(seps[-1], 1)
        return Decimal(re.sub(r"[.,]", "", whole) + "." + frac), None
    if len(seps) > 1:
        if all(len(p) == 3 for p in parts[1:]) and len(parts[0]) <= 3:
            return Decimal("".join(parts)), None
        return tuple(int(p) for p in parts), None
    whole, frac = parts
    as_decimal = Decimal(f"{whole}.{frac}")
    if len(frac) != 3 or len(whole) > 3 or whole.startswith("0") or surface != digits:
        return as_decimal, None
    as_thousands = Decimal(whole + frac)
    if lang == "en" and seps[0] == ",":
        return as_thousands, as_decimal
    return as_decimal, as_thousands


def _plain(value: Decimal, surface: str) -> tuple[str, Decimal | int, float]:
    """A number with no telling word after it: four plain digits from 1000 to 2100 are a year."""
    if surface.isdigit() and len(surface) == 4 and 1000 <= value <= 2100:
        return "year", int(value), 0.8
    return "number", value, 0.85


def _numbers(text: str, lang: str) -> Iterator[list[Quantity]]:
    """Numbers, percentages, years and decades, alone or as the two ends of a range.

    The word after a range is about both ends: "2017-2021 гг." are two years, "10–15%" two
    percentages. The span of the last end includes that word.
    """
    for m in _NUMBERS.finditer(text):
        names = [name for name in ("a", "b") if m[name]]
        parsed = [(name, *_parse_number(m[name], lang)) for name in names]
        codes = [(name, value) for name, value, _ in parsed if isinstance(value, tuple)]
        if codes:
            yield [Quantity("code", v, m.start(n), m.end(n), m[n], 0.7) for n, v in codes]
            continue
        tail = _tail(parsed[-1][1], text, m.end(), lang, bool(m["cur"]))
        unit = None
        if not m["cur"] and (tail is None or tail.kind == "number"):
            unit = unit_after(text, tail.end if tail else m.end(), lang)
        found = []
        for name, value, alt in parsed:
            start, end = m.start(name), m.end(name)
            if unit and tail is None:  # "1500 km" is a distance, not a year
                kind, confidence = "number", 0.85
            elif tail is None:
                kind, value, confidence = _plain(value, m[name])
            else:
                kind, value, confidence = tail.kind, tail.convert(value), tail.confidence
                alt = None if alt is None else tail.convert(alt)
                end = tail.end if name == names[-1] else end
            if alt is not None:
                confidence = min(confidence, 0.6)
            found.append(
                Quantity(kind, value, start, end, text[start:end], confidence, alt, unit=unit)
            )
        yield found


@cache
def _spelled_patterns(lang: str) -> tuple[re.Pattern[str], ...]:
    """Compound numbers first ("forty-eight", "сорока восьми", "қырық сегіз"), then single words."""
    values = _spelled_values(lang)
    tens = _alternation(word for word, value in values.items() if 20 <= value <= 90)
    units = _alternation(word for word, value in values.items() if value < 10)
    suffix = KK_SUFFIX if lang == "kk" else ""  # "бірі", "екіге", "үшеуі"
    end = rf"{suffix}(?!{_LETTER})"
    return (
        re.compile(rf"(?<!{_LETTER})(?P<t>{tens})[\s-]+(?P<u>{units}){end}", re.IGNORECASE),
        re.compile(rf"(?<!{_LETTER})(?P<u>{_alternation(values)}){end}", re.IGNORECASE),
    )


def _spelled(text: str, lang: str) -> Iterator[list[Quantity]]:
    """Written-out numbers, with a percent or scale word after them ("three per cent")."""
    values = _spelled_values(lang)
    for pattern in _spelled_patterns(lang):
        for m in pattern.finditer(text):
            if m[0].lower() in NOT_NUMBERS.get(lang, ()):
                continue
            words = [m[name].lower() for name in ("t", "u") if m.groupdict().get(name)]
            number = Decimal(sum(values[word] for word in words))
            tail = _tail(number, text, m.end(), lang, currency=False)
            kind, end = "number", m.end()
            if tail is not None and tail.kind in ("percent", "number"):
                kind, number, end = tail.kind, tail.convert(number), tail.end
            yield [Quantity(kind, number, m.start(), end, text[m.start() : end], 0.5, weak=True)]


# ---- extraction ------------------------------------------------------------------------------

Rule = Callable[[str, str], Iterator[list[Quantity]]]
# What every quantity a rule reads holds: a digit; a year for a date in digits; an hour's digit
# before its minutes or before "a.m."/"p.m." for a time.
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"[12]\d{3}")
_CLOCK = re.compile(r"\d[:.]\d|\d\s*[ap]", re.IGNORECASE)


def _where(mark: re.Pattern[str], rule: Rule) -> Rule:
    """The rule, run only on a text where `mark` finds what each quantity it reads holds: most
    units of a law hold no digit (law_on_banks: 4,395 of 6,405 passages) and most of the rest
    no year or time, where the rule's patterns would be tried at every character."""

    def guarded(text: str, lang: str) -> Iterator[list[Quantity]]:
        return rule(text, lang) if mark.search(text) else iter(())

    return guarded


# The rules that read dates; they come first, so no later rule takes a date's stretch.
_DATE_RULES: tuple[Rule, ...] = (_named_dates, _where(_YEAR, _numeric_dates))
# Most specific first: a stretch taken by an earlier rule is not read again by a later one.
_RULES: tuple[Rule, ...] = (
    *_DATE_RULES,
    _where(_CLOCK, _times),
    _centuries,
    _where(_DIGIT, _numbers),
    _spelled,
)


def extract(text: str, lang: str) -> list[Quantity]:
    """The quantities of `text` written in `lang` ("kk", "ru" or "en"), in text order."""
    return _extract(text, lang, _RULES)


def extract_dates(text: str, lang: str) -> list[Quantity]:
    """The dates `extract` finds in `text`, read by its date rules alone (a long note citing
    many laws has many numbers besides)."""
    return _extract(text, lang, _DATE_RULES)


def _extract(text: str, lang: str, rules: tuple[Rule, ...]) -> list[Quantity]:
    if lang not in KNOWN_LANGS:
        raise ValueError(f"no quantity rules for language {lang!r}; expected one of {KNOWN_LANGS}")
    masked = _mask(text)
    taken: list[tuple[int, int]] = []
    found: list[Quantity] = []
    for rule in rules:
        for group in rule(masked, lang):
            if any(q.start < end and start < q.end for q in group for start, end in taken):
                continue
            taken.extend((q.start, q.end) for q in group)
            found.extend(replace(q, surface=text[q.start : q.end]) for q in group)
    return sorted(found, key=lambda q: (q.start, q.end))


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _plain_number(value: Decimal) -> str:
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return format(value.normalize(), "f")


def describe(q: Quantity) -> str:
    """The value in plain English, for messages: "30 November 2022", "15%", "the 1930s"."""
    if q.kind == "date":
        year, month, day = q.value
        parts = [str(day) if day else "", MONTH_NAMES_EN[month - 1], str(year) if year else ""]
        return " ".join(p for p in parts if p)
    if q.kind == "time":
        return "{:02d}:{:02d}".format(*q.value)
    if q.kind == "century":
        return f"the {_ordinal(q.value)} century"
    if q.kind == "decade":
        return f"the {q.value}s" if q.value >= 100 else f"the '{q.value:02d}s"
    if q.kind == "code":
        return ".".join(map(str, q.value))
    if q.kind == "percent":
        return f"{_plain_number(q.value)}%"
    if q.kind == "year":
        return str(q.value)
    return _plain_number(q.value) + (f" {label(q.unit)}" if q.unit else "")
