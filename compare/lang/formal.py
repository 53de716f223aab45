"""Patterns and marks the formal checks look for; data, no algorithms.

Kept apart from the checks so that a reviewer can add a mark or a dictionary path without
reading the checks.
"""

import re

# Web addresses with a scheme or "www.", and e-mail addresses. A trailing period, comma or
# closing bracket belongs to the sentence, not to the address (see URL_TRAILING).
URL = re.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>«»\"“”\[\]]+", re.IGNORECASE)
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}\b")
URL_TRAILING = ".,;:!?)]}'’"

# Path segments and query values that localised sites put in a URL to name the language of a
# page: "adilet.zan.kz/kaz/docs/…" and "adilet.zan.kz/rus/docs/…" are one page.
URL_LANGUAGE_SEGMENTS = frozenset(
    ("kk", "kaz", "kz", "qaz", "ru", "rus", "en", "eng", "kk-kz", "ru-ru", "en-us", "en-gb")
)

# Marks that end a sentence, and the kind each is of: an ellipsis is a full stop that trails off,
# and a list item that one version closes with ";" or ":" another may close with ".".
FINAL_MARKS = {".": ".", "…": ".", "!": "!", "?": "?", ":": ".", ";": "."}
# What may follow the final mark: closing quotes and brackets.
CLOSERS = "\"'»”’)]"

# Marks that take no space before them, and marks that take none after them. Curly double
# quotes are left out: many Kazakh and Russian texts open and close a quote with the same one
# ("”тұтқыны”", "“Ву“").
NO_SPACE_BEFORE = ",.;:!?)]»…"
NO_SPACE_AFTER = "([«„"

# Pairs that must balance inside one version of a unit, by family. "„" opens a Russian quote
# closed by "“". Straight double quotes, and a curly quote a text uses both ways ("“Ву“"), pair
# with themselves.
BRACKETS = {"(": ")", "[": "]", "«": "»", "“": "”", "„": "“"}
BRACKET_FAMILIES = {"(": "brackets", "[": "brackets", "«": "quotes", "“": "quotes", "„": "quotes"}
SELF_PAIRED = ('"', "“", "”")
# An enumerator with only a closing bracket: "1)", "а)", "iv)" open a list item, not a pair.
ENUMERATOR = re.compile(r"(?:^|(?<=\s))(?:\d{1,3}|[^\W\d_]{1,3})\)")

# Hunspell dictionaries per language, any of which vouches for a word (British spellings are
# English too), the Debian packages that hold them, and where systems keep them.
# $TILMASH_HUNSPELL_PATH (folders joined by os.pathsep) comes first.
HUNSPELL_DICTIONARIES = {"kk": ("kk_KZ",), "ru": ("ru_RU",), "en": ("en_US", "en_GB")}
HUNSPELL_PACKAGES = {"kk": "hunspell-kk", "ru": "hunspell-ru", "en": "hunspell-en-us"}
HUNSPELL_FOLDERS = (
    "/usr/share/hunspell",
    "/usr/share/myspell/dicts",
    "/usr/share/myspell",
    "/usr/local/share/hunspell",
    "/opt/homebrew/share/hunspell",
    "/Library/Spelling",
)
HUNSPELL_PATH_ENV = "TILMASH_HUNSPELL_PATH"

# Kazakh stems whose final voiceless consonant voices before a vowel ending ("аймақ" ->
# "аймағында", "кітап" -> "кітабы"): the dictionary knows the stem in its first spelling.
KAZAKH_VOICED_FINALS = {"ғ": "қ", "г": "к", "б": "п"}

# Letters a typo may put in or take out of a word, per language: the spelling check tries every
# word one letter away from an unknown one.
ALPHABETS = {
    "kk": "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя",
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "en": "abcdefghijklmnopqrstuvwxyz'",
}
