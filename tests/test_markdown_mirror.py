"""Markdown mirrors of adilet.zan.kz laws: read as their text, without the anchors the mirror
puts before each article, its emphasis or its quote marks."""

from __future__ import annotations

from pathlib import Path

from compare.readers import read_document

# The layout of a mirror: an anchor line before each article, footnotes quoted and in
# emphasis (indented under their article), excluded sub-points in emphasis.
MIRROR = """# О миграции населения

> *Сноска. По всему тексту слова "оралман" заменены словом "кандас" в соответствии с Законом РК от 13.05.2020 № 327-VI.*

Настоящий Закон регулирует общественные отношения в области миграции населения.

## Глава 1. ОСНОВНЫЕ ПОЛОЖЕНИЯ

<a id="st1"></a>

### Статья 1. Основные *понятия*

В настоящем Законе используются **следующие** основные понятия:

1) бывший соотечественник - лицо, постоянно проживающее за рубежом;

*1-1) исключен Законом РК от 14.07.2022 № 141-VII;*

2) кандас - этнический казах, см. [статью 3](#st3) настоящего Закона;

    > *Сноска. Статья 1 с изменениями, внесенными Законом РК от 14.07.2022 № 141-VII.*

<a id="st2"></a>

### Статья 2. Законодательство <a id="x"></a> о миграции

1. Законодательство основывается на Конституции (статья 5*) и `не` только.
"""


def _blocks(tmp_path: Path, name: str, text: str) -> list:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return list(read_document(path).blocks)


def test_a_mirror_is_read_without_its_anchors_emphasis_and_quote_marks(tmp_path: Path) -> None:
    blocks = _blocks(tmp_path, "law.ru.md", MIRROR)
    texts = [b.text for b in blocks]
    assert not [t for t in texts if "<a" in t or t.startswith((">", "*")) or "**" in t]
    by_text = {b.text: b for b in blocks}
    assert by_text["Статья 1. Основные понятия"].label == "heading"
    assert "В настоящем Законе используются следующие основные понятия:" in by_text
    excluded = by_text["1-1) исключен Законом РК от 14.07.2022 № 141-VII;"]
    assert excluded.path == "chapter 1, article 1, sub-point 1-1)"
    link = "2) кандас - этнический казах, см. статью 3 настоящего Закона;"
    assert by_text[link].path == "chapter 1, article 1, sub-point 2)"
    notes = [b.text for b in blocks if b.kind == "apparatus"]
    assert (
        notes[1] == "Сноска. Статья 1 с изменениями, внесенными Законом РК от 14.07.2022 № 141-VII."
    )
    assert notes[0].startswith("Сноска. По всему тексту") and notes[0].endswith("№ 327-VI.")
    # An anchor inside a line leaves one space; a lone asterisk is text; code keeps its words.
    assert "Статья 2. Законодательство о миграции" in by_text
    article = "1. Законодательство основывается на Конституции (статья 5*) и не только."
    assert by_text[article].path == "chapter 1, article 2, paragraph 1"


def test_plain_text_keeps_what_looks_like_markdown(tmp_path: Path) -> None:
    text = 'Статья *1* вступает в силу <a id="st1"></a> сегодня.\n'
    (block,) = _blocks(tmp_path, "note.ru.txt", text)
    assert block.text == text.strip()
