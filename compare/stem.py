"""Find a term in kk/ru/en text whatever its inflection.

Russian and English words are reduced by the Snowball stemmers (snowballstemmer). No usable
Kazakh stemmer installs from PyPI (kazstem needs an HFST toolchain and resources built outside
pip), so Kazakh words go through a compact suffix stripper: derivational -дағы, case, possessive,
plural, then a verb's endings (participles, converbs, verbal nouns, the finite present), its
negation and voice, each slot stripped at most once, outermost first; every form of a verb's
tense ends on one form of its root ("белгіленген", "белгілеген", "белгілеу" → "белгілеу";
"белгіленеді", "белгілейтін" → "белгілейтін"), so the lexicon sees one word where it saw several.
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
# Snowball cuts a Russian short passive participle ("установлено", "установлены") before its
# -ен, a full one ("установленных") after it; the short one gets its -ен back, so both are one
# stem (and a noun in -ена, "замена", meets "замену").
_RU_SHORT_PARTICIPLE = frozenset(("ен", "ена", "ено", "ены"))
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
    )
)
# Verb endings, after the noun slots: participles (which take the noun endings: "белгіленгеніне"),
# converbs and verbal nouns; the negated forms ("ұсынбау", "кешіктірмей") keep their root. The
# finite present ("айқындалады", "береді") ends a word, and so does, in a law, the participle in
# -атын ("айқындайтын"), whose -н would pass for an accusative: both are read before the noun
# slots.
_KK_NEGATED = ("мау", "меу", "бау", "беу", "пау", "пеу", "май", "мей", "бай", "бей", "пай", "пей")
_KK_VERBAL = ("ған", "ген", "қан", "кен", *_KK_NEGATED, "ып", "іп", "у")  # longest first
_KK_FINITE = ("атын", "етін", "йтын", "йтін", "ады", "еді", "йды", "йді")
_KK_NEGATION = ("ма", "ме", "ба", "бе", "па", "пе")
# Passive and reflexive voice, stripped only from a verb (a noun keeps its "-ыл": "ауыл", "қызыл"):
# -ыл/-іл after a consonant ("берілген"), -ын/-ін after л ("бөлінген"), -л after a vowel
# ("жасалған"), -н after -ла/-ле ("белгіленген"); so "ұсынылған" meets "ұсынған".
_KK_VOICE = ("ыл", "іл", "ын", "ін", "л", "н")
# -дай/-дей also makes words of likeness ("жағдай", situation; "сондай", such), whose accusative
# looks like a verb's present ("жағдайды" as "айқындайды"): -йды/-йді comes off a verb stem in
# -ла/-ле/-да/-де/-та/-те/-са/-се/-ра/-ре/-ке/-ге of four letters or more, or a negated one,
# other than these.
_KK_VERBALIZERS = ("ла", "ле", "да", "де", "та", "те", "са", "се", "ра", "ре", "ке", "ге")
_KK_LIKENESS = frozenset(("жағда", "онда", "сонда", "мұнда", "осында", "қанда", "бірде"))
_KK_MIN_VERB = 3  # a stem in a vowel keeps three letters before a negation or a verb ending
# Frequent nouns whose end looks like an ending, kept whole: in -ып/-іп like a converb
# ("тәртібі", "айыбы": their -п voices, a converb's does not; "айып", a fine, is no "ай", a
# month), "тұлға" (person), whose -ға looks like a dative, and nouns in -лы/-лі whose
# possessive is -сы (see _KK_BEFORE_YS).
_KK_ROOTS = frozenset(("тәртіп", "кәсіп", "айып", "тақырып", "тұлға", "қаулы", "желі"))
# Before -ы/-і, these letters end nouns in -ыс/-іс ("жиналыс", "жұмыс", "кіріс", "байланыс"),
# whose possessive -ы would otherwise pass for a -сы after a stem in -ы ("басшы-сы").
_KK_BEFORE_YS = frozenset("лнрубм")
# Last letters of noun stems in -ат/-ет that no Kazakh verb root ends in (see _kk_noun_in_at).
_KK_NOT_VERB_FINAL = frozenset("мджхикпбф")
_KK_LOAN_LETTERS = frozenset("вфцчщэюя")  # letters of Russian loans, in no Kazakh verb root
_KK_MIN_VOWEL_VERB = 4  # "жаса-л", "төле-н"; "бөл", "кел", "бол" keep their л

_KK_VOWELS = frozenset("аәеёиоөуұүыіэюя")
_KK_BACK_VOWELS = frozenset("аоуұыя")
_KK_NASALS = "мнң"
# Endings in н- follow only some letters: the possessive -ы/-і ("көші-қон-ы-на"), a vowel, or
# a nasal ("көші-қон-ның"); so "Қазақстанда" is "Қазақстан-да", not "Қазақста-нда". The
# possessive -сы/-сі follows a vowel only: "ресурс-ы", not "ресур-сы".
_KK_AFTER = {
    **dict.fromkeys(("ндағы", "ндегі", "на", "не", "нда", "нде", "н"), "ыі"),
    **dict.fromkeys(("нан", "нен"), "ыі" + _KK_NASALS),
    **dict.fromkeys(("ның", "нің"), "".join(_KK_VOWELS) + _KK_NASALS),
    **dict.fromkeys(("ны", "ні", "сы", "сі"), "".join(_KK_VOWELS)),
}
# Endings in т-, қ-, к-, п- follow a voiceless consonant only ("кітап-ты", but "саясат-ы", not
# "саяса-ты"); the accusative and genitive in д-/т- follow a consonant only.
_KK_VOICELESS = frozenset("пткқсшфхцчщ")
_KK_AFTER_CONSONANT = frozenset(("ды", "ді", "ты", "ті", "дың", "дің", "тың", "тің"))
# A final қ, к, п voices to ғ, г, б between vowels: "біліктілік" → "біліктілігі", "есеп" →
# "есебі"; the stem gets the voiceless form back.
_KK_VOICED = {"ғ": "қ", "г": "к", "б": "п"}
_KK_VOICING = {voiceless: voiced for voiced, voiceless in _KK_VOICED.items()}
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


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a text, with the forms it may match by (slotted: a long law has a hundred
    thousand of them)."""

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


def _normalise(word: str, lang: str) -> str:
    """A word lower-cased, its look-alike letters read as its script's."""
    word = word.lower().replace("’", "'").replace("ё", "е")
    if _CYRILLIC.search(word):
        word = word.translate(_LOOKALIKES.get(lang, _LOOKALIKES["ru"]))
    return word


def _kk_strips(word: str, ending: str) -> bool:
    """Whether `ending` may come off `word`, leaving a stem of at least two letters."""
    if not word.endswith(ending):
        return False
    rest = word[: -len(ending)]
    if len(rest) < _KK_MIN_STEM or _KK_VOWELS.isdisjoint(rest):
        return False
    if word in _KK_ROOTS:
        return False
    if ending in ("ны", "ні") and rest.endswith(("ға", "ге", "қа", "ке")) and rest not in _KK_ROOTS:
        return False  # a participle's possessive: "бұзған-ы", not "бұзға-ны"
    if (
        ending in ("сы", "сі")
        and rest[-1] in "ыі"
        and rest[-2] in _KK_BEFORE_YS
        and rest not in _KK_ROOTS
    ):
        return False  # a noun in -ыс/-іс: "жиналыс-ы", "жұмыс-ы", not "жиналы-сы"
    if ending[0] in "тқкп" and rest[-1] not in _KK_VOICELESS:
        return False
    if ending in _KK_AFTER_CONSONANT and rest[-1] in _KK_VOWELS - _KK_GLIDES:
        return False
    if ending == _KK_VERBAL_NOUN and rest[-1] in _KK_VOWELS:
        return False  # a verbal noun of a vowel stem is a word of its own: "атау", not "ата"
    return ending not in _KK_AFTER or rest[-1] in _KK_AFTER[ending]


def _kk_verb_strips(word: str, ending: str) -> bool:
    """Whether a verb ending (participle, converb, verbal noun, finite present) may come off."""
    if not _kk_strips(word, ending):
        return False
    rest = word[: -len(ending)]
    if ending in ("ған", "ген"):
        return rest[-1] not in _KK_VOICELESS  # after a voiceless consonant it is -қан/-кен
    if ending[0] in "мбп":
        return _kk_negation_strips(rest, ending[0])
    if ending in ("ып", "іп"):
        return rest[-1] not in _KK_VOWELS
    if ending in ("атын", "етін"):
        return rest[-1] not in _KK_VOWELS and not _kk_noun_in_at(rest)
    if ending in ("ады", "еді"):
        return rest[-1] not in _KK_VOWELS
    if ending in ("йды", "йді"):
        negated = rest.endswith(_KK_NEGATION) and len(rest) >= _KK_MIN_VERB + 1
        verb = rest.endswith(_KK_VERBALIZERS) and len(rest) >= _KK_MIN_VOWEL_VERB
        verb = verb and rest not in _KK_LIKENESS
        return negated or verb
    if ending in ("йтын", "йтін"):
        return rest[-1] in _KK_VOWELS
    return True


def _kk_negation_strips(rest: str, letter: str) -> bool:
    """Whether a negation in `letter` (м, б, п) may follow `rest`: -ма after a vowel or a
    sonorant, -ба after a voiced consonant, -па after a voiceless one; a root of two letters
    before it ends in a consonant ("ал-ма", "ет-пе"; "қамау", arrest, is no "қа-ма-у")."""
    if len(rest) < _KK_MIN_STEM or (len(rest) < _KK_MIN_VERB and rest[-1] in _KK_VOWELS):
        return False
    if letter == "п":
        return rest[-1] in _KK_VOICELESS
    if letter == "б":
        return rest[-1] in "зжлмнң"
    return rest[-1] not in _KK_VOICELESS


def _kk_noun_in_at(rest: str) -> bool:
    """Whether `rest` + "атын"/"етін" is rather a noun in -ат/-ет with its possessive and
    accusative ("қызмет-і-н", "құжат-ы-н", "саясат-ы-н"): such loans end their stem in a letter
    no Kazakh verb root ends in, or in -с after a consonant, or hold a letter of loans only."""
    if rest[-1] in _KK_NOT_VERB_FINAL or _KK_LOAN_LETTERS.intersection(rest):
        return True
    return rest[-1] == "с" and rest[-2] not in _KK_VOWELS


def _kk_voice_strips(word: str, ending: str) -> bool:
    """Whether a negation or voice suffix may come off a verb stem (see _KK_VOICE)."""
    if not word.endswith(ending):
        return False
    rest = word[: -len(ending)]
    if len(rest) < _KK_MIN_VERB - 1:
        return False
    if ending in _KK_NEGATION:
        return _kk_negation_strips(rest, ending[0])
    if ending in ("ыл", "іл"):
        return rest[-1] not in _KK_VOWELS
    if ending in ("ын", "ін"):
        return rest[-1] == "л"
    if ending == "л":
        return rest[-1] in _KK_VOWELS and len(rest) >= _KK_MIN_VOWEL_VERB
    return rest.endswith(("ла", "ле")) and len(rest) >= _KK_MIN_VOWEL_VERB  # "н"


def _kk_verb_root(stem: str, present: bool) -> str:
    """One form for a verb's root whatever ending of its tense it had: a vowel stem with its
    verbal noun's -у ("белгіле" → "белгілеу", as "белгілеу" itself, and not the noun "қала" for
    "қалаған"), a final қ/к/п voiced as before a vowel ("шыққан" → "шығ", as "шығу"). The
    present (`present`: "белгілейді", "белгіленеді", "белгілейтін") is its own form, the
    participle in -атын ("белгілейтін"), as Russian keeps its imperfective ("устанавливает",
    "устанавливающий") apart from its perfective and its noun ("установленный", "установление")."""
    if present:
        back = next((c in _KK_BACK_VOWELS for c in reversed(stem) if c in _KK_VOWELS), True)
        if stem[-1] in _KK_VOWELS:
            return stem + ("йтын" if back else "йтін")
        return stem + ("атын" if back else "етін")
    if stem[-1] in _KK_VOWELS:
        return stem + _KK_VERBAL_NOUN
    return stem[:-1] + _KK_VOICING.get(stem[-1], stem[-1])


def _kk_forms(word: str) -> list[str]:
    """The word and each form left after stripping one more slot's ending; a final consonant
    voiced before a vowel ending ("біліктілігі") gets its own form back ("біліктілік"); a verb
    form ends on its root's one form (_kk_verb_root)."""
    forms = [word]
    finite = next((e for e in _KK_FINITE if _kk_verb_strips(word, e)), None)
    if finite:
        word = word[: -len(finite)]
        forms.append(word)
    else:
        inner = ""
        for endings in _KK_SLOTS:
            for ending in endings:
                if not _kk_strips(word, ending):
                    continue
                word, inner = word[: -len(ending)], ending
                forms.append(word)
                break
        voiced = word[-1] in _KK_VOICED and word[-2:-1] in _KK_VOWELS
        if inner[:1] in _KK_VOWELS and voiced:
            word = word[:-1] + _KK_VOICED[word[-1]]
            forms.append(word)
        verbal = next((e for e in _KK_VERBAL if _kk_verb_strips(word, e)), None)
        if verbal is None:
            return forms
        word = word[: -len(verbal)]
        forms.append(word)
    for endings in (_KK_NEGATION, _KK_VOICE, _KK_VOICE):  # "пайдалан-ыл-ған": voice twice
        ending = next((e for e in endings if _kk_voice_strips(word, e)), None)
        if ending:
            word = word[: -len(ending)]
            forms.append(word)
    root = _kk_verb_root(word, present=bool(finite))
    if root != word:
        forms.append(root)
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
    if stemmer is None:
        return (word,)
    stemmed = stemmer.stemWord(word)
    if lang == "ru" and word[len(stemmed) :] in _RU_SHORT_PARTICIPLE:
        stemmed = word[: len(stemmed) + 2]  # "установлено" as "установленных": "установлен"
    return (word, stemmed)


@lru_cache(maxsize=65536)
def _read(word: str, lang: str) -> tuple[str, frozenset[str], str]:
    """A word as written, read: its normalised form, its forms and its stem. A law says its
    words thousands of times: each spelling is read once."""
    normal = _normalise(word, lang)
    forms = _forms(normal, lang)
    return normal, frozenset(forms), forms[-1]


def stem(word: str, lang: str) -> str:
    """The stem of one word in `lang` ("kk", "ru", "en"; others are only lower-cased)."""
    return _read(word, lang)[2]


def word_spans(text: str) -> list[tuple[int, int]]:
    """The [start, end) offsets of the words of `text` (the words `tokens` reads)."""
    return [match.span() for match in _WORD.finditer(text)]


@lru_cache(maxsize=16384)
def tokens(text: str, lang: str) -> tuple[Token, ...]:
    """The words of `text` with their offsets and stems; cached for as many texts as a long law
    has, since the lexicon and the word checks each read every unit in turn."""
    return tuple(Token(*match.span(), *_read(match[0], lang)) for match in _WORD.finditer(text))


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
