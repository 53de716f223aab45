"""Numbers, years, dates and percentages that differ between the versions of one unit.

Each version's quantities are extracted and normalised (`compare.quantities`), then matched
across versions, best matches first: the same reading, then a compatible one ("30 ноября" and
"November 30, 2022"; "1997" and "1 997"; "3 p.m." and "3 часа"; "385 miles" and "619 км"),
then weak readings ("two" for "2"; weak readings only ever confirm, as "one" and "бір" are too
often just "a"). A quantity left without a match in some version is paired with an unmatched
quantity of the same kind and dimension in the others ("Date differs"), or else reported as
missing there, unless it only restates a matched one in another unit ("85 mph (137 km/h)").
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from decimal import Decimal

from rapidfuzz.distance import DamerauLevenshtein

from compare.checks.base import Check, Finding, Span, UnitText
from compare.checks.neighbours import list_partners
from compare.checks.wording import names, names_verb
from compare.lang.rules import THIS_ARTICLE
from compare.quantities import Quantity, describe, extract
from compare.units import DEGREES_TOLERANCE, TOLERANCE, dimension, same_measure

# Kinds that stand for one another when paired as "differs": a year may be compared with a decade,
# never with a plain number.
_FAMILY = {"decade": "year", "code": "number"}
_LABEL = {"percent": "Percentage", "year": "Year", "date": "Date", "time": "Time"}
_NUMERIC = ("number", "year", "decade", "century")
_SMALL = 10  # a missing number up to this is minor: translators write such numbers as words

Cluster = dict[str, Quantity]  # version key -> its quantity; one meaning across versions
_THIS_ARTICLE = re.compile("|".join(THIS_ARTICLE), re.IGNORECASE)
_ARTICLE = re.compile(r"\barticle (\d+)(?:,|$)")


def _family(q: Quantity) -> str:
    return _FAMILY.get(q.kind, q.kind)


def _compatible(a: Quantity, b: Quantity) -> bool:
    """Same meaning written with different precision or kind: partial dates, "1997" / "1 997"."""
    if a.kind == b.kind == "date":
        return a.value[1] == b.value[1] and all(
            x is None or y is None or x == y for x, y in zip(a.value, b.value, strict=True)
        )
    if a.kind == "time" or b.kind == "time":
        return _same_hour(a, b) or _same_hour(b, a)
    if a.kind == b.kind == "number" and a.unit and b.unit:  # "385 miles" and "619 км"
        return same_measure(Decimal(a.value), a.unit, Decimal(b.value), b.unit)
    if a.kind in _NUMERIC and b.kind in _NUMERIC:
        return _same_number(a, b) or _same_number(b, a)
    if {a.kind, b.kind} == {"percent", "number"}:  # "15%" repeated later as just "15"
        return a.value == b.value
    return False


def _same_hour(time: Quantity, other: Quantity) -> bool:
    """Whether the hour agrees on a 12-hour clock: "14:00" and "2 часа", "7:55" and "7.55am"."""
    if time.kind != "time":
        return False
    hour, minute = time.value
    if other.kind == "time":
        return other.value[1] == minute and other.value[0] % 12 == hour % 12
    return minute == 0 and other.kind == "number" and other.value in (hour, hour % 12)


def _same_number(a: Quantity, b: Quantity) -> bool:
    """Equal as numbers, or a two-digit decade ("30-е годы") that ends a year or decade (1930s)."""
    x, y = Decimal(a.value), Decimal(b.value)
    return x == y or (a.kind == "decade" and x < 100 and b.kind != "number" and y % 100 == x)


def _affinity(a: Quantity, b: Quantity) -> int | None:
    """How well two quantities of different versions match: 0 best, None not at all. A weak
    reading matches a weak one before a number in digits ("второго" / "екінші" before "2"):
    the digits may be the number another version writes otherwise ("пункте 1", "2-тармағында")."""
    units_agree = not (a.unit and b.unit) or a.unit == b.unit  # "30 yards" is not "30 метр"
    if a.kind == b.kind and units_agree and set(a.readings()) & set(b.readings()):
        rank = 0
    elif _compatible(a, b):
        rank = 1
    else:
        return None
    return rank + 2 * (a.weak or b.weak) + (a.weak != b.weak)


def _cluster(found: Mapping[str, list[Quantity]]) -> list[Cluster]:
    """Quantities grouped across versions, one per version at most; best matches are made first."""
    clusters: list[Cluster] = []
    for key, quantities in found.items():
        candidates = []
        for i, q in enumerate(quantities):
            for j, cluster in enumerate(clusters):
                ranks = [r for other in cluster.values() if (r := _affinity(q, other)) is not None]
                if ranks:
                    candidates.append((min(ranks), i, j))
        taken_q: set[int] = set()
        taken_c: set[int] = set()
        for _, i, j in sorted(candidates):
            if i not in taken_q and j not in taken_c:
                clusters[j][key] = quantities[i]
                taken_q.add(i)
                taken_c.add(j)
        clusters += [{key: q} for i, q in enumerate(quantities) if i not in taken_q]
    return clusters


def _main(cluster: Cluster) -> Quantity:
    """The quantity that speaks for a cluster: the first one written in digits."""
    return next((q for q in cluster.values() if not q.weak), next(iter(cluster.values())))


def _restates(c: Cluster, d: Cluster) -> bool:
    """Whether every quantity of c is its version's own conversion of d's ("85 mph (137 km/h)")."""
    return c.keys() <= d.keys() and all(
        q.unit
        and d[key].unit
        and q.unit != d[key].unit
        and same_measure(Decimal(q.value), q.unit, Decimal(d[key].value), d[key].unit)
        for key, q in c.items()
    )


def _restatement(i: int, clusters: list[Cluster]) -> bool:
    """Whether cluster i restates one that covers more versions, or as many and comes first."""
    c = clusters[i]
    return any(
        _restates(c, d) and (len(d), -j) > (len(c), -i) for j, d in enumerate(clusters) if j != i
    )


def _misread(a: Quantity, b: Quantity) -> bool:
    """Whether one of two quantities is a date and the other a number whose digits are the
    date's but for one typed wrong, left out, added or swapped: "97.11.2025" reads as a number
    in the version that mistyped "27.11.2025"."""
    dates = [q for q in (a, b) if q.kind == "date" and None not in q.value]
    others = [q for q in (a, b) if q.kind in ("number", "code") and not q.unit]
    if len(dates) != 1 or len(others) != 1:
        return False
    digits = "".join(re.findall(r"\d", others[0].surface))
    year, month, day = dates[0].value
    written = {
        "".join(f"{part:0{width}d}" for part, width in order)
        for width in (1, 2)
        for order in (
            ((day, width), (month, width), (year, 4)),
            ((year, 4), (month, width), (day, width)),
            ((month, width), (day, width), (year, 4)),
        )
    }
    return len(digits) >= 6 and any(
        DamerauLevenshtein.distance(digits, w, score_cutoff=1) <= 1 for w in written
    )


def _alike(a: Quantity, b: Quantity) -> bool:
    """Whether two quantities may be said to differ: same kind, and a distance is not a speed;
    or a date and the same date mistyped as a number."""
    same_kind = _family(a) == _family(b) and (
        not (a.unit and b.unit) or dimension(a.unit) == dimension(b.unit)
    )
    return same_kind or _misread(a, b)


def _unmatched(clusters: list[Cluster], keys: Sequence[str]) -> list[list[Cluster]]:
    """Clusters that miss a version, each joined with alike clusters of the other versions.

    A cluster that restates a fuller or earlier one in another unit is left out: the one it
    converts already speaks for it.
    """
    open_ = [
        c
        for i, c in enumerate(clusters)
        if len(c) < len(keys) and not _main(c).weak and not _restatement(i, clusters)
    ]
    groups: list[list[Cluster]] = []
    while open_:
        group = [open_.pop(0)]
        for other in list(open_):
            covered = {key for c in group for key in c}
            if not covered & other.keys() and _alike(_main(other), _main(group[0])):
                group.append(other)
                open_.remove(other)
        groups.append(group)
    return groups


def _speaker(group: list[Cluster]) -> Quantity:
    """The quantity that names a group's kind: the date, when a number that misreads it joins."""
    mains = [_main(c) for c in group]
    return next((q for q in mains if q.kind == "date"), mains[0])


def _label(q: Quantity) -> str:
    return _LABEL.get(_family(q), "Number")


def _spans(clusters: list[Cluster], keys: Sequence[str]) -> tuple[Span, ...]:
    return tuple(
        Span(key, c[key].start, c[key].end, c[key].surface)
        for key in keys
        for c in clusters
        if key in c
    )


def _ordered(keys: Sequence[str], subset: Collection[str]) -> list[str]:
    return [key for key in keys if key in subset]


# What a mismatch earns: severity, message, suggestion, certainty, and the version at fault
# when the others agree against it (None when it cannot be told, as with two versions).
Verdict = tuple[str, str, str, float, str | None]


def _differs(group: list[Cluster], keys: Sequence[str]) -> Verdict:
    """Same kind, different values: "Date differs: ru says 30 November 2022, kk says …"."""
    said = [(_ordered(keys, c), describe(_main(c))) for c in group]
    label = _label(_speaker(group))
    parts = [f"{names_verb(k, 'says', 'say')} {value}" for k, value in said]
    message = f"{label} differs: {', '.join(parts)}"
    covered = {key for c in group for key in c}
    absent = _ordered(keys, set(keys) - covered)
    if absent:
        message += f"; {names_verb(absent, 'has', 'have')} none"
    odd = min(reversed([k for k, _ in said]), key=len)  # on a tie, the later version
    reference = _ordered(keys, covered - set(odd))
    texts = "text" if len(reference) == 1 else "texts"
    suggestion = f"Check the {names(odd)} {label.lower()} against the {names(reference)} {texts}."
    agreed = len(odd) == 1 and any(len(k) > 1 for k, _ in said)  # the others agree
    return "major", message + ".", suggestion, 0.9 if absent else 1.0, odd[0] if agreed else None


def _missing(
    cluster: Cluster,
    clusters: list[Cluster],
    keys: Sequence[str],
    lone: Sequence[Cluster],
    words: Sequence[Cluster],
) -> Verdict:
    """A quantity that one version has and another lacks, or has fewer times: the one that
    lacks it is at fault, unless that version has a quantity of its own that the others lack
    (`lone`: the unit's quantities no other version matches), or a number word of the same
    kind no other version matches (`words`: "пункте втором" where kk has "0-тармағында"), and
    no two versions agree against it. Then either may be at fault: "97.11.2025" in kk and
    "27.11.2025" in ru, which read as a number and a date, are one date mistyped in one of
    them."""
    q = _main(cluster)
    value, label = describe(q), _label(q)
    covered, absent = _ordered(keys, cluster), _ordered(keys, set(keys) - cluster.keys())
    suggestion = f"Check whether the {names(absent)} text should mention {value}."
    swapped = any(absent[0] in other for other in lone if other is not cluster) or any(
        absent[0] in word and _alike(_main(word), q) for word in words
    )
    fault = absent[0] if len(absent) == 1 and (len(covered) > 1 or not swapped) else None
    if all(any(_affinity(q, c[key]) is not None for c in clusters if key in c) for key in absent):
        message = f"{label} {value} occurs more often in {names(covered)} than in {names(absent)}."
        return "minor", message, suggestion, 0.5, fault
    small = q.kind == "code" or (q.kind == "number" and q.value <= _SMALL)
    message = f"{label} {value} is in {names(covered)} but not in {names(absent)}."
    return ("minor" if small else "major"), message, suggestion, 0.85, fault


def _own_article(unit: UnitText, cluster: Cluster) -> bool:
    """Whether a number that some versions lack is the number of the article the unit stands
    in, and the versions that lack it say "this article" instead ("Осы Заңның 63-бабының 3 және
    3-2-тармақтарына" / "пунктами 3 и 3-2 настоящей статьи" in Article 63)."""
    q = _main(cluster)
    own = {m for paths in unit.paths.values() for p in paths if p for m in _ARTICLE.findall(p)}
    absent = [k for k, text in unit.texts.items() if text.strip() and k not in cluster]
    return (
        q.kind == "number"
        and str(q.value) in own
        and bool(absent)
        and all(_THIS_ARTICLE.search(unit.texts[k]) for k in absent)
    )


def _moved(finding: Finding) -> Finding:
    """A finding on one half of a list's sentence that the other half resolves, as a minor."""
    if finding.severity != "major":
        return finding
    message = finding.message.rstrip(".") + " (it stands at the other end of the list)."
    return replace(finding, severity="minor", message=message)


class NumbersCheck(Check):
    """Flags numbers, years, dates, times and percentages that differ or are missing.

    Texts are read by language: a UnitText key is taken as the language code ("kk", "ru", "en")
    unless `langs` maps it to one, as for two versions in one language
    (`NumbersCheck(langs={"original": "ru", "transliterated": "en"})`).
    """

    name = "numbers"
    threshold_names = ("unit_tolerance", "degrees_tolerance")
    # How far a converted measure may be rounded and still be the same measure (units.py).
    unit_tolerance = float(TOLERANCE)
    degrees_tolerance = float(DEGREES_TOLERANCE)

    def __init__(self, langs: Mapping[str, str] | None = None) -> None:
        self.langs = dict(langs or {})

    def run(self, units: Sequence[UnitText]) -> list[Finding]:
        """Findings for each unit on its own, except that at a lead-in of a law's list or an
        end of it a finding the other half of the sentence resolves is minor: a language may
        say in the lead-in what the other says at the end of the list ("в порядке,
        предусмотренном пунктом 4 статьи 40" / "... 40-бабының 4-тармағында көзделген тәртіппен
        жүзеге асырылады.")."""
        out = []
        for row, unit in enumerate(units):
            found = self.check_unit(unit)
            partners = list_partners(units, row) if found else []
            if partners:
                rows = sorted({row, *partners})
                texts = {k: " ".join(units[r].texts.get(k, "") for r in rows) for k in unit.texts}
                joined = {f.message for f in self.check_unit(replace(unit, texts=texts))}
                found = [f if f.message in joined else _moved(f) for f in found]
            out += found
        return out

    def check_unit(self, unit: UnitText) -> list[Finding]:
        """Findings for one unit; versions with empty text are left to the omission check."""
        keys = [key for key, text in unit.texts.items() if text.strip()]
        if len(keys) < 2:
            return []
        found = {key: extract(unit.texts[key], self.langs.get(key, key)) for key in keys}
        clusters = _cluster(found)
        findings = []
        unmatched = _unmatched(clusters, keys)
        lone = [group[0] for group in unmatched if len(group) == 1]
        words = [c for c in clusters if len(c) < len(keys) and _main(c).weak]
        for group in unmatched:
            if len(group) > 1:
                severity, message, suggestion, certainty, fault = _differs(group, keys)
            else:
                verdict = _missing(group[0], clusters, keys, lone, words)
                severity, message, suggestion, certainty, fault = verdict
                if severity == "major" and _own_article(unit, group[0]):
                    severity = "minor"
                    message = (
                        message.rstrip(".") + " (it cites its own article, as 'this article')."
                    )
            quantities = [q for c in group for q in c.values() if not q.weak]
            findings.append(
                Finding(
                    check=self.name,
                    severity=severity,
                    confidence=round(certainty * min(q.confidence for q in quantities), 2),
                    unit=unit.unit,
                    langs=tuple(keys),
                    message=message,
                    spans=_spans(group, keys),
                    suggestion=suggestion,
                    details={
                        "kind": _family(_speaker(group)),
                        "values": {key: describe(c[key]) for c in group for key in c},
                        "lang": fault,
                    },
                )
            )
        return findings
