"""Which checks run and where they draw their lines: a project's tilmash.toml.

Like the check settings Xbench and CheckMate keep per project, a `tilmash.toml` next to the
inputs (the folder of the first input, or the folder given) selects checks by name and sets
the thresholds they name (Check.threshold_names):

    checks = ["formal", "numbers", "-spelling"]   # or "formal,numbers,-spelling"

    [meaning]
    minor = 0.3

A name adds a check (or a group: formal, drift, words); "-name" takes one away; a selection
of removals only starts from every check. `--checks` on the command line replaces the file's
selection; `--profile FILE` reads another file than the one next to the inputs.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from compare.checks.base import Check
from compare.errors import InputError, TilmashError

CONFIG_NAME = "tilmash.toml"


def _classes() -> dict[str, type[Check]]:
    """Every check by name."""
    from compare.checks.run import check_classes

    return {cls.name: cls for cls in check_classes()}


def _names() -> dict[str, tuple[str, ...]]:
    """Every check's name and the thresholds it names."""
    return {name: cls.threshold_names for name, cls in _classes().items()}


def _default(cls: type[Check], name: str) -> object:
    """A threshold's default: a class attribute, or the constructor's default."""
    if hasattr(cls, name):
        return getattr(cls, name)
    return inspect.signature(cls).parameters[name].default


def _groups() -> dict[str, tuple[str, ...]]:
    """Names that stand for several checks."""
    from compare.checks.formal import FORMAL_CHECKS
    from compare.checks.run import WORD_CHECKS

    formal = tuple(cls.name for cls in FORMAL_CHECKS)
    words = tuple(cls.name for cls in WORD_CHECKS)
    drift = tuple(n for n in _names() if n not in formal + words)
    return {"formal": formal, "drift": drift, "words": words}


@dataclass(frozen=True)
class Profile:
    """The checks chosen (None: every check that applies) and the thresholds changed, per check."""

    checks: frozenset[str] | None = None
    settings: Mapping[str, Mapping[str, int | float]] = field(default_factory=dict)

    def apply(self, checks: Iterable[Check]) -> list[Check]:
        """The chosen ones of `checks`, with their thresholds set as the profile says."""
        chosen = [c for c in checks if self.chooses(c.name)]
        for check in chosen:
            for name, value in self.settings.get(check.name, {}).items():
                setattr(check, name, type(getattr(check, name))(value))
        return chosen

    def chooses(self, name: str) -> bool:
        """Whether the check named `name` runs where it applies."""
        return self.checks is None or name in self.checks

    def signature(self) -> dict[str, object]:
        """What the report's signature records: the checks chosen ("all" when not narrowed).
        Changed thresholds show in each check's own field."""
        return {"checks": ",".join(sorted(self.checks)) if self.checks is not None else "all"}


def select(items: Sequence[str], where: str) -> frozenset[str] | None:
    """The checks `items` choose: names and groups add, "-name" removes; removals alone start
    from every check. An unknown name is one line naming `where` it was written."""
    names, groups = _names(), _groups()
    chosen: set[str] = set()
    removed: set[str] = set()
    for item in (i.strip() for i in items):
        if not item:
            continue
        name = item.removeprefix("-")
        if name not in names and name not in groups:
            known = ", ".join([*names, *groups])
            raise TilmashError(f"{where}: unknown check {name!r} (known: {known})")
        (removed if item.startswith("-") else chosen).update(groups.get(name, (name,)))
    if not chosen and not removed:
        return None
    return frozenset((chosen or set(names)) - removed)


def _settings(path: Path, data: Mapping[str, object]) -> dict[str, dict[str, int | float]]:
    names = _names()
    settings: dict[str, dict[str, int | float]] = {}
    for check, table in data.items():
        if check == "checks":
            continue
        if check not in names:
            allowed = ", ".join(["checks", *(n for n, t in names.items() if t)])
            raise InputError(path, f"unknown key {check!r} (allowed: {allowed})")
        if not isinstance(table, dict):
            raise InputError(path, f"[{check}] must be a table of thresholds")
        for key, value in table.items():
            if key not in names[check]:
                allowed = ", ".join(names[check]) or "none"
                raise InputError(path, f"[{check}]: unknown threshold {key!r} (allowed: {allowed})")
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise InputError(path, f"[{check}] {key}: expected a number, got {value!r}")
            if isinstance(_default(_classes()[check], key), int) and value != int(value):
                raise InputError(path, f"[{check}] {key}: expected a whole number, got {value}")
        settings[check] = dict(table)
    return settings


def load_profile(path: Path | None, checks: str | None = None) -> Profile:
    """The profile in `path` (none when it is None or absent), its selection replaced by the
    `checks` option ("numbers,omission" or "-spelling") when one is given."""
    from compare.manifest import read_toml

    data: Mapping[str, object] = {}
    if path is not None and path.is_file():
        data = read_toml(path, f"the profile {CONFIG_NAME}")
    written = data.get("checks", [])
    if isinstance(written, str):
        written = written.split(",")
    if not isinstance(written, list) or not all(isinstance(i, str) for i in written):
        raise InputError(path or Path(CONFIG_NAME), "checks: expected a list of check names")
    settings = _settings(path, data) if path is not None else {}
    if checks is not None:
        return Profile(select(checks.split(","), "--checks"), settings)
    return Profile(select(written, str(path)), settings)


def beside(paths: Sequence[Path], name: str) -> Path:
    """A file called `name` next to the inputs: in the folder given first, or the folder of the
    first file (documents/ when none is given)."""
    first = Path(paths[0]) if paths else Path("documents")
    return (first if first.is_dir() else first.parent) / name
