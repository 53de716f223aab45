"""A corpus run on a Ray cluster: the same report as on one machine, from many workers.

Two stages, both on Ray itself. First every passage of the corpus is embedded once: the texts
of all groups, deduplicated, less those already in the embedding cache, flow through a Ray
Data pipeline (`map_batches` over a pool of actors that each load the model once), and the
vectors flow back into this machine's embedding cache as they arrive, so an interrupted run
keeps them and a later run on one machine reads them. Then each group is aligned and checked
by `check_group` as a Ray task, handed the vectors of its own passages; what a task embeds
besides (the checks' own texts) comes back with its result and goes into the cache too. A
task that fails, or whose worker dies, fails its group and not the run. With the word checks
(the gap check is one by default), every group is first aligned by a Ray task, the lexicon is
learned on this machine from all the alignments (as a run on one machine learns it), and each
group's check task is handed its alignment and that one lexicon.

`tilmash timeline --ray` works the same way: the passages of every version are embedded by the
pipeline, then each version series is tracked by `track_series` as a Ray task; `tilmash report
--ray` tracks the timelines of its version groups so too.

Ray is an optional extra: `pip install -e ".[ray]"`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial

import numpy as np

from compare.align.documents import Alignment, align_group, aligned_passages
from compare.corpus import Corpus, Document, DocumentGroup
from compare.diff import compared_passages
from compare.embed.cache import cache_key
from compare.embed.encoder import ModelInfo
from compare.embed.protocol import ProgressCallback
from compare.errors import TilmashError
from compare.glossary import Glossary
from compare.lexicon.learn import Lexicon
from compare.profile import Profile
from compare.report import (
    GroupFailure,
    GroupResults,
    LexiconLearner,
    Progress,
    ReportSection,
    check_group,
)
from compare.timeline import SeriesResults, SeriesTracking, track_series

RAY_MISSING = 'Ray is not installed: pip install -e ".[ray]" (or pip install "ray[data]")'

# Builds the encoder in a worker: picklable, and cheap to call again (load_encoder loads the
# model once per process).
EncoderFactory = Callable[[], object]


@dataclass(frozen=True)
class RaySettings:
    """Where the work runs and how it is cut: no address starts Ray on this machine."""

    address: str | None = None
    actors: int = 2  # embedding actors, each holding one copy of the model
    batch_size: int = 64  # passages per embedding batch


@dataclass(frozen=True)
class RayJob:
    """A run on Ray: how a worker builds the encoder, where the work runs and how it is cut,
    and where warnings go."""

    make_encoder: EncoderFactory
    settings: RaySettings = field(default_factory=RaySettings)
    warn: Callable[[str], None] = print


def connect(settings: RaySettings) -> None:
    """Join the cluster at the address, or start Ray here; once per process."""
    try:
        import ray
    except ImportError:
        raise TilmashError(RAY_MISSING) from None
    if not ray.is_initialized():
        _start(ray, settings)
    ray.data.DataContext.get_current().enable_progress_bars = False  # tilmash shows its own
    logging.getLogger("ray.data").setLevel(logging.WARNING)


def _start(ray, settings: RaySettings) -> None:
    try:
        ray.init(
            address=settings.address,
            logging_level=logging.WARNING,
            log_to_driver=False,
            include_dashboard=False,
        )
    except (ConnectionError, RuntimeError, ValueError) as err:
        where = settings.address or "this machine"
        raise TilmashError(f"Ray at {where}: cannot connect ({err})") from None


class Embedder:
    """A Ray Data actor: loads the encoder once, then embeds batch after batch."""

    def __init__(self, make_encoder: EncoderFactory) -> None:
        self.encoder = make_encoder()

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        vectors = self.encoder.encode([str(t) for t in batch["text"]])
        return {"key": batch["key"], "vector": vectors}


def corpus_texts(corpus: Corpus, groups: Iterable[DocumentGroup] | None = None) -> list[str]:
    """Every passage alignment embeds, in every group of the corpus (or in `groups`), each
    text once."""
    texts = (
        p.text
        for group in (corpus.groups if groups is None else groups)
        for doc in corpus.group_documents(group)
        for p in aligned_passages(doc)
    )
    return list(dict.fromkeys(texts))


def series_texts(series: Mapping[str, Mapping[str, Sequence[Document]]]) -> list[str]:
    """Every passage the diffs of version series (`timeline.series_of`) embed, each once."""
    docs = (d for by_lang in series.values() for docs in by_lang.values() for d in docs)
    return list(dict.fromkeys(p.text for d in docs for p in compared_passages(d)))


def embed_on_ray(
    texts: Sequence[str],
    info: ModelInfo,
    cache,
    make_encoder: EncoderFactory,
    settings: RaySettings,
    progress: ProgressCallback,
    warn: Callable[[str], None],
) -> dict[bytes, np.ndarray]:
    """Vectors of the texts by cache key: from the cache, the rest embedded by a Ray Data
    pipeline and stored in the cache batch by batch. A failed pipeline is a warning: the
    texts it did not return are embedded later by the groups' tasks."""
    import ray

    keyed = {cache_key(info.identity, info.prompt, t): t for t in texts}
    known = cache.get_many(list(keyed)) if cache is not None else {}
    todo = [{"key": k, "text": t} for k, t in keyed.items() if k not in known]
    done = 0
    progress(done, len(todo))
    if not todo:
        return known
    pipeline = ray.data.from_items(todo).map_batches(
        Embedder,
        fn_constructor_args=(make_encoder,),
        batch_size=settings.batch_size,
        compute=ray.data.ActorPoolStrategy(size=settings.actors),
        num_cpus=1,
        batch_format="numpy",
    )
    try:
        for batch in pipeline.iter_batches(batch_size=settings.batch_size, batch_format="numpy"):
            fresh = [
                (bytes(k), np.asarray(v))
                for k, v in zip(batch["key"], batch["vector"], strict=True)
            ]
            if cache is not None:
                cache.put_many(fresh)
            known.update(fresh)
            done += len(fresh)
            progress(done, len(todo))
    except Exception as err:  # a Ray Data failure: the group tasks embed what is left
        warn(f"warning: the embedding pipeline failed ({_first_line(err)}); groups embed the rest")
    return known


class KnownVectors:
    """An encoder that answers from vectors it was handed and embeds only the rest, keeping
    what it embedded so that the caller can store it."""

    def __init__(self, encoder, known: dict[bytes, np.ndarray]) -> None:
        self.encoder, self.known = encoder, known
        self.info, self.dim = encoder.info, encoder.dim
        self.fresh: dict[bytes, np.ndarray] = {}

    def encode(self, texts: Sequence[str], progress: ProgressCallback | None = None) -> np.ndarray:
        keys = [cache_key(self.info.identity, self.info.prompt, t) for t in texts]
        todo = list(
            dict.fromkeys(t for k, t in zip(keys, texts, strict=True) if k not in self.known)
        )
        if todo:
            vectors = self.encoder.encode(todo, progress)
            fresh = {
                cache_key(self.info.identity, self.info.prompt, t): v
                for t, v in zip(todo, vectors, strict=True)
            }
            self.fresh.update(fresh)
            self.known.update(fresh)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, key in enumerate(keys):
            out[row] = self.known[key]
        return out


def embedded_on_ray(
    texts: Sequence[str], encoder, progress: Progress, label: str, job: RayJob
) -> dict[bytes, np.ndarray]:
    """The vectors of the texts by cache key, from `encoder`'s cache or made by the Ray Data
    pipeline (see embed_on_ray), its progress shown as `label`."""
    connect(job.settings)
    cache = getattr(encoder, "cache", None)

    def step(done: int, total: int) -> None:
        progress("embed", label, done, total)

    return embed_on_ray(texts, encoder.info, cache, job.make_encoder, job.settings, step, job.warn)


def _align_group_task(
    corpus: Corpus, group_index: int, make_encoder: EncoderFactory, known: dict[bytes, np.ndarray]
) -> tuple[Alignment, dict[bytes, np.ndarray]]:
    """One group aligned on a worker (when the word checks need every alignment before any
    group is checked): its alignment and the vectors it embedded."""
    encoder = KnownVectors(make_encoder(), dict(known))
    return align_group(corpus, corpus.groups[group_index], encoder), encoder.fresh


def _check_group_task(
    corpus: Corpus,
    group_index: int,
    make_encoder: EncoderFactory,
    known: dict[bytes, np.ndarray],
    glossary: Glossary | None,
    profile: Profile | None = None,
    lexicon: Lexicon | None = None,
    alignment: Alignment | None = None,
    words: bool = False,
) -> tuple[tuple[ReportSection, dict[str, object]], dict[bytes, np.ndarray]]:
    """One group on a worker: its section, its checks' settings and the vectors it embedded.
    Aligned here unless `alignment` is given; with a `lexicon`, the word checks too (every one
    with `words`, see check_group)."""
    encoder = KnownVectors(make_encoder(), dict(known))
    group = corpus.groups[group_index]
    checked = check_group(
        corpus,
        group,
        encoder,
        glossary,
        lexicon=lexicon,
        alignment=alignment,
        profile=profile,
        words=words,
    )
    return checked, encoder.fresh


def check_groups_on_ray(
    corpus: Corpus,
    encoder,
    glossary: Glossary | None,
    progress: Progress,
    *,
    job: RayJob,
    profile: Profile | None = None,
    learn: LexiconLearner | None = None,
    words: bool = False,
) -> GroupResults:
    """Every group of the corpus as a Ray task (a GroupRunner for build_report): passages
    embedded first, once for the whole corpus; sections in the corpus's order. With `learn`
    (the word checks), every group is aligned by a Ray task first, the lexicon learned here
    from all the alignments, and each group's check task handed its alignment and the lexicon
    (and `words`: every word check, see check_group)."""
    import ray

    vectors = embedded_on_ray(corpus_texts(corpus), encoder, progress, "Embedding the corpus", job)
    names = [group.id for group in corpus.groups]
    gather = partial(_gather, names, getattr(encoder, "cache", None), progress)
    own = [  # each group's vectors, in the object store once for both its tasks
        ray.put(_vectors_of(corpus_texts(corpus, [group]), encoder.info, vectors))
        for group in corpus.groups
    ]
    on_corpus, maker = ray.put(corpus), ray.put(job.make_encoder)
    aligned: dict[int, Alignment] = {}
    failures: list[GroupFailure] = []
    lexicon = None
    if learn is not None:
        task = ray.remote(max_retries=1)(_align_group_task)
        pending = {task.remote(on_corpus, n, maker, own[n]): n for n in range(len(corpus.groups))}
        aligned, failures = gather("Aligning", pending)
        lexicon = learn([aligned[n] for n in sorted(aligned)])
    task = ray.remote(max_retries=1)(_check_group_task)
    todo = sorted(aligned) if learn is not None else range(len(corpus.groups))
    given = ray.put(glossary), profile, ray.put(lexicon)
    pending = {
        task.remote(on_corpus, n, maker, own[n], *given, aligned.get(n), words): n for n in todo
    }
    results, failed = gather("Group", pending)
    used: dict[str, object] = {}
    for n in sorted(results):
        used.update(results[n][1])
    sections = [results[n][0] for n in sorted(results)]
    return GroupResults(sections, used, [*failures, *failed], lexicon)


def _gather(
    names: Sequence[str], cache, progress: Progress, label: str, pending: dict
) -> tuple[dict[int, object], list[GroupFailure]]:
    """The results of tasks (`pending`: task -> index into `names`, the groups or series they
    work on) by index, as they finish; the vectors each embedded go into the cache. A task
    that raised, or whose worker died, is the failure of its group, in `names`' order."""
    import ray

    results: dict[int, object] = {}
    failed: dict[int, GroupFailure] = {}
    total = len(pending)
    progress("group", f"{label} on Ray", 0, total)
    while pending:
        [done], _ = ray.wait(list(pending), num_returns=1)
        n = pending.pop(done)
        try:
            results[n], fresh = ray.get(done)
        except Exception as err:  # the task raised, or its worker died: this group fails
            failed[n] = GroupFailure(names[n], _task_error(err))
        else:
            if cache is not None and fresh:
                cache.put_many(list(fresh.items()))
        progress("group", f"{label} {names[n]}", total - len(pending), total)
    return results, [failed[n] for n in sorted(failed)]


def _track_series_task(
    name: str,
    by_lang: Mapping[str, Sequence[Document]],
    glossary: Glossary | None,
    make_encoder: EncoderFactory,
    known: dict[bytes, np.ndarray],
    cross_language: bool = True,
) -> tuple[SeriesTracking, dict[bytes, np.ndarray]]:
    """One version series tracked on a worker: its timelines and the vectors it embedded."""
    encoder = KnownVectors(make_encoder(), dict(known))
    return track_series(name, by_lang, glossary, encoder, cross_language), encoder.fresh


def track_series_on_ray(
    series: Mapping[str, Mapping[str, Sequence[Document]]],
    encoder,
    glossary: Glossary | None,
    progress: Progress,
    cross_language: bool = True,
    *,
    job: RayJob,
) -> SeriesResults:
    """Every version series (`timeline.series_of`) tracked by a Ray task, in order, after
    their passages are embedded once by the pipeline (a SeriesRunner, as track_series_here
    is); a series whose task fails is left out and named with its reason."""
    import ray

    texts = series_texts(series)
    vectors = embedded_on_ray(texts, encoder, progress, "Embedding the versions", job)
    task = ray.remote(max_retries=1)(_track_series_task)
    given = ray.put(glossary), ray.put(job.make_encoder)
    pending = {}
    for n, (name, by_lang) in enumerate(series.items()):
        own = _vectors_of(series_texts({name: by_lang}), encoder.info, vectors)
        pending[task.remote(name, by_lang, *given, own, cross_language)] = n
    names = list(series)
    tracked, failed = _gather(names, getattr(encoder, "cache", None), progress, "Tracking", pending)
    return SeriesResults(
        [tracked[n] for n in sorted(tracked)], [(f.group, f.reason) for f in failed]
    )


def _vectors_of(
    texts: Iterable[str], info: ModelInfo, vectors: Mapping[bytes, np.ndarray]
) -> dict[bytes, np.ndarray]:
    """The vectors of the texts among `vectors`, by cache key: what one task is handed."""
    keys = (cache_key(info.identity, info.prompt, t) for t in texts)
    return {k: vectors[k] for k in keys if k in vectors}


def _task_error(err: Exception) -> str:
    """What went wrong in a group's task, in one line: the task's own error where it raised."""
    from ray.exceptions import RayTaskError

    cause = err.cause if isinstance(err, RayTaskError) and err.cause is not None else err
    return f"{type(cause).__name__}: {_first_line(cause)}"


def _first_line(err: BaseException) -> str:
    return (str(err).strip().splitlines() or [type(err).__name__])[0]
