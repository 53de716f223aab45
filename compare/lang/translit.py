"""Cyrillic (Russian and Kazakh) letters in Latin, for comparing words across scripts.

Two spellings serve two jobs. `latin` is a readable romanisation ("Щучинск" → "Shchuchinsk"),
used where a transliterated reference list is set against its original. The one-letter table
gives each Cyrillic letter exactly one Latin letter ("ъ" and "ь" a mark that counts as a
vowel), so that the consonant skeleton of a name keeps its length: the aligner matches names
across languages by it ("Путин" / "Putin" → "ptn").
"""

from __future__ import annotations

from functools import cache

CYRILLIC_LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі"
_ROMAN = (
    "a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya a g q n o u u h i"
)
ONE_LETTER = str.maketrans(CYRILLIC_LETTERS, "abvgdeezziiklmnoprstufhccss__ieuaagknouuhi")


@cache
def _latin_table() -> dict[str, str]:
    return dict(zip(CYRILLIC_LETTERS, _ROMAN.split(), strict=True))


def latin(word: str) -> str:
    """A Latin spelling of a Cyrillic (Russian or Kazakh) word, case kept; others unchanged."""
    table = _latin_table()
    out = []
    for char in word:
        mapped = table.get(char.lower(), char).replace("_", "")
        out.append(mapped.capitalize() if char.isupper() else mapped)
    return "".join(out)
