"""The worker process of a long group's text-only checks: the same findings as in process, a
check's error raised where the run is, a lost worker's checks run here."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest
from law_units import units

import compare.checks.worker
import compare.report
from compare.checks.context import GroupUnits
from compare.checks.numbers import NumbersCheck
from compare.checks.run import run_checks, start_checks
from compare.checks.worker import CheckWorker, runs_here
from compare.corpus import load_corpus
from compare.errors import TilmashError
from compare.report import build_report, long_groups

# A law in the adilet.zan.kz layout whose ru text differs in a number, a sub-point and a space.
LAW = {
    "kk": """1-бап. Банктің міндеттері

      1. Банк:
      1) клиенттің өтінішін 10 жұмыс күні ішінде қарайды;
      2) есепті жыл сайын 1 наурызға дейін жариялайды;
      3) клиентке  жазбаша жауап береді.

      2. Осы баптың талаптары 2025 жылғы 1 қаңтардан бастап қолданылады.
""",
    "ru": """Статья 1. Обязанности банка

      1. Банк:
      1) рассматривает заявление клиента в течение 15 рабочих дней;
      2) ежегодно публикует отчет до 1 марта.

      2. Требования настоящей статьи применяются с 1 января 2025 года.
""",
}


def _law(tmp_path: Path) -> list[Path]:
    paths = []
    for lang, text in LAW.items():
        path = tmp_path / f"law.{lang}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def test_a_long_group_checks_in_a_worker_with_the_same_findings(
    tmp_path: Path, fake_encoder, monkeypatch
) -> None:
    corpus = load_corpus(_law(tmp_path))
    alone = build_report(corpus, fake_encoder, words=True)
    assert not long_groups(corpus)
    events = []
    start, learn = CheckWorker.start, compare.report.run_lexicon
    monkeypatch.setattr(
        CheckWorker, "start", lambda self, job: events.append(job) or start(self, job)
    )
    monkeypatch.setattr(
        compare.report, "run_lexicon", lambda *a, **k: events.append("learn") or learn(*a, **k)
    )
    monkeypatch.setattr(compare.checks.worker, "WORKER_PASSAGES", 1)
    assert long_groups(corpus) == {g.id for g in corpus.groups}
    beside = build_report(corpus, fake_encoder, words=True)
    # The text-only checks started in the worker before the lexicon was learned; the checks
    # that embed or read the lexicon ran here; nothing else changed.
    job, learned = events
    assert learned == "learn"
    names = {check.name for check, _ in job}
    assert {"numbers", "spacing", "structure"} <= names
    assert not {"meaning", "omission", "replaced", "gap"} & names
    assert not any(runs_here(check) for check, _ in job)
    assert beside.findings == alone.findings
    assert {"numbers", "spacing", "structure"} <= {f.check for f in beside.findings}
    assert beside.data.signature == alone.data.signature
    assert beside.lexicon is not None


class _Refusing(NumbersCheck):
    """A check that fails as a check meeting text it cannot read does."""

    def run(self, units):
        raise TilmashError("law.ru.txt: a number the check cannot read")


class _LostInAWorker(NumbersCheck):
    """A check whose worker process dies under it (as one killed for memory would)."""

    def run(self, units):
        if multiprocessing.parent_process() is not None:
            os._exit(1)
        return super().run(units)


ROWS = [
    ("article 1, paragraph 1", "1. Мерзімі 10 күн.", "1. Срок 15 дней."),
    ("article 1, paragraph 2", "2. Мерзімі 30 күн.", "2. Срок 30 дней."),
]


def _in_worker(checks, worker: CheckWorker):
    """The findings of `checks` on ROWS, those that read text only started in `worker`."""
    group = GroupUnits(units(ROWS))
    return run_checks(group, checks, started=start_checks(group, checks, worker))


def test_a_checks_error_in_the_worker_is_raised_where_the_run_is() -> None:
    with CheckWorker() as worker, pytest.raises(TilmashError, match="cannot read"):
        _in_worker([_Refusing()], worker)


def test_a_lost_workers_checks_run_here() -> None:
    expected = run_checks(GroupUnits(units(ROWS)), [NumbersCheck()])
    assert [f.check for f in expected] == ["numbers"]
    with CheckWorker() as worker:
        found = _in_worker([_LostInAWorker()], worker)
        # The worker is gone; what is sent to it next runs here too.
        again = _in_worker([NumbersCheck()], worker)
    assert found == expected == again
