"""Units of measure written after a number in kk, ru and en, and conversion between them.

Translators convert units ("2 to 4 inches" -> "5–10 см", "385 miles (619 km)"), so a number
check must not call a converted value a different number. The words are listed per language
in compare.lang.measures; the factors come from pint. A temperature often names no scale
("80 degrees" in a US text, "27 градусов" in its Russian version): such a "degree" is taken to
be on either scale, so it matches the same number or its Fahrenheit-Celsius conversion, and
nothing else.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from compare.lang.measures import DEGREE, UNIT_WORDS

_SCALES = ("degF", "degC")
# A converted value is rounded by the translator ("85 mph" is written "135 км/ч" or "137 км/сағ",
# "3 inches" "8 см"), but "30 yards" is not "30 метров" (9% apart).
TOLERANCE = Decimal("0.06")
# Converted temperatures are rounded to whole degrees ("80 °F" is "27 °C"); near zero a share
# of the value would be no room at all.
DEGREES_TOLERANCE = Decimal("1.5")


@cache
def _pattern(lang: str) -> re.Pattern[str]:
    names = "|".join(
        f"(?P<u{i}>{words[lang]})" for i, words in enumerate(UNIT_WORDS.values()) if lang in words
    )
    return re.compile(rf"\s?-?(?:{names})(?![^\W\d_])", re.IGNORECASE)


def unit_after(text: str, end: int, lang: str) -> str | None:
    """The pint name of the unit written right after position `end` of `text`, if any."""
    found = _pattern(lang).match(text, end)
    if not found:
        return None
    return next(name for i, name in enumerate(UNIT_WORDS) if found[f"u{i}"])


@cache
def _registry():
    import pint  # loaded on first use: a text without units never pays for it

    return pint.UnitRegistry()


@cache
def _base(unit: str) -> tuple[Decimal, str]:
    """(factor to SI base units, dimensionality) of a pint unit."""
    quantity = _registry().Quantity(1, unit).to_base_units()
    return Decimal(str(quantity.magnitude)), str(quantity.dimensionality)


def label(unit: str) -> str:
    """How a message writes a unit: pint's name, but signs for the temperature scales."""
    return {"degF": "°F", "degC": "°C", DEGREE: "degrees"}.get(unit, unit)


def dimension(unit: str) -> str:
    """What a unit measures, as pint writes it ("[length]"); a bare degree is a temperature."""
    return "[temperature]" if unit in (*_SCALES, DEGREE) else _base(unit)[1]


def same_measure(a: Decimal, unit_a: str, b: Decimal, unit_b: str) -> bool:
    """Whether `a unit_a` and `b unit_b` are one measure converted (within TOLERANCE of b)."""
    if dimension(unit_a) == dimension(unit_b) == "[temperature]":
        return _same_temperature(a, unit_a, b, unit_b)
    if unit_a == unit_b:
        return a == b
    (factor_a, dim_a), (factor_b, dim_b) = _base(unit_a), _base(unit_b)
    if dim_a != dim_b or not b:
        return False
    return abs(a * factor_a / factor_b - b) <= TOLERANCE * abs(b)


def _same_temperature(a: Decimal, unit_a: str, b: Decimal, unit_b: str) -> bool:
    """Equal on one scale, or converted from one to the other; a bare degree may be either."""
    for scale_a in _SCALES if unit_a == DEGREE else (unit_a,):
        for scale_b in _SCALES if unit_b == DEGREE else (unit_b,):
            if scale_a == scale_b and a == b:
                return True
            if scale_a != scale_b:
                converted = _registry().Quantity(float(a), scale_a).to(scale_b).magnitude
                if abs(Decimal(str(converted)) - b) <= DEGREES_TOLERANCE:
                    return True
    return False
