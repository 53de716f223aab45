"""Formal checks: what a translator's QA tool checks on the surface of the text, one module each.

Addresses (links), text left untranslated, mixed alphabets (scripts), spaces (spacing), final
marks and brackets (punctuation), the case of the first letter (capitals) and spelling.
"""

from __future__ import annotations

from collections.abc import Mapping

from compare.checks.base import Check
from compare.checks.formal.capitals import CapitalsCheck
from compare.checks.formal.links import LinksCheck
from compare.checks.formal.punctuation import PunctuationCheck
from compare.checks.formal.scripts import ScriptsCheck
from compare.checks.formal.spacing import SpacingCheck
from compare.checks.formal.spelling import SpellingCheck
from compare.checks.formal.untranslated import UntranslatedCheck

FORMAL_CHECKS = (
    LinksCheck,
    UntranslatedCheck,
    ScriptsCheck,
    SpacingCheck,
    PunctuationCheck,
    CapitalsCheck,
    SpellingCheck,
)


def formal_checks(langs: Mapping[str, str]) -> list[Check]:
    """Every formal check, reading each version by its language (version key -> language)."""
    return [check(langs) for check in FORMAL_CHECKS]
