"""The `tilmash` command line: parse arguments, call the library, render the result.

Exit codes: 0 ok, 1 findings above the threshold, 2 bad input. A user's mistake is one
line on stderr, never a traceback.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

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
