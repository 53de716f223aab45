"""The command line as a user meets it: exit codes and one-line errors, run as a real process."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def tilmash(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "compare", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_version():
    result = tilmash("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("tilmash ")


def test_a_run_collects_young_garbage_at_its_own_pace(monkeypatch):
    from compare.cli import GC_YOUNG_THRESHOLD, main

    before = gc.get_threshold()
    monkeypatch.setattr(sys, "argv", ["tilmash", "--version"])
    try:
        with pytest.raises(SystemExit) as exited:
            main()
        assert exited.value.code == 0
        assert gc.get_threshold() == (GC_YOUNG_THRESHOLD, *before[1:])
    finally:
        gc.set_threshold(*before)


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("missing.txt", None, "missing.txt"),
        ("empty.txt", b"", "empty"),
        ("notes.odt", b"PK\x03\x04", "notes.odt"),
        ("broken.docx", b"not a zip file", "broken.docx"),
    ],
)
def test_bad_input_is_one_line_exit_2(tmp_path, name, content, problem):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = tilmash("corpus", str(path))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert problem in lines[0]
    if content is not None:
        assert path.read_bytes() == content  # the user's file is untouched


def test_no_documents_here(tmp_path):
    result = tilmash("corpus", cwd=tmp_path)
    assert result.returncode == 2
    assert "no documents/manifest.toml" in result.stderr


def test_help_shows_an_example():
    result = tilmash("corpus", "--help")
    assert result.returncode == 0
    assert "Example" in result.stdout


def test_bad_lexicon_is_one_line_exit_2(tmp_path):
    texts = []
    for lang in ("kk", "ru"):
        texts.append(tmp_path / f"a.{lang}.txt")
        texts[-1].write_text("Мәтін.\n" if lang == "kk" else "Текст.\n", encoding="utf-8")
    dix = tmp_path / "words.dix"
    dix.write_text("<dictionary/>", encoding="utf-8")
    result = tilmash("check", *map(str, texts), "--lexicon", str(dix))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "words.dix" in lines[0] and "languages" in lines[0], result.stderr
