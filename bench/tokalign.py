"""Word alignment from the encoder's token vectors as evidence for replaced terms and dropped
clauses on NTREX-128 with drift injected (a script, not a test).

SimAlign (Jalili Sabet et al. 2020): the words of two versions of a unit are aligned by mutual
argmax of the cosine of their vectors (the mean of their subword vectors at one layer of
multilingual-e5-small, each language's mean word vector of the run taken off), then once more
among the words left unaligned (itermax), keeping pairs whose cosine reaches a threshold.
With three versions (see Evidence):
(a) dropped: B (or C) holds a run of words none aligned with A, of which at least N are
    content words aligned with C's (B's) content words that are not aligned with A either;
    the version with the longest such run is flagged;
(b) replaced: A holds a content word whose best cosine with any word of B and C is under a
    cut, and B and C align a pair of content words whose best cosine with A's words is under
    it too; the version where the two are least is flagged;
(c) replaced, with --mismatch: the "triangle" of a replaced word (Evidence.mismatch): a
    content word of A aligned with neither B nor C, standing where a pair of content words that
    B and C align with each other (and neither with A) would map, whose cosine with either is
    far below the pair's own; the version with the widest such margin is flagged.
The drift is injected by bench/drift.py's own functions (term and clause kinds). For each
layer, threshold and cut (N, or the cosine) the script prints recall (an injected unit
flagged), precision (the share of flags on injected units naming the injected language) and
the share of untouched units flagged, alone and combined with the learned lexicon's checks
(both agree on the language, or either flags). It also times the token-vector pass against
the sentence-embedding pass. --document FILES instead prints, unit by unit, the flags the
first layer, threshold, run and cut raise on one document's kk, ru and en versions.
--default adds, for dropped clauses, the default checks (meaning, omission, numbers) alone, with
`gap`, with the aligner's runs and with both, scored as bench/drift.py scores them; --calibrate
instead counts the findings of the check built on this (compare.checks.wordalign) that are real,
by the length of their run and whether the version is the shorter (its CALIBRATION).
Data: ../shared/data, never copied. Usage: python3 bench/tokalign.py [--split dev|test]
[--layers 6 8 12] [--thresholds 0 0.2 0.4] [--runs 2 3 4] [--below 0.15 0.2 0.25] [--no-timing]
[--timing-only] [--kinds term clause] [--mismatch 0.5 0.6 0.7] [--default] [--calibrate]
[--document documents/kaliaskarova-2022/front.{kk,ru,en}.txt]
"""

from __future__ import annotations

import argparse
import itertools
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from drift import (
    EXPECTED,
    LANGS,
    Injection,
    inject,
    learn_run,
    pointed,
    run_checks,
    split_documents,
)
from drift import score as drift_score

from realdata import NTREX, ntrex_documents, require

from compare.align.documents import align_group
from compare.checks.base import Finding
from compare.checks.gaps import GapCheck
from compare.checks.meaning import MeaningCheck
from compare.checks.numbers import NumbersCheck
from compare.checks.omission import OmissionCheck
from compare.checks.replaced import ReplacedWordCheck
from compare.checks.run import unit_texts
from compare.checks.wordalign import WordAlignCheck, align, longest
from compare.corpus import load_corpus
from compare.embed import cache_root, load_encoder
from compare.embed.build import PROMPTS, default_model_dir
from compare.embed.onnx_model import RUN_BATCH
from compare.embed.openvino_model import IR_FILE, OpenVinoModel
from compare.stem import Token, tokens

SHORTER = 0.9  # as compare.checks.gaps.SHORTER
CONTENT = 4  # letters a word needs to count as a content word
BATCH = 32  # texts per torch run
TIME_UNITS = 50  # units whose texts are timed in each pass
SAME_PASS_LAYER = 6  # the layer whose states the OpenVINO graph is timed putting out


@dataclass(frozen=True)
class Words:
    """One text's words and, per layer, their unit vectors."""

    tokens: tuple[Token, ...]
    vectors: dict[int, np.ndarray]


class TokenVectors:
    """multilingual-e5-small on torch with every layer's hidden states out."""

    def __init__(self) -> None:
        from transformers import AutoModel, AutoTokenizer

        folder = default_model_dir(cache_root())
        self.tokenizer = AutoTokenizer.from_pretrained(folder)
        self.model = AutoModel.from_pretrained(folder).eval()
        self.prompt = PROMPTS["query"]

    def words(
        self, texts: Sequence[tuple[str, str]], layers: Sequence[int]
    ) -> dict[tuple[str, str], Words]:
        """Each (lang, text)'s words with their vectors (mean of their subwords') per layer."""
        import torch

        out: dict[tuple[str, str], Words] = {}
        todo = sorted(set(texts), key=lambda t: len(t[1]))
        for start in range(0, len(todo), BATCH):
            batch = todo[start : start + BATCH]
            enc = self.tokenizer(
                [self.prompt + text for _, text in batch],
                return_offsets_mapping=True,
                padding=True,
                truncation=True,
                return_tensors="pt",
            )
            offsets = enc.pop("offset_mapping").numpy() - len(self.prompt)
            with torch.inference_mode():
                hidden = self.model(**enc, output_hidden_states=True).hidden_states
            for row, (lang, text) in enumerate(batch):
                words = tokens(text, lang)
                owner = _owners(words, offsets[row], enc["attention_mask"][row].numpy())
                vectors = {}
                for layer in layers:
                    states = hidden[layer][row].numpy()
                    vecs = np.zeros((len(words), states.shape[1]), dtype=np.float32)
                    for w in range(len(words)):
                        picked = states[owner == w]
                        if len(picked):
                            vecs[w] = picked.mean(0)
                    norms = np.linalg.norm(vecs, axis=1, keepdims=True).clip(min=1e-9)
                    vectors[layer] = vecs / norms
                out[(lang, text)] = Words(words, vectors)
        return out


def _owners(words: Sequence[Token], offsets: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """For each subword, the index of the word it falls in (-1: prompt, padding, punctuation)."""
    owner = np.full(len(offsets), -1)
    for t, (s, e) in enumerate(offsets):
        if not mask[t] or e <= 0 or e <= s:
            continue
        for w, word in enumerate(words):
            if s < word.end and e > word.start:
                owner[t] = w
                break
    return owner


@dataclass(frozen=True)
class Flag:
    lang: str
    kind: str  # "replaced" or "dropped"


def centred(words: dict[tuple[str, str], Words], layers: Sequence[int]) -> None:
    """Each language's mean word vector of the run taken off its word vectors (the encoder's
    vectors share a large common direction, which puts every cosine near its top)."""
    for layer in layers:
        for lang in LANGS:
            mine = [w for (k, _), w in words.items() if k == lang and len(w.tokens)]
            mean = np.concatenate([w.vectors[layer] for w in mine]).mean(0)
            for w in mine:
                v = w.vectors[layer] - mean
                w.vectors[layer] = v / np.linalg.norm(v, axis=1, keepdims=True).clip(min=1e-9)


@dataclass(frozen=True)
class Evidence:
    """One version's word evidence against the two others: `run`, the longest run of words
    of either other version, none aligned with this one, holding words the two others align
    with each other (content words only); `orphan`, the least cosine any of this version's
    content words has with its best word elsewhere; `lack`, the least (over the content words
    the two others align with each other) of the best cosine this version offers them;
    `mismatch`, the triangle of a replaced word: the most by which the cosine of a pair of
    content words the two others align with each other (and neither with this one) exceeds
    the better cosine of either with a content word of this version aligned with neither that
    stands between what the pair's nearest aligned neighbours align with in this version."""

    run: int
    orphan: float
    lack: float
    mismatch: float


def unit_evidence(versions: dict[str, Words], layer: int, threshold: float) -> dict[str, Evidence]:
    """Evidence for each version of a unit (see Evidence)."""
    keys = list(versions)
    vecs = {k: versions[k].vectors[layer] for k in keys}
    content = {k: [len(t.word) >= CONTENT for t in versions[k].tokens] for k in keys}
    links: dict[tuple[str, str], set[tuple[int, int]]] = {}
    for x, y in itertools.combinations(keys, 2):
        pairs = align(vecs[x], vecs[y], threshold)
        links[(x, y)] = pairs
        links[(y, x)] = {(j, i) for i, j in pairs}
    out = {}
    for a in keys:
        b, c = (k for k in keys if k != a)
        if not all(len(vecs[k]) for k in keys):
            out[a] = Evidence(0, np.inf, np.inf, -np.inf)
            continue
        to_a = {k: {i for i, _ in links[(k, a)]} for k in (b, c)}
        both = [(i, j) for i, j in links[(b, c)] if content[b][i] and content[c][j]]
        shared = [(i, j) for i, j in both if i not in to_a[b] and j not in to_a[c]]
        run = max(
            longest(len(vecs[b]), to_a[b], {i for i, _ in shared})[0],
            longest(len(vecs[c]), to_a[c], {j for _, j in shared})[0],
        )
        best = np.maximum((vecs[a] @ vecs[b].T).max(1), (vecs[a] @ vecs[c].T).max(1))
        orphan = min((s for s, ok in zip(best, content[a], strict=True) if ok), default=np.inf)
        held = [
            max((vecs[b][i] @ vecs[a].T).max(), (vecs[c][j] @ vecs[a].T).max()) for i, j in both
        ]
        maps = {k: dict(links[(k, a)]) for k in (b, c)}
        aligned_a = {i for k in (b, c) for i in maps[k].values()}
        free = [x for x in range(len(vecs[a])) if content[a][x] and x not in aligned_a]
        margins = [
            vecs[b][i] @ vecs[c][j] - max(vecs[a][x] @ vecs[b][i], vecs[a][x] @ vecs[c][j])
            for i, j in shared
            for places in [(between(maps[b], i, len(vecs[b])), between(maps[c], j, len(vecs[c])))]
            for x in free
            if any(min(p) < x < max(p) for p in places)
        ]
        out[a] = Evidence(
            run,
            float(orphan),
            float(min(held, default=np.inf)),
            float(max(margins, default=-np.inf)),
        )
    return out


def between(links: dict[int, int], word: int, words: int) -> tuple[float, float]:
    """What the nearest aligned words before and after `word` (of a version of `words` words)
    align with in the version that lacks it (`links`: word -> its word there): where its
    counterpart there would stand (-inf, inf where there is no such word)."""
    before = [links[w] for w in range(word - 1, -1, -1) if w in links][:1]
    after = [links[w] for w in range(word + 1, words) if w in links][:1]
    return before[0] if before else -np.inf, after[0] if after else np.inf


def dropped(evidence: dict[str, Evidence], run_words: int) -> list[Flag]:
    """The version with the longest run of the others' words it lacks, if `run_words` long."""
    lang = max(evidence, key=lambda k: evidence[k].run)
    return [Flag(lang, "dropped")] if evidence[lang].run >= run_words else []


def replaced(evidence: dict[str, Evidence], below: float) -> list[Flag]:
    """The version whose content word and lacking concept are surest (orphan + lack least),
    if both are under `below`."""
    sure = {k: e for k, e in evidence.items() if e.orphan < below and e.lack < below}
    if not sure:
        return []
    return [Flag(min(sure, key=lambda k: sure[k].orphan + sure[k].lack), "replaced")]


def mismatched(evidence: dict[str, Evidence], cut: float) -> list[Flag]:
    """The version with the widest triangle of a replaced word (Evidence.mismatch), if `cut`."""
    lang = max(evidence, key=lambda k: evidence[k].mismatch)
    return [Flag(lang, "replaced")] if evidence[lang].mismatch >= cut else []


def score(
    flags: dict[tuple[int, int], list[Flag]], done: list[Injection], units: int
) -> dict[str, float]:
    """Recall, precision on injected units, untouched units flagged."""
    hit = {(d.group, d.unit): d.lang for d in done}
    on_hit = [(f, hit[key]) for key in hit for f in flags.get(key, [])]
    untouched = sum(1 for key, fs in flags.items() if fs and key not in hit)
    return {
        "recall": sum(bool(flags.get(key)) for key in hit) / max(len(hit), 1),
        "precision": sum(f.lang == lang for f, lang in on_hit) / max(len(on_hit), 1),
        "flags": len(on_hit),
        "untouched": untouched / max(units - len(hit), 1),
    }


def lexicon_flags(groups) -> dict[tuple[int, int], list[Flag]]:
    """The learned lexicon's replaced and gap findings as flags on their named language."""
    lexicon, _ = learn_run(groups, None)
    found = run_checks([ReplacedWordCheck(lexicon), GapCheck(lexicon)], groups)
    kinds = {"replaced": "replaced", "gap": "dropped"}
    return {
        key: [Flag(lang, kinds[f.check]) for f in fs for lang in pointed(f)]
        for key, fs in found.items()
    }


def combine(
    mine: dict[tuple[int, int], list[Flag]], theirs: dict[tuple[int, int], list[Flag]], how: str
) -> dict[tuple[int, int], list[Flag]]:
    """Flags of both (`and`: on the same language) or either (`or`)."""
    out = {}
    for key in mine.keys() | theirs.keys():
        a, b = mine.get(key, []), theirs.get(key, [])
        if how == "and":
            langs = {f.lang for f in b}
            out[key] = [f for f in a if f.lang in langs]
        else:
            out[key] = a + [f for f in b if f.lang not in {g.lang for g in a}]
    return out


def with_default(
    groups, mine: dict[tuple[int, int], list[Flag]], theirs: dict[tuple[int, int], list[Flag]]
) -> dict[str, dict[tuple[int, int], list[Finding]]]:
    """The default checks' findings (as bench/drift.py runs them), with the lexicon's `gap`
    and with the aligner's dropped runs added as minor findings naming their language."""
    encoder = load_encoder()
    found = run_checks([MeaningCheck(encoder), OmissionCheck(encoder), NumbersCheck()], groups)

    def findings(flags, check):
        return {
            key: [
                Finding(check, "minor", 0.5, key[1], (f.lang,), "", details={"lang": f.lang})
                for f in fs
            ]
            for key, fs in flags.items()
        }

    def plus(*more):
        out = {key: list(fs) for key, fs in found.items()}
        for extra in more:
            for key, fs in extra.items():
                out.setdefault(key, []).extend(fs)
        return out

    gap, aligned = findings(theirs, "gap"), findings(mine, "align")
    return {
        "default": found,
        "default + gap": plus(gap),
        "default + align": plus(aligned),
        "default + gap + align": plus(gap, aligned),
    }


def flagged_share(found, done: list[Injection], groups) -> float:
    """The share of untouched units with any finding."""
    hit = {(d.group, d.unit) for d in done}
    keys = [(g, u.unit) for g, us in groups.items() for u in us if (g, u.unit) not in hit]
    return sum(bool(found.get(key)) for key in keys) / max(len(keys), 1)


def only(flags: dict[tuple[int, int], list[Flag]], kind: str) -> dict:
    """The flags of one kind."""
    return {key: [f for f in fs if f.kind == kind] for key, fs in flags.items()}


def timing(vectors: TokenVectors, units: list[dict[str, str]]) -> str:
    """Seconds of the sentence-embedding pass (the default engine, no cache) against the
    encoder's word vectors (Encoder.word_vectors, no cache), the torch pass with hidden states
    and word pooling, the aligning alone, and (on the OpenVINO engine)
    the same pass with layer SAME_PASS_LAYER's states as a second output of the graph."""
    texts = [(lang, t) for u in units for lang, t in u.items()]
    encoder = load_encoder(use_cache=False)
    began = time.perf_counter()
    encoder.encode([t for _, t in texts])
    sentence = time.perf_counter() - began
    encoder.word_vectors(["Compiled once a run."])  # the engine readies its graph once
    began = time.perf_counter()
    encoder.word_vectors([t for _, t in texts])
    engine = time.perf_counter() - began
    began = time.perf_counter()
    words = vectors.words(texts, [SAME_PASS_LAYER])
    token = time.perf_counter() - began
    began = time.perf_counter()
    for u in units:
        unit_evidence({k: words[(k, t)] for k, t in u.items()}, SAME_PASS_LAYER, 0.0)
    aligning = time.perf_counter() - began
    line = (
        f"time on {len(texts)} texts ({len(units)} units): sentence embedding "
        f"({encoder.info.name}) {sentence:.1f} s; the encoder's word vectors (as the wordalign "
        f"check gets them, no cache) {engine:.1f} s ({engine / sentence:.2f} of it); "
        f"torch pass with hidden states and word pooling "
        f"{token:.1f} s ({token / sentence:.2f} of it); aligning {aligning:.2f} s "
        f"({aligning / sentence:.3f} of it)"
    )
    if isinstance(encoder.model, OpenVinoModel):
        line += same_pass(encoder.model, [t for _, t in texts], vectors)
    return line


def same_pass(model: OpenVinoModel, texts: list[str], vectors: TokenVectors) -> str:
    """Seconds of the engine's graph on `texts` as built, and with the hidden states of layer
    SAME_PASS_LAYER as a second output (OpenVINO adds it to the graph it has read); how far the
    sentence vectors of the two graphs differ, and the least cosine of a token's states there
    with torch's (first batch)."""
    import openvino as ov
    import torch

    core = ov.Core()
    config = {
        "INFERENCE_PRECISION_HINT": model.variant,
        "INFERENCE_NUM_THREADS": model.threads,
        "PERFORMANCE_HINT": "LATENCY",
    }
    graph = core.read_model(model.folder / IR_FILE)
    plain = core.compile_model(graph, "CPU", config).create_infer_request()
    name = f"/bert/encoder/layer.{SAME_PASS_LAYER - 1}/output/LayerNorm/LayerNormalization"
    graph.add_outputs([op.output(0) for op in graph.get_ops() if op.get_friendly_name() == name])
    both = core.compile_model(graph, "CPU", config).create_infer_request()
    ids = [
        e.ids for e in model.tokenizer.backend.encode_batch([PROMPTS["query"] + t for t in texts])
    ]
    ids.sort(key=len, reverse=True)
    feeds = []
    for start in range(0, len(ids), RUN_BATCH):
        rows = ids[start : start + RUN_BATCH]
        input_ids = np.zeros((len(rows), len(rows[0])), dtype=np.int64)
        mask = np.zeros_like(input_ids)
        for r, row in enumerate(rows):
            input_ids[r, : len(row)] = row
            mask[r, : len(row)] = 1
        feeds.append({"input_ids": input_ids, "attention_mask": mask})
    seconds, outputs = [], []
    for request in (plain, both):
        began = time.perf_counter()
        outputs.append([[out.copy() for out in request.infer(feed).values()] for feed in feeds])
        seconds.append(time.perf_counter() - began)
    apart = max(np.abs(a[0] - b[0]).max() for a, b in zip(*outputs, strict=True))
    first = {k: torch.from_numpy(v) for k, v in feeds[0].items()}
    with torch.inference_mode():
        theirs = vectors.model(**first, output_hidden_states=True).hidden_states[SAME_PASS_LAYER]
    mine, theirs = outputs[1][0][1], theirs.numpy()
    cosines = (mine * theirs).sum(-1) / (
        np.linalg.norm(mine, axis=-1) * np.linalg.norm(theirs, axis=-1)
    ).clip(min=1e-9)
    return (
        f"; OpenVINO graph alone {seconds[0]:.1f} s, with layer {SAME_PASS_LAYER}'s states out "
        f"{seconds[1]:.1f} s (sentence vectors at most {apart:.1e} apart; the least cosine of a "
        f"token's states with torch's {cosines[feeds[0]['attention_mask'] == 1].min():.5f})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("--rate", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--layers", type=int, nargs="+", default=[6, 8, 12])
    parser.add_argument("--thresholds", type=float, nargs="+", default=[0.0, 0.2, 0.4])
    parser.add_argument("--runs", type=int, nargs="+", default=[2, 3, 4])
    parser.add_argument("--below", type=float, nargs="+", default=[0.15, 0.2, 0.25])
    parser.add_argument(
        "--mismatch",
        type=float,
        nargs="+",
        help="for replaced terms, flag by the triangle of a replaced word (Evidence.mismatch) "
        "at these cuts instead of by --below",
    )
    parser.add_argument("--no-timing", action="store_true")
    parser.add_argument("--timing-only", action="store_true", help="only the timing line")
    parser.add_argument(
        "--calibrate",
        action="store_true",
        help="instead: the share of the wordalign check's findings real, by the content words of "
        "their run and whether the version is the shorter (clauses dropped)",
    )
    parser.add_argument(
        "--kinds", nargs="+", choices=("term", "clause"), default=["term", "clause"]
    )
    parser.add_argument(
        "--default",
        action="store_true",
        help="also the default checks (meaning, omission, numbers) with `gap` and the aligner's "
        "dropped runs, scored as bench/drift.py scores them",
    )
    parser.add_argument(
        "--document",
        type=Path,
        nargs="+",
        help="instead: the flags (first layer, threshold, run and cut) on each unit of the kk, "
        "ru and en files of this folder, e.g. documents/kaliaskarova-2022/front.*.txt",
    )
    args = parser.parse_args()
    if args.calibrate:
        calibrate(args.split, args.rate, args.seed)
        return
    if args.document:
        show_document(
            args.document, args.layers[0], args.thresholds[0], args.runs[0], args.below[0]
        )
        return
    require(NTREX, "bench/tokalign.py")
    docs = {lang: ntrex_documents(lang) for lang in LANGS}
    chosen = split_documents(len(docs["en"]), args.seed)[args.split]
    runs = {kind: inject(docs, chosen, kind, args.rate, args.seed) for kind in args.kinds}
    texts = [
        (lang, text)
        for groups, _ in runs.values()
        for units in groups.values()
        for u in units
        for lang, text in u.texts.items()
    ]
    vectors = TokenVectors()
    if args.timing_only:
        print(timing(vectors, sample_units(runs, args.seed)))
        return
    began = time.perf_counter()
    words = vectors.words(texts, args.layers)
    centred(words, args.layers)
    print(f"{len(words)} texts, token vectors in {time.perf_counter() - began:.0f} s")
    print(
        f"{'kind':8} {'layer':>5} {'thr':>5} {'cut':>5} {'how':>7} "
        f"{'recall':>7} {'prec':>6} {'flags':>5} {'untouched':>9}"
    )
    for kind, (groups, done) in runs.items():
        want, cuts, rule = (
            ("dropped", args.runs, dropped)
            if kind == "clause"
            else ("replaced", args.mismatch, mismatched)
            if args.mismatch
            else ("replaced", args.below, replaced)
        )
        units = sum(len(us) for us in groups.values())
        theirs = only(lexicon_flags(groups), want)
        report(kind, "-", "-", "-", "lexicon", score(theirs, done, units))
        for layer, threshold in itertools.product(args.layers, args.thresholds):
            evidence = {
                (g, u.unit): unit_evidence(
                    {lang: words[(lang, t)] for lang, t in u.texts.items()}, layer, threshold
                )
                for g, us in groups.items()
                for u in us
            }
            for cut in cuts:
                mine = {key: rule(e, cut) for key, e in evidence.items()}
                for how, flags in (
                    ("align", mine),
                    ("and", combine(mine, theirs, "and")),
                    ("or", combine(mine, theirs, "or")),
                ):
                    report(kind, layer, threshold, cut, how, score(flags, done, units))
                if args.default and kind == "clause":
                    for name, found in with_default(groups, mine, theirs).items():
                        s = drift_score(EXPECTED["clause"] + ("align",), found, done, groups)
                        print(
                            f"  {name}: recall own {s['recall_own']:.3f}, precision "
                            f"{s['precision']:.3f} ({s['flags']} flags), untouched major "
                            f"{s['untouched_major']:.3f}, untouched flagged (any) "
                            f"{flagged_share(found, done, groups):.3f}",
                            flush=True,
                        )
    if not args.no_timing:
        print(timing(vectors, sample_units(runs, args.seed)))


def sample_units(runs, seed: int) -> list[dict[str, str]]:
    """TIME_UNITS units of the first kind's run, seeded."""
    groups, _ = next(iter(runs.values()))
    every = [u.texts for us in groups.values() for u in us]
    return random.Random(seed).sample(every, TIME_UNITS)


def calibrate(split: str, rate: float, seed: int) -> None:
    """The wordalign check's findings on the clause-injected run: per count of the run's
    content words and whether the flagged version has fewer words than the run's ratio to the
    holder predicts, how many there are and how many are real (on an injected unit, naming its
    language), with (real + 1) / (findings + 2)."""
    docs = {lang: ntrex_documents(lang) for lang in LANGS}
    chosen = split_documents(len(docs["en"]), seed)[split]
    groups, done = inject(docs, chosen, "clause", rate, seed)
    hit = {(d.group, d.unit): d.lang for d in done}
    check = WordAlignCheck(load_encoder(), run_words=1)  # every run of two words or more
    counts: dict[tuple[int, bool], list[int]] = {}
    for g, units in groups.items():
        sizes = {k: sum(len(u.texts[k].split()) for u in units) for k in LANGS}
        for f in check.run(units):
            if len(f.details["words"]) < 2:
                continue
            text = {k: len(t.split()) for k, t in f.context.items() or units[f.unit].texts.items()}
            holder = f.details["holder"]
            shorter = text[f.fault] < SHORTER * text[holder] * sizes[f.fault] / sizes[holder]
            cell = counts.setdefault((min(len(f.details["words"]), 4), shorter), [0, 0])
            cell[0] += 1
            cell[1] += hit.get((g, f.unit)) == f.fault
    print(f"{len(done)} injected units of {sum(len(u) for u in groups.values())}")
    for (words, shorter), (found, real) in sorted(counts.items()):
        print(
            f"run {words}{'+' if words == 4 else ' '} shorter {shorter!s:5}: {found:4d} findings, "
            f"{real:4d} real, (real+1)/(found+2) {(real + 1) / (found + 2):.2f}"
        )


def show_document(files: list[Path], layer: int, threshold: float, run: int, below: float) -> None:
    """Each unit of one document's versions (aligned as `tilmash check` aligns them) with the
    flags its word evidence raises and each version's least-matched content word."""
    corpus = load_corpus(files)
    aligned = unit_texts(align_group(corpus, corpus.groups[0], load_encoder()))
    units = [u for u in aligned if len(u.texts) == len(LANGS) and all(u.texts.values())]
    words = TokenVectors().words([(k, t) for u in units for k, t in u.texts.items()], [layer])
    centred(words, [layer])
    for u in units:
        versions = {k: words[(k, t)] for k, t in u.texts.items()}
        evidence = unit_evidence(versions, layer, threshold)
        flags = dropped(evidence, run) + replaced(evidence, below)
        named = ", ".join(f"{f.lang} {f.kind}" for f in flags) or "no flag"
        print(f"unit {u.unit}: {named}")
        for k, w in versions.items():
            others = [versions[o].vectors[layer] for o in versions if o != k]
            best = np.max([(w.vectors[layer] @ o.T).max(1) for o in others], axis=0)
            least = min(
                (
                    (b, t.word)
                    for b, t in zip(best, w.tokens, strict=True)
                    if len(t.word) >= CONTENT
                ),
                default=(np.inf, "-"),
            )
            print(f"  {k} (run {evidence[k].run}, least {least[1]!r} {least[0]:.2f}): {u.texts[k]}")


def report(kind, layer, threshold, cut, how, s: dict[str, float]) -> None:
    print(
        f"{kind:8} {layer!s:>5} {threshold!s:>5} {cut!s:>5} {how:>7} {s['recall']:7.3f} "
        f"{s['precision']:6.3f} {s['flags']:5d} {s['untouched']:9.3f}",
        flush=True,
    )


if __name__ == "__main__":
    main()
