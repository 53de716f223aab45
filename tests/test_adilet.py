"""Law texts in the adilet.zan.kz layout: hand-written kk and ru fixtures of an invented law.

The fixtures copy the site's layout, not its texts: hyperlinked references on lines of their
own, note headers ("Примечание ИЗПИ!", "ЗҚАИ-ның ескертпесі!"), footnotes ("Сноска.",
"Ескерту."), the contents link, numbered paragraphs and sub-points ("4-1)").
"""

from __future__ import annotations

import re
from pathlib import Path

from compare.align.anchors import anchored_segments
from compare.align.documents import AlignedUnit, Alignment, apparatus_units
from compare.checks.apparatus import UnmatchedNotesCheck
from compare.checks.base import Finding, UnitText
from compare.checks.run import run_checks, unit_texts
from compare.checks.structure import MissingPartsCheck, fold_missing_parts
from compare.corpus import load_document
from compare.diff import diff_documents
from compare.readers import read_document
from compare.readers.adilet import adilet_blocks, is_adilet_layout, mark_apparatus, opens_note

RU = """Примечание ИЗПИ!
Порядок введения в действие см.\x20
ст.4

      Вниманию пользователей!
Для удобства пользования ИЗПИ создано\x20
СОДЕРЖАНИЕ

 Глава 1. ОБЩИЕ ПОЛОЖЕНИЯ
Статья 1. Основные понятия

      В настоящем Законе используются следующие понятия:

      1) пасека – участок с ульями;

      2) пчеловод – лицо, которое содержит пчел;

      2-1) мед – продукт пчеловодства.

      Сноска. Статья 1 с изменениями, внесенными Законом РК от 05.07.2024\x20
№ 115-VIII
 (вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования).

Статья 2. Законодательство о пчеловодстве

      1. Законодательство о пчеловодстве основывается на\x20
Конституции
 Республики Казахстан и состоит из настоящего Закона.

      2. Пасеки регистрируются в порядке, установленном\x20
пунктом 3
 статьи 3 настоящего Закона.
"""

KK = """ЗҚАИ-ның ескертпесі!

      Осы Заңның қолданысқа енгізілу тәртібін\x20
4-б.
 қараңыз.

МАЗМҰНЫ

 1-тарау. ЖАЛПЫ ЕРЕЖЕЛЕР
 1-бап. Негізгі ұғымдар

      Осы Заңда мынадай ұғымдар пайдаланылады:

      1) омарта – ұялары бар учаске;

ЗҚАИ-ның ескертпесі!

      2) тармақшаға өзгеріс енгізу көзделген – ҚР 09.01.2026\x20
№ 256-VIII
 (алғашқы ресми жарияланған күнінен кейін алты ай өткен соң қолданысқа\x20
енгізіледі
) Заңымен.

      2) омарташы – ара ұстайтын адам;

      2-1) бал – ара шаруашылығының өнімі.

      Ескерту. 1-бапқа өзгеріс енгізілді – ҚР 05.07.2024\x20
№ 115-VIII
 (алғашқы ресми жарияланған күнінен кейін он күнтізбелік күн өткен соң қолданысқа енгізіледі) Заңымен.

2-бап. Ара шаруашылығы туралы заңнама

      1. Ара шаруашылығы туралы заңнама Қазақстан Республикасының\x20
Конституциясына
 негізделеді және осы Заңнан тұрады.

      2. Омарталар осы Заңның 3-бабының\x20
3-тармағында
 белгіленген тәртіппен тіркеледі.
"""

HTML = """<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>О пчеловодстве - ИПС "Әділет"</title></head>
<body>
<nav class="main-menu"><a href="/rus">Главная</a></nav>
<div class="container_gamma text text_upd">
<p><span class="note">Примечание ИЗПИ!</span></p>
<p>Порядок введения в действие см. <a href="#z4">ст.4</a></p>
<p>Для удобства пользования ИЗПИ создано <a href="#toc">СОДЕРЖАНИЕ</a></p>
<h3>Глава 1. ОБЩИЕ ПОЛОЖЕНИЯ</h3>
<h3>Статья 1. Основные понятия</h3>
<p>В настоящем Законе используются следующие понятия:</p>
<p>1) пасека – участок с ульями;</p>
<p>2-1) мед – продукт пчеловодства.</p>
<p><i>Сноска. Статья 1 с изменениями, внесенными Законом РК от 05.07.2024
<a href="/rus/docs/Z2400000115">№ 115-VIII</a>.</i></p>
<h3>Статья 2. Законодательство о пчеловодстве</h3>
<p>1. Законодательство о пчеловодстве основывается на
<a href="/rus/docs/K950001000_">Конституции</a> Республики Казахстан.</p>
</div>
<footer>© Институт законодательства</footer>
</body></html>
"""


# A Markdown mirror of the site: it opens with the table of contents, unheaded, whose long titles
# wrap onto lines of their own, then the title, a note, the preamble and the law.
MARKDOWN_MIRROR = """Глава 1. ОБЩИЕ ПОЛОЖЕНИЯ

Статья 1. Основные понятия

Статья 2. Законодательство Республики Казахстан о

пчеловодстве

Глава 2. ГОСУДАРСТВЕННОЕ РЕГУЛИРОВАНИЕ В ОБЛАСТИ ПЧЕЛОВОДСТВА.

## КОНТРОЛЬ

Статья 3. Регистрация пасек

# О пчеловодстве

Примечание ИЗПИ!

Порядок введения в действие настоящего Закона см. ст. 3.

Настоящий Закон регулирует отношения в области пчеловодства.

## Глава 1. ОБЩИЕ ПОЛОЖЕНИЯ

### Статья 1. Основные понятия

1) пасека – участок с ульями;

2) пчеловод – лицо, которое содержит пчел.

    > *Сноска. Статья 1 с изменениями, внесенными Законом РК от 05.07.2024 № 115-VIII.*

### Статья 2. Законодательство Республики Казахстан о пчеловодстве

1. Законодательство о пчеловодстве основывается на Конституции Республики Казахстан.

## Глава 2. ГОСУДАРСТВЕННОЕ РЕГУЛИРОВАНИЕ В ОБЛАСТИ ПЧЕЛОВОДСТВА. КОНТРОЛЬ

### Статья 3. Регистрация пасек

1. Пасеки регистрируются местными исполнительными органами.
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _kinds_and_texts(path: Path) -> list[tuple[str | None, str | None, str]]:
    return [(b.kind, b.path, b.text) for b in read_document(path).blocks]


def test_hyperlink_lines_rejoin_into_their_sentence(tmp_path: Path) -> None:
    ru = [text for _, _, text in _kinds_and_texts(_write(tmp_path, "law.ru.txt", RU))]
    assert (
        "1. Законодательство о пчеловодстве основывается на Конституции Республики Казахстан "
        "и состоит из настоящего Закона." in ru
    )
    assert (
        "2. Пасеки регистрируются в порядке, установленном пунктом 3 статьи 3 настоящего Закона."
        in ru
    )
    kk = [text for _, _, text in _kinds_and_texts(_write(tmp_path, "law.kk.txt", KK))]
    assert "2. Омарталар осы Заңның 3-бабының 3-тармағында белгіленген тәртіппен тіркеледі." in kk
    note = next(t for t in kk if t.startswith("ЗҚАИ-ның ескертпесі! 2) тармақшаға"))
    assert note.endswith("(алғашқы ресми жарияланған күнінен кейін алты ай өткен соң "
                         "қолданысқа енгізіледі) Заңымен.")  # fmt: skip


def test_apparatus_is_its_own_kind_and_the_law_is_not(tmp_path: Path) -> None:
    blocks = _kinds_and_texts(_write(tmp_path, "law.ru.txt", RU))
    apparatus = [text for kind, _, text in blocks if kind == "apparatus"]
    assert apparatus == [
        "Примечание ИЗПИ! Порядок введения в действие см. ст.4",
        "Вниманию пользователей! Для удобства пользования ИЗПИ создано",
        "СОДЕРЖАНИЕ",
        "Сноска. Статья 1 с изменениями, внесенными Законом РК от 05.07.2024 № 115-VIII "
        "(вводится в действие по истечении десяти календарных дней после дня его первого "
        "официального опубликования).",
    ]
    kk = _kinds_and_texts(_write(tmp_path, "law.kk.txt", KK))
    assert [text[:24] for kind, _, text in kk if kind == "apparatus"] == [
        "ЗҚАИ-ның ескертпесі! Осы",
        "МАЗМҰНЫ",
        "ЗҚАИ-ның ескертпесі! 2) ",
        "Ескерту. 1-бапқа өзгеріс",
    ]


def test_structure_paths_on_every_block_both_languages(tmp_path: Path) -> None:
    for name, text, pasture in (("law.ru.txt", RU, "2-1) мед"), ("law.kk.txt", KK, "2-1) бал")):
        blocks = read_document(_write(tmp_path, name, text)).blocks
        heading = next(b for b in blocks if b.label == "heading" and "1" in b.text[:12]
                       and b.path == "chapter 1, article 1")  # fmt: skip
        assert heading.kind is None
        sub = next(b for b in blocks if b.text.startswith(pasture))
        assert sub.path == "chapter 1, article 1, sub-point 2-1)"
        second = next(b for b in blocks if b.text.startswith("2. "))
        assert second.path == "chapter 1, article 2, paragraph 2"
        # A note that opens with a sub-point number does not move the path.
        notes = [b for b in blocks if b.kind == "apparatus"]
        assert all(b.label is None for b in notes)


def test_saved_html_page_reads_the_same_way(tmp_path: Path) -> None:
    blocks = read_document(_write(tmp_path, "law.html", HTML)).blocks
    apparatus = [b.text for b in blocks if b.kind == "apparatus"]
    assert apparatus == [
        "Примечание ИЗПИ! Порядок введения в действие см. ст.4",
        "Сноска. Статья 1 с изменениями, внесенными Законом РК от 05.07.2024 № 115-VIII.",
    ]
    law = {b.text: b.path for b in blocks if b.kind is None}
    assert law["2-1) мед – продукт пчеловодства."] == "chapter 1, article 1, sub-point 2-1)"
    assert (
        law["1. Законодательство о пчеловодстве основывается на Конституции Республики Казахстан."]
        == "chapter 1, article 2, paragraph 1"
    )


def test_a_markdown_mirror_opening_with_the_contents_reads_it_as_apparatus(tmp_path: Path) -> None:
    blocks = read_document(_write(tmp_path, "law.ru.md", MARKDOWN_MIRROR)).blocks
    contents = [b.text for b in blocks if b.label == "contents"]
    assert contents == [
        "Глава 1. ОБЩИЕ ПОЛОЖЕНИЯ",
        "Статья 1. Основные понятия",
        "Статья 2. Законодательство Республики Казахстан о",
        "пчеловодстве",
        "Глава 2. ГОСУДАРСТВЕННОЕ РЕГУЛИРОВАНИЕ В ОБЛАСТИ ПЧЕЛОВОДСТВА.",
        "КОНТРОЛЬ",
        "Статья 3. Регистрация пасек",
    ]
    assert all(b.kind == "apparatus" and b.path is None for b in blocks[: len(contents)])
    law = {b.text: (b.kind, b.path) for b in blocks[len(contents) :]}
    assert law["О пчеловодстве"] == (None, None)  # the title and preamble are the law's
    assert law["Настоящий Закон регулирует отношения в области пчеловодства."] == (None, None)
    assert law["Статья 1. Основные понятия"] == (None, "chapter 1, article 1")
    assert law["2) пчеловод – лицо, которое содержит пчел."] == (
        None,
        "chapter 1, article 1, sub-point 2)",
    )
    assert law["1. Пасеки регистрируются местными исполнительными органами."] == (
        None,
        "chapter 2, article 3, paragraph 1",
    )


def test_a_text_opening_with_a_chapter_has_no_contents(tmp_path: Path) -> None:
    """Headings at the start are a table of contents only when the first comes again."""
    law = MARKDOWN_MIRROR[MARKDOWN_MIRROR.index("## Глава 1") :]
    plain = re.sub(r"^#+ ", "", law, flags=re.MULTILINE)
    blocks = read_document(_write(tmp_path, "law.ru.md", plain)).blocks
    assert [b.label for b in blocks if b.label == "contents"] == []
    assert (blocks[0].kind, blocks[0].path) == (None, "chapter 1")
    assert (blocks[1].kind, blocks[1].path) == (None, "chapter 1, article 1")


def test_the_diff_leaves_out_a_contents_one_version_lacks(tmp_path: Path, fake_encoder) -> None:
    old = load_document(_write(tmp_path, "law.v1.ru.md", MARKDOWN_MIRROR), declared_lang="ru")
    law = MARKDOWN_MIRROR[MARKDOWN_MIRROR.index("# О пчеловодстве") :]
    new_text = law.replace("содержит пчел.", "содержит пчел на пасеке.")
    new = load_document(_write(tmp_path, "law.v2.ru.md", new_text), declared_lang="ru")
    diff = diff_documents(old, new, fake_encoder)
    assert diff.counts()["removed"] == 0 and diff.counts()["added"] == 0
    changed = [(e.status, e.path) for e in diff.entries if e.status != "unchanged"]
    assert changed == [("modified", "chapter 1, article 1, sub-point 2)")]


def test_plain_text_without_the_layout_keeps_one_block_per_line(tmp_path: Path) -> None:
    blocks = read_document(
        _write(tmp_path, "plain.ru.txt", "Статья 1. Первая\nВторая строка\n")
    ).blocks
    assert [b.text for b in blocks] == ["Статья 1. Первая", "Вторая строка"]
    assert all(b.kind is None for b in blocks)


def test_notes_align_only_with_notes_and_an_unmatched_one_is_minor(tmp_path: Path) -> None:
    ru = load_document(_write(tmp_path, "law.ru.txt", RU), declared_lang="ru")
    kk = load_document(_write(tmp_path, "law.kk.txt", KK), declared_lang="kk")
    documents = {"kk": kk, "ru": ru}
    units = apparatus_units(documents, start=7)
    assert [u.index for u in units] == list(range(7, 7 + len(units)))
    assert all(u.apparatus for u in units)
    by_place = {
        (u.passages["kk"][0].path if u.passages["kk"] else None, len(u.missing)) for u in units
    }
    # The sub-point note exists in kk only; the footnotes of Article 1 pair up.
    assert ("chapter 1, article 1, sub-point 1)", 1) in by_place
    footnotes = [u for u in units if u.text("ru").startswith("Сноска.")]
    assert len(footnotes) == 1 and footnotes[0].text("kk").startswith("Ескерту.")

    law = AlignedUnit(0, {"kk": kk.passages[5:6], "ru": ru.passages[5:6]}, score=1.0)
    alignment = Alignment(documents, (law, *units), "test")
    texts = unit_texts(alignment)
    assert [t.apparatus for t in texts] == [False] + [True] * len(units)
    findings = run_checks(texts, [UnmatchedNotesCheck()])
    assert findings and {f.severity for f in findings} == {"minor"}
    assert all(f.unit >= 7 for f in findings)
    assert any(
        "kk note at chapter 1, article 1, sub-point 1) has no ru counterpart" in f.message
        for f in findings
    )


def test_a_part_one_version_lacks_is_named_by_its_number_once() -> None:
    def unit(n: int, kk: str | None, ru: str | None) -> UnitText:
        texts = {"kk": "мәтін" if kk else "", "ru": "текст" if ru else ""}
        paths = {"kk": (kk,) if kk else (), "ru": (ru,) if ru else ()}
        return UnitText(n, texts, {}, paths=paths)

    units = [
        unit(0, "article 1", "article 1"),
        unit(1, "article 1, sub-point 1)", "article 1, sub-point 1)"),
        unit(2, "article 2", None),
        unit(3, "article 2, paragraph 1", None),
        unit(4, "article 2, paragraph 1, sub-point 1)", None),
        unit(5, "article 3, paragraph 1", "article 3, paragraph 1"),
        unit(6, None, "article 3, paragraph 2"),
    ]
    findings = MissingPartsCheck().run(units)
    assert [(f.unit, f.message) for f in findings] == [
        (2, "ru lacks article 2, which kk has"),
        (6, "kk lacks article 3, paragraph 2, which ru has"),
    ]
    assert all(f.severity == "major" and f.check == "structure" for f in findings)


def test_a_version_that_numbers_nothing_lacks_no_numbered_part() -> None:
    """A reference list numbered in one version and written without numbers in the other:
    the entries are there in both, so none is named missing."""
    units = [
        UnitText(
            n,
            {"mul": f"Entry {n}", "en": f"{n}. Entry {n}"},
            {},
            paths={"mul": (), "en": (f"paragraph {n}",)},
        )
        for n in (1, 2, 3)
    ]
    assert MissingPartsCheck().run(units) == []


def test_a_chapter_is_matched_by_its_number_when_a_section_heading_is_missing() -> None:
    """Chapters are numbered through the law: kk without the heading of section III keeps its
    chapter 10 in section II, and only the section's heading is named."""
    units = [
        UnitText(
            0,
            {"kk": "мәтін", "ru": "текст"},
            {},
            paths={"kk": ("section II",), "ru": ("section II",)},
        ),
        UnitText(1, {"kk": "", "ru": "текст"}, {}, paths={"kk": (), "ru": ("section III",)}),
        UnitText(
            2,
            {"kk": "мәтін", "ru": "текст"},
            {},
            paths={"kk": ("section II, chapter 10",), "ru": ("section III, chapter 10",)},
        ),
    ]
    assert [f.message for f in MissingPartsCheck().run(units)] == [
        "kk lacks section III, which ru has"
    ]


def test_findings_inside_a_missing_part_fold_into_it() -> None:
    def unit(n: int, kk: tuple[str, ...], ru: tuple[str, ...]) -> UnitText:
        texts = {"kk": "мәтін", "ru": "текст" if ru else ""}
        return UnitText(n, texts, {}, paths={"kk": kk, "ru": ru})

    units = [
        unit(0, ("article 1, paragraph 7", "article 1-1"), ("article 1, paragraph 7",)),
        unit(1, ("article 1-1, paragraph 1",), ()),
        unit(2, ("article 2",), ("article 2",)),
    ]
    missing = MissingPartsCheck().run(units)
    others = [
        Finding("omission", "major", 0.95, 1, ("kk", "ru"), "ru has no counterpart."),
        Finding("numbers", "major", 0.7, 0, ("kk", "ru"), "11", details={"values": {"kk": "1"}}),
        Finding("numbers", "major", 0.7, 0, ("kk", "ru"), "7", details={"values": {"kk": "7"}}),
        Finding("omission", "major", 0.95, 2, ("kk", "ru"), "ru has no counterpart."),
    ]
    kept = fold_missing_parts([*missing, *others], units)
    assert [(f.check, f.unit) for f in kept] == [
        ("structure", 0),
        ("numbers", 0),
        ("omission", 2),
    ]
    assert kept[1].message == "7"


def test_findings_where_one_version_holds_only_the_missing_part_fold_into_it() -> None:
    """The aligner pairs the kk text of a chapter ru lacks with whatever ru text stands
    there; what differs in such a unit comes from the missing chapter."""

    def unit(n: int, kk: tuple[str, ...], ru: tuple[str, ...]) -> UnitText:
        return UnitText(n, {"kk": "мәтін", "ru": "текст"}, {}, paths={"kk": kk, "ru": ru})

    units = [
        unit(0, ("chapter 4-1, article 29-4",), ("chapter 4-1, article 29-4",)),
        unit(1, ("chapter 4-1, article 29-4", "chapter 4-2"), ("chapter 4-1, article 29-4",)),
        unit(2, ("chapter 4-2, article 29-7",), ("chapter 4-1, article 29-4",)),
    ]
    missing = MissingPartsCheck().run(units)
    assert [f.message for f in missing] == ["ru lacks chapter 4-2, which kk has"]
    others = [Finding("omission", "major", 0.6, n, ("kk", "ru"), "...") for n in (0, 1, 2)]
    kept = fold_missing_parts([*missing, *others], units)
    assert [(f.check, f.unit) for f in kept] == [("structure", 1), ("omission", 0), ("omission", 1)]


def test_articles_found_in_every_version_cut_the_alignment_into_segments() -> None:
    kk = [None, "article 1", "article 1, sub-point 1)", "article 2", "article 2-1", "article 3"]
    ru = [None, None, "article 1", "article 1, sub-point 1)", "article 2", "article 3"]
    assert anchored_segments({"kk": kk, "ru": ru}) == [
        {"kk": (0, 1), "ru": (0, 2)},
        {"kk": (1, 3), "ru": (2, 4)},
        {"kk": (3, 5), "ru": (4, 5)},  # kk's article 2-1 stays with article 2
        {"kk": (5, 6), "ru": (5, 6)},
    ]
    assert anchored_segments({"kk": ["a", "b"], "ru": ["c"]}) == [{"kk": (0, 2), "ru": (0, 1)}]


def test_an_article_is_matched_by_its_number_whatever_chapter_holds_it() -> None:
    """Articles are numbered through the law; a version that starts a chapter one article
    later does not lack the article."""
    units = [
        UnitText(0, {"kk": "мәтін", "ru": "текст"}, {}, paths={"kk": (k,), "ru": (r,)})
        for k, r in (
            ("chapter II, article 22", "chapter III, article 22"),
            ("chapter II, article 22, paragraph 1", "chapter III, article 22, paragraph 1"),
        )
    ]
    assert MissingPartsCheck().run(units) == []


def test_a_missing_chapter_is_named_once_not_also_each_article() -> None:
    def unit(n: int, kk: str, ru: str | None) -> UnitText:
        texts = {"kk": "мәтін", "ru": "текст" if ru else ""}
        return UnitText(n, texts, {}, paths={"kk": (kk,), "ru": (ru,) if ru else ()})

    units = [
        unit(0, "chapter 4", "chapter 4"),
        unit(1, "chapter 4-1", None),
        unit(2, "chapter 4-1, article 19-1", None),
        unit(3, "chapter 4-1, article 19-2, paragraph 1", None),
    ]
    assert [f.message for f in MissingPartsCheck().run(units)] == [
        "ru lacks chapter 4-1, which kk has"
    ]


def test_a_page_indented_with_no_break_spaces_is_read_in_the_site_layout() -> None:
    lines = [
        "Статья 1. Основные понятия",
        "",
        "\xa0\xa0\xa0\xa0 1. Пасеки регистрируются в порядке, установленном ",
        "статьей 3",
        " настоящего Закона.",
        "",
        "\xa0\xa0\xa0\xa0 Сноска. Статья 1 с изменением, внесенным Законом РК от 05.07.2024 ",
        "№ 115-VIII.",
    ]
    assert is_adilet_layout(lines)
    texts = [b.text for b in adilet_blocks(lines)]
    assert "1. Пасеки регистрируются в порядке, установленном статьей 3 настоящего Закона." in texts


def test_sub_points_of_a_paragraph_left_unnumbered_are_not_missing_too() -> None:
    def unit(n: int, kk: str, ru: str) -> UnitText:
        return UnitText(n, {"kk": "мәтін", "ru": "текст"}, {}, paths={"kk": (kk,), "ru": (ru,)})

    units = [
        unit(0, "article 30", "article 30"),
        unit(1, "article 30", "article 30, paragraph 1"),
        unit(2, "article 30, sub-point 1)", "article 30, paragraph 1, sub-point 1)"),
        unit(3, "article 30, sub-point 2)", "article 30, paragraph 1, sub-point 2)"),
        unit(4, "article 30, paragraph 2", "article 30, paragraph 2"),
    ]
    assert [f.message for f in MissingPartsCheck().run(units)] == [
        "kk lacks article 30, paragraph 1, which ru has"
    ]


def test_notes_the_site_writes_without_a_note_word_are_apparatus() -> None:
    """A word replaced through the whole text, an article's title amended, a ruling of the
    Constitutional Court, an amendment announced, and a note header without its "!" are notes,
    not the law."""
    lines = [
        '      По всему тексту слова "пасечник" заменены словом "пчеловод" Законом РК от 05.07.2024 ',
        "№ 115-VIII",
        " (вводится в действие по истечении десяти календарных дней).",
        "",
        "Статья 1. Регистрация пасек",
        "",
        "      Заголовок статьи 1 с изменением, внесенным Законом РК от 03.10.2024 ",
        "№ 130-VIII.",
        "",
        "      1. Пасеки регистрируются местным исполнительным органом.",
        "",
        "Нормативным постановлением",
        " Конституционного Суда РК от 26.12.2023 № 38-НП ",
        "пункт 1",
        " статьи 1 настоящего Закона признан соответствующим Конституции.",
        "",
        "      ЗҚАИ-ның ескертпесі",
        "",
        "      2) тармақша 01.01.2027 бастап қолданысқа енгізіледі.",
        "",
        "      ҚР Конституциялық Сотының 03.12.2024 ",
        "№ 54-НҚ",
        " нормативтік қаулысымен осы Заңның 1-бабы Конституцияға сәйкес деп танылды.",
        "",
        "В пункт 2 предусматривается изменение Законом РК от 09.01.2026 ",
        "№ 256-VIII",
        "",
        "(вводится в действие по истечении шести месяцев).",
        "",
        "2. исключен Законом РК от 15.07.2025 ",
        "№ 207-VIII",
        "",
        "(вводится в действие по истечении шестидесяти календарных дней).",
    ]
    blocks = mark_apparatus(adilet_blocks(lines))
    law = [b.text for b in blocks if b.kind != "apparatus"]
    assert law == [
        "Статья 1. Регистрация пасек",
        "1. Пасеки регистрируются местным исполнительным органом.",
        # a bracketed entry into force set off by a blank line ends the point before it
        "2. исключен Законом РК от 15.07.2025 № 207-VIII (вводится в действие по истечении "
        "шестидесяти календарных дней).",
    ]
    notes = [b.text for b in blocks if b.kind == "apparatus"]
    assert notes[0].startswith("По всему тексту") and notes[1].startswith("Заголовок статьи 1")
    assert notes[3] == "ЗҚАИ-ның ескертпесі 2) тармақша 01.01.2027 бастап қолданысқа енгізіледі."
    assert notes[5] == (
        "В пункт 2 предусматривается изменение Законом РК от 09.01.2026 № 256-VIII "
        "(вводится в действие по истечении шести месяцев)."
    )
    assert len(notes) == 6


def test_amendments_announced_in_their_other_wordings_are_notes() -> None:
    assert opens_note(
        "Пункт 5 предусматривается дополнить подпунктом 6-2) в соответствии с Законом РК от "
        "16.01.2026 № 259-VIII (вводится в действие с 01.05.2026)."
    )
    assert opens_note("1-тармақ жаңа редакцияда көзделген – ҚР 16.01.2026 № 259-VIII Заңымен.")
    assert opens_note("3-бап екінші бөлікпен толықтыру көзделген – ҚР 16.01.2026 № 259-VIII.")
    assert not opens_note("5. Уполномоченный орган вправе дополнить перечень документов.")


def test_a_footnote_listing_words_replaced_through_the_text_is_a_note() -> None:
    """The footnote's own line cites no act ("Сноска. По всему тексту Кодекса:"); the list
    after it does, and a list entry may run long before its verb."""
    assert opens_note("Сноска. По всему тексту Кодекса:")
    assert opens_note("Ескерту. Бүкіл мәтін бойынша:")
    names = ", ".join(f'"омарта {n}"' for n in range(40))
    assert opens_note(f'слова {names} заменены словом "пасека" Законом РК от 06.07.2007 № 27;')


def test_words_replaced_or_removed_through_the_text_are_notes() -> None:
    assert opens_note('слово "(активов)" исключено;')
    assert opens_note('слова "пасечник", "пасечника" заменены словами "пчеловод", "пчеловода"')
    assert opens_note(
        '"омарташы", "омарташының" деген сөздер тиісінше "ара өсіруші" деген сөздермен '
        "ауыстырылды - ҚР 27.12.2019 № 290-VІ Заңымен."
    )
    assert not opens_note("1. Слова и выражения, используемые в настоящем Законе, заменены.")


def test_a_note_of_the_law_itself_is_law_not_apparatus() -> None:
    """An editorial footnote cites the amending act; the law's own note does not."""
    assert not opens_note("Ескерту. Осы бапта арнайы іс-шаралар деп құқық қорғау органдары "
                          "жүргізетін іс-шаралар түсініледі.")  # fmt: skip
    assert opens_note("Ескерту. 5-бапқа өзгеріс енгізілді - ҚР 2007.05.07 № 244 Заңымен.")
    assert opens_note("Сноска. В статью 8 внесены изменения - Законом РК от 21 мая 2002 г.")
    assert opens_note(
        "В соответствии с Нормативным постановлением Конституционного Суда Республики "
        "Казахстан 03.12.2024 № 54-НП:"
    )
    assert opens_note("пункт 1 статьи 65 настоящего Закона РК признан соответствующим Конституции")


def test_a_footnote_broken_between_an_acts_date_and_its_number_is_one_note() -> None:
    lines = [
        "3-бап. Омарталарды тіркеу",
        "",
        "      1. Омарталарды жергілікті атқарушы орган тіркейді.",
        "",
        "      Ескерту. 3-бапқа өзгеріс енгізілді – ҚР 06.10.2020 ",
        "№ 365-VI",
        " (алғашқы ресми жарияланған күнінен кейін он күн өткен соң қолданысқа енгізіледі); 01.04.2021",
        "",
        "№ 26-VII",
        " (01.01.2021 бастап қолданысқа енгізіледі) Заңдарымен.",
    ]
    blocks = mark_apparatus(adilet_blocks(lines))
    assert [b.kind == "apparatus" for b in blocks] == [False, False, True]
    assert blocks[2].text.endswith(
        "01.04.2021 № 26-VII (01.01.2021 бастап қолданысқа енгізіледі) Заңдарымен."
    )


def test_a_title_set_one_word_to_a_paragraph_joins_its_heading() -> None:
    """The site sets some article titles a word to a paragraph, at the margin where the law's
    own paragraphs are indented; the heading keeps its whole title, the law its paragraphs."""
    lines = [
        "4-бап. Омарталарды",
        "",
        "тіркеуге",
        "",
        "қойылатын",
        "",
        "талаптар",
        "",
        "      Омарта тіркеуге мыналарды:",
        "",
        "      1) иесінің атын;",
        "",
        "5-бап. ",
        "Омарта",
        "",
        "иесінің",
        "",
        "міндеттері",
        "",
        "      Ескерту. 5-бапқа өзгеріс енгізілді - ҚР 16.01.2026 № 259-VIII Заңымен.",
    ]
    blocks = mark_apparatus(adilet_blocks(lines))
    assert [(b.label, b.text) for b in blocks if b.kind != "apparatus"] == [
        ("heading", "4-бап. Омарталарды тіркеуге қойылатын талаптар"),
        (None, "Омарта тіркеуге мыналарды:"),
        (None, "1) иесінің атын;"),
        ("heading", "5-бап. Омарта иесінің міндеттері"),
    ]


def test_the_parts_of_notes_the_site_sets_apart_are_apparatus() -> None:
    """The entries of a note's list of words replaced (its own line cites no act, nor does the
    entry), a note opening such a list with a bracketed word, the period a link left alone,
    where to find the entry into force, and until when a wording stays in force."""
    ru = [
        "Вниманию пользователей!",
        "",
        "Для удобства пользования РЦПИ создано ",
        "ОГЛАВЛЕНИЕ",
        ".",
        "",
        "      Порядок введения в действие настоящего Закона см. ",
        "ст. 32",
        "",
        "      Данная редакция части первой пункта 1 действует до 31.12.2026 в соответствии с "
        "Законом РК от 30.06.2016 ",
        "№ 5-VI",
        "",
        "Статья 1. Регистрация пасек",
        "",
        "      1. Пасеки регистрируются местным исполнительным органом.",
    ]
    kk = [
        "      Ескерту. Бүкіл мәтін бойынша:",
        "",
        '      "омарташы" деген сөз "ара өсіруші" деген сөзбен ауыстырылсын;',
        "",
        '      Ескерту. (омартаның)", "(омартаны)" деген сөздер алып тасталды;',
        "",
        "      1-тармақтың бірінші бөлігінің бұл редакциясы 31.12.2026 дейін қолданыста болады - "
        "ҚР 30.06.2016 ",
        "№ 5-VI",
        " Заңымен.",
        "",
        "1-бап. Омарталарды тіркеу",
        "",
        "      1. Омарталарды жергілікті атқарушы орган тіркейді.",
    ]
    for lines, law in (
        (
            ru,
            [
                "Статья 1. Регистрация пасек",
                "1. Пасеки регистрируются местным исполнительным органом.",
            ],
        ),
        (kk, ["1-бап. Омарталарды тіркеу", "1. Омарталарды жергілікті атқарушы орган тіркейді."]),
    ):
        blocks = mark_apparatus(adilet_blocks(lines))
        assert [b.text for b in blocks if b.kind != "apparatus"] == law
