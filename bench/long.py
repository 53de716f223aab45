"""Long documents: `check` and `report` on the biggest kk/ru law against one embedding pass
(a script, not a test).

Measured in one run, each step in its own process with a fresh temporary embedding cache (the
built model is linked in, never copied or changed):
- embed: one embedding pass over the passages of both files (what every run must do at least);
- check, report: `tilmash check` / `tilmash report` end to end as a user runs them, stderr on a
  pseudo-terminal so that progress bars draw.
Prints seconds, peak RSS (MB; a command's with its worker process's, see scale.run_cli) and
each command's time as a ratio of the embedding pass; the issue's bar is at most 1.5x and
under 3 GB. Also the CPU seconds of each step (user + system,
all threads), which a shared machine's load moves far less than wall time: the engine embeds
on every core while the checks run on one, so on a busy machine the wall ratio comes out
lower than on a quiet one, and the CPU ratio says whether a change cut work.
Data: ../shared/data, never copied.
Usage: python3 bench/long.py [--law law_on_banks] [--skip check,report]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

from scale import run_cli

from realdata import DATA, ROOT, require

from compare.embed import cache_root
from compare.embed.build import default_model_dir

LAWS = DATA / "adilet_laws_kk_ru"

EMBED_PASS = """
import resource, sys, time
from pathlib import Path
from compare.corpus import load_corpus
from compare.embed import load_encoder
began = time.perf_counter()
loaded = load_corpus([Path(p) for p in sys.argv[2:]])
encoder = load_encoder(cache_dir=Path(sys.argv[1]), use_cache=False)
texts = [p.text for d in loaded.documents.values() for p in d.passages]
encoder.encode(texts)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
print(len(texts), time.perf_counter() - began, peak)
"""


def fresh_cache(parent: Path) -> Path:
    """An empty cache folder that shares the built models, the float model and every engine
    built beside it (links to them, read only), so that no step builds an engine in its time."""
    root = Path(tempfile.mkdtemp(dir=parent))
    models = default_model_dir(cache_root()).parent
    (root / models.name).mkdir()
    for built in models.iterdir():
        if built.is_dir():
            (root / models.name / built.name).symlink_to(built, target_is_directory=True)
    return root


def embed_pass(cache: Path, files: list[Path]) -> tuple[int, float, int]:
    """(passages, seconds, peak MB) of one embedding pass in its own process."""
    out = subprocess.run(
        [sys.executable, "-c", EMBED_PASS, str(cache), *map(str, files)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),  # the same engine as the commands
        check=True,
    )
    count, seconds, peak = out.stdout.split()
    return int(count), float(seconds), int(peak)


def children_cpu() -> float:
    """CPU seconds (user + system) of every finished child process so far."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--law", default="law_on_banks", help="file stem in adilet_laws_kk_ru")
    parser.add_argument("--skip", default="", help="comma-separated: check, report")
    args = parser.parse_args()
    files = [LAWS / f"{args.law}.{lang}.txt" for lang in ("kk", "ru")]
    for path in files:
        require(path, "bench/long.py")
    skip = set(filter(None, args.skip.split(",")))
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in files) / 2
    print(f"{args.law}: {words:,.0f} words a language")
    with tempfile.TemporaryDirectory(prefix="tilmash-long-") as tmp:
        folder = Path(tmp)
        began = children_cpu()
        count, base, peak = embed_pass(fresh_cache(folder), files)
        base_cpu = children_cpu() - began
        print(
            f"{'embed':8} {base:8.1f} s {peak:6d} MB  ({count} passages; {base_cpu:.1f} CPU s)",
            flush=True,
        )
        for command in ("check", "report"):
            if command in skip:
                continue
            extra = ["-o", str(folder / "report.html")] if command == "report" else []
            cache = fresh_cache(folder)
            args_ = [command, *map(str, files), "--cache-dir", str(cache), *extra]
            began = children_cpu()
            _, seconds, code, peak = run_cli(args_)
            cpu = children_cpu() - began
            print(
                f"{command:8} {seconds:8.1f} s {peak:6d} MB  x{seconds / base:.2f} of embed"
                f"  ({cpu:.1f} CPU s, x{cpu / base_cpu:.2f}; exit {code})",
                flush=True,
            )


if __name__ == "__main__":
    main()
