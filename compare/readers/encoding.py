"""Turn the bytes of a text file into str, detecting the encodings met in Kazakhstan.

Kazakh text is often saved as KZ-1048, a cp1251 variant that puts the Kazakh letters where
cp1251 has Belarusian, Ukrainian and Serbian ones; generic detectors call it cp1251 and turn
"Қазақ" into "Ќазаќ". So single-byte text is decoded with every candidate codec and the one
whose words look most like ordinary Kazakh, Russian or English wins.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from compare.errors import InputError

# UTF-32 marks come first because the UTF-32-LE mark begins with the UTF-16-LE one.
# Each codec named here removes the mark while decoding.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Order breaks ties: Russian reads the same in cp1251 and kz1048, and cp1251 is the common one.
_SINGLE_BYTE = ("cp1251", "kz1048", "cp866", "cp1252")
_UTF16 = ("utf-16-le", "utf-16-be")
_MIN_PLAUSIBILITY = 0.8
_BINARY = "binary data (NUL bytes), not a text file"

_KK_RU_LETTERS = frozenset("абвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяә")
_LATIN_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿœšž")
_TYPOGRAPHY = frozenset("«»„“”‘’‚–—…№°§•·€™©®\u00a0\u00ad")
# Letter runs, single non-ASCII symbols, and control characters other than whitespace.
_TOKEN = re.compile(r"[^\W\d_]+|[^\x00-\x7f]|[\x00-\x08\x0e-\x1f\x7f]")


def decode_bytes(data: bytes, path: Path | str, declared: str | None = None) -> tuple[str, str]:
    """Return (text, codec name) for a file's bytes, or raise InputError saying why not.

    A byte-order mark wins, then a `declared` charset (from HTML) if the bytes decode with it,
    then UTF-8, then whichever UTF-16 or single-byte codec gives the most plausible text.
    """
    text, encoding = _decode(data, path, declared)
    if "\x00" in text:
        raise InputError(path, _BINARY)
    return text, encoding


def _decode(data: bytes, path: Path | str, declared: str | None) -> tuple[str, str]:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode_strict(data, codec, path), codec
    if declared:
        try:
            return data.decode(declared), codecs.lookup(declared).name
        except (LookupError, UnicodeDecodeError):
            pass  # a missing or wrong declaration is common; detect instead
    has_nul = b"\x00" in data
    if not has_nul:
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    best = _most_plausible(data, _UTF16 if has_nul else _SINGLE_BYTE)
    if best is not None:
        return best
    if has_nul:
        raise InputError(path, _BINARY)
    raise InputError(
        path,
        "cannot tell the text encoding (tried UTF-8, UTF-16, cp1251, KZ-1048, cp866, cp1252); "
        "save the file as UTF-8",
    )


def _decode_strict(data: bytes, codec: str, path: Path | str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        name = codec.removesuffix("-sig").upper()
        raise InputError(
            path, f"has a {name} byte-order mark but is not valid {name} at byte {exc.start}"
        ) from exc


def _most_plausible(data: bytes, codecs_to_try: tuple[str, ...]) -> tuple[str, str] | None:
    """Decode with each codec and keep the most plausible text, if it is plausible enough."""
    best: tuple[float, str, str] | None = None
    for codec in codecs_to_try:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        score = _plausibility(text)
        if best is None or score > best[0]:
            best = (score, text, codec)
    if best is None or best[0] < _MIN_PLAUSIBILITY:
        return None
    return best[1], best[2]


def _plausibility(text: str) -> float:
    """Share of non-ASCII words and symbols that look like ordinary Kazakh, Russian or English.

    A wrong codec yields letters from other alphabets (Ќ, ї), mixed-script or oddly cased words
    (cafй, рТЙЧЕФ), box-drawing symbols or control characters; the right one yields none.
    """
    good = bad = 0
    for token in _TOKEN.findall(text):
        if token.isascii() and token.isalpha():
            continue
        if _is_plain_word(token) or token in _TYPOGRAPHY:
            good += 1
        else:
            bad += 1
    return good / (good + bad) if good + bad else 1.0


def _is_plain_word(token: str) -> bool:
    lower = token.lower()
    one_alphabet = set(lower) <= _KK_RU_LETTERS or set(lower) <= _LATIN_LETTERS
    return one_alphabet and (token.islower() or token.isupper() or token.istitle())
