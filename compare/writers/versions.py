"""Version diffs, term timelines and the cross-language check as JSON, for `tilmash diff
--json` and `tilmash timeline --json`."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict

from compare.corpus import Document, Passage
from compare.diff import VersionDiff
from compare.timeline import CrossLanguageChange, Replacement, SeriesTracking, Timeline

EXAMPLES = 3  # passage pairs given per replacement


def _passages(passages: Sequence[Passage]) -> list[dict]:
    return [{"index": p.index, "label": p.label, "text": p.text} for p in passages]


def _document(doc: Document) -> dict:
    """A compared document: its language code, and its version label apart from it."""
    return {"document": doc.id, "lang": doc.lang, "version": doc.version, "file": str(doc.path)}


def diff_to_dict(diff: VersionDiff) -> dict:
    return {
        "old": diff.old.id,
        "new": diff.new.id,
        "documents": {"old": _document(diff.old), "new": _document(diff.new)},
        "model": diff.model,
        "counts": diff.counts(),
        "entries": [
            {
                "status": e.status,
                "path": e.path,
                "similarity": None if e.similarity is None else round(e.similarity, 4),
                "old": _passages(e.old),
                "new": _passages(e.new),
                "changes": [{"op": op.op, "old": op.old, "new": op.new} for op in e.changes],
            }
            for e in diff.entries
        ],
    }


def timeline_to_dict(timeline: Timeline) -> dict:
    return {
        "lang": timeline.lang,
        "versions": [
            {"label": v, "words": w} for v, w in zip(timeline.versions, timeline.words, strict=True)
        ],
        "terms": [
            {
                "term": r.term,
                "key": list(r.key),
                "source": r.source,
                "concept": r.concept,
                "forms": list(r.forms),
                "counts": list(r.counts),
                "per_10k": list(r.per_10k),
                "first": r.first,
                "last": r.last,
                "trend": r.trend,
            }
            for r in timeline.terms
        ],
        "replacements": replacements_to_dict(timeline.replacements),
    }


def replacements_to_dict(replacements: Sequence[Replacement]) -> list[dict]:
    return [
        {
            "old": r.old,
            "new": r.new,
            "old_key": list(r.old_key),
            "new_key": list(r.new_key),
            "count": r.count,
            "examples": [
                {
                    "old_version": s.old_version,
                    "new_version": s.new_version,
                    "old": _passages(s.old),
                    "new": _passages(s.new),
                }
                for s in r.swaps[:EXAMPLES]
            ],
        }
        for r in replacements
    ]


def cross_language_to_dict(changes: Sequence[CrossLanguageChange]) -> list[dict]:
    return [{**asdict(c), "not_followed": c.not_followed} for c in changes]


def diff_to_json(diff: VersionDiff) -> str:
    return json.dumps(diff_to_dict(diff), ensure_ascii=False, indent=2) + "\n"


def series_to_json(tracked: Sequence[SeriesTracking]) -> str:
    """Every series: its timelines (one per language) and its cross-language check."""
    data = [
        {
            "series": t.name,
            "timelines": [timeline_to_dict(line) for line in t.timelines],
            "cross_language": cross_language_to_dict(t.cross_language),
        }
        for t in tracked
    ]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
