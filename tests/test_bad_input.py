"""Bad input as a careless or hostile user gives it, through the command line's main().

Every refusal must be exit code 2 and one line naming the file, never a traceback, and must
leave the folder exactly as it was (same bytes, same mtimes, no temporary files). Refusals
run with --model pointing nowhere: a refusal that came after the model load would fail on
the model instead, so these tests also prove that nothing slow runs before the refusal.

Most cases run in this process through `compare.cli.main` (fast: one import, no model);
a few run as a real `python -m compare.cli` process to test the entry point itself.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from compare import cli
from compare.cli import main
from compare.errors import TilmashError
from compare.writers import atomic_write

ROOT = Path(__file__).resolve().parent.parent
NOWHERE = ("--model", "/nonexistent/tilmash-model")


def nowhere(command: str) -> tuple[str, ...]:
    """The model option pointing nowhere, for the commands that load a model."""
    return () if command == "corpus" else NOWHERE


KK_HTML = "<html><body><p>Бұл бірінші сөйлем мұнда жазылған.</p><p>Екінші сөйлем.</p></body></html>"
RU_HTML = "<html><body><p>Это первое предложение здесь.</p><p>Второе предложение.</p></body></html>"
KK_TEXT = "Бұл зерттеу [sic] көші-қон туралы жазылған.\nЕкінші бөлім [/i] деректерді сипаттайды.\n"
RU_TEXT = "Это исследование [in Russian] о миграции.\nВторая часть [/] описывает данные.\n"
EN_TEXT = "This study is about migration in Kazakhstan.\nThe second part describes the data.\n"


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def tilmash(monkeypatch, capsys):
    """Run the command line in this process, in a folder, as `tilmash ARGS` would."""

    def run(*args: object, cwd: Path) -> Result:
        monkeypatch.chdir(cwd)
        monkeypatch.setattr(sys, "argv", ["tilmash", *map(str, args)])
        with pytest.raises(SystemExit) as stop:
            main()
        captured = capsys.readouterr()
        return Result(stop.value.code or 0, captured.out, captured.err)

    return run


def process(*args: object, cwd: Path) -> Result:
    """Run `python -m compare.cli ARGS` as a separate process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "compare.cli", *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return Result(done.returncode, done.stdout, done.stderr)


def snapshot(folder: Path) -> dict[str, tuple]:
    """Every entry under folder: bytes and mtime of files, targets of symlinks."""
    state: dict[str, tuple] = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        if path.is_symlink():
            state[str(path)] = ("link", os.readlink(path))
        elif path.is_dir():
            state[str(path)] = ("dir",)
        else:
            state[str(path)] = ("file", path.read_bytes(), info.st_mtime_ns)
    return state


def assert_refused(result: Result, *names: str) -> str:
    assert result.code == 2, result
    assert "Traceback" not in result.err
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("tilmash: error: ")
    for name in names:
        assert name in lines[0], lines[0]
    return lines[0]


def no_temp_files(folder: Path) -> bool:
    return not any(
        ".tilmash-tmp" in p.name or p.name.startswith(".building-") for p in folder.rglob("*")
    )


# --- outputs that are inputs, folders, or nowhere -------------------------------------------


@pytest.fixture
def work(tmp_path) -> Path:
    """A folder a user works in: two inputs and every kind of trap for an output."""
    (tmp_path / "kk.html").write_text(KK_HTML, encoding="utf-8")
    (tmp_path / "ru.html").write_text(RU_HTML, encoding="utf-8")
    (tmp_path / "tilmash-report.html").write_text(KK_HTML, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "link.html").symlink_to("kk.html")
    os.link(tmp_path / "ru.html", tmp_path / "hard.html")
    (tmp_path / "beside.json").symlink_to("kk.html")  # the JSON written beside beside.html
    (tmp_path / "linked.csv").symlink_to("kk.html")
    (tmp_path / "linked.tsv").symlink_to("ru.html")
    (tmp_path / "folder.html").mkdir()
    (tmp_path / "jsondir.json").mkdir()  # the JSON beside jsondir.html is a folder
    (tmp_path / "exp").mkdir()
    os.link(tmp_path / "kk.html", tmp_path / "exp" / "findings.csv")
    (tmp_path / "plain.txt").write_text("not a folder\n", encoding="utf-8")
    (tmp_path / "terms.csv").write_text("id,kk,ru\n1,сөйлем,предложение\n", encoding="utf-8")
    return tmp_path


PAIR = ("kk.html", "ru.html")
REFUSALS = {
    "report -o input": (["report", *PAIR, "-o", "kk.html"], "kk.html"),
    "report -o ./input": (["report", *PAIR, "-o", "./kk.html"], "kk.html"),
    "report -o via ..": (["report", *PAIR, "-o", "sub/../ru.html"], "sub/../ru.html"),
    "report -o symlink to input": (["report", *PAIR, "-o", "link.html"], "link.html"),
    "report -o hard link to input": (["report", *PAIR, "-o", "hard.html"], "hard.html"),
    "report default name": (["report", "tilmash-report.html", "ru.html"], "tilmash-report.html"),
    "report JSON beside is an input": (["report", *PAIR, "-o", "beside.html"], "beside.json"),
    "report -o a folder": (["report", *PAIR, "-o", "folder.html"], "folder.html"),
    "report JSON beside is a folder": (["report", *PAIR, "-o", "jsondir.html"], "jsondir.json"),
    "report -o into a missing folder": (["report", *PAIR, "-o", "gone/r.html"], "gone"),
    "report -o not HTML": (["report", *PAIR, "-o", "r.pdf"], "r.pdf"),
    "report export = input": (["report", *PAIR, "-o", "r.html", "--export", "exp"], "findings.csv"),
    "export is a file": (["report", *PAIR, "-o", "r.html", "--export", "plain.txt"], "plain.txt"),
    "check -o symlink to input": (["check", *PAIR, "-o", "linked.csv"], "linked.csv"),
    "check -o glossary": (
        ["check", *PAIR, "--glossary", "terms.csv", "-o", "terms.csv"],
        "terms.csv",
    ),
    "check -o a folder": (["check", *PAIR, "-o", "jsondir.json"], "jsondir.json"),
    "check -o into a missing folder": (["check", *PAIR, "-o", "gone/f.json"], "gone"),
    "check -o unknown suffix": (["check", *PAIR, "-o", "f.pdf"], "f.pdf"),
    "align -o symlink to input": (["align", *PAIR, "-o", "linked.tsv"], "linked.tsv"),
    "align -o into a missing folder": (["align", *PAIR, "-o", "gone/a.tmx"], "gone"),
    "align -o unknown suffix": (["align", *PAIR, "-o", "a.doc"], "a.doc"),
    "check -o unknown suffix, before reading": (
        ["check", "gone.txt", "-o", "x.unknown"],
        "x.unknown",
    ),
    "report -o - (HTML and its JSON)": (["report", *PAIR, "-o", "-"], "-"),
    "report --export -": (["report", *PAIR, "--export", "-"], "--export -"),
    "check --save-lexicon not CSV": (["check", *PAIR, "--save-lexicon", "lex.xlsx"], "lex.xlsx"),
    "missing input with brackets": (["corpus", "missing [/].txt"], "missing [/].txt"),
}


@pytest.mark.parametrize("case", REFUSALS, ids=list(REFUSALS))
def test_output_refused_before_any_work(tilmash, work, case):
    args, name = REFUSALS[case]
    before = snapshot(work)
    line = assert_refused(tilmash(*args, *nowhere(args[0]), cwd=work), name)
    assert "model" not in line  # refused before the model was loaded
    assert snapshot(work) == before


def test_real_process_refuses_overwriting_an_input(work):
    before = snapshot(work)
    assert_refused(process("report", *PAIR, "-o", "kk.html", *NOWHERE, cwd=work), "kk.html")
    assert snapshot(work) == before


# --- folders the user cannot write into ----------------------------------------------------


@pytest.fixture
def read_only(work, monkeypatch):
    """A read-only folder `ro` (and the permission check denying it too when run as root,
    whom file modes do not stop)."""
    folder = work / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    if os.geteuid() == 0:
        real_access = os.access

        def access(path, mode, **kwargs):
            if Path(path).resolve() == folder.resolve() and mode & os.W_OK:
                return False
            return real_access(path, mode, **kwargs)

        monkeypatch.setattr(os, "access", access)
    yield folder
    folder.chmod(0o755)


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (["report", "../kk.html", "../ru.html"], "tilmash-report.html"),  # cwd is read-only
        (["check", "../kk.html", "../ru.html", "-o", "f.json"], "f.json"),
        (["align", "../kk.html", "../ru.html", "-o", "a.tsv"], "a.tsv"),
        (["report", "../kk.html", "../ru.html", "-o", "../r.html", "--export", "x"], "x"),
    ],
)
def test_read_only_folder_refused_before_any_work(tilmash, read_only, args, name):
    before = snapshot(read_only.parent)
    line = assert_refused(tilmash(*args, *NOWHERE, cwd=read_only), name)
    assert "permission denied" in line
    assert snapshot(read_only.parent) == before


def test_a_failed_write_is_one_line_and_leaves_nothing(tmp_path, monkeypatch):
    import tempfile

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    with monkeypatch.context() as patch:
        patch.setattr(tempfile, "mkstemp", denied)
        with pytest.raises(TilmashError, match=r"out\.json: cannot write it \(Permission denied\)"):
            atomic_write(tmp_path / "out.json", "{}")
    (tmp_path / "out.json").mkdir()  # os.replace onto a folder fails after the temp file exists
    with pytest.raises(TilmashError, match=r"out\.json: cannot write it"):
        atomic_write(tmp_path / "out.json", "{}")
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


# --- manifests ------------------------------------------------------------------------------


def write_manifest(folder: Path, path_a: str, lang_a: str = "kk", group: str = "g") -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "a.kk.txt").write_text(KK_TEXT, encoding="utf-8")
    (folder / "b.ru.txt").write_text(RU_TEXT, encoding="utf-8")
    manifest = folder / "manifest.toml"
    manifest.write_text(
        f"""[[work]]
id = "w"
title = "T"
year = 2022

[[document]]
id = "a"
path = "{path_a}"
work = "w"
lang = "{lang_a}"
part = "front"

[[document]]
id = "b"
path = "b.ru.txt"
work = "w"
lang = "ru"
part = "front"

[[group]]
id = "{group}"
relation = "translations"
members = ["a", "b"]
""",
        encoding="utf-8",
    )
    return manifest


@pytest.fixture
def secret(tmp_path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text("A private note of the user, never to be shared.\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("how", ["../", "absolute", "symlink"])
@pytest.mark.parametrize("command", ["corpus", "check", "report", "align"])
def test_manifest_paths_stay_in_its_folder(tilmash, tmp_path, secret, how, command):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    target = {"../": "../secret.txt", "absolute": str(secret), "symlink": "link.txt"}[how]
    if how == "symlink":
        (corpus / "link.txt").symlink_to(secret)
    write_manifest(corpus, target)
    before = snapshot(tmp_path)
    line = assert_refused(
        tilmash(command, "corpus", *nowhere(command), cwd=tmp_path), "manifest.toml"
    )
    assert "outside the manifest's folder" in line and "--allow-outside-paths" in line
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize(
    ("command", "output", "target"),
    [
        ("check", "out.json", "manifest.toml"),
        ("align", "out.tsv", "a.kk.txt"),
        ("report", "out.html", "b.ru.txt"),
    ],
)
def test_output_onto_a_manifest_input_is_refused(tilmash, tmp_path, command, output, target):
    write_manifest(tmp_path / "corpus", "a.kk.txt")
    (tmp_path / "corpus" / output).symlink_to(target)
    before = snapshot(tmp_path)
    args = (command, "corpus", "-o", f"corpus/{output}", *NOWHERE)
    assert_refused(tilmash(*args, cwd=tmp_path), output, target)
    assert snapshot(tmp_path) == before


def test_saved_catalogue_text_stays_in_its_folder(tilmash, tmp_path, secret):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "manifest.toml").write_text(
        '[[catalogue]]\nid = "law"\nkind = "law"\nissuer = "I"\nyear = 2020\n'
        'save_as = "law"\nlangs = ["ru"]\n',
        encoding="utf-8",
    )
    (corpus / "law.ru.txt").symlink_to(secret)
    line = assert_refused(tilmash("corpus", "corpus", cwd=tmp_path), "manifest.toml")
    assert "'law.ru.txt' leads outside the manifest's folder" in line


def test_outside_paths_can_be_allowed(tilmash, tmp_path, secret):
    write_manifest(tmp_path / "corpus", "../secret.txt")
    result = tilmash("corpus", "corpus", "--json", "--allow-outside-paths", cwd=tmp_path)
    assert result.code == 0 and "A private note" in result.out


def test_manifest_with_bom_is_read(tilmash, tmp_path):
    manifest = write_manifest(tmp_path / "corpus", "a.kk.txt")
    manifest.write_bytes(b"\xef\xbb\xbf" + manifest.read_bytes())
    result = tilmash("corpus", "corpus", cwd=tmp_path)
    assert result.code == 0, result.err
    assert "translations" in result.out


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "declares no documents"),
        ('[[work]]\nid = "w"\ntitle = "T"\nyear = 2022\n', "declares no documents"),
        ("x = " + "[" * 5000 + "]" * 5000, "nested too deeply"),
    ],
    ids=["empty", "works only", "deeply nested"],
)
@pytest.mark.parametrize("command", ["corpus", "align", "check"])
def test_hopeless_manifest_is_one_line(tilmash, tmp_path, text, problem, command):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "manifest.toml").write_text(text, encoding="utf-8")
    line = assert_refused(
        tilmash(command, "corpus", *nowhere(command), cwd=tmp_path), "manifest.toml"
    )
    assert problem in line


@pytest.mark.parametrize("command", ["corpus", "align", "check", "report"])
def test_declared_language_that_reads_otherwise_is_warned_everywhere(tilmash, tmp_path, command):
    corpus = tmp_path / "corpus"
    write_manifest(corpus, "a.en.txt", lang_a="kk")
    (corpus / "a.en.txt").write_text(EN_TEXT, encoding="utf-8")
    refused_output = {"align": "gone/a.tsv", "check": "gone/f.json", "report": "gone/r.html"}
    output = ("-o", refused_output[command]) if command in refused_output else ()
    result = tilmash(command, "corpus", *output, *nowhere(command), cwd=tmp_path)
    warnings = [line for line in result.err.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1
    assert warnings[0].startswith("warning: corpus/a.en.txt: declared 'kk' but reads as 'en' (")
    assert result.code == (2 if output else 0)  # warned while reading, before the refusal


# --- square brackets in names and texts -----------------------------------------------------


@pytest.fixture
def brackets(tmp_path) -> Path:
    (tmp_path / "abstract [final].kk.txt").write_text(KK_TEXT, encoding="utf-8")
    (tmp_path / "abstract [final].ru.txt").write_text(RU_TEXT, encoding="utf-8")
    return tmp_path


BRACKET_PAIR = ("abstract [final].kk.txt", "abstract [final].ru.txt")


def test_deeply_nested_html_is_one_line(tilmash, tmp_path):
    (tmp_path / "deep.html").write_text("<div>" * 50000 + "text" + "</div>" * 50000)
    line = assert_refused(tilmash("corpus", "deep.html", cwd=tmp_path), "deep.html")
    assert "nested too deeply" in line


def test_bracketed_names_are_shown_as_written(tilmash, brackets):
    result = tilmash("corpus", *BRACKET_PAIR, cwd=brackets)
    assert result.code == 0, result.err
    assert "abstract [final].kk.txt" in result.out


def test_bracketed_group_id_is_shown_as_written(tilmash, tmp_path):
    write_manifest(tmp_path / "corpus", "a.kk.txt", group="g [/] [final]")
    result = tilmash("corpus", "corpus", cwd=tmp_path)
    assert result.code == 0, result.err
    assert "g [/] [final]" in result.out


def test_real_process_shows_brackets(brackets):
    result = process("corpus", *BRACKET_PAIR, cwd=brackets)
    assert result.code == 0 and "Traceback" not in result.err
    assert "abstract [final].ru.txt" in result.out


def test_model_commands_keep_brackets_and_inputs(tilmash, brackets, fake_encoder, monkeypatch):
    """align, check, report (with export) and diff on bracketed names and texts: every
    command prints the text as written, writes its outputs and leaves the inputs alone.
    The embeddings come from the suite's fake encoder: what is tested here is the terminal
    output and the files, not the model."""
    monkeypatch.setattr(cli, "_load_encoder", lambda model, cache_dir: fake_encoder)
    inputs = {name: snapshot(brackets)[str(brackets / name)] for name in BRACKET_PAIR}

    aligned = tilmash("align", *BRACKET_PAIR, cwd=brackets)
    assert aligned.code == 0, aligned.err
    flat = " ".join(aligned.out.split())
    for kept in ("[sic]", "[/i]", "[in Russian]", "[/]"):
        assert kept in flat

    written = tilmash("align", *BRACKET_PAIR, "-o", "pair [1].tsv", cwd=brackets)
    assert written.code == 0, written.err
    assert "[in Russian]" in (brackets / "pair [1].tsv").read_text(encoding="utf-8")

    checked = tilmash("check", *BRACKET_PAIR, "--fail-on", "none", cwd=brackets)
    assert checked.code == 0, checked.err

    reported = tilmash(
        "report",
        *BRACKET_PAIR,
        "-o",
        "r [x].html",
        "--export",
        "ex [1]",
        "--fail-on",
        "none",
        cwd=brackets,
    )
    assert reported.code == 0, reported.err
    assert (brackets / "r [x].html").is_file() and (brackets / "r [x].json").is_file()
    assert (brackets / "ex [1]" / "findings.csv").is_file()

    diffed = tilmash("diff", *BRACKET_PAIR, "--all", cwd=brackets)
    assert diffed.code == 0, diffed.err
    assert "[sic]" in " ".join(diffed.out.split())

    for result in (aligned, written, checked, reported, diffed):
        assert "Traceback" not in result.err
    assert {name: snapshot(brackets)[str(brackets / name)] for name in BRACKET_PAIR} == inputs
    assert no_temp_files(brackets)


def test_align_with_versions_only_says_nothing_to_align(tilmash, tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for year in ("2014", "2022"):
        (folder / f"law-{year}.ru.txt").write_text(RU_TEXT, encoding="utf-8")
    documents = "".join(
        f'[[document]]\nid = "law-{year}"\npath = "law-{year}.ru.txt"\nlang = "ru"\n'
        f'work = "law"\npart = "body"\nversion = "{year}"\n\n'
        for year in ("2014", "2022")
    )
    (folder / "manifest.toml").write_text(
        '[[work]]\nid = "law"\ntitle = "Law"\nyear = 2014\n\n'
        + documents
        + '[[group]]\nid = "law-series"\nrelation = "versions"\nmembers = ["law-2014", "law-2022"]\n',
        encoding="utf-8",
    )
    line = assert_refused(tilmash("align", "corpus", *NOWHERE, cwd=tmp_path))
    assert line.endswith(
        "nothing to align: the documents are in ru only; "
        "give two or more language versions of one text"
    )
