"""Encoding detection for byte formats (txt, md, html).

The Kazakh, Russian and English sentences below are hand-written for these tests.
"""

from __future__ import annotations

import codecs

import pytest

from compare.errors import InputError
from compare.readers.encoding import decode_bytes

# Holds every Kazakh-only letter: ә ғ қ ң ө ұ ү һ і.
KK = (
    "Қазақстан Республикасының Парламенті жаңа заңды қабылдады. "
    "Өңірлердегі ұлттық үйлесім маңызды, әділет һәм ғылым дамиды."
)
RU = "Настоящий Закон регулирует общественные отношения в области миграции населения."
EN = "The café on the corner serves crème brûlée to a naïve visitor."


@pytest.mark.parametrize(
    ("text", "codec", "expected"),
    [
        (KK, "utf-8", "utf-8"),
        (RU, "utf-8", "utf-8"),
        (KK, "utf-8-sig", "utf-8-sig"),
        (KK, "utf-16", "utf-16"),  # Python writes a BOM
        (RU, "utf-16", "utf-16"),
        (KK, "utf-16-le", "utf-16-le"),  # no BOM: spaces give the NUL pattern
        (KK, "utf-16-be", "utf-16-be"),
        (RU, "utf-16-le", "utf-16-le"),
        (EN, "utf-16-be", "utf-16-be"),
        (KK, "kz1048", "kz1048"),
        (RU, "cp1251", "cp1251"),
        (RU, "cp866", "cp866"),
        (EN, "cp1252", "cp1252"),
    ],
)
def test_detects_encoding(text: str, codec: str, expected: str) -> None:
    assert decode_bytes(text.encode(codec), "doc.txt") == (text, expected)


def test_utf16_big_endian_bom() -> None:
    data = codecs.BOM_UTF16_BE + KK.encode("utf-16-be")
    assert decode_bytes(data, "doc.txt") == (KK, "utf-16")


@pytest.mark.parametrize("text", ["Қазақ тілі", "Ұлы дала", "Әке", "Өнер", "Ақ үй"])
def test_short_kazakh_in_kz1048_is_not_read_as_cp1251(text: str) -> None:
    assert decode_bytes(text.encode("kz1048"), "kk.txt") == (text, "kz1048")


def test_russian_single_byte_is_reported_as_cp1251() -> None:
    """Russian has the same bytes in both codecs; the common name is reported."""
    assert RU.encode("kz1048") == RU.encode("cp1251")
    assert decode_bytes(RU.encode("kz1048"), "ru.txt") == (RU, "cp1251")


def test_mixed_kazakh_and_russian_in_kz1048() -> None:
    text = f"{RU}\n{KK}\n"
    assert decode_bytes(text.encode("kz1048"), "kk-ru.txt") == (text, "kz1048")


def test_declared_charset_is_used() -> None:
    assert decode_bytes(RU.encode("cp1251"), "a.html", declared="windows-1251") == (RU, "cp1251")


def test_byte_order_mark_beats_declared_charset() -> None:
    data = KK.encode("utf-8-sig")
    assert decode_bytes(data, "a.html", declared="windows-1251") == (KK, "utf-8-sig")


@pytest.mark.parametrize("declared", ["utf-8", "no-such-charset"])
def test_wrong_or_unknown_declared_charset_falls_back_to_detection(declared: str) -> None:
    data = KK.encode("kz1048")
    assert decode_bytes(data, "a.html", declared=declared) == (KK, "kz1048")


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00 binary \x00\x01\x02", "binary data"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary data"),
        (codecs.BOM_UTF8 + b"abc\xff\xfe", "not valid UTF-8"),
        (codecs.BOM_UTF8 + b"abc\x00def", "binary data"),
        (bytes(range(0x80, 0x100)), "cannot tell the text encoding"),
        ("Привет, мир".encode("koi8_r"), "cannot tell the text encoding"),
    ],
)
def test_undecodable_bytes_raise_input_error(data: bytes, problem: str) -> None:
    with pytest.raises(InputError, match=problem) as caught:
        decode_bytes(data, "bad.txt")
    assert str(caught.value).startswith("bad.txt: ")
