"""Terminal views and JSON summaries of library results (no computation happens here)."""

from __future__ import annotations

from rich.table import Table

from compare.corpus import Corpus


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(column)
    return table


def corpus_table(corpus: Corpus) -> Table:
    table = _table("Documents", "id", "format", "lang", "declared", "detected", "passages")
    for doc in corpus.documents.values():
        detected = f"{doc.detected.lang} {doc.detected.confidence:.0%}"
        if doc.lang_mismatch:
            detected = f"[yellow]{detected} ≠[/]"
        table.add_row(
            doc.id,
            doc.format,
            doc.lang,
            doc.declared_lang or "-",
            detected,
            str(len(doc.passages)),
        )
    return table


def groups_table(corpus: Corpus) -> Table:
    table = _table("Groups", "group", "relation", "members")
    for group in corpus.groups:
        members = ", ".join(f"{m} ({corpus.documents[m].lang})" for m in group.members)
        table.add_row(group.id, group.relation, members)
    return table


def corpus_summary(corpus: Corpus) -> dict:
    return {
        "documents": [
            {
                "id": doc.id,
                "path": str(doc.path),
                "format": doc.format,
                "encoding": doc.encoding,
                "lang": doc.lang,
                "declared_lang": doc.declared_lang,
                "detected_lang": doc.detected.lang,
                "detected_confidence": round(doc.detected.confidence, 3),
                "lang_mismatch": doc.lang_mismatch,
                "passages": [
                    {"index": p.index, "kind": p.kind, "lang": p.lang, "text": p.text}
                    for p in doc.passages
                ],
            }
            for doc in corpus.documents.values()
        ],
        "groups": [
            {"id": g.id, "relation": g.relation, "members": list(g.members)} for g in corpus.groups
        ],
        "missing_catalogue_texts": list(corpus.missing),
    }
