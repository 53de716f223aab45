"""Bilingual files translators deliver (XLIFF 1.2 and 2.0, TMX, PO) and standard input.

A bilingual file is read as one document per language whose passages are the file's segments,
aligned as the file pairs them; a finding names the segment id that holds the fault. The files
here are small ones written in each format's real namespaces and layout.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from compare import cli
from compare.align import align_group
from compare.corpus import load_corpus
from compare.errors import InputError
from compare.readers import read_bilingual, sniffed_suffix
from compare.report import build_report
from compare.writers.findings import findings_to_csv
from compare.writers.html import render_report

ROOT = Path(__file__).resolve().parent.parent
NOWHERE = ("--model", "/nonexistent/tilmash-model")

# en -> ru: segment "budget" says 6 million for 5, segment "deadline" is left untranslated.
XLIFF_12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en-US" target-language="ru-RU" datatype="plaintext" original="fund.txt">
    <body>
      <trans-unit id="intro">
        <source>The national fund supports rural schools across Kazakhstan.</source>
        <target>Национальный фонд поддерживает сельские школы по всему Казахстану.</target>
      </trans-unit>
      <trans-unit id="budget">
        <source>In 2023 the fund spent 5 million tenge on new libraries.</source>
        <target>В 2023 году фонд потратил 6 миллионов тенге на новые библиотеки.</target>
      </trans-unit>
      <trans-unit id="teachers">
        <source>Teachers received training in <g id="1">modern</g> methods.</source>
        <target>Учителя прошли обучение <g id="1">современным</g> методам.</target>
      </trans-unit>
      <trans-unit id="deadline">
        <source>Applications are accepted until the end of March.</source>
        <target/>
      </trans-unit>
    </body>
  </file>
</xliff>
"""

# en -> kk; unit u2 holds two segments, the second with 12 for 15.
XLIFF_20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="kk">
  <file id="f1">
    <unit id="u1">
      <segment id="s1">
        <source>The museum opens its new hall in May.</source>
        <target>Мұражай жаңа залын мамыр айында ашады.</target>
      </segment>
    </unit>
    <unit id="u2">
      <segment id="s1">
        <source>The hall shows old maps of the steppe.</source>
        <target>Зал даланың ескі карталарын көрсетеді.</target>
      </segment>
      <segment id="s2">
        <source>Tickets cost <pc id="b">15</pc> dollars for adults.</source>
        <target>Ересектерге билет <pc id="b">12</pc> доллар тұрады.</target>
      </segment>
    </unit>
  </file>
</xliff>
"""

# Three languages; tu "t2" says 40 in Russian for 30; the fourth tu has no Kazakh.
TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="none"
          adminlang="en" srclang="en" datatype="plaintext"/>
  <body>
    <tu tuid="t1">
      <tuv xml:lang="en"><seg>The river flows through the city.</seg></tuv>
      <tuv xml:lang="kk"><seg>Өзен қала арқылы ағады.</seg></tuv>
      <tuv xml:lang="ru"><seg>Река протекает через город.</seg></tuv>
    </tu>
    <tu tuid="t2">
      <tuv xml:lang="en"><seg>The bridge was built 30 years ago.</seg></tuv>
      <tuv xml:lang="kk"><seg>Көпір 30 жыл бұрын салынған.</seg></tuv>
      <tuv xml:lang="ru"><seg>Мост был построен 40 лет назад.</seg></tuv>
    </tu>
    <tu>
      <tuv xml:lang="en"><seg>Boats sail here in summer.</seg></tuv>
      <tuv xml:lang="kk"><seg>Жазда мұнда қайықтар жүзеді.</seg></tuv>
      <tuv xml:lang="ru"><seg>Летом здесь ходят лодки.</seg></tuv>
    </tu>
    <tu tuid="t4">
      <tuv xml:lang="en"><seg>The park is open every day.</seg></tuv>
      <tuv xml:lang="ru"><seg>Парк открыт каждый день.</seg></tuv>
    </tu>
  </body>
</tmx>
"""

# en -> kk: an entry with msgctxt, one with a location only, one with neither (3 kg for 2 kg).
PO = """msgid ""
msgstr ""
"Project-Id-Version: test\\n"
"Language: kk\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

#: src/menu.c:10
msgctxt "menu.title"
msgid "Settings"
msgstr "Баптаулар"

#: src/save.c:42
msgid "Your changes have been saved to the server."
msgstr "Өзгерістеріңіз серверге сақталды."

msgid "The parcel weighs 2 kg and arrives in a week."
msgstr "Сәлемдеме 3 кг тартады және бір аптада келеді."

#~ msgid "An old entry no longer used."
#~ msgstr "Ескі жазба."
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def run(monkeypatch, capsys, *args: object, cwd: Path, stdin: bytes | None = None):
    """`tilmash ARGS` in this process: (exit code, stdout, stderr)."""
    monkeypatch.chdir(cwd)
    monkeypatch.setattr(sys, "argv", ["tilmash", *map(str, args)])
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    with pytest.raises(SystemExit) as stop:
        cli.main()
    captured = capsys.readouterr()
    return stop.value.code or 0, captured.out, captured.err


# --- reading ---------------------------------------------------------------------------------


def test_xliff_12_segments_languages_and_ids(tmp_path):
    read = read_bilingual(write(tmp_path, "fund.xlf", XLIFF_12))
    assert (read.format, read.langs) == ("xliff", ("en", "ru"))
    assert [s.id for s in read.segments] == ["intro", "budget", "teachers", "deadline"]
    teachers = read.segments[2].texts
    assert teachers["en"] == "Teachers received training in modern methods."  # inline tags out
    assert read.segments[3].texts == {
        "en": "Applications are accepted until the end of March.",
        "ru": "",
    }


def test_xliff_20_unit_and_segment_ids(tmp_path):
    read = read_bilingual(write(tmp_path, "museum.xliff", XLIFF_20))
    assert read.langs == ("en", "kk")
    assert [s.id for s in read.segments] == ["u1::s1", "u2::s1", "u2::s2"]
    assert read.segments[2].texts["kk"] == "Ересектерге билет 12 доллар тұрады."


def test_tmx_with_three_languages_gives_three_documents(tmp_path):
    corpus = load_corpus([write(tmp_path, "river.tmx", TMX)])
    (group,) = corpus.groups
    docs = corpus.group_documents(group)
    assert [(d.id, d.lang, d.format) for d in docs] == [
        ("river.tmx:en", "en", "tmx"),
        ("river.tmx:kk", "kk", "tmx"),
        ("river.tmx:ru", "ru", "tmx"),
    ]
    assert [p.segment for p in docs[0].passages] == ["t1", "t2", "3", "t4"]  # no tuid: position
    assert [p.segment for p in docs[1].passages] == ["t1", "t2", "3"]
    assert {p.kind for d in docs for p in d.passages} == {"segment"}


def test_po_ids_are_msgctxt_location_or_entry_number(tmp_path):
    read = read_bilingual(write(tmp_path, "app.po", PO))
    assert read.langs == ("en", "kk")  # the msgids' language is detected: no header names it
    assert [s.id for s in read.segments] == ["menu.title", "src/save.c:42", "3"]


def test_po_source_language_from_its_header(tmp_path):
    text = PO.replace('"Language: kk\\n"', '"Language: kk\\n"\n"X-Source-Language: ru\\n"')
    assert read_bilingual(write(tmp_path, "app.po", text)).langs == ("ru", "kk")


def test_repeated_ids_are_numbered(tmp_path):
    text = XLIFF_12.replace('id="teachers"', 'id="intro"')
    ids = [s.id for s in read_bilingual(write(tmp_path, "fund.xlf", text)).segments]
    assert ids == ["intro", "budget", "intro (2)", "deadline"]


# --- aligned as the file pairs them -----------------------------------------------------------


def test_units_are_the_segments_and_an_empty_target_is_an_omission(tmp_path, fake_encoder):
    corpus = load_corpus([write(tmp_path, "fund.xlf", XLIFF_12)])
    alignment = align_group(corpus, corpus.groups[0], fake_encoder)
    assert [u.segment for u in alignment.units] == ["intro", "budget", "teachers", "deadline"]
    assert [u.missing for u in alignment.units] == [(), (), (), ("ru",)]
    assert alignment.units[1].text("ru").startswith("В 2023 году")


def test_a_unit_missing_in_the_first_language_keeps_the_file_order(tmp_path, fake_encoder):
    text = TMX.replace('<tuv xml:lang="en"><seg>Boats sail here in summer.</seg></tuv>', "")
    corpus = load_corpus([write(tmp_path, "river.tmx", text)])
    alignment = align_group(corpus, corpus.groups[0], fake_encoder)
    assert [u.segment for u in alignment.units] == ["t1", "t2", "3", "t4"]
    assert [u.missing for u in alignment.units] == [(), (), ("en",), ("kk",)]


@pytest.mark.parametrize(
    ("name", "text", "segment"),
    [("museum.xlf", XLIFF_20, "u2::s2"), ("river.tmx", TMX, "t2"), ("app.po", PO, "3")],
)
def test_number_fault_is_found_on_its_segment(tmp_path, fake_encoder, name, text, segment):
    corpus = load_corpus([write(tmp_path, name, text)])
    report = build_report(corpus, fake_encoder, timelines=False)
    numbers = [f for f in report.findings if f.check == "numbers"]
    assert [f.segment for f in numbers] == [segment]


def test_json_csv_and_html_name_the_segment(tmp_path, fake_encoder):
    corpus = load_corpus([write(tmp_path, "fund.xlf", XLIFF_12)])
    report = build_report(corpus, fake_encoder)
    rows = list(csv.DictReader(io.StringIO(findings_to_csv(report.data.sections))))
    by_check = {row["check"]: row["segment"] for row in rows}
    assert by_check["numbers"] == "budget"
    assert by_check["omission"] == "deadline"
    html = render_report(report.data)
    assert "segment budget" in html and "segment deadline" in html


def test_xliff_in_findings_out_on_the_same_segment_ids(tmp_path):
    """The round trip as a user runs it, with the real model: `tilmash check fund.xlf --json`."""
    write(tmp_path, "fund.xlf", XLIFF_12)
    done = subprocess.run(
        [sys.executable, "-m", "compare.cli", "check", "fund.xlf", "--json"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 1, done.stderr  # major findings
    (group,) = json.loads(done.stdout)["groups"]
    assert group["group"] == "fund.xlf"
    found = {(f["check"], f["segment"]) for f in group["findings"]}
    assert ("numbers", "budget") in found
    assert ("omission", "deadline") in found
    numbers = next(f for f in group["findings"] if f["check"] == "numbers")
    assert {s["text"] for s in numbers["spans"]} == {"5 million", "6 миллионов"}


def test_aligned_tmx_keeps_the_segment_ids(tmp_path, monkeypatch, capsys, fake_encoder):
    """`tilmash align job.xlf -o job.tmx`: each unit's segment id travels as a prop, and
    translate-toolkit reads the TMX back."""
    from translate.storage.tmx import tmxfile

    write(tmp_path, "fund.xlf", XLIFF_12)
    monkeypatch.setattr(cli, "_load_encoder", lambda model, cache_dir: fake_encoder)
    code, _, err = run(monkeypatch, capsys, "align", "fund.xlf", "-o", "fund.tmx", cwd=tmp_path)
    assert code == 0, err
    tmx = (tmp_path / "fund.tmx").read_bytes()
    assert [u.source for u in tmxfile(tmx).units][1].startswith("In 2023")
    segments = re.findall(rb'<prop type="x-segment">([^<]+)</prop>', tmx)
    # "deadline" has no ru: its <tu> stays, the missing version named in x-missing
    assert segments == [b"intro", b"budget", b"teachers", b"deadline"]


def test_aligned_units_say_the_file_paired_them(tmp_path, monkeypatch, capsys, fake_encoder):
    """No embedding scored the units of a bilingual file: the table says "file", JSON null,
    TSV leaves the score empty and the TMX writes no x-score."""
    write(tmp_path, "fund.xlf", XLIFF_12)
    monkeypatch.setattr(cli, "_load_encoder", lambda model, cache_dir: fake_encoder)
    code, out, err = run(monkeypatch, capsys, "align", "fund.xlf", "-o", "-", cwd=tmp_path)
    assert code == 0, err
    (record,) = json.loads(out)
    assert [u["score"] for u in record["units"]] == [None] * 4
    code, out, err = run(monkeypatch, capsys, "align", "fund.xlf", cwd=tmp_path)
    assert code == 0, err
    assert out.count(" file ") == 3 and "0.000" not in out  # the fourth unit lacks its ru
    for name in ("fund.tsv", "fund.tmx"):
        code, _, err = run(monkeypatch, capsys, "align", "fund.xlf", "-o", name, cwd=tmp_path)
        assert code == 0, err
    rows = (tmp_path / "fund.tsv").read_text(encoding="utf-8").splitlines()[1:]
    assert [row.split("\t")[1] for row in rows] == [""] * 4
    assert b"x-score" not in (tmp_path / "fund.tmx").read_bytes()


# --- bad files: one line, exit 2, before any model is loaded ---------------------------------


BAD_FILES = {
    "malformed XLIFF": ("bad.xlf", XLIFF_12.replace("</source>", "", 1), "malformed XML"),
    "malformed TMX": ("bad.tmx", TMX[:400], "malformed XML"),
    "broken PO": ("bad.po", 'msgid "unclosed\nmsgstr "x"\n', "not a readable PO file"),
    "no target language": (
        "bad.xlf",
        XLIFF_12.replace(' target-language="ru-RU"', ""),
        "no target language",
    ),
    "no XLIFF 2 source language": ("bad.xlf", XLIFF_20.replace(' srcLang="en"', ""), "source"),
    "language not compared": ("bad.xlf", XLIFF_20.replace('trgLang="kk"', 'trgLang="de"'), "'de'"),
    "TMX language not compared": ("bad.tmx", TMX.replace('xml:lang="kk"', 'xml:lang="fr"'), "'fr'"),
    "PO without Language": ("bad.po", PO.replace('"Language: kk\\n"\n', ""), "Language header"),
    "a TMX given as XLIFF": ("bad.xlf", TMX, "not a readable XLIFF file"),
    "no segments": (
        "bad.xlf",
        XLIFF_12.split("<body>")[0] + "<body/></file></xliff>",
        "no segments",
    ),
}


@pytest.mark.parametrize("case", BAD_FILES, ids=list(BAD_FILES))
@pytest.mark.parametrize("command", ["corpus", "check"])
def test_a_bad_bilingual_file_is_one_line_exit_2(tmp_path, monkeypatch, capsys, case, command):
    name, text, problem = BAD_FILES[case]
    write(tmp_path, name, text)
    model = NOWHERE if command == "check" else ()  # refused before any model is loaded
    code, _, err = run(monkeypatch, capsys, command, name, *model, cwd=tmp_path)
    assert code == 2
    assert "Traceback" not in err
    (line,) = err.strip().splitlines()
    assert line.startswith(f"tilmash: error: {name}: ")
    assert problem in line


# --- standard input ---------------------------------------------------------------------------


def test_sniffed_suffix_names_what_input_holds():
    assert sniffed_suffix(XLIFF_20.encode()) == ".xlf"
    assert sniffed_suffix(TMX.encode()) == ".tmx"
    assert sniffed_suffix(PO.encode()) == ".po"
    assert sniffed_suffix(b"<!DOCTYPE html><html><p>x</p></html>") == ".html"
    assert sniffed_suffix(b"%PDF-1.7") == ".pdf"
    assert sniffed_suffix(b"PK\x03\x04") == ".docx"
    assert sniffed_suffix("Бұл жай мәтін.".encode()) == ".txt"


def test_corpus_reads_standard_input(tmp_path, monkeypatch, capsys):
    code, out, err = run(
        monkeypatch, capsys, "corpus", "-", "--json", cwd=tmp_path, stdin=TMX.encode()
    )
    assert code == 0, err
    loaded = json.loads(out)
    assert [d["id"] for d in loaded["documents"]] == [
        "stdin.tmx:en",
        "stdin.tmx:kk",
        "stdin.tmx:ru",
    ]
    assert {d["path"] for d in loaded["documents"]} == {"-"}
    assert [p["segment"] for p in loaded["documents"][1]["passages"]] == ["t1", "t2", "3"]


def test_check_reads_one_bilingual_file_from_standard_input(
    tmp_path, monkeypatch, capsys, fake_encoder
):
    monkeypatch.setattr(cli, "_load_encoder", lambda model, cache_dir: fake_encoder)
    code, out, _ = run(
        monkeypatch, capsys, "check", "-", "--json", cwd=tmp_path, stdin=XLIFF_12.encode()
    )
    assert code == 1
    (group,) = json.loads(out)["groups"]
    assert ("numbers", "budget") in {(f["check"], f["segment"]) for f in group["findings"]}
    assert list(tmp_path.iterdir()) == []  # nothing left behind


def test_bad_standard_input_is_named_dash(tmp_path, monkeypatch, capsys):
    for data, problem in ((b"", "file is empty"), (XLIFF_12[:300].encode(), "malformed XML")):
        code, _, err = run(monkeypatch, capsys, "corpus", "-", cwd=tmp_path, stdin=data)
        assert code == 2
        (line,) = err.strip().splitlines()
        assert line.startswith("tilmash: error: -: ") and problem in line


# --- in a manifest ----------------------------------------------------------------------------

MANIFEST = """
[[work]]
id = "fund"
title = "A hand-written test text"
year = 2024

[[document]]
id = "fund.job"
path = "fund.xlf"
work = "fund"
lang = "{lang}"
part = "full"
"""


def test_a_bilingual_file_in_a_manifest_is_a_group_of_its_own(tmp_path):
    write(tmp_path, "fund.xlf", XLIFF_12)
    write(tmp_path, "manifest.toml", MANIFEST.format(lang="mul"))
    corpus = load_corpus([tmp_path])
    (group,) = corpus.groups
    assert (group.id, group.members) == ("fund.job", ("fund.job:en", "fund.job:ru"))
    ru = corpus.documents["fund.job:ru"]
    assert (ru.lang, ru.work, ru.part) == ("ru", "fund", "full")
    assert [p.segment for p in ru.passages] == ["intro", "budget", "teachers"]


@pytest.mark.parametrize(
    "extra, problem",
    [
        ("", r"fund\.xlf is a bilingual file, which gives its own languages; write lang"),
        (
            '[[group]]\nid = "g"\nrelation = "translations"\nmembers = ["fund.job", "other"]\n'
            '[[document]]\nid = "other"\npath = "other.txt"\nwork = "fund"\nlang = "ru"\n'
            'part = "full"\n',
            r"member 'fund\.job' is a bilingual file, compared as a group of its own",
        ),
    ],
)
def test_a_bilingual_file_in_a_manifest_is_declared_as_one(tmp_path, extra, problem):
    write(tmp_path, "fund.xlf", XLIFF_12)
    write(tmp_path, "other.txt", "Текст.")
    lang = "ru" if not extra else "mul"
    write(tmp_path, "manifest.toml", MANIFEST.format(lang=lang) + extra)
    with pytest.raises(InputError, match=problem):
        load_corpus([tmp_path])


def test_diff_refuses_a_bilingual_file_saying_what_reads_it(tmp_path, monkeypatch, capsys):
    write(tmp_path, "fund.xlf", XLIFF_12)
    write(tmp_path, "fund.ru.txt", "Текст.")
    code, _, err = run(
        monkeypatch, capsys, "diff", "fund.xlf", "fund.ru.txt", *NOWHERE, cwd=tmp_path
    )
    assert code == 2
    (line,) = err.strip().splitlines()
    assert line == (
        "tilmash: error: fund.xlf: a bilingual file holds two or more languages, not one "
        "version; `tilmash check fund.xlf` compares its languages segment by segment"
    )
