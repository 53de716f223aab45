"""A corpus run on Ray gives the findings a run on one machine gives, embeds each passage
once, fills the embedding cache, and fails a broken group without failing the run.

Ray is started on this machine once for the module (two CPUs); the corpora are small texts
written here in the real layout of loose language versions.
"""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

import numpy as np
import pytest
from lxml import html as lxml_html

from compare.cluster import (
    RayJob,
    RaySettings,
    check_groups_on_ray,
    connect,
    corpus_texts,
    embed_on_ray,
)
from compare.corpus import load_corpus
from compare.embed.cache import EmbeddingCache, cache_key
from compare.errors import TilmashError
from compare.report import build_report
from compare.writers.findings import findings_to_json
from compare.writers.html import render_report

ray = pytest.importorskip("ray")

from conftest import FakeEncoder  # noqa: E402

TEXTS = {
    "budget": {
        "kk": "Бюджет 2024 жылы 15 пайызға өсті.\n\nҚаржы министрлігі есеп берді.",
        "ru": "Бюджет вырос в 2024 году на 50 процентов.\n\nМинистерство финансов отчиталось.",
    },
    "migration": {
        "kk": "Көші-қон саясаты өзгерді.\n\nЖаңа тұжырымдама 2017 жылы қабылданды.",
        "ru": "Миграционная политика изменилась.\n\nНовая концепция принята в 2017 году.",
        "en": "Migration policy changed.\n\nA new concept was adopted in 2017.",
    },
    "water": {
        "kk": "Су ресурстары қорғалады.\n\nҚаржы министрлігі есеп берді.",
        "ru": "Водные ресурсы охраняются.\n\nМинистерство финансов отчиталось.",
    },
}
POISON = "Су ресурстары қорғалады."
# Two groups that name the Ministry of Finance in five units between them; one unit of the
# second drops it in English.
MINISTRY = {
    "budget": {
        "kk": "2019 жылы Қаржы министрлігі бюджетті жариялады.\n\n"
        "2020 жылы Қаржы министрлігі салық кодексін бекітті.\n\n"
        "2021 жылы Қаржы министрлігі өңірлерді тексерді.",
        "ru": "В 2019 году Министерство финансов опубликовало бюджет.\n\n"
        "В 2020 году Министерство финансов утвердило налоговый кодекс.\n\n"
        "В 2021 году Министерство финансов проверило регионы.",
        "en": "In 2019 the Ministry of Finance published the budget.\n\n"
        "In 2020 the Ministry of Finance approved the tax code.\n\n"
        "In 2021 the Ministry of Finance audited the regions.",
    },
    "water": {
        "kk": "2022 жылы су ресурстары қорғалды.\n\n"
        "2023 жылы Қаржы министрлігі каналдарды қаржыландырды.\n\n"
        "2024 жылы Қаржы министрлігі өзендерді өлшеді.",
        "ru": "В 2022 году водные ресурсы охранялись.\n\n"
        "В 2023 году Министерство финансов профинансировало каналы.\n\n"
        "В 2024 году Министерство финансов измерило реки.",
        "en": "In 2022 water resources were protected.\n\n"
        "In 2023 the Ministry of Finance funded the canals.\n\n"
        "In 2024 the agency measured the rivers.",
    },
}


class PoisonedEncoder(FakeEncoder):
    """The fake encoder, failing on one passage as a worker with a bad input would."""

    def encode(self, texts, progress=None):
        if POISON in texts:
            raise RuntimeError("this passage breaks the model")
        return super().encode(texts, progress)


@pytest.fixture(scope="module")
def local_ray():
    """Ray on this machine; the test modules' encoders travel to the workers by value."""
    for module in (sys.modules[FakeEncoder.__module__], sys.modules[__name__]):
        ray.cloudpickle.register_pickle_by_value(module)
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield RaySettings(actors=1, batch_size=4)
    ray.shutdown()


def write_corpus(folder: Path, texts=TEXTS) -> Path:
    for name, by_lang in texts.items():
        for lang, text in by_lang.items():
            (folder / f"{name}.{lang}.txt").write_text(text, encoding="utf-8")
    return folder


def findings_json(report) -> str:
    return findings_to_json(report.data.sections, report.data.signature)


def on_ray(settings: RaySettings, make_encoder=FakeEncoder, warn=print):
    return partial(check_groups_on_ray, job=RayJob(make_encoder, settings, warn))


def test_each_passage_is_embedded_once_and_cached(local_ray, tmp_path):
    corpus = load_corpus(sorted(write_corpus(tmp_path).glob("*.txt")), grouped_only=True)
    texts = corpus_texts(corpus)
    assert len(texts) == len(set(texts))  # the finance sentence of two groups counted once
    assert "Министерство финансов отчиталось." in texts
    cache = EmbeddingCache(tmp_path / "cache" / "embeddings.sqlite3")
    info = FakeEncoder.info
    keys = [cache_key(info.identity, info.prompt, t) for t in texts]
    expected = FakeEncoder().encode(texts)
    cache.put_many(list(zip(keys[:3], expected[:3], strict=True)))  # an earlier run's work
    sent: list[int] = []
    vectors = embed_on_ray(
        texts, info, cache, FakeEncoder, local_ray, lambda _, total: sent.append(total), print
    )
    assert sent[0] == len(texts) - 3  # what the cache held was not sent
    assert len(cache) == len(texts) == len(vectors)  # and what was sent came back to it
    assert np.allclose(np.stack([vectors[k] for k in keys]), expected)


def test_findings_on_ray_are_the_findings_here_and_a_failing_group_is_named(local_ray, tmp_path):
    """One Ray run (Ray is slow to start work): the groups that work give the findings a run
    here gives; the group whose passage breaks the model, and the group with a file that does
    not read, fail alone, each with its reason in the report."""
    write_corpus(tmp_path)
    (tmp_path / "broken.kk.docx").write_bytes(b"not a zip package")
    (tmp_path / "broken.ru.txt").write_text("Текст.", encoding="utf-8")
    files = sorted(p for p in tmp_path.iterdir() if p.is_file())
    corpus = load_corpus(files, grouped_only=True, isolate_bad_files=True)
    assert len(corpus.groups) == 3
    ok = [f for f in files if f.name.startswith(("budget", "migration"))]
    expected = build_report(load_corpus(ok, grouped_only=True), FakeEncoder(), timelines=False)
    warnings: list[str] = []
    runner = on_ray(local_ray, make_encoder=PoisonedEncoder, warn=warnings.append)
    report = build_report(corpus, FakeEncoder(), timelines=False, runner=runner)
    reasons = {f.group: f.reason for f in report.data.failures}
    assert reasons == {
        "broken": f"{tmp_path / 'broken.kk.docx'}: not a .docx file (a .docx is a ZIP "
        "package; this is not one)",
        "water": "RuntimeError: this passage breaks the model",
    }
    page = lxml_html.fromstring(render_report(report.data))
    lines = [li.text_content() for li in page.xpath("//section[@class='failures']//li")]
    assert sorted(lines) == sorted(f"{group}: {why}" for group, why in reasons.items())
    assert [s.group for s in report.data.sections] == ["budget", "migration"]
    assert expected.findings  # the budget's numbers differ: something to compare
    assert findings_json(report) == findings_json(expected)
    assert warnings and "embedding pipeline failed" in warnings[0]


def test_a_real_model_run_on_ray_matches_this_machine(local_ray, encoder, tmp_path):
    from compare.embed import load_encoder

    (tmp_path / "b.kk.txt").write_text(TEXTS["budget"]["kk"], encoding="utf-8")
    (tmp_path / "b.ru.txt").write_text(TEXTS["budget"]["ru"], encoding="utf-8")
    corpus = load_corpus(sorted(tmp_path.glob("*.txt")), grouped_only=True)
    here = build_report(corpus, encoder, timelines=False)
    make = partial(load_encoder, None, None, False)
    there = build_report(corpus, encoder, timelines=False, runner=on_ray(local_ray, make))
    assert findings_json(there) == findings_json(here)
    assert any(f.check == "numbers" for f in there.findings)


def test_without_ray_the_flag_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)
    with pytest.raises(TilmashError, match=r'pip install -e "\.\[ray\]"'):
        connect(RaySettings())


def fake_load_encoder(*_options) -> FakeEncoder:
    """`load_encoder` as the CLI's Ray workers call it, giving the fake encoder."""
    return FakeEncoder()


@pytest.fixture
def embedded_here(monkeypatch) -> list[str]:
    """The CLI's encoders faked: the texts embedded on this machine (the list returned), and
    the workers' encoders built as `load_encoder`."""
    from compare import cli, embed

    texts: list[str] = []

    class Here(FakeEncoder):
        def encode(self, batch, progress=None):
            texts.extend(batch)
            return super().encode(batch, progress)

    monkeypatch.setattr(cli, "_load_encoder", lambda model, cache_dir: Here())
    monkeypatch.setattr(embed, "load_encoder", fake_load_encoder)
    return texts


def test_timeline_on_ray_prints_what_it_prints_here(local_ray, tmp_path, embedded_here):
    """`tilmash timeline --ray`: every passage embedded by the Ray Data pipeline, each series
    tracked by a Ray task, and the same timeline (terms, replacements, cross-language changes)
    as without it."""
    from typer.testing import CliRunner

    from compare import cli

    law = Path(__file__).parent / "data" / "migration"
    files = [str(law / f"law.v{n}.{lang}.txt") for n in (1, 2) for lang in ("kk", "ru")]
    here = CliRunner().invoke(cli.app, ["timeline", *files, "--json"])
    assert here.exit_code == 0, here.output
    assert "оралман" in here.stdout and "replacements" in here.stdout
    embedded_here.clear()
    there = CliRunner().invoke(cli.app, ["timeline", *files, "--json", "--ray"])
    assert there.exit_code == 0, there.output
    assert there.stdout == here.stdout
    assert embedded_here == []  # nothing embedded here: the pipeline and the tasks did it


def test_word_checks_on_ray_read_one_lexicon_of_the_whole_corpus(local_ray, tmp_path, monkeypatch):
    """`tilmash check --word-checks --ray`: every group aligned on Ray, one lexicon learned
    from all of them (its units span both groups), and the findings and the lexicon of the
    run without Ray."""
    from typer.testing import CliRunner

    from compare import cli, embed

    monkeypatch.setattr(cli, "_load_encoder", lambda model, cache_dir: FakeEncoder())
    monkeypatch.setattr(embed, "load_encoder", fake_load_encoder)
    files = [str(f) for f in sorted(write_corpus(tmp_path, MINISTRY).glob("*.txt"))]
    runs = {}
    for name, flags in (("here", []), ("ray", ["--ray"])):
        lexicon = tmp_path / f"{name}.csv"
        args = ["check", *files, "--json", "--fail-on", "none", "--save-lexicon", str(lexicon)]
        result = CliRunner().invoke(cli.app, [*args, *flags])
        assert result.exit_code == 0, result.output
        runs[name] = result.stdout, lexicon.read_text(encoding="utf-8")
    assert runs["ray"] == runs["here"]
    findings, lexicon = runs["ray"]
    assert '"check": "replaced"' in findings
    ministry = next(row for row in lexicon.splitlines() if row.startswith("kk,en,министрлік,"))
    assert ministry.split(",")[4] == "5"  # three units of one group, two of the other


def law_versions(folder: Path) -> Path:
    """The migration law's two versions in kk and ru, as one version group of a manifest."""
    law = Path(__file__).parent / "data" / "migration"
    documents, members = [], []
    for n in (1, 2):
        for lang in ("kk", "ru"):
            name = f"law.v{n}.{lang}.txt"
            (folder / name).write_bytes((law / name).read_bytes())
            members.append(f'"v{n}-{lang}"')
            documents.append(
                f'[[document]]\nid = "v{n}-{lang}"\npath = "{name}"\nlang = "{lang}"\n'
                f'work = "law"\npart = "body"\nversion = "v{n}"\n'
            )
    manifest = [
        '[[work]]\nid = "law"\ntitle = "On population migration"\nyear = 2011\n',
        *documents,
        f'[[group]]\nid = "migration"\nrelation = "versions"\nmembers = [{", ".join(members)}]\n',
    ]
    (folder / "manifest.toml").write_text("\n".join(manifest), encoding="utf-8")
    return folder


def test_report_on_ray_tracks_its_timelines_there_as_timeline_does(
    local_ray, tmp_path, embedded_here
):
    """`tilmash report --ray`: the version series are tracked by Ray tasks (the function
    `timeline --ray` uses), nothing is embedded on this machine, and the page's timelines
    are those of the run without Ray."""
    from typer.testing import CliRunner

    from compare import cli

    (tmp_path / "law").mkdir()
    corpus = law_versions(tmp_path / "law")
    timelines = {}
    for name, flags in (("here", []), ("ray", ["--ray"])):
        embedded_here.clear()
        page = tmp_path / f"{name}.html"
        args = ["report", str(corpus), "-o", str(page), "--fail-on", "none", *flags]
        result = CliRunner().invoke(cli.app, args)
        assert result.exit_code == 0, result.output
        tree = lxml_html.fromstring(page.read_text(encoding="utf-8"))
        (section,) = tree.xpath("//section[@id='timeline']")
        timelines[name] = lxml_html.tostring(section, encoding="unicode")
    assert embedded_here == []  # the groups and the series were all done on Ray
    assert timelines["ray"] == timelines["here"]
    assert "migration (kk)" in timelines["here"] and "migration (ru)" in timelines["here"]
    assert "оралман" in timelines["here"]  # a term the series tracks


def poisoned_load_encoder(*_options) -> PoisonedEncoder:
    """`load_encoder` as the CLI's Ray workers call it, giving an encoder one passage breaks."""
    return PoisonedEncoder()


def with_broken_series(folder: Path) -> Path:
    """The migration law's versions (law_versions) and a second series, "water", whose
    passage POISON breaks the workers' model."""
    folder.mkdir()
    law_versions(folder)
    documents, members = [], []
    for n in (1, 2):
        name = f"water.v{n}.kk.txt"
        (folder / name).write_text(f"{POISON}\n\nӨзен {n} рет өлшенді.", encoding="utf-8")
        members.append(f'"water-v{n}"')
        documents.append(
            f'[[document]]\nid = "water-v{n}"\npath = "{name}"\nlang = "kk"\n'
            f'work = "river"\npart = "body"\nversion = "v{n}"\n'
        )
    with (folder / "manifest.toml").open("a", encoding="utf-8") as manifest:
        manifest.write('\n[[work]]\nid = "river"\ntitle = "Water"\nyear = 2020\n\n')
        manifest.write("\n".join(documents))
        manifest.write(
            f'\n[[group]]\nid = "water"\nrelation = "versions"\nmembers = [{", ".join(members)}]\n'
        )
    return folder


def test_a_series_that_fails_on_ray_is_named_and_the_run_exits_1(local_ray, tmp_path, monkeypatch):
    """`timeline --ray` and `report --ray`: a series whose Ray task fails is left out, named
    with its reason (on stderr, and on the report's page with the failed groups), and the
    command exits 1; the other series is tracked as before."""
    from typer.testing import CliRunner

    from compare import cli, embed

    monkeypatch.setattr(cli, "_load_encoder", lambda model, cache_dir: FakeEncoder())
    monkeypatch.setattr(embed, "load_encoder", poisoned_load_encoder)
    corpus = with_broken_series(tmp_path / "corpus")
    reason = "RuntimeError: this passage breaks the model"
    timeline = CliRunner().invoke(cli.app, ["timeline", str(corpus), "--ray"])
    assert timeline.exit_code == 1, timeline.output
    assert f"series water failed: {reason}" in timeline.stderr
    assert "оралман" in timeline.stdout  # the migration law's series is still shown
    page = tmp_path / "report.html"
    args = ["report", str(corpus), "-o", str(page), "--fail-on", "major", "--ray"]
    report = CliRunner().invoke(cli.app, args)
    assert report.exit_code == 1, report.output
    tree = lxml_html.fromstring(page.read_text(encoding="utf-8"))
    failures = [li.text_content() for li in tree.xpath("//section[@class='failures']//li")]
    assert f"series water: {reason}" in failures
    assert tree.xpath("//section[@id='timeline']")  # the migration law's timelines
