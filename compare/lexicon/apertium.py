"""Apertium bilingual dictionaries (.dix) as a lexicon of stems a user brings (`--lexicon`).

An entry pairs a left lemma with a right one (`<e><p><l>үкімет<s n="n"/></l><r>правительство
<s n="n"/></r></p></e>`; `<i>` holds a lemma both sides share); `r="LR"` or `r="RL"` keeps it
to one direction. Lemmas are stemmed like running text, so they meet any inflected form.
Multi-word lemmas (`<b/>` between the words) are left out: the lexicon pairs single words.
The languages come from the file name, as Apertium names its pairs:
apertium-kaz-rus.kaz-rus.dix holds Kazakh on the left and Russian on the right.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from compare.errors import InputError
from compare.lexicon.learn import Entry, Lexicon
from compare.stem import tokens

ISO_639_3 = {"kaz": "kk", "rus": "ru", "eng": "en"}
_PAIR = re.compile(r"\.([a-z]{3})-([a-z]{3})\.dix$")


def dix_langs(path: Path) -> tuple[str, str]:
    """(left, right) languages named by the file: name.kaz-rus.dix -> ("kk", "ru")."""
    found = _PAIR.search(path.name)
    if not found or found[1] not in ISO_639_3 or found[2] not in ISO_639_3:
        raise InputError(
            path,
            "cannot tell the languages of this dictionary; name it like "
            "apertium-kaz-rus.kaz-rus.dix (two of kaz, rus, eng)",
        )
    return ISO_639_3[found[1]], ISO_639_3[found[2]]


def _lemma(side: etree._Element) -> str:
    """The lemma of an <l>, <r> or <i>: its text without the tags; " " for <b/>."""
    parts = [side.text or ""]
    for child in side:
        parts.append(" " if child.tag == "b" else "")
        parts.append(child.tail or "")
    return "".join(parts).strip()


def _stem(lemma: str, lang: str) -> str | None:
    words = tokens(lemma, lang)
    return words[0].stem if len(words) == 1 else None


def read_dix(path: Path) -> Lexicon:
    """The single-word entries of an Apertium bilingual dictionary, both ways as allowed."""
    left, right = dix_langs(path)
    try:
        root = etree.parse(str(path), etree.XMLParser(resolve_entities=False)).getroot()
    except (OSError, etree.XMLSyntaxError) as error:
        raise InputError(path, f"not a readable .dix file ({error})") from error
    if root.tag != "dictionary":
        raise InputError(path, f"not an Apertium dictionary (root <{root.tag}>)")
    pairs: dict[tuple[str, str], dict[str, set[str]]] = {(left, right): {}, (right, left): {}}
    for entry in root.iter("e"):
        same = entry.find("i")
        pair = entry.find("p")
        if same is not None:
            lemmas = (_lemma(same), _lemma(same))
        elif pair is not None and pair.find("l") is not None and pair.find("r") is not None:
            lemmas = (_lemma(pair.find("l")), _lemma(pair.find("r")))
        else:
            continue
        a, b = _stem(lemmas[0], left), _stem(lemmas[1], right)
        if not a or not b:
            continue
        way = entry.get("r")
        if way != "RL":
            pairs[(left, right)].setdefault(a, set()).add(b)
        if way != "LR":
            pairs[(right, left)].setdefault(b, set()).add(a)
    return Lexicon(
        {
            pair: {s: Entry(dict.fromkeys(sorted(ts), 1.0)) for s, ts in table.items()}
            for pair, table in pairs.items()
        }
    )


def read_dictionaries(paths: list[Path]) -> Lexicon:
    """All the dictionaries given, merged."""
    lexicon = Lexicon()
    for path in paths:
        lexicon = lexicon.merge(read_dix(path))
    return lexicon
