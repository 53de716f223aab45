"""Where a finding is, in the terms an editor acts on: the language and version at fault, the
file of each version, and the text of the finding's unit in every version.

Checks name versions by their alignment key: the language code in a group of translations,
the version label ("2014", "original-script") in a group of versions. Outputs keep the two
apart: a language code where a language belongs, the label beside it. The JSON, CSV and XLSX
writers read these places and only write them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from compare.checks.base import Finding
from compare.report import ReportSection


@dataclass(frozen=True)
class Version:
    """One version of a group as outputs name it."""

    key: str  # the alignment key findings use
    lang: str  # its language code ("kk", "ru", "en"; "mul" when mixed)
    label: str | None  # its version label, when the key is not just the language
    file: str  # the file it was read from

    @property
    def name(self) -> str:
        """The language code, with the label beside it when there is one ("ru 2014")."""
        return f"{self.lang} {self.label}" if self.label else self.lang


@dataclass(frozen=True)
class Place:
    """A finding with its group, its versions and its unit's text per version."""

    group: str
    finding: Finding
    versions: Mapping[str, Version]  # every version of the group, by key, in group order
    texts: Mapping[str, str]  # the unit's text per key ("" where a version omits it)
    passages: Mapping[str, tuple[int, ...]]  # the unit's passage indices per key

    @property
    def fault(self) -> Version | None:
        """The version at fault, when the check could tell."""
        return self.versions.get(self.finding.fault) if self.finding.fault else None

    def of(self, key: str) -> Version:
        """The version a key names (a key the group does not know stands for itself)."""
        return self.versions.get(key) or Version(key, key, None, "")


def group_versions(section: ReportSection) -> dict[str, Version]:
    """The versions of a section's group, by alignment key."""
    return {
        key: Version(key, doc.lang, key if key != doc.lang else None, str(doc.path))
        for key, doc in section.alignment.documents.items()
    }


def section_places(section: ReportSection) -> list[Place]:
    """Every finding of a section, placed in its unit."""
    versions = group_versions(section)
    units = {unit.index: unit for unit in section.alignment.units}
    places = []
    for finding in section.findings:
        unit = units.get(finding.unit)
        texts = {key: unit.text(key) if unit else "" for key in versions}
        passages = {
            key: tuple(p.index for p in unit.passages.get(key, ())) if unit else ()
            for key in versions
        }
        places.append(Place(section.group, finding, versions, texts, passages))
    return places
