"""How kk, ru and en write quantities in words: month names and their inflections, year and
percent marks, scale words ("млн", "мың"), written-out numbers and ordinals. The patterns are
regular-expression fragments; compare.quantities builds its rules from them."""

from __future__ import annotations


def _words(text: str) -> list[str]:
    """Words of a white-space-separated list: long tables stay readable."""
    return text.split()


MONTH_NAMES_EN = _words(
    "January February March April May June July August September October November December"
)
EN_MONTHS = {name.lower(): i for i, name in enumerate(MONTH_NAMES_EN, 1)} | {
    abbr: i
    for i, abbrs in enumerate(
        ["jan", "feb", "mar", "apr", "", "jun", "jul", "aug", "sep sept", "oct", "nov", "dec"], 1
    )
    for abbr in abbrs.split()
}
_RU_SOFT, _RU_HARD = ("ь", "я", "е", "ю", "ём", "ем"), ("", "а", "е", "у", "ом")
RU_MONTHS = {
    stem + ending: i
    for i, stem in enumerate(
        _words("январ феврал март апрел ма июн июл август сентябр октябр ноябр декабр"), 1
    )
    for ending in (
        _RU_HARD
        if stem in ("март", "август")
        else ("й", "я", "е", "ю", "ем")
        if i == 5
        else _RU_SOFT
    )
}
# "июньский саммит", "ноябрьских выборов": adjectives of month names name the month too.
RU_ADJECTIVES = {
    stem + "ск" + ending: i
    for i, stem in enumerate(
        _words("январ феврал мартов апрель май июнь июль августов сентябрь октябрь ноябрь декабрь"),
        1,
    )
    for ending in _words("ий ого ому им ом ая ой ую ое ие их ими")
}
KK_MONTHS = {
    name: i
    for i, name in enumerate(
        _words(
            "қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан қараша желтоқсан"
        ),
        1,
    )
}
# Kazakh case and possessive endings a month name takes: "желтоқсандағы", "мамырында",
# "қарашасында", "қазанның". A closed list keeps "қарашаңырақ" and "маусымдық" out.
KK_SUFFIX = (
    r"(?:(?:сы|сі|ы|і)н?)?(?:дағы|дегі|тағы|тегі|нда|нде|да|де|та|те|ға|ге|қа|ке|на|не|дың|дің|"
    r"тың|тің|ның|нің|ың|ің|дан|ден|тан|тен|нан|нен|мен|бен|пен|а|е)?"
)
KK_MONTHS["қыркүйег"] = 9  # "қыркүйегінде": к becomes г before a vowel
MONTHS = {"en": EN_MONTHS, "ru": RU_MONTHS | RU_ADJECTIVES, "kk": KK_MONTHS}
# Month names that are also common words ("May", "Марта", "қазан" = cauldron, "маусым" =
# season): alone, without a day or a year, they are weak readings.
AMBIGUOUS_MONTHS = {
    "en": {"may", "march", "august", "mar", "jan", "jun", "jul", "aug", "sep", "oct", "nov", "dec"},
    "ru": {"март", "марта", "мая", "август", "августа"},
    "kk": {"қазан", "маусым"},
}
CYR = "[а-яёәғқңөұүһі]"  # a Cyrillic letter of Russian or Kazakh, for word endings
YEAR_MARK = {
    "kk": rf"(?:-?ж\.|-?жж\.|жыл{CYR}*)",
    "ru": rf"(?:гг?\.|год{CYR}*)",
    "en": r"(?!)",
}
PERCENT = (
    rf"-?(?:%|per\s?cent\b|percent(?:age\s+points?)?\b|pct\b|процент{CYR}*|проц\.|"
    rf"пайыз{CYR}*)"
)
SCALES = {
    rf"thousand|тыс\.?|тысяч{CYR}*|мың{CYR}*": 10**3,
    rf"million|mn|млн\.?|миллион{CYR}*": 10**6,
    rf"billion|bn|млрд\.?|миллиард{CYR}*": 10**9,
    rf"trillion|трлн\.?|триллион{CYR}*": 10**12,
}
CURRENCY_SCALES = {"k": 10**3, "m": 10**6}  # "£125m", "$50k": only after a currency sign
CENTURY_WORD = rf"(?:век{CYR}*|вв?\.|ғасыр{CYR}*|ғ\.|centur(?:y|ies)|vek[a-z]*)"
SPELLED = {
    "en": "one two three four five six seven eight nine ten eleven twelve twenty thirty forty "
    "fifty sixty seventy eighty ninety hundred thousand",
    "ru": "один|одна|одно|одного|одной|одному|одним|одном два|две|двух|двум|двумя|двое "
    "три|трёх|трех|трём|трем|тремя|трое четыре|четырёх|четырех|четырём|четырем|четырьмя|четверо "
    "пять|пяти|пятью|пятеро шесть|шести|шестью|шестеро семь|семи|семеро восемь|восьми "
    "девять|девяти десять|десяти|десятью одиннадцать|одиннадцати двенадцать|двенадцати "
    "двадцать|двадцати тридцать|тридцати сорок|сорока пятьдесят|пятидесяти шестьдесят "
    "семьдесят восемьдесят девяносто сто|ста тысяча|тысячи|тысячу",
    "kk": "бір екі|екеу үш|үшеу төрт|төртеу бес|бесеу алты|алтау жеті|жетеу сегіз|сегізеу "
    "тоғыз он|онау он_бір он_екі жиырма отыз қырық елу алпыс жетпіс сексен тоқсан жүз "
    "мың",
}
# Words that read as a number word with an ending but are other words: "оның" (its; ten's is
# "онның"), "оны" (it), "онда" and "ондағы" (there), "онымен" (with it), "үшін" (for), "бірге"
# (together), "жүзінде" and "жүзіндегі" ("іс жүзінде": in practice).
NOT_NUMBERS = {
    "kk": frozenset(
        {"оның", "оны", "онда", "ондағы", "онымен", "үшін", "бірге", "жүзінде", "жүзіндегі"}
    ),
}
# Ordinals 1..10 ("eighth year" / "восьмой год" / "8 жыл"); Russian as stems plus endings.
ORDINALS = {
    "en": "first second third fourth fifth sixth seventh eighth ninth tenth",
    "ru": "перв втор трет четвёрт|четверт пят шест седьм восьм девят десят",
    "kk": "бірінші екінші үшінші төртінші бесінші алтыншы жетінші сегізінші тоғызыншы оныншы",
}
RU_ORDINAL_ENDINGS = _words(
    "ый ой ий ая ое ые ого ому ым ом ую ых ыми ья ье ьи ьего ьему ьим ьем ьей ью ьих ьими"
)
