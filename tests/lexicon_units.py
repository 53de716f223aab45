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


# Two languages, seven concepts, every three of them in one unit (35 units, each concept in 15).
PAIRS = [
    ("үкімет", "правительство"),
    ("заң", "закон"),
    ("салық", "налог"),
    ("мектеп", "школа"),
    ("аурухана", "больница"),
    ("кеңес", "совет"),
    ("банк", "банк"),
]
JOIN3 = {"kk": "{}, {} және {}.", "ru": "{}, {}, а также {}."}


def bilingual_units(first: int = 0) -> list[UnitText]:
    """Units naming three concepts each, in kk and ru, numbered from `first`."""
    return [
        unit(
            first + i,
            {lang: JOIN3[lang].format(*(c[n] for c in trio)) for n, lang in enumerate(JOIN3)},
        )
        for i, trio in enumerate(combinations(PAIRS, 3))
    ]
