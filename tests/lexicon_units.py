"""Hand-written kk/ru/en parallel units for the lexicon and its checks: five concepts, every two
of them together in one unit, so that each pair of translations shares four units and no two
concepts share more than one."""

from itertools import combinations

from compare.checks.base import UnitText

CONCEPTS = [
    ("үкімет", "правительство", "government"),
    ("заң", "закон", "law"),
    ("салық", "налог", "tax"),
    ("мектеп", "школа", "school"),
    ("аурухана", "больница", "hospital"),
]
LANGS = ("kk", "ru", "en")
JOIN = {"kk": "{} және {}.", "ru": "{}, а также {}.", "en": "{} and {}."}


def honest_units() -> list[UnitText]:
    """Ten units, each naming two of the concepts in all three languages."""
    return [
        unit(i, {lang: JOIN[lang].format(a[n], b[n]) for n, lang in enumerate(LANGS)})
        for i, (a, b) in enumerate(combinations(CONCEPTS, 2))
    ]


def unit(index: int, texts: dict[str, str]) -> UnitText:
    return UnitText(index, texts, {lang: (index,) for lang in texts})
