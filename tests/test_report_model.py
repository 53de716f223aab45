"""The report's data model, built by the library and read by the writers, on the fast layer
(the fake encoder): no model is loaded here."""

from __future__ import annotations

import ast
from itertools import combinations
from pathlib import Path

from lexicon_units import JOIN3, PAIRS

import compare
from compare.checks.run import MIN_LEXICON_UNITS
from compare.corpus import load_corpus
from compare.report import build_report

ABSTRACT = Path(__file__).resolve().parents[1] / "documents" / "kaliaskarova-2022"
LIBRARY = Path(compare.__file__).parent


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_no_library_module_imports_a_writer() -> None:
    library = [p for p in LIBRARY.rglob("*.py") if "writers" not in p.parts and p.name != "cli.py"]
    offenders = {
        str(p.relative_to(LIBRARY)): sorted(
            m for m in _imports(p) if m.startswith("compare.writers")
        )
        for p in library
    }
    assert {p: m for p, m in offenders.items() if m} == {}


def test_report_data_from_the_fake_encoder(fake_encoder) -> None:
    corpus = load_corpus([ABSTRACT / f"front.{lang}.txt" for lang in ("kk", "ru", "en")])
    report = build_report(corpus, fake_encoder)
    (section,) = report.data.sections
    assert section.relation == "translations"
    assert report.findings == section.findings
    # The keyword lists give the glossary; the matrix reads the consistency check's renderings.
    assert section.glossary.concepts
    assert set(section.renderings) == {c.id for c in section.glossary.concepts}
    kw1 = section.renderings[section.glossary.concepts[0].id]
    assert set(kw1) <= {"kk", "ru", "en"} and all(r.count >= 1 for rs in kw1.values() for r in rs)


def test_signature_names_every_check_and_the_numbers_tolerances(fake_encoder) -> None:
    corpus = load_corpus([ABSTRACT / f"front.{lang}.txt" for lang in ("kk", "ru", "en")])
    fields = build_report(corpus, fake_encoder).data.signature
    assert fields["model"] == "fake-trigrams"
    for part in ("align", "meaning", "omission", "numbers"):
        assert part in fields and f"|{part}:" in fields["signature"]
    assert "unit_tolerance=0.06" in fields["numbers"]
    assert "degrees_tolerance=1.5" in fields["numbers"]


def test_word_checks_learn_a_lexicon_from_the_run(fake_encoder) -> None:
    corpus = load_corpus([ABSTRACT / f"front.{lang}.txt" for lang in ("kk", "ru", "en")])
    plain = build_report(corpus, fake_encoder)
    assert plain.lexicon is None and "replaced" not in plain.data.signature
    report = build_report(corpus, fake_encoder, words=True)
    assert report.lexicon is not None  # what it holds depends on the alignment (fake here)
    assert {pair[0] for pair in report.lexicon.entries} == {"kk", "ru", "en"}
    for check in ("replaced", "gap", "uniformity"):
        assert f"|{check}:" in report.data.signature["signature"]
    for finding in report.findings:
        if finding.check in ("replaced", "gap", "uniformity"):
            assert finding.details["lang"] in ("kk", "ru", "en")


# An invented law in the adilet.zan.kz layout: one article of definitions, a sub-point for
# every three of eight concepts (56), kk and ru.
LAW_CONCEPTS = [*PAIRS, ("мұражай", "музей")]
LAW_HEAD = {
    "kk": "1-бап. Негізгі ұғымдар\n\n      Осы Заңда мынадай ұғымдар пайдаланылады:\n",
    "ru": "Статья 1. Основные понятия\n\n      В настоящем Законе используются следующие понятия:\n",
}


def _law(tmp_path: Path, subpoints: int, dropped: int) -> list[Path]:
    """The law's kk and ru files with its first `subpoints` sub-points; in sub-point
    `dropped` the ru text names only the first of its three concepts."""
    trios = list(combinations(LAW_CONCEPTS, 3))[:subpoints]
    paths = []
    for n, lang in enumerate(("kk", "ru")):
        lines = [LAW_HEAD[lang]]
        for i, trio in enumerate(trios, 1):
            named = trio[:1] if lang == "ru" and i == dropped else trio
            text = JOIN3[lang].format(*(c[n] for c in trio)) if len(named) == 3 else named[0][n]
            lines.append(f"      {i}) {text.rstrip('.')};\n")
        path = tmp_path / f"law.{lang}.txt"
        path.write_text("\n".join(lines), encoding="utf-8")
        paths.append(path)
    return paths


def test_the_gap_check_runs_by_default_on_a_run_big_enough_to_learn_from(
    tmp_path: Path, fake_encoder
) -> None:
    report = build_report(load_corpus(_law(tmp_path, 56, dropped=20)), fake_encoder)
    assert MIN_LEXICON_UNITS <= 56
    assert report.lexicon is not None
    signature = report.data.signature["signature"]
    assert "|gap:" in signature
    assert "|replaced:" not in signature and "|uniformity:" not in signature
    # The one phrase found missing is the one the ru sub-point 20) lacks, and only there.
    _, second, third = list(combinations(LAW_CONCEPTS, 3))[19]
    (gap,) = [f for f in report.findings if f.check == "gap"]
    assert (gap.details["lang"], gap.severity) == ("ru", "minor")
    assert gap.spans[0].text == f"{second[0]} және {third[0]}"
    assert gap.context["ru"].startswith("20)")


def test_the_gap_check_stays_off_on_a_run_too_small_to_learn_from(
    tmp_path: Path, fake_encoder
) -> None:
    report = build_report(load_corpus(_law(tmp_path, 12, dropped=5)), fake_encoder)
    assert MIN_LEXICON_UNITS > 12
    assert report.lexicon is None
    assert "|gap:" not in report.data.signature["signature"]
    assert not [f for f in report.findings if f.check == "gap"]
