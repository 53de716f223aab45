"""Statistical language models behind `identify`: lingua by default, langdetect on request.

lingua (lingua-language-detector) knows Kazakh and is ~20x faster than langdetect; langdetect
does not know Kazakh, so with it the Kazakh/Russian choice rests on the word rules in
`compare.lang.markers` alone. Both answer the same two questions. langdetect's own work is
naming a text that is in none of kk, ru and en (`name_language`): it knows 55 languages.
"""

from __future__ import annotations

import math
from functools import cache
from pathlib import Path
from typing import Protocol

# Latin-script languages that lingua weighs against English: the ones a Kazakhstani journal or
# policy text is likely to quote. More candidates make short English sentences less certain.
_LATIN_RIVALS = ("GERMAN", "FRENCH", "SPANISH", "ITALIAN", "PORTUGUESE", "TURKISH", "DUTCH")
_LANGDETECT_CODES = {
    "GERMAN": "de",
    "FRENCH": "fr",
    "SPANISH": "es",
    "ITALIAN": "it",
    "PORTUGUESE": "pt",
    "TURKISH": "tr",
    "DUTCH": "nl",
}
_MAX_LOGIT = 8.0
# langdetect gives a two-word sentence 0.99999 for one language: trust it no more than e^2 : 1.
_LANGDETECT_MAX_LOGIT = 2.0


class LanguageModel(Protocol):
    """What `identify` asks a statistical model, for text already known to be in one script."""

    name: str
    kazakh_bound: float  # the most kazakh_logit says either way

    def kazakh_logit(self, text: str) -> float:
        """Log-odds of Kazakh against Russian for Cyrillic text; 0.0 if the model cannot tell."""
        ...

    def english_logit(self, text: str) -> float:
        """Log-odds of English against other Latin-script languages for a Latin text."""
        ...


def _logit(p: float, limit: float = _MAX_LOGIT) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return max(-limit, min(limit, math.log(p / (1 - p))))


class LinguaModel:
    """lingua-py restricted to the candidates each script allows (fewer rivals, fewer mistakes)."""

    name = "lingua"
    kazakh_bound = _MAX_LOGIT

    def __init__(self) -> None:
        from lingua import Language, LanguageDetectorBuilder

        self._kazakh = Language.KAZAKH
        self._english = Language.ENGLISH
        self._cyrillic = LanguageDetectorBuilder.from_languages(
            Language.KAZAKH, Language.RUSSIAN
        ).build()
        latin = [Language.ENGLISH, *(getattr(Language, name) for name in _LATIN_RIVALS)]
        self._latin = LanguageDetectorBuilder.from_languages(*latin).build()

    def kazakh_logit(self, text: str) -> float:
        return _logit(self._cyrillic.compute_language_confidence(text, self._kazakh))

    def english_logit(self, text: str) -> float:
        return _logit(self._latin.compute_language_confidence(text, self._english))


class LangdetectModel:
    """langdetect with a fixed seed, limited to English and the same Latin-script rivals."""

    name = "langdetect"
    kazakh_bound = 0.0

    def __init__(self) -> None:
        from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
        from langdetect.lang_detect_exception import LangDetectException

        codes = ["en", *(_LANGDETECT_CODES[name] for name in _LATIN_RIVALS)]
        profiles = [(Path(PROFILES_DIRECTORY) / code).read_text("utf-8") for code in codes]
        self._factory = DetectorFactory()
        self._factory.load_json_profile(profiles)
        self._factory.set_seed(0)
        self._no_features = LangDetectException

    def kazakh_logit(self, text: str) -> float:
        return 0.0

    def english_logit(self, text: str) -> float:
        detector = self._factory.create()
        detector.append(text)
        try:
            guesses = detector.get_probabilities()
        except self._no_features:
            return 0.0
        p_english = next((g.prob for g in guesses if g.lang == "en"), 0.0)
        return _logit(p_english, _LANGDETECT_MAX_LOGIT)


def name_language(text: str) -> str | None:
    """The ISO 639-1 code of the language langdetect finds most likely for a text that is in
    none of kk, ru and en ("fr", "de", …), or None when it finds nothing to go on."""
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0  # langdetect samples at random; a seed makes it deterministic
    try:
        return detect(text)
    except LangDetectException:
        return None


@cache
def default_model() -> LanguageModel:
    """lingua, which measured better than langdetect on short kk/ru/en sentences (see
    bench/langid.py); built once per process."""
    return LinguaModel()
