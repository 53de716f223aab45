"""Share the CPU among tilmash runs that embed at the same time.

A run that embeds holds one "slot" lock in the cache folder; before each batch it counts the
held slots and gives its engine (torch or ONNX Runtime) its share of the cores (at least one
thread). Two runs on a 2-core machine then use one core each instead of both fighting over
both, which costs each of them far more than half its speed.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from compare.embed.build import lock_is_free

MAX_RUNS = 32  # slots looked at; more runs at once than this share as if there were 32


def available_cores() -> int:
    """The cores this process may run on (ONNX Runtime uses one thread per core given)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class CoreShare:
    """The thread budget of one run among the runs embedding with the same cache folder."""

    def __init__(
        self,
        folder: Path | None,
        cores: int | None = None,
        set_threads: Callable[[int], None] | None = None,
    ) -> None:
        """`set_threads` gives the engine its threads (default: torch's, over all its cores)."""
        if set_threads is None:
            import torch

            cores = torch.get_num_threads()  # honours OMP_NUM_THREADS and physical cores
            set_threads = torch.set_num_threads
        self.folder = folder
        self.cores: int = cores or 1
        self._set_threads = set_threads
        self._slot: FileLock | None = None

    @contextmanager
    def running(self) -> Iterator[None]:
        """Hold a slot while embedding; without a writable folder the run uses every core."""
        self._slot = self._take_slot()
        try:
            yield
        finally:
            if self._slot is not None:
                self._slot.release()
            self._slot = None

    def apply(self) -> None:
        """Give the engine this run's share of the cores now (runs start and end at any time)."""
        runs = self._runs() if self._slot is not None else 1
        self._set_threads(max(1, self.cores // max(runs, 1)))

    def _slot_path(self, i: int) -> Path:
        assert self.folder is not None
        return self.folder / f"slot-{i}.lock"

    def _take_slot(self) -> FileLock | None:
        if self.folder is None:
            return None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            for i in range(MAX_RUNS):
                lock = FileLock(self._slot_path(i), timeout=0)
                try:
                    lock.acquire()
                    return lock
                except Timeout:
                    continue
        except OSError:
            pass
        return None

    def _runs(self) -> int:
        """Held slots, this run's included."""
        own = Path(self._slot.lock_file)
        slots = (self._slot_path(i) for i in range(MAX_RUNS))
        return 1 + sum(p != own and p.exists() and not lock_is_free(p) for p in slots)
