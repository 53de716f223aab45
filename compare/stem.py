"""Find a term in kk/ru/en text whatever its inflection.

Russian and English words are reduced by the Snowball stemmers (snowballstemmer). No usable
Kazakh stemmer installs from PyPI (kazstem needs an HFST toolchain and resources built outside
pip), so Kazakh words go through a compact suffix stripper: derivational -дағы, case, possessive,
plural and the verbal-noun/converb endings, each slot stripped at most once, outermost first.
A word keeps all its intermediate forms, so "Қазақстан" (whose "-тан" looks like an ablative)
still meets "Қазақстанда". Latin letters typed for their Cyrillic look-alikes inside a Cyrillic
word are read as those. rapidfuzz catches what stemming misses: typos, other mixed Latin/Cyrillic
letters, and, in loose matching, derived words and Kazakh cognates of Russian terms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

import snowballstemmer
from rapidfuzz import fuzz

# Letters, with an inner apostrophe ("country's"); hyphens split compounds into parts, so
# "көші-қон" and "көші қон" match alike.
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_CYRILLIC = re.compile(r"[а-яёәғқңөұүһі]", re.IGNORECASE)
_SNOWBALL = {"ru": "russian", "en": "english"}
# Latin letters typed for the Cyrillic ones they look like, read as those inside a word that has
# Cyrillic letters ("Yкiметi", "pecуpc"): Kazakh texts typed with old fonts or extracted from
# PDFs put a Latin "i" for "і" and a "Y" for "Ү".
_LOOKALIKE_LATIN, _LOOKALIKE_CYRILLIC = "aceopxkmtb", "асеорхкмтв"
_LOOKALIKES = {
    "ru": str.maketrans(_LOOKALIKE_LATIN + "y", _LOOKALIKE_CYRILLIC + "у"),
    "kk": str.maketrans(_LOOKALIKE_LATIN + "yi", _LOOKALIKE_CYRILLIC + "үі"),
}

# Kazakh endings by slot, outermost first; each slot strips its longest matching ending once.
_KK_CASES = " ".join(
    (
        "ның нің дың дің тың тің",  # genitive
        "ға ге қа ке на не",  # dative
        "ны ні ды ді ты ті н",  # accusative
        "нда нде да де та те",  # locative
        "дан ден тан тен нан нен",  # ablative
        "мен бен пен",  # instrumental
    )
)
_KK_SLOTS: tuple[tuple[str, ...], ...] = tuple(
    tuple(sorted(endings.split(), key=len, reverse=True))
    for endings in (
        "ндағы ндегі дағы дегі тағы тегі",  # "the one in/at"
        _KK_CASES,
        "сы сі ы і",  # possessive, third person
        "лар лер дар дер тар тер",  # plural
        "ып іп у",  # converb, verbal noun: "ағып" and "ағуы" share "ағ"
    )
)
_KK_VOWELS = frozenset("аәеёиоөуұүыіэюя")
_KK_NASALS = "мнң"
# Endings in н- follow only some letters: the possessive -ы/-і ("көші-қон-ы-на"), a vowel, or
# a nasal ("көші-қон-ның"); so "Қазақстанда" is "Қазақстан-да", not "Қазақста-нда".
_KK_AFTER = {
    **dict.fromkeys(("ндағы", "ндегі", "на", "не", "нда", "нде", "н"), "ыі"),
    **dict.fromkeys(("нан", "нен"), "ыі" + _KK_NASALS),
    **dict.fromkeys(("ның", "нің"), "".join(_KK_VOWELS) + _KK_NASALS),
    **dict.fromkeys(("ны", "ні"), "".join(_KK_VOWELS)),
}
# Endings in т-, қ-, к-, п- follow a voiceless consonant only ("кітап-ты", but "саясат-ы", not
# "саяса-ты"); the accusative and genitive in д-/т- follow a consonant only.
_KK_VOICELESS = frozenset("пткқсшфхцчщ")
_KK_AFTER_CONSONANT = frozenset(("ды", "ді", "ты", "ті", "дың", "дің", "тың", "тің"))
# A final қ, к, п voices to ғ, г, б between vowels: "біліктілік" → "біліктілігі", "есеп" →
# "есебі"; the stem gets the voiceless form back.
_KK_VOICED = {"ғ": "қ", "г": "к", "б": "п"}
_KK_VERBAL_NOUN = "у"  # comes off a consonant stem only ("ағу" → "ағ"; "атау", name, stays)
_KK_GLIDES = frozenset("уи")  # end a word like consonants: "асыру-дың", "асыру-ды"
_KK_MIN_STEM = 2  # Kazakh roots of two letters are common: ел, ой, ақ

# rapidfuzz ratios (0..100): strict (words) catches typos, loose (words, stems) also variants.
_FUZZY_STRICT = 90
_FUZZY_LOOSE = 80
_FUZZY_MIN_LEN = 5
_TYPO_MIN_LEN = 8  # shorter words one letter apart are often other words: county, country
_PREFIX_MIN_LEN = 5  # shortest stem that may stand for its derived words ("миграц-ионной")

KINDS = ("exact", "stem", "derived", "fuzzy")  # how a match was made, surest first


@dataclass(frozen=True)
class Token:
    """One word of a text, with the forms it may match by."""

    start: int
    end: int
    word: str  # normalised surface form
    forms: frozenset[str]  # the word and its stems
    stem: str  # the most reduced form


@dataclass(frozen=True)
class TermMatch:
    """Where a term occurs in a text: [start, end) and how surely (a value of KINDS)."""

    start: int
    end: int
    kind: str


@lru_cache(maxsize=65536)
def _normalise(word: str, lang: str) -> str:
    """A word lower-cased, its look-alike letters read as its script's (words recur: cached)."""
    word = word.lower().replace("’", "'").replace("ё", "е")
    if _CYRILLIC.search(word):
        word = word.translate(_LOOKALIKES.get(lang, _LOOKALIKES["ru"]))
    return word


def _kk_strips(word: str, ending: str) -> bool:
    """Whether `ending` may come off `word`, leaving a stem of at least two letters."""
    rest = word[: -len(ending)]
    if not word.endswith(ending) or len(rest) < _KK_MIN_STEM or not _KK_VOWELS.intersection(rest):
        return False
    if ending[0] in "тқкп" and rest[-1] not in _KK_VOICELESS:
        return False
    if ending in _KK_AFTER_CONSONANT and rest[-1] in _KK_VOWELS - _KK_GLIDES:
        return False
    if ending == _KK_VERBAL_NOUN and rest[-1] in _KK_VOWELS:
        return False  # a verbal noun of a vowel stem is a word of its own: "атау", not "ата"
    return ending not in _KK_AFTER or rest[-1] in _KK_AFTER[ending]


def _kk_forms(word: str) -> list[str]:
    """The word and each form left after stripping one more slot's ending; a final consonant
    voiced before a vowel ending ("біліктілігі") gets its own form back last ("біліктілік")."""
    forms, inner = [word], ""
    for endings in _KK_SLOTS:
        for ending in endings:
            if not _kk_strips(word, ending):
                continue
            word, inner = word[: -len(ending)], ending
            forms.append(word)
            break
    noun = inner not in _KK_SLOTS[-1]  # verb roots keep their ғ: "ағ-у", "ағ-ып"
    if noun and inner[:1] in _KK_VOWELS and word[-1] in _KK_VOICED and word[-2:-1] in _KK_VOWELS:
        forms.append(word[:-1] + _KK_VOICED[word[-1]])
    return forms


@cache
def _snowball(lang: str) -> snowballstemmer.Stemmer | None:
    return snowballstemmer.stemmer(_SNOWBALL[lang]) if lang in _SNOWBALL else None


@lru_cache(maxsize=65536)
def _forms(word: str, lang: str) -> tuple[str, ...]:
    """Forms of a normalised word, least reduced first."""
    if lang == "kk":
        return tuple(_kk_forms(word))
    stemmer = _snowball(lang)
    return (word, stemmer.stemWord(word)) if stemmer else (word,)


def stem(word: str, lang: str) -> str:
    """The stem of one word in `lang` ("kk", "ru", "en"; others are only lower-cased)."""
    return _forms(_normalise(word, lang), lang)[-1]


@lru_cache(maxsize=16384)
def tokens(text: str, lang: str) -> tuple[Token, ...]:
    """The words of `text` with their offsets and stems; cached for as many texts as a long law
    has, since the lexicon and the word checks each read every unit in turn."""
    result = []
    for match in _WORD.finditer(text):
        word = _normalise(match[0], lang)
        forms = _forms(word, lang)
        result.append(Token(match.start(), match.end(), word, frozenset(forms), forms[-1]))
    return tuple(result)


def term_key(term: str, lang: str) -> tuple[str, ...]:
    """The stems of a term's words: equal keys name the same term in any inflection."""
    return tuple(token.stem for token in tokens(term, lang))


def _similar(a: Token, b: Token, *, loose: bool) -> bool:
    """Close spellings: strictly as whole words (a typo), loosely also as stems (a variant)."""
    if min(len(a.stem), len(b.stem)) < _FUZZY_MIN_LEN:
        return False
    if not loose:
        short = min(len(a.word), len(b.word)) < _TYPO_MIN_LEN
        return not short and fuzz.ratio(a.word, b.word) >= _FUZZY_STRICT
    return max(fuzz.ratio(a.word, b.word), fuzz.ratio(a.stem, b.stem)) >= _FUZZY_LOOSE


def _derived(a: Token, b: Token) -> bool:
    """One word's stem opens the other's: a derived word of the same root."""
    short, long = sorted((a.stem, b.stem), key=len)
    return len(short) >= _PREFIX_MIN_LEN and long.startswith(short)


def _word_kind(term: Token, word: Token, *, loose: bool, same_lang: bool) -> str | None:
    """How `word` matches one word of a term, or None."""
    if same_lang:
        if term.word == word.word:
            return "exact"
        shared = term.forms & word.forms
        if any(len(form) > _KK_MIN_STEM for form in shared) or (shared and word.word not in shared):
            return "stem"  # a bare two-letter word ("ой") is no form of a longer term ("ойын")
    if loose and _derived(term, word):
        return "derived"
    if _similar(term, word, loose=loose):
        return "fuzzy"
    return None


def find_term(
    term: str, text: str, lang: str, *, term_lang: str | None = None, loose: bool = False
) -> list[TermMatch]:
    """Every place in `text` (in `lang`) where `term` occurs, multi-word terms included.

    Strict matching (default) takes words that are equal, share a stem, or differ by a
    typo; `loose` also takes derived words and closer spelling variants. A `term_lang` other
    than `lang` looks for cognates: a Russian term written the Kazakh way, compared by spelling
    only. A multi-word match is as sure as its least sure word.
    """
    term_tokens = tokens(term, term_lang or lang)
    text_tokens = tokens(text, lang)
    same_lang = term_lang in (None, lang)
    size = len(term_tokens)
    matches: list[TermMatch] = []
    for i in range(len(text_tokens) - size + 1) if size else ():
        window = text_tokens[i : i + size]
        kinds = []
        for term_token, word in zip(term_tokens, window, strict=True):
            kind = _word_kind(term_token, word, loose=loose, same_lang=same_lang)
            if kind is None:
                break
            kinds.append(kind)
        else:
            matches.append(TermMatch(window[0].start, window[-1].end, max(kinds, key=KINDS.index)))
    return matches
