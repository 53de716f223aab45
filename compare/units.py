"""Units of measure written after a number in kk, ru and en, and conversion between them.

Translators convert units ("2 to 4 inches" -> "5–10 см", "385 miles (619 km)"), so a number
check must not call a converted value a different number. The words are listed here per
language; the factors come from pint. A temperature often names no scale ("80 degrees" in a US
text, "27 градусов" in its Russian version): such a "degree" is taken to be on either scale, so
it matches the same number or its Fahrenheit-Celsius conversion, and nothing else.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

DEGREE = "degree"  # a temperature whose scale is not written
_SCALES = ("degF", "degC")
# pint unit -> language -> the words for it. Speeds come before the lengths they contain.
UNIT_WORDS: dict[str, dict[str, str]] = {
    "mile/hour": {"en": r"mph|miles? (?:an|per) hour", "ru": r"миль? в час", "kk": r"миля/сағ"},
    "km/hour": {
        "en": r"km/h|kph|kilomet(?:re|er)s? (?:an|per) hour",
        "ru": r"км/ч",
        "kk": r"км/сағ",
    },
    "inch": {"en": r"inch(?:es)?", "ru": r"дюйм\w*", "kk": r"дюйм\w*"},
    "foot": {"en": r"feet|foot|ft", "ru": r"фут\w*", "kk": r"фут\w*"},
    "yard": {"en": r"yards?", "ru": r"ярд\w*", "kk": r"ярд\w*"},
    "mile": {"en": r"miles?", "ru": r"мил[ьяеи]\w*", "kk": r"миля\w*|миль\w*"},
    "mm": {"en": r"mm|millimet(?:re|er)s?", "ru": r"мм|миллиметр\w*", "kk": r"мм|миллиметр\w*"},
    "cm": {"en": r"cm|centimet(?:re|er)s?", "ru": r"см|сантиметр\w*", "kk": r"см|сантиметр\w*"},
    "km": {
        "en": r"km|kilomet(?:re|er)s?",
        "ru": r"км|километр\w*",
        "kk": r"км|километр\w*|шақырым\w*",
    },
    "m": {"en": r"m|met(?:re|er)s?", "ru": r"м|метр\w*", "kk": r"м|метр\w*"},
    "kg": {"en": r"kg|kilo(?:gram(?:me)?)?s?", "ru": r"кг|килограмм\w*", "kk": r"кг|килограмм\w*"},
    "pound": {"en": r"pounds?|lbs?", "ru": r"фунт\w*", "kk": r"фунт\w*"},
    "acre": {"en": r"acres?", "ru": r"акр\w*", "kk": r"акр\w*"},
    "hectare": {"en": r"hectares?", "ru": r"га|гектар\w*", "kk": r"га|гектар\w*"},
    "gallon": {"en": r"gallons?", "ru": r"галлон\w*", "kk": r"галлон\w*"},
    "liter": {"en": r"lit(?:re|er)s?", "ru": r"литр\w*", "kk": r"литр\w*"},
    # Scales named come before the bare degree; "С" is also written in Cyrillic.
    "degF": {
        "en": r"°\s?F|degrees? Fahrenheit",
        "ru": r"°\s?F|градус\w* (?:по )?Фаренгейт\w*",
        "kk": r"°\s?F|градус\w* Фаренгейт\w*",
    },
    "degC": {
        "en": r"°\s?C|degrees? C(?:elsius|entigrade)",
        "ru": r"°\s?[CС]|градус\w* (?:по )?Цельси\w*",
        "kk": r"°\s?[CС]|градус\w* Цельси\w*",
    },
    DEGREE: {"en": r"degrees?|°", "ru": r"градус\w*|°", "kk": r"градус\w*|°"},
}
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
