"""Articles whose language versions are of different editions, read from their amendment notes.

adilet.zan.kz updates each language of a law on its own, so for a while one language carries an
amendment the other does not yet have: its note on the article ("Ескерту. 13-бапқа өзгеріс
енгізілді – ҚР 16.01.2026 № 259-VIII ...") cites an amending law that the other's note
("Сноска. Статья 13 с изменением, внесенным Законом РК от 18.07.2025 № 215-VIII") does not.
Inside such an article the texts differ because the law changed, not because the translation
slipped: the article is named once, and the other checks' majors inside it become minors that
say so (see `mark_editions`). A repealed part keeps its number and only cites the repealing
law, which the languages cite in their own ways; findings there are minor (see `mark_repealed`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from compare.checks.base import Check, Finding, Span, UnitText
from compare.checks.structure import MissingPartsCheck, within
from compare.quantities import Quantity, describe, extract_dates
from compare.readers.adilet import announces_amendment, opens_note
from compare.readers.structure import division_of, repealed

# The dates are read from the notes themselves; only which text lags is inferred.
_CONFIDENCE = 0.9
_CITED_WITHIN = 12  # characters between an amending law's date and its number ("от … года №")


def amendment_dates(text: str, lang: str) -> list[tuple[int, int, int]]:
    """The dates of the amending laws a note cites: each full date just before a "№"."""
    dates = [q for q in extract_dates(text, lang) if q.kind == "date" and None not in q.value]
    return [
        q.value  # type: ignore[misc]
        for q in dates
        if "№" in text[q.end : q.end + _CITED_WITHIN]
    ]


class EditionCheck(Check):
    """An article whose notes in one version cite a later amendment than in the others."""

    name = "edition"
    reads_apparatus = True

    def __init__(self, langs: Mapping[str, str] | None = None) -> None:
        self.langs = dict(langs or {})

    def run(self, units: Sequence[UnitText]) -> list[Finding]:
        latest: dict[str, dict[str, tuple[tuple[int, int, int], UnitText]]] = {}
        for unit in units:
            for key, text in unit.texts.items():
                paths = unit.paths.get(key, ())
                division = division_of(paths[0]) if paths else None
                # A note announcing an amendment cites one this version does not have yet.
                if (
                    not text
                    or division is None
                    or not opens_note(text)
                    or announces_amendment(text)
                ):
                    continue
                for date in amendment_dates(text, self.langs.get(key, key)):
                    kept = latest.setdefault(division, {}).get(key)
                    if kept is None or date > kept[0]:
                        latest[division][key] = (date, unit)
        keys = list(dict.fromkeys(key for unit in units for key in unit.texts))
        found = [self._finding(division, by_key, keys) for division, by_key in latest.items()]
        return [f for f in found if f is not None]

    def _finding(self, division: str, by_key, keys: list[str]) -> Finding | None:
        newest = max(date for date, _ in by_key.values())
        later = [k for k in keys if k in by_key and by_key[k][0] == newest]
        behind = [k for k in keys if k not in later]
        if not behind:
            return None
        date, unit = by_key[later[0]]
        text = unit.texts[later[0]]
        when = describe_date(date)
        message = (
            f"{division}: the {', '.join(later)} note cites an amendment of {when} that the "
            f"{', '.join(behind)} text does not have; the versions of this part are of different "
            "editions, so differences inside it may come from the amendment, not the translation"
        )
        return Finding(
            self.name,
            "major",
            _CONFIDENCE,
            unit.unit,
            tuple(later),
            message,
            (Span(later[0], 0, len(text), text),),
            suggestion=f"Bring the {', '.join(behind)} text of {division} up to that edition.",
            details={"kind": "edition", "division": division, "later": later, "lang": behind[0]},
        )


def describe_date(date: tuple[int, int, int]) -> str:
    """ "16 January 2026"."""
    return describe(Quantity("date", date, 0, 0, ""))


def mark_editions(findings: Sequence[Finding], units: Sequence[UnitText]) -> list[Finding]:
    """The findings with the majors of other checks on units wholly inside parts of different
    editions (see EditionCheck; a unit may join the end of one such article and the start of
    the next) made minor, their message saying why."""
    parts = {
        str(f.details["division"]): f.details["later"] for f in findings if f.check == "edition"
    }
    if not parts:
        return list(findings)
    by_index = {unit.unit: unit for unit in units}

    def part_of(finding: Finding) -> str | None:
        unit = by_index.get(finding.unit)
        if unit is None or finding.check == EditionCheck.name or finding.severity != "major":
            return None
        divisions = [division_of(p) for ps in unit.paths.values() for p in ps]
        inside = [d for d in divisions if d in parts]
        return min(inside) if inside and len(inside) == len(divisions) else None

    out = []
    for f in findings:
        part = part_of(f)
        if part is None:
            out.append(f)
            continue
        later = ", ".join(parts[part])
        note = f" ({part} is of a later edition in {later})"
        out.append(replace(f, severity="minor", message=f.message.rstrip(".") + note + "."))
    return out


def mark_repealed(findings: Sequence[Finding], units: Sequence[UnitText]) -> list[Finding]:
    """The findings with the majors on units where a version only says that its part was
    repealed ("3. исключен Законом РК от ...", "3. Алынып тасталды - ҚР ...") made minor, their
    message saying why: the versions then differ in how they cite the repealing law, or in which
    of them already shows the repeal, not in what a provision says. A part one version lacks
    stays major unless what the others have of it is only its repeal, or every version of its
    unit is (one version lists "27) алып тасталды", "28) алып тасталды" where the other writes
    "27) - 28) исключены" or drops them)."""
    by_index = {unit.unit: unit for unit in units}

    def only_repealed(unit: UnitText, key: str, part: str | None = None) -> bool:
        text = unit.texts.get(key, "")
        inside = part is None or all(within(p, part) for p in unit.paths.get(key, ()) if p)
        return bool(text.strip()) and repealed(text) and inside

    def on_repealed(f: Finding) -> bool:
        unit = by_index.get(f.unit)
        if f.severity != "major" or unit is None or f.check == EditionCheck.name:
            return False
        if f.check == MissingPartsCheck.name:  # what the others have of it, or the whole unit
            part = str(f.details.get("path"))
            texts = [key for key, text in unit.texts.items() if text.strip()]
            here = all(any(within(p, part) for p in unit.paths.get(k, ()) if p) for k in f.langs)
            return all(only_repealed(unit, key, part) for key in f.langs) or (
                here and all(only_repealed(unit, key) for key in texts)
            )
        return any(only_repealed(unit, key) for key in unit.texts)

    return [
        replace(f, severity="minor", message=f.message.rstrip(".") + " (a repealed part).")
        if on_repealed(f)
        else f
        for f in findings
    ]
