"""Reading txt, md, html, docx and pdf files into blocks, and refusing bad input clearly.

All texts and fixtures here (the adilet-like page, the PDFs, the Word files) are hand-written
for these tests.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pypdf
import pytest

from compare.errors import InputError
from compare.readers import SUPPORTED_SUFFIXES, Block, read_document


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def texts(path: Path) -> list[str]:
    return [block.text for block in read_document(path).blocks]


# --- plain text and Markdown ---------------------------------------------------------------


def test_corpus_txt_one_paragraph_per_line(tmp_path: Path) -> None:
    content = "\ufeffБірінші  абзац.\r\n\r\nЕкінші\tабзац,  бос  орындармен.\r\n\r\n\r\nҮшінші.\r\n"
    document = read_document(write(tmp_path / "kk.txt", content))
    assert document.format == "txt"
    assert document.encoding == "utf-8-sig"
    # Tabs become one space; double spaces typed inside a line stay for the spacing check.
    assert document.blocks == (
        Block("Бірінші  абзац."),
        Block("Екінші абзац,  бос  орындармен."),
        Block("Үшінші."),
    )
    assert document.text == "Бірінші  абзац.\n\nЕкінші абзац,  бос  орындармен.\n\nҮшінші."


def test_txt_without_blank_lines_has_one_block_per_line(tmp_path: Path) -> None:
    path = write(tmp_path / "ru.txt", "Первая строка\nВторая строка\rТретья строка\n")
    assert texts(path) == ["Первая строка", "Вторая строка", "Третья строка"]


def test_hard_wrapped_txt_joins_lines_and_undoes_hyphenation(tmp_path: Path) -> None:
    content = (
        "Настоящий Закон регулирует общественные отношения в области миг-\n"
        "рации населения на маршруте Алматы-\n"
        "Астана в 2020-\n"
        "2025 годах.\n"
        "\n"
        "Статья 2. Основные понятия\n"
        "1. Первый пункт.\n"
        "2.1. Подпункт, который тоже\n"
        "переносится на новую строку.\n"
        "а) буквенный пункт.\n"
    )
    assert texts(write(tmp_path / "ru.txt", content)) == [
        "Настоящий Закон регулирует общественные отношения в области миграции населения "
        "на маршруте Алматы-Астана в 2020-2025 годах.",
        "Статья 2. Основные понятия",
        "1. Первый пункт.",
        "2.1. Подпункт, который тоже переносится на новую строку.",
        "а) буквенный пункт.",
    ]


def test_long_lines_are_paragraphs_even_without_blank_lines_between(tmp_path: Path) -> None:
    long_a = "Бұл ұзын абзац, ол бір жолға жазылған және жолдан жолға бөлінбеген. " * 2
    long_b = "Бұл да бір жолдағы абзац; оның алдында бос жол жоқ, бірақ ол бөлек абзац. " * 2
    path = write(tmp_path / "kk.txt", f"Тақырып\n\n{long_a}\n{long_b}\n")
    assert texts(path) == ["Тақырып", long_a.strip(), long_b.strip()]


def test_markdown_headings_are_labelled(tmp_path: Path) -> None:
    content = "# Заң туралы\n\nКіріспе мәтін\nжалғасы.\n## 1-бап ##\nБаптың мәтіні.\n"
    document = read_document(write(tmp_path / "kk.md", content))
    assert document.format == "md"
    assert document.blocks == (
        Block("Заң туралы", "heading"),
        Block("Кіріспе мәтін жалғасы."),
        Block("1-бап", "heading"),
        Block("Баптың мәтіні.", "article 1"),  # legal structure carried down as a label
    )


def test_hash_line_in_txt_is_plain_text(tmp_path: Path) -> None:
    assert read_document(write(tmp_path / "a.txt", "# not a heading\n")).blocks == (
        Block("# not a heading"),
    )


def test_kazakh_txt_in_kz1048(tmp_path: Path) -> None:
    path = write(tmp_path / "kk.txt", "Қазақ тілі\n\nҰлы дала елі\n".encode("kz1048"))
    document = read_document(path)
    assert document.encoding == "kz1048"
    assert document.text == "Қазақ тілі\n\nҰлы дала елі"


# --- HTML --------------------------------------------------------------------------------

ADILET_PAGE = """<!DOCTYPE html>
<html lang="ru">
<head>
  <meta charset="utf-8">
  <title>О миграции населения - ИПС "Әділет"</title>
  <script>window.menu = "Главная | Законодательство";</script>
  <style>.menu { color: red; }</style>
</head>
<body>
  <header><a href="/">ИПС «Әділет»</a><form><input name="q"> Поиск</form></header>
  <nav class="main-menu"><ul><li><a href="/rus">Главная</a></li><li>Кодексы</li></ul></nav>
  <div class="container content-wrapper">
    <div class="sidebar"><ul><li class="nav-item">Документы</li><li>Новости</li></ul></div>
    <div id="document-text" class="container_gamma text">
      <h1>О миграции населения</h1>
      <p>Закон Республики Казахстан от 22 июля 2011 года № 477-IV.</p>
      <!-- служебный комментарий -->
      <h3>Глава 1. Общие положения</h3>
      <p>1. Настоящий Закон регулирует общественные отношения
         в области миграции населения.</p>
      <p>2.1. Понятия, используемые в <b>настоящем</b> Законе:<br>
         1) иммигрант – иностранец, прибывший в Республику Казахстан;</p>
      <table><tr><td>Статья 2</td><td>Цели&nbsp;закона</td></tr></table>
      <script>trackReading();</script>
    </div>
  </div>
  <footer>© 2024 РГП на ПХВ «Институт законодательства»</footer>
</body>
</html>
"""


def test_adilet_page_gives_main_text_only(tmp_path: Path) -> None:
    document = read_document(write(tmp_path / "law.html", ADILET_PAGE))
    assert document.format == "html"
    assert document.encoding == "utf-8"
    assert document.blocks == (
        Block("О миграции населения", "heading"),
        Block("Закон Республики Казахстан от 22 июля 2011 года № 477-IV."),
        Block("Глава 1. Общие положения", "heading"),
        Block(
            "1. Настоящий Закон регулирует общественные отношения в области миграции населения.",
            "chapter 1, paragraph 1",
        ),
        Block("2.1. Понятия, используемые в настоящем Законе:", "chapter 1, paragraph 2.1"),
        Block(
            "1) иммигрант – иностранец, прибывший в Республику Казахстан;",
            "chapter 1, paragraph 2.1, sub-point 1)",
        ),
        Block("Статья 2", "chapter 1, article 2"),
        Block("Цели закона", "chapter 1, article 2"),
    )


def test_html_meta_charset_is_respected(tmp_path: Path) -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
        "</head><body><p>Ќ is a Macedonian letter here, not Kazakh.</p></body></html>"
    )
    document = read_document(write(tmp_path / "mk.htm", page.encode("cp1251")))
    assert document.encoding == "cp1251"
    assert document.text == "Ќ is a Macedonian letter here, not Kazakh."


def test_html_without_charset_is_detected_as_kz1048(tmp_path: Path) -> None:
    page = "<html><body><h2>Жалпы ережелер</h2><p>Қазақстан Республикасының заңы.</p></body></html>"
    document = read_document(write(tmp_path / "kk.html", page.encode("kz1048")))
    assert document.encoding == "kz1048"
    assert document.blocks == (
        Block("Жалпы ережелер", "heading"),
        Block("Қазақстан Республикасының заңы."),
    )


def test_html_without_main_container_uses_body_and_splits_divs(tmp_path: Path) -> None:
    page = "<body><div>Бірінші<div>Ішкі</div>соңы</div><ul><li>Тізім</li></ul></body>"
    assert texts(write(tmp_path / "a.html", page)) == ["Бірінші", "Ішкі", "соңы", "Тізім"]


def test_html_article_wins_over_inner_content_and_keeps_its_title(tmp_path: Path) -> None:
    page = (
        '<body class="has-navbar-fixed"><div class="related"><article>Тизер</article></div>'
        '<article><header><h1>Заң</h1></header><div class="content"><p>Бірінші абзац.</p>'
        "<p>Екінші абзац.</p></div></article></body>"
    )
    assert read_document(write(tmp_path / "a.html", page)).blocks == (
        Block("Заң", "heading"),
        Block("Бірінші абзац."),
        Block("Екінші абзац."),
    )


def test_html_with_only_scripts_has_no_text(tmp_path: Path) -> None:
    path = write(tmp_path / "empty.html", "<html><script>var a = 1;</script><p> </p></html>")
    with pytest.raises(InputError, match="no text found"):
        read_document(path)


# --- DOCX --------------------------------------------------------------------------------


def make_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_heading("Қазақстан Республикасының Заңы", level=1)
    document.add_paragraph("Бірінші   абзац.")
    document.add_paragraph("   ")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "1-бап"
    table.cell(0, 1).text = "Мақсаты"
    merged = table.cell(1, 0).merge(table.cell(1, 1))
    merged.text = "Біріктірілген ұяшық"
    document.add_paragraph("Соңғы абзац.", style="Title")
    document.save(str(path))
    return path


def test_docx_paragraphs_tables_and_headings(tmp_path: Path) -> None:
    document = read_document(make_docx(tmp_path / "law.docx"))
    assert document.format == "docx"
    assert document.encoding is None
    assert document.blocks == (
        Block("Қазақстан Республикасының Заңы", "heading"),
        Block("Бірінші   абзац."),  # typed spaces stay for the spacing check
        Block("1-бап", "article 1"),
        Block("Мақсаты", "article 1"),
        Block("Біріктірілген ұяшық", "article 1"),
        Block("Соңғы абзац.", "heading"),
    )


def zip_without_word_document() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "not a Word document")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"plain text pretending to be Word", "not a .docx file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "old binary Word .doc"),
        (zip_without_word_document(), "damaged .docx"),
    ],
)
def test_corrupt_docx(tmp_path: Path, data: bytes, problem: str) -> None:
    with pytest.raises(InputError, match=problem):
        read_document(write(tmp_path / "bad.docx", data))


# --- PDF ---------------------------------------------------------------------------------


def make_pdf(pages: list[list[str]]) -> bytes:
    """A hand-written minimal PDF: Helvetica text written as KZ-1048 bytes, with a ToUnicode
    map so Kazakh and Russian come back out. One text line per list item."""
    codes = [code for code in range(0x20, 0x100) if code != 0x98]  # 0x98 is unused in KZ-1048
    pairs = "\n".join(f"<{c:02X}> <{ord(bytes([c]).decode('kz1048')):04X}>" for c in codes)
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CMapName /Cp1251 def 1 begincodespacerange <00> <FF> endcodespacerange\n"
        f"{len(codes)} beginbfchar\n{pairs}\nendbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode()
    kids = " ".join(f"{5 + 2 * i} 0 R" for i in range(len(pages)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 4 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(cmap), cmap),
    ]
    for i, lines in enumerate(pages):
        shown = " ".join(f"<{line.encode('kz1048').hex()}> Tj T*" for line in lines)
        content = f"BT /F1 10 Tf 14 TL 50 800 Td {shown} ET".encode()
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {6 + 2 * i} 0 R "
            "/Resources << /Font << /F1 3 0 R >> >> >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(pdf)


PDF_PAGES = [
    [
        "- 1 -",
        "Глава 1. Общие положения",
        "1. Настоящий Закон регулирует общественные отношения в",
        "области миграции населения, определяет правовые, эконо-",
        "мические и социальные основы миграционных процессов.",
        "2. Законодательство Республики Казахстан в области миг-",
        "рации населения основывается на Конституции Республики",
    ],
    [
        "Казахстан и иных актов.",
        "Короткая строка.",
        "2",
    ],
]


def test_pdf_text_is_reflowed_into_paragraphs(tmp_path: Path) -> None:
    document = read_document(write(tmp_path / "law.pdf", make_pdf(PDF_PAGES)))
    assert document.format == "pdf"
    assert document.encoding is None
    assert [block.text for block in document.blocks] == [
        "Глава 1. Общие положения",
        "1. Настоящий Закон регулирует общественные отношения в области миграции населения, "
        "определяет правовые, экономические и социальные основы миграционных процессов.",
        "2. Законодательство Республики Казахстан в области миграции населения основывается "
        "на Конституции Республики Казахстан и иных актов.",
        "Короткая строка.",
    ]


def pdf_with_blank_page() -> bytes:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def password_protected_pdf() -> bytes:
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(make_pdf([["Құпия мәтін."]])))
    writer.encrypt("secret", algorithm="AES-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (pdf_with_blank_page(), r"no text layer \(scanned PDF\?\); run OCR first"),
        (b"%PDF-1.4\nthis is not really a PDF\n", "damaged or not a PDF"),
        (b"Just some text saved as .pdf", "not a PDF file"),
        (make_pdf([["Қысқартылған файл."]])[:200], "damaged or not a PDF"),
        (password_protected_pdf(), "password-protected PDF"),
    ],
)
def test_unusable_pdf(tmp_path: Path, data: bytes, problem: str) -> None:
    with pytest.raises(InputError, match=problem):
        read_document(write(tmp_path / "bad.pdf", data))


# --- dispatch and bad input --------------------------------------------------------------


def test_supported_suffixes() -> None:
    assert set(SUPPORTED_SUFFIXES) == {".txt", ".md", ".html", ".htm", ".docx", ".pdf"}


def test_suffix_is_case_insensitive_and_str_paths_work(tmp_path: Path) -> None:
    path = write(tmp_path / "ABC.TXT", "Мәтін.")
    assert read_document(str(path)).blocks == (Block("Мәтін."),)


def make_directory(tmp_path: Path) -> Path:
    (tmp_path / "corpus.txt").mkdir()
    return tmp_path / "corpus.txt"


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda tmp: tmp / "missing.txt", "no such file"),
        (make_directory, "is a directory"),
        (lambda tmp: write(tmp / "empty.txt", b""), r"file is empty \(0 bytes\)"),
        (lambda tmp: write(tmp / "blank.md", " \n\t\r\n \u00a0\n"), "no text found"),
        (lambda tmp: write(tmp / "zip.txt", zip_without_word_document()), "binary data"),
        (lambda tmp: write(tmp / "junk.txt", bytes(range(0x80, 0x100))), "text encoding"),
        (lambda tmp: write(tmp / "sheet.xlsx", b"PK"), r"unsupported file type '\.xlsx'"),
        (lambda tmp: write(tmp / "README", b"text"), r"unsupported file type \(no suffix\)"),
    ],
)
def test_bad_input_is_one_clear_error(
    tmp_path: Path, make: Callable[[Path], Path], problem: str
) -> None:
    path = make(tmp_path)
    before = path.read_bytes() if path.is_file() else None
    with pytest.raises(InputError, match=problem) as caught:
        read_document(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert caught.value.path == path
    assert (path.read_bytes() if path.is_file() else None) == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    with pytest.raises(InputError, match="not a regular file"):
        read_document(tmp_path / "pipe.txt")


def test_unsupported_suffix_lists_the_supported_ones(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_document(write(tmp_path / "law.rtf", b"{\\rtf1}"))
    assert all(suffix in caught.value.problem for suffix in SUPPORTED_SUFFIXES)


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Simulated, because the tests may run as root, who can read any file."""
    path = write(tmp_path / "locked.txt", "Мәтін.")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(InputError, match="permission denied"):
        read_document(path)
