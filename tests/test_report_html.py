"""The HTML report on the shipped abstract (Kaliaskarova 2022, kk/ru/en): its structure, read
with lxml, and its behaviour in headless Chromium (side by side, filters, links, screenshot)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest
from browser import open_page, skip_reason
from lxml import html as lxml_html

from compare.align import align_documents
from compare.align.documents import AlignedUnit, Alignment
from compare.align.params import AlignParams
from compare.checks.base import Finding, Span
from compare.checks.consistency import ConsistencyCheck
from compare.checks.numbers import NumbersCheck
from compare.checks.run import build_glossary, run_checks, unit_texts
from compare.checks.terms import TermsCheck
from compare.corpus import build_document, load_corpus
from compare.embed import load_encoder
from compare.report import ReportData, ReportSection, TimelineSection
from compare.signature import Signature
from compare.writers.html import render_report

ABSTRACT = Path(__file__).resolve().parent.parent / "documents" / "kaliaskarova-2022"
LANGS = ("kk", "ru", "en")
GROUP = "kaliaskarova-2022.front"
DATE = dt.date(2026, 11, 23)

NO_BROWSER = skip_reason()
needs_browser = pytest.mark.skipif(NO_BROWSER is not None, reason=NO_BROWSER or "")


def series() -> TimelineSection:
    """A hand-written three-version series in which one term replaces another."""
    from compare.timeline import Replacement, Swap, TermRow, Timeline

    old = build_document("a", [("Оралмандарға көмек көрсетіледі.", None)], declared_lang="kk")
    new = build_document("b", [("Қандастарға көмек көрсетіледі.", None)], declared_lang="kk")
    swap = Swap("2007–2015", "2017–2021", old.passages, new.passages)
    rows = (
        TermRow(
            ("оралман",),
            "оралман",
            "text",
            None,
            ("оралман",),
            (14, 6, 0),
            (14.0, 6.0, 0.0),
            "2007–2015",
            "2017–2021",
            "gone",
        ),
        TermRow(
            ("қандас",),
            "қандас",
            "text",
            None,
            ("қандас",),
            (0, 3, 11),
            (0.0, 3.0, 11.0),
            "2017–2021",
            "2023–2027",
            "new",
        ),
    )
    replacement = Replacement(("оралман",), ("қандас",), "оралман", "қандас", 5, (swap,))
    timeline = Timeline(
        "kk", ("2007–2015", "2017–2021", "2023–2027"), (1000, 1000, 1000), rows, (replacement,)
    )
    return TimelineSection("migration-policy.kk", timeline)


@pytest.fixture(scope="module")
def data() -> ReportData:
    """The abstract aligned with the real model, checked, as the report's data."""
    corpus = load_corpus([ABSTRACT / f"front.{lang}.txt" for lang in LANGS])
    encoder = load_encoder()
    alignment = align_documents(list(corpus.documents.values()), encoder)
    glossary = build_glossary(alignment)
    checks = [
        NumbersCheck(langs=alignment.langs()),
        TermsCheck(glossary),
        ConsistencyCheck(glossary),
    ]
    findings = run_checks(unit_texts(alignment), checks)
    params = {"align": dataclasses.asdict(AlignParams())}
    return ReportData(
        signature=Signature(encoder.info.name, encoder.info.identity, params, DATE).fields(),
        sections=(ReportSection.build(GROUP, "translations", alignment, findings, glossary),),
    )


@pytest.fixture(scope="module")
def report(data: ReportData, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(render_report(data), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def tree(report: Path):
    return lxml_html.fromstring(report.read_bytes())


# --- structure, without a browser --------------------------------------------------------


def test_page_is_utf8_html5_in_english_chrome(report: Path, tree) -> None:
    text = report.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    assert tree.get("lang") == "en"
    assert tree.xpath("//meta/@charset") == ["utf-8"]
    assert "Қазақстан" in text  # Kazakh letters kept as text, not as entities


def test_no_external_resources(report: Path, tree) -> None:
    for attr in ("src", "href", "action", "data"):
        for value in tree.xpath(f"//@{attr}"):
            assert not re.match(r"\s*(https?:)?//", value), value
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", report.read_text(encoding="utf-8"))
    assert not tree.xpath("//link[@rel='stylesheet'] | //script[@src]")


def test_one_row_per_unit_with_a_cell_per_language(data: ReportData, tree) -> None:
    alignment = data.sections[0].alignment
    rows = tree.xpath("//table[@class='units']/tbody/tr")
    assert [r.get("id") for r in rows] == [f"unit-{GROUP}-{u.index}" for u in alignment.units]
    for row, unit in zip(rows, alignment.units, strict=True):
        cells = row.xpath("td[contains(@class, 'text')]")
        assert [c.get("lang") for c in cells] == list(LANGS)
        for cell, key in zip(cells, LANGS, strict=True):
            expected = unit.text(key) or "—"
            assert " ".join(cell.text_content().split()) == " ".join(expected.split())
        assert len(row.xpath(".//span[contains(@class, 'badge')]")) == len(unit.pair_scores)


def test_findings_link_to_existing_rows_and_match_their_records(data: ReportData, tree) -> None:
    findings = data.sections[0].findings
    assert findings, "the abstract is known to have term drift"
    items = tree.xpath("//li[contains(@class, 'finding')]")
    assert len(items) == len(findings)
    ids = set(tree.xpath("//@id"))
    for item, finding in zip(items, findings, strict=True):
        target = item.xpath(".//a[@class='goto']/@href")[0]
        assert target == f"#unit-{GROUP}-{finding.unit}" and target[1:] in ids
        assert item.get("data-severity") == finding.severity
        assert finding.message in item.text_content()


def test_finding_spans_are_marked_in_their_language_cells(data: ReportData, tree) -> None:
    for finding in data.sections[0].findings:
        for span in finding.spans:
            cell = tree.xpath(f"//tr[@id='unit-{GROUP}-{finding.unit}']/td[@lang='{span.lang}']")[0]
            marked = "".join(m.text_content() for m in cell.xpath(".//mark"))
            assert span.text in marked or marked in span.text


def test_terminology_matrix_flags_inconsistent_concepts(data: ReportData, tree) -> None:
    rows = tree.xpath("//table[@class='terms']/tbody/tr")
    assert len(rows) == len(data.sections[0].glossary.concepts)
    flagged = {
        r.xpath("th/span[@class='cid']")[0].text for r in rows if "inconsistent" in r.get("class")
    }
    consistency = {
        f.details["concept"] for f in data.sections[0].findings if f.check == "consistency"
    }
    assert consistency and consistency <= flagged
    ok = [r for r in rows if "consistent" in r.get("class").split()]
    assert ok and all(len(r.xpath("td//li[contains(@class, 'use')]")) == 3 for r in ok)


def test_signature_pins_tool_model_parameters_and_date(data: ReportData, tree) -> None:
    line = tree.xpath("//section[@class='signature']/code")[0].text
    assert line == data.signature["signature"]
    # The model as its identity names it: with the engine's recipe and precision where the
    # default engine is not torch (OpenVINO on a CPU with bfloat16 units).
    assert re.fullmatch(
        r"tilmash:[\d.]+\|model:multilingual-e5-small( \([a-z0-9-]+\) v\d+( [a-z0-9]+)?)?@sha256:[0-9a-f]{12}\|align:max_block=4,.*\|date:2026-11-23",
        line,
    )


def test_timeline_absent_and_present(data: ReportData, tree) -> None:
    assert (
        "No version series in this corpus."
        in tree.xpath("//section[@id='timeline']")[0].text_content()
    )
    page = lxml_html.fromstring(render_report(dataclasses.replace(data, timeline=(series(),))))
    rows = page.xpath("//table[@class='timeline']/tbody/tr")
    assert [r.xpath("th")[0].text for r in rows] == ["оралман", "қандас"]
    assert all(r.xpath("th/@lang") == ["kk"] for r in rows)
    assert len(page.xpath("//svg[@class='spark']")) == 2
    assert page.xpath("//table[@class='replacements']//td[@lang='kk']")[0].text == "оралман"


def test_markup_is_escaped_and_overlapping_spans_split() -> None:
    kk = build_document("kk", [("Көші-қон <b>саясаты</b> & 2023 жыл.", None)], declared_lang="kk")
    mixed = build_document(
        "refs", [("Migration policy of 2023. Көші-қон саясаты.", None)], declared_lang="mul"
    )
    unit = AlignedUnit(0, {"kk": kk.passages, "refs": mixed.passages}, 0.1, {"kk~refs": 0.1})
    gap = AlignedUnit(1, {"kk": (), "refs": mixed.passages[:1]}, 0.0)
    alignment = Alignment({"kk": kk, "refs": mixed}, (unit, gap), "test-model")
    text = unit.text("refs")
    findings = (
        Finding("meaning", "major", 0.9, 0, ("refs",), "first", (Span("refs", 0, 16, text[:16]),)),
        Finding(
            "numbers", "minor", 0.8, 0, ("refs",), "second", (Span("refs", 10, 24, text[10:24]),)
        ),
    )
    section = ReportSection.build(
        "g 1", "translations", alignment, findings, build_glossary(alignment)
    )
    page = render_report(ReportData({"signature": "s"}, (section,)))
    assert "<b>саясаты</b>" not in page and "&lt;b&gt;саясаты&lt;/b&gt; &amp; 2023" in page
    tree = lxml_html.fromstring(page)
    cell = tree.xpath("//tr[@id='unit-g_1-0']/td[@lang='und']")[0]
    assert [p.get("lang") for p in cell.xpath("span[@class='p']")] == ["en", "kk"]
    marks = [(m.text_content(), m.get("class"), m.get("title")) for m in cell.xpath(".//mark")]
    assert marks == [
        ("Migration ", "drift major", "first"),
        ("policy", "drift major", "first\nsecond"),
        (" of 2023", "drift minor", "second"),
    ]
    omitted = tree.xpath("//tr[@id='unit-g_1-1']/td[@lang='kk']")[0]
    assert "omitted" in omitted.get("class") and omitted.text_content() == "—"


# --- in headless Chromium ----------------------------------------------------------------


@needs_browser
def test_in_chromium(report: Path, data: ReportData, tmp_path_factory, capsys) -> None:
    """One browser session for all checks: starting Chromium is the slow part."""
    findings = data.sections[0].findings
    with open_page(report) as (page, outside):
        # The three abstracts side by side: one row's kk/ru/en cells share a top edge.
        row = page.locator(f"tr[id='unit-{GROUP}-3']")
        boxes = [row.locator(f"td[lang='{lang}']").bounding_box() for lang in LANGS]
        assert all(b and b["width"] > 250 for b in boxes)
        assert len({round(b["y"]) for b in boxes}) == 1
        assert boxes[0]["x"] < boxes[1]["x"] < boxes[2]["x"]
        for lang in LANGS:
            assert row.locator(f"td[lang='{lang}']").is_visible()

        artifacts = tmp_path_factory.mktemp("test-artifacts")
        page.screenshot(path=str(artifacts / "report.png"), full_page=True)

        # A severity filter hides that severity's findings and leaves the others.
        major = page.locator("li.finding[data-severity='major']")
        minor = page.locator("li.finding[data-severity='minor']")
        assert major.count() and minor.count()
        page.locator("input[data-filter='severity'][value='minor']").uncheck()
        assert all(not minor.nth(i).is_visible() for i in range(minor.count()))
        assert all(major.nth(i).is_visible() for i in range(major.count()))
        shown = page.locator(".filters output").inner_text()
        assert shown.startswith(f"{major.count()} of {len(findings)}")

        # A finding's link scrolls its unit into view (below the sticky bar).
        link = page.locator("li.finding:not(.hidden) a.goto").last
        target = link.get_attribute("href")
        page.evaluate("window.scrollTo(0, 0)")
        link.click()
        page.wait_for_function("h => location.hash === h", arg=target)
        box = page.locator(f"tr[id='{target[1:]}']").bounding_box()
        bar = page.locator("header.bar").bounding_box()
        assert box and bar and bar["height"] <= box["y"] < page.viewport_size["height"]
        page.screenshot(path=str(artifacts / "unit.png"))
        assert outside == []
    with capsys.disabled():
        print(f"\nreport screenshots: {artifacts}/report.png, unit.png")


def _page(texts: dict[str, str], findings_for, group: str = "g") -> str:
    """A one-unit report of `texts` (version key → Kazakh, Russian or English sentence) with
    the findings `findings_for(unit text by key)` returns, built without the model."""
    langs = {"kk": "kk", "ru": "ru", "en": "en", "original-script": "kk", "transliterated": "en"}
    docs = {k: build_document(k, [(t, None)], declared_lang=langs[k]) for k, t in texts.items()}
    keys = list(texts)
    scores = {f"{a}~{b}": 0.1 for i, a in enumerate(keys) for b in keys[i + 1 :]}
    unit = AlignedUnit(0, {k: d.passages for k, d in docs.items()}, 0.1, scores)
    alignment = Alignment(docs, (unit,), "test-model")
    findings = findings_for({k: unit.text(k) for k in keys})
    section = ReportSection.build(
        group, "translations", alignment, findings, build_glossary(alignment)
    )
    return render_report(ReportData({"signature": "s"}, (section,)))


TRIPLE = {
    "kk": "Көші-қон саясаты 2023 жылы өзгерді.",
    "ru": "Миграционная политика изменилась в 2023 году.",
    "en": "Migration policy changed in 2023.",
}


def _span(texts: dict[str, str], key: str, words: str) -> Span:
    start = texts[key].index(words)
    return Span(key, start, start + len(words), words)


def _fault_and_unknown(texts: dict[str, str]) -> tuple[Finding, ...]:
    """A terms finding about kk (en and ru quoted as reference) and a numbers finding that
    does not say which version is at fault."""
    about_kk = Finding(
        "terms",
        "major",
        0.9,
        0,
        ("en", "ru", "kk"),
        "kk has none of 'migration policy'",
        (
            _span(texts, "en", "Migration policy"),
            _span(texts, "ru", "Миграционная политика"),
            _span(texts, "kk", "Көші-қон саясаты"),
        ),
        details={"lang": "kk"},
    )
    unknown = Finding(
        "numbers", "minor", 0.8, 0, ("ru", "en"), "2023 differs", (_span(texts, "en", "2023"),)
    )
    return about_kk, unknown


def test_version_at_fault_is_marked_apart_from_the_reference() -> None:
    tree = lxml_html.fromstring(_page(TRIPLE, _fault_and_unknown))
    marks = {
        (cell.get("lang"), m.text_content()): m.get("class")
        for cell in tree.xpath("//tr[@id='unit-g-0']/td[contains(@class, 'text')]")
        for m in cell.xpath(".//mark")
    }
    assert marks == {
        ("kk", "Көші-қон саясаты"): "drift major fault",
        ("ru", "Миграционная политика"): "drift major ref",
        ("en", "Migration policy"): "drift major ref",
        ("en", "2023"): "drift minor",  # the numbers check does not say who is at fault
    }
    item = tree.xpath("//li[contains(@class, 'finding')]")[0]
    assert item.xpath(".//span[@class='langs']/strong[@class='fault']")[0].text == "kk"
    assert [q.get("class") for q in item.xpath(".//q")] == [None, None, "fault"]


def test_language_filter_files_findings_under_the_version_at_fault() -> None:
    tree = lxml_html.fromstring(_page(TRIPLE, _fault_and_unknown))
    items = tree.xpath("//li[contains(@class, 'finding')]")
    assert [i.get("data-language") for i in items] == ["kk", "ru en"]
    boxes = tree.xpath("//input[@data-filter='language']/@value")
    assert boxes == ["en", "kk", "ru"]


def test_filters_are_hidden_until_the_script_shows_them() -> None:
    page = _page(TRIPLE, _fault_and_unknown)
    tree = lxml_html.fromstring(page)
    form = tree.xpath("//form[@class='filters']")[0]
    assert form.get("hidden") is not None
    assert "All 2 findings are listed" in tree.xpath("//noscript")[0].text_content()
    assert ".filters[hidden] { display: none; }" in page  # the stylesheet's flex must not win


def test_findings_json_cannot_close_its_script_element() -> None:
    def hostile(texts: dict[str, str]) -> tuple[Finding, ...]:
        message = "</script><script>alert(1)</script>"
        return (Finding("meaning", "major", 0.9, 0, ("kk",), message),)

    page = _page(TRIPLE, hostile)
    assert "</script><script>alert" not in page
    tree = lxml_html.fromstring(page)
    data = json.loads(tree.xpath("//script[@id='tilmash-findings']")[0].text)
    assert data["g"][0]["message"] == "</script><script>alert(1)</script>"


@needs_browser
def test_in_chromium_width_filters_and_no_script(report: Path, data: ReportData, tmp_path) -> None:
    """No sideways scrolling at 1366 px (long version names included); the language filter
    keeps the findings about the ticked version; without JavaScript no dead filters show."""
    long_names = tmp_path / "long-names.html"
    texts = {"original-script": TRIPLE["kk"], "transliterated": "Koshi-qon sayasaty 2023."}
    long_names.write_text(_page(texts, lambda _: ()), encoding="utf-8")
    for path in (report, long_names):
        with open_page(path) as (page, _):
            page.set_viewport_size({"width": 1366, "height": 900})
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 1366, f"{path.name} is {width} px wide"

    findings = data.sections[0].findings
    about_ru = [f for f in findings if "ru" in ((f.fault,) if f.fault else f.langs)]
    assert len(about_ru) < len(findings)
    with open_page(report) as (page, outside):
        for box in page.locator("input[data-filter='language']").all():
            box.set_checked(box.get_attribute("value") == "ru")
        shown = page.locator("li.finding:not(.hidden)")
        assert shown.count() == len(about_ru)
        assert page.locator(".filters output").inner_text().startswith(f"{len(about_ru)} of")
        assert outside == []

    with open_page(report, javascript=False) as (page, _):
        assert not page.locator("form.filters").is_visible()
        assert page.locator("li.finding").count() == len(findings)
        assert f"All {len(findings)} findings are listed" in page.locator("main").inner_text()


def test_a_law_is_navigated_and_its_findings_placed_by_article() -> None:
    """Units of a law carry their article: a table of articles links to each article's first
    unit with its count of findings, and each finding names its article."""
    texts = {
        "kk": ["1-бап. Мақсаты", "Заң көші-қонды 2023 жылы реттейді."],
        "ru": ["Статья 1. Цель", "Закон регулирует миграцию в 2023 году."],
    }
    docs = {
        k: build_document(k, [(t, None) for t in ts], declared_lang=k) for k, ts in texts.items()
    }
    at = {
        k: tuple(dataclasses.replace(p, path="chapter 1, article 1") for p in d.passages)
        for k, d in docs.items()
    }
    head = AlignedUnit(0, {k: ps[:1] for k, ps in at.items()}, 0.1, {"kk~ru": 0.1})
    body = AlignedUnit(1, {k: ps[1:] for k, ps in at.items()}, 0.1, {"kk~ru": 0.1})
    alignment = Alignment(docs, (head, body), "test-model")
    finding = Finding("numbers", "minor", 0.8, 1, ("kk", "ru"), "2023 differs", ())
    section = ReportSection.build(
        "law", "translations", alignment, (finding,), build_glossary(alignment)
    )
    tree = lxml_html.fromstring(render_report(ReportData({"signature": "s"}, (section,))))
    links = tree.xpath("//nav[@class='articles']//a")
    assert [a.text_content() for a in links] == ["chapter 1, article 1 1"]
    assert tree.xpath(f"//*[@id='{links[0].get('href')[1:]}']")
    place = tree.xpath("//li[contains(@class,'finding')]//span[@class='place']")
    assert [p.text_content() for p in place] == ["chapter 1, article 1"]


# --- a long law: unchanged stretches folded -----------------------------------------------


def _long_law(folder: Path, articles: int) -> list[Path]:
    """A kk/ru law in the adilet layout, `articles` articles of three paragraphs each."""
    kk, ru = (
        ["ЗҚАИ-ның ескертпесі!", "Заң ресми жарияланған күннен бастап қолданысқа енгізіледі."],
        [
            "Примечание ИЗПИ!",
            "Закон вводится в действие со дня официального опубликования.",
        ],
    )
    for a in range(1, articles + 1):
        kk.append(f"{a}-бап. Қағидалардың {a} тобы")
        ru.append(f"Статья {a}. Правила группы {a}")
        for p in range(1, 4):
            kk.append(f"{p}. Өтініш {a * 10 + p} жұмыс күні ішінде қаралады.")
            ru.append(f"{p}. Заявление рассматривается в течение {a * 10 + p} рабочих дней.")
    paths = []
    for lang, lines in (("kk", kk), ("ru", ru)):
        paths.append(folder / f"law.{lang}.txt")
        paths[-1].write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    return paths


def _long_report(folder: Path, articles: int, encoder) -> tuple[Path, Alignment, list[int]]:
    """The law's report with a finding on two units, one early, one in the middle."""
    corpus = load_corpus(_long_law(folder, articles))
    alignment = align_documents(list(corpus.documents.values()), encoder)
    flagged = [12, len(alignment.units) // 2]
    findings = tuple(
        Finding("numbers", "major", 0.9, unit, ("kk", "ru"), f"a number differs in unit {unit}")
        for unit in flagged
    )
    section = ReportSection.build(
        "law", "translations", alignment, findings, build_glossary(alignment)
    )
    path = folder / "report.html"
    path.write_text(render_report(ReportData({"signature": "s"}, (section,))), encoding="utf-8")
    return path, alignment, flagged


def test_a_long_law_folds_its_unchanged_stretches(fake_encoder, tmp_path: Path) -> None:
    """Runs of units without findings are closed <details> rows beyond two units of context;
    every unit keeps its row and anchor, and a table of articles says which start folded."""
    report, alignment, flagged = _long_report(tmp_path, 60, fake_encoder)
    tree = lxml_html.fromstring(report.read_bytes())
    rows = tree.xpath("//tr[contains(@class, 'unit')]")
    assert [r.get("id") for r in rows] == [f"unit-law-{u.index}" for u in alignment.units]
    folds = tree.xpath("//tr[@class='fold']//details")
    assert len(folds) == 3  # before, between and after the two flagged units
    assert all(d.get("open") is None for d in folds)
    shown = [r for r in rows if not r.xpath("ancestor::details")]
    assert [int(r.get("id").rsplit("-", 1)[1]) for r in shown] == [
        n for unit in flagged for n in range(unit - 2, unit + 3)
    ]
    first = tree.xpath("//tr[@class='fold']//summary")[0].text_content()
    assert re.fullmatch(r"10 unchanged units \(0–9\): article 1 – article 3", first), first
    marked = tree.xpath("//nav[@class='articles']//a[small[@class='folded']]")
    assert marked and len(marked) < len(tree.xpath("//nav[@class='articles']//a"))


@needs_browser
def test_in_chromium_a_long_law_stays_short(fake_encoder, tmp_path_factory) -> None:
    """Ten times the units make the page far less than ten times as tall; the flagged units
    show; a link into a fold opens it, with or without JavaScript."""
    heights = {}
    for articles in (30, 300):
        report, alignment, flagged = _long_report(
            tmp_path_factory.mktemp(f"law{articles}"), articles, fake_encoder
        )
        with open_page(report) as (page, outside):
            heights[len(alignment.units)] = page.evaluate("document.documentElement.scrollHeight")
            for unit in flagged:
                assert page.locator(f"tr[id='unit-law-{unit}']").is_visible()
            assert page.locator("tr.unit:visible").count() == 5 * len(flagged)
            link = page.locator("nav.articles a:has(small.folded)").last
            target = link.get_attribute("href")
            assert not page.locator(f"tr[id='{target[1:]}']").is_visible()
            link.click()
            page.wait_for_function("h => location.hash === h", arg=target)
            assert page.locator(f"tr[id='{target[1:]}']").is_visible()
            assert outside == []
    (small, short), (big, tall) = sorted(heights.items())
    assert big >= 9 * small and tall < 1.5 * short, heights

    with open_page(report, javascript=False) as (page, _):
        assert "folded" in page.locator("nav.articles").inner_text()
        summary = page.locator("tr.fold summary").nth(1)
        hidden = page.locator("tr.fold").nth(1).locator("tr.unit").first
        assert not hidden.is_visible()
        summary.click()
        assert hidden.is_visible()


def test_notes_paired_by_place_show_no_margin(fake_encoder, tmp_path: Path) -> None:
    """Editorial apparatus is paired by where it stands, not by an embedding: its row says
    "by place" where a pair margin would stand, and `tilmash align` shows no score for it."""
    from rich.console import Console

    from compare.render import alignment_table

    report, alignment, _ = _long_report(tmp_path, 3, fake_encoder)
    notes = [u for u in alignment.units if u.apparatus]
    assert notes and all(u.score is None and u.pairing == "by place" for u in notes)
    tree = lxml_html.fromstring(report.read_bytes())
    for unit in alignment.units:
        cell = tree.xpath(f"//tr[@id='unit-law-{unit.index}']/td[@class='badges']")[0]
        assert (cell.text_content() == "by place") == unit.apparatus
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(alignment_table(alignment, "law"))
    scores = [line.split("│")[1:3] for line in console.export_text().splitlines() if "│" in line]
    assert {int(n): s.strip() for n, s in scores} == {
        u.index: "by place" if u.apparatus else f"{u.score:.3f}" for u in alignment.units
    }


@needs_browser
def test_in_chromium_printing_shows_every_folded_unit(fake_encoder, tmp_path: Path) -> None:
    """Printed, the folded stretches are open: by the script around printing, and by the print
    stylesheet where scripts are off; on screen they are closed again after."""
    report, alignment, _ = _long_report(tmp_path, 30, fake_encoder)
    every = len(alignment.units)
    with open_page(report) as (page, _):
        assert page.locator("tr.unit:visible").count() < every
        page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
        assert page.locator("tr.fold details:not([open])").count() == 0
        assert page.locator("tr.unit:visible").count() == every
        page.evaluate("window.dispatchEvent(new Event('afterprint'))")
        assert page.locator("tr.fold details[open]").count() == 0
        assert page.locator("tr.unit:visible").count() < every
    with open_page(report, javascript=False) as (page, _):
        page.emulate_media(media="print")
        assert page.locator("tr.fold details[open]").count() == 0
        assert page.locator("tr.unit:visible").count() == every
