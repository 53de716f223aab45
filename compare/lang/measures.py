"""Units of measure as kk, ru and en write them after a number, keyed by the unit's name in
pint (which compare.units uses for the conversions)."""

from __future__ import annotations

DEGREE = "degree"  # a temperature whose scale is not written

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
