"""A second process for the checks that read text only, while the others run here.

Past its embedding, a long group's checking is Python on one core: the numbers and formal
checks read text only, the word checks read the run's lexicon, meaning and omission embed
what they leave out. The text-only checks of a long law run in a worker process beside the
others instead of after them; they compute the same findings, which come back in the checks'
order (bench/long.py measures the time; bench/RESULTS.md, "A worker process for the
text-only checks").

The worker is spawned, not forked: it shares no thread of the engine or the tokenizer, and
it starts (importing the checks) while the run's embedding goes on. It is a daemon, so a
run that ends or is interrupted takes it along; if it is lost, its checks run here.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection

from compare.checks.base import Check, Finding, UnitText
from compare.embed.cores import available_cores

# A group of fewer passages checks without a worker: its text-only checks take a second or
# two, about what a worker's start costs (importing the checks takes about a CPU second).
WORKER_PASSAGES = 2000

# Per check, the units it reads: the text's own, or its editorial apparatus.
Job = list[tuple[Check, Sequence[UnitText]]]


def _serve(conn: Connection) -> None:
    """The worker's loop: run each job's checks and send back their findings, or the error a
    check raised, until None. Anything else ends the worker quietly: the run then runs the
    job's checks itself (CheckWorker.start), and meets any error where it is handled."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the run's to handle
    import compare.checks.run  # noqa: F401  (every check's module, loaded while the run embeds)

    with contextlib.suppress(Exception):
        while (job := conn.recv()) is not None:
            try:
                found: list[list[Finding]] | Exception = _here(job)
            except Exception as error:
                found = error
            conn.send(found)


@dataclass(frozen=True)
class Started:
    """Checks sent to a worker: their names, and the call that waits for their findings (by
    check name)."""

    names: frozenset[str]
    findings: Callable[[], dict[str, list[Finding]]]


class CheckWorker:
    """One spawned process that runs checks sent to it (see start)."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")
        self._conn, theirs = context.Pipe()
        self._process = context.Process(target=_serve, args=(theirs,), daemon=True)
        self._process.start()
        theirs.close()

    def start(self, job: Job) -> Started:
        """Start `job` in the worker. A job that cannot be sent (the worker is lost, or a
        check holds what cannot be copied to another process) or whose worker is lost before
        it answers runs in this process when its findings are asked for."""
        names = [check.name for check, _ in job]
        try:
            self._conn.send(job)  # pickled whole before anything is written
        except Exception:
            return Started(frozenset(names), lambda: dict(zip(names, _here(job), strict=True)))

        def findings() -> dict[str, list[Finding]]:
            try:
                found = self._conn.recv()
            except (OSError, EOFError):
                found = _here(job)
            if isinstance(found, Exception):
                raise found
            return dict(zip(names, found, strict=True))

        return Started(frozenset(names), findings)

    def close(self, wait: bool = True) -> None:
        """End the worker: once it has sent what it was given, or (`wait` false: the run
        failed or was interrupted) now."""
        if wait:
            with contextlib.suppress(OSError, EOFError):
                self._conn.send(None)
            self._process.join(timeout=5)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join()
        self._conn.close()

    def __enter__(self) -> CheckWorker:
        return self

    def __exit__(self, error_type, *_) -> None:
        self.close(wait=error_type is None)


def _here(job: Job) -> list[list[Finding]]:
    """Each check's findings on its units, in the job's order (in whichever process runs it)."""
    return [check.run(units) for check, units in job]


def worth_a_worker(passages: int) -> bool:
    """Whether a group of this many passages checks sooner with a worker: it is long
    (WORKER_PASSAGES) and this process may run on two cores or more."""
    return passages >= WORKER_PASSAGES and available_cores() > 1


def embeds(check: Check) -> bool:
    """Whether a check embeds text: it holds the run's encoder."""
    return hasattr(check, "encoder")


def runs_here(check: Check) -> bool:
    """Whether a check runs in the run's own process: it embeds text, or it reads the run's
    lexicon and so the stems the lexicon was learned from, which this process has cached (a
    worker would stem every unit again)."""
    return embeds(check) or hasattr(check, "lexicon")
