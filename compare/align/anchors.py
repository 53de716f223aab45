"""Legal structure as alignment anchors: an article found in every version starts a segment.

Official language versions of a law carry the same article numbers ("Статья 5." / "5-бап."),
so the sentences of one article are aligned only with that article's sentences in the other
versions. This keeps a repetitive text (many articles saying "the authorised body approves
...") from pairing a sentence with its twin in another article, and confines a missing article
to the segment where it belongs. A text without such structure is one segment.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from compare.readers.structure import division_of

Segment = dict[str, tuple[int, int]]  # version key -> [start, end) of its passages


def anchored_segments(paths: Mapping[str, Sequence[str | None]]) -> list[Segment]:
    """Segments of every version between divisions present in all versions in one order.

    `paths` gives, per version, the structural path of each passage in order. A division
    (chapter, article) is an anchor when each version holds it as one unbroken run; anchors
    are kept in the first version's order while they also advance in every other version.
    """
    keys = list(paths)
    starts = {key: _division_starts(paths[key]) for key in keys}
    anchors: list[dict[str, int]] = []
    last = dict.fromkeys(keys, 0)
    for division in starts[keys[0]]:
        at = {key: starts[key].get(division, -1) for key in keys}
        if all(at[key] > last[key] for key in keys):
            anchors.append(at)
            last = at
    bounds = {key: [0, *(a[key] for a in anchors), len(paths[key])] for key in keys}
    return [
        {key: (bounds[key][i], bounds[key][i + 1]) for key in keys} for i in range(len(anchors) + 1)
    ]


def _division_starts(paths: Sequence[str | None]) -> dict[str, int]:
    """Where each division that forms one unbroken run of passages starts, in order."""
    starts: dict[str, int] = {}
    broken: set[str] = set()
    previous = None
    for index, path in enumerate(paths):
        division = division_of(path)
        if division is not None and division != previous:
            if division in starts:
                broken.add(division)
            starts.setdefault(division, index)
        previous = division
    return {division: at for division, at in starts.items() if division not in broken}
