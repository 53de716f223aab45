"""How tilmash scales: many small files, one long text, and a third version that does not match
(a script, not a test). Inputs are built from NTREX-128 in a temporary folder and deleted after.

- folder: 500 small files (166 stems in kk, ru and en, and two files alone), run through
  `tilmash corpus` and `tilmash check` as a user runs them: seconds to the first output on
  stderr (a terminal, so progress shows) and in all; and the same folder without language tags,
  which must end in one line instead of running.
- long: loading one long Russian text (the NTREX lines repeated to `--long-mb` megabytes):
  seconds and peak memory of `tilmash corpus` on it.
- mismatch: the omission check on kk and ru lines with unrelated en lines in place of their
  translation, with and without the limit on unit size (`OmissionCheck.max_passages`): the
  clauses left out within the check's budget (of those eligible) and the characters of
  shortened text to embed, and seconds without an embedding cache (without the limit only
  with --time-unlimited); and the findings on a matching triple with both, which must be
  identical.
- full: peak memory and seconds of `tilmash check` on the whole 1,997-line kk/ru/en document
  (`--full`; slow when its passages are not cached yet).
Usage: python3 bench/scale.py [--lines 300] [--long-mb 50] [--full] [--time-unlimited]
[--skip folder,long,mismatch]
"""

from __future__ import annotations

import argparse
import os
import pty
import re
import resource
import select
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from realdata import NTREX, ROOT, ntrex_lines, require

LANGS = ("kk", "ru", "en")


def run_cli(args: list[str]) -> tuple[float, float, int, int]:
    """(seconds to first output, seconds in all, exit code, peak MB) of `tilmash ARGS`, its
    stderr on a pseudo-terminal so that progress bars draw as a user sees them. The peak is
    the larger of the process tree's summed resident memory, sampled every 0.2 s, and the
    largest child's own peak."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), COLUMNS="100")
    master, slave = pty.openpty()
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "compare", *args],
        stdout=subprocess.DEVNULL,
        stderr=slave,
        env=env,
        cwd=ROOT,
    )
    os.close(slave)
    first = None
    tree_peak = 0
    while True:
        tree_peak = max(tree_peak, tree_rss_mb(proc.pid))
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                chunk = b""
            if chunk and first is None:
                first = time.perf_counter() - start
            if not chunk and proc.poll() is not None:
                break
        elif proc.poll() is not None:
            break
    code = proc.wait()
    total = time.perf_counter() - start
    os.close(master)
    peak = max(tree_peak, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)
    return first if first is not None else total, total, code, peak


def tree_rss_mb(pid: int) -> int:
    """The resident memory (MB) of a process and every process under it, summed: a run with
    a worker process holds both at once. 0 once it has ended."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            tasks = Path(f"/proc/{current}/task")
            todo += [int(c) for t in tasks.iterdir() for c in (t / "children").read_text().split()]
        except OSError:
            continue
        resident = re.search(r"^VmRSS:\s+(\d+)", status, re.MULTILINE)  # none once a zombie
        total += int(resident[1]) if resident else 0
    return total // 1024


def write_folder(folder: Path, tagged: bool) -> int:
    """500 files of three NTREX lines each: 166 stems in three languages and two alone."""
    lines = {lang: ntrex_lines(lang) for lang in LANGS}
    count = 0
    for n in range(167):
        for lang in LANGS if n < 166 else LANGS[:2]:
            name = f"text{n:03d}.{lang}.txt" if tagged else f"text{n:03d}{lang[0]}.txt"
            if n == 166:
                name = f"alone{lang}.{lang}.txt" if tagged else f"alone{lang}.txt"
            (folder / name).write_text("\n".join(lines[lang][3 * n : 3 * n + 3]), "utf-8")
            count += 1
    return count


def bench_folder(tmp: Path) -> None:
    for tagged in (True, False):
        folder = tmp / ("tagged" if tagged else "untagged")
        folder.mkdir()
        count = write_folder(folder, tagged)
        label = "tagged" if tagged else "untagged"
        for command in ("corpus", "check"):
            args = [command, str(folder)]
            if command == "check":
                args += ["--json", "--fail-on", "none"]
            first, total, code, _ = run_cli(args)
            print(
                f"folder {label} {count} files, {command}: first output {first:.1f} s, "
                f"total {total:.1f} s, exit {code}"
            )


def bench_long(tmp: Path, megabytes: int) -> None:
    text = "\n".join(ntrex_lines("ru")) + "\n"
    path = tmp / "long.ru.txt"
    with path.open("w", encoding="utf-8") as f:
        for _ in range(max(1, megabytes * 2**20 // len(text.encode()))):
            f.write(text)
    size = path.stat().st_size / 2**20
    first, total, code, peak = run_cli(["corpus", str(path), "--json"])
    print(
        f"long text {size:.0f} MB, corpus: first output {first:.1f} s, total {total:.1f} s, "
        f"exit {code}, peak {peak} MB (largest child so far)"
    )


def triple(tmp: Path, lines: int, matching: bool) -> list[Path]:
    en = ntrex_lines("en")
    texts = {
        "kk": ntrex_lines("kk")[:lines],
        "ru": ntrex_lines("ru")[:lines],
        "en": en[:lines] if matching else en[-lines:],
    }
    stem = "match" if matching else "mismatch"
    paths = []
    for lang, rows in texts.items():
        path = tmp / f"{stem}.{lang}.txt"
        path.write_text("\n".join(rows) + "\n", "utf-8")
        paths.append(path)
    return paths


def leaveout_load(check, units) -> tuple[int, int, int, float]:
    """(clauses eligible, clauses left out, characters of the shortened texts to embed, the
    budget in characters) for one omission check, chosen within its budget by the check's own
    functions (embedding the units' versions once with the check's encoder)."""
    from compare.checks.leaveout import budget_chars, shortened_chars
    from compare.checks.similarity import embed_versions, pair_scores, version_keys

    keys = version_keys(units)
    pairs = pair_scores(units, embed_versions(check.encoder, units, keys), check.k)
    pieces, _ = check.leaveout_pieces(units, keys, pairs)
    chars = sum(shortened_chars(units, p) for p in pieces)
    return (
        len(check.pieces(units, keys)),
        len(pieces),
        chars,
        budget_chars(units, keys, check.budget),
    )


def bench_mismatch(tmp: Path, lines: int, time_unlimited: bool) -> None:
    """Per triple (kk, ru and unrelated or matching en): the alignment's unit sizes, the
    leave-one-out load with and without the unit limit, and the omission check's seconds
    without an embedding cache (unlimited on the mismatched triple only when asked: hours)."""
    from compare.align import align_group
    from compare.checks.omission import OmissionCheck
    from compare.checks.run import unit_texts
    from compare.corpus import load_corpus
    from compare.embed import load_encoder

    cached = load_encoder(announce=lambda m: None)
    fresh = load_encoder(use_cache=False, announce=lambda m: None)
    limit = OmissionCheck(fresh).max_passages
    for matching in (False, True):
        corpus = load_corpus(triple(tmp, lines, matching))
        (group,) = corpus.groups
        start = time.perf_counter()
        units = unit_texts(align_group(corpus, group, cached))
        aligned = time.perf_counter() - start
        biggest = max(len(ps) for u in units for ps in u.passages.values())
        label = "matching" if matching else "mismatched en"
        print(
            f"{label}, {lines} lines: align {aligned:.0f} s, {len(units)} units, "
            f"largest unit {biggest} passages in one version"
        )
        found = {}
        for cap in (None, limit):
            eligible, left, chars, budget = leaveout_load(
                OmissionCheck(cached, max_passages=cap), units
            )
            line = (
                f"  max_passages={cap}: {left} of {eligible} clauses left out, {chars:,} "
                f"characters (budget {budget:,.0f})"
            )
            check = OmissionCheck(fresh, max_passages=cap)
            if cap is not None or matching or time_unlimited:
                start = time.perf_counter()
                found[cap] = check.run(units)
                took = time.perf_counter() - start
                line += f"; omission {took:.0f} s, {len(found[cap])} flags"
            print(line, flush=True)
        if len(found) == 2:
            print(f"  findings identical with and without the limit: {found[None] == found[limit]}")


def bench_full(tmp: Path) -> None:
    paths = triple(tmp, 1997, True)
    first, total, code, peak = run_cli(["check", *map(str, paths), "--json", "--fail-on", "none"])
    print(
        f"full 1997-line kk/ru/en, check: first output {first:.1f} s, total {total:.0f} s, "
        f"exit {code}, peak {peak} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=300)
    parser.add_argument("--long-mb", type=int, default=50)
    parser.add_argument("--full", action="store_true")
    parser.add_argument(
        "--time-unlimited",
        action="store_true",
        help="also time the omission check without the unit limit on the mismatched triple",
    )
    parser.add_argument("--skip", default="", help="comma-separated: folder, long, mismatch")
    args = parser.parse_args()
    require(NTREX, "bench/scale.py")
    skip = set(args.skip.split(","))
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        if "folder" not in skip:
            bench_folder(tmp)
        if "long" not in skip:
            bench_long(tmp, args.long_mb)
        if "mismatch" not in skip:
            bench_mismatch(tmp, args.lines, args.time_unlimited)
        if args.full:
            bench_full(tmp)


if __name__ == "__main__":
    main()
