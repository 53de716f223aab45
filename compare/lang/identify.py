"""Tell Kazakh, Russian and English apart, with Kazakh as a first-class language.

The script decides first (Cyrillic: kk or ru; Latin: en or other); within Cyrillic, a statistical
model's log-odds and the word votes of `compare.lang.markers` are added, so either can outvote
the other when it is sure. Results are deterministic.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from compare.lang.markers import english_votes, kazakh_votes
from compare.lang.models import LanguageModel, default_model, name_language
from compare.lang.rules import KNOWN_LANGS
from compare.lang.script import ScriptProfile, profile, words

LANGUAGES = (*KNOWN_LANGS, "other")

# Below this share of letters in one script a text is "mixed" and gets "other".
MIN_SCRIPT_SHARE = 0.6
# Log-odds one Kazakh- or Russian-looking word adds; lingua's own log-odds range over about ±8.
VOTE_WEIGHT = 1.0
# Log-odds in favour of English for Latin text: the corpus is kk/ru/en, and lingua spreads short
# English sentences over several Latin-script languages.
ENGLISH_PRIOR = 1.0
# A document's language is judged on about this many characters of it, spread over the whole
# (some 12 pages): identification runs at some 20,000 characters a second.
SAMPLE_CHARS = 30_000
# Characters of a document in none of kk/ru/en that langdetect reads to name its language.
NAMING_SAMPLE = 5_000


@dataclass(frozen=True)
class LangGuess:
    """A language code from LANGUAGES and how sure the guess is, from 0 to 1; for "other",
    the language it seems to be in where that can be named ("fr", "uk")."""

    lang: str
    confidence: float
    other: str | None = None


def identify(text: str, model: LanguageModel | None = None) -> LangGuess:
    """Guess the language of one passage; mixed-script or letterless text is "other"."""
    return _identify(profile(text), model or default_model())


def identify_unless(
    text: str, lang: str, model: LanguageModel | None = None, at_least: float = 0.0
) -> LangGuess | None:
    """`identify(text)` where that is not `lang`, else None: what a check that expects `lang`
    asks of every sentence. Most sentences of a long kk or ru text settle it by their words
    alone: when even the most the statistical model can say against `lang` (`kazakh_bound`)
    would leave the guess `lang`, or less sure than `at_least` (for a check that ignores less
    sure guesses), the model is not asked and the answer is None."""
    letters = profile(text)
    model = model or default_model()
    if lang in ("kk", "ru") and _main_script(letters) == "cyrillic":
        votes = VOTE_WEIGHT * kazakh_votes(words(letters.text))
        against = -model.kazakh_bound if lang == "kk" else model.kazakh_bound
        most = _guess(letters, against + votes)  # the guess furthest from `lang` can be
        if most.lang == lang or most.confidence < at_least:
            return None
        guess = _kazakh_or_russian(letters, votes, model)
    else:
        guess = _identify(letters, model)
    return None if guess.lang == lang else guess


def _main_script(letters: ScriptProfile) -> str:
    """The script a text is judged in: "none" without letters, "mixed" below MIN_SCRIPT_SHARE."""
    if not letters.letters:
        return "none"
    if letters.share < MIN_SCRIPT_SHARE:
        return "mixed"
    return letters.main_script


def _identify(letters: ScriptProfile, model: LanguageModel) -> LangGuess:
    script = _main_script(letters)
    if script == "none":
        return LangGuess("other", 0.0)
    if script == "mixed":
        return LangGuess("other", round(1.0 - letters.share, 3))
    if script == "cyrillic":
        votes = VOTE_WEIGHT * kazakh_votes(words(letters.text))
        return _kazakh_or_russian(letters, votes, model)
    if script == "latin":
        logit = model.english_logit(letters.text) + ENGLISH_PRIOR
        lang, p = _pick("en", "other", logit + VOTE_WEIGHT * english_votes(words(letters.text)))
    else:
        lang, p = "other", 1.0
    return LangGuess(lang, round(p * letters.share, 3))


def _kazakh_or_russian(letters: ScriptProfile, votes: float, model: LanguageModel) -> LangGuess:
    """A Cyrillic text's guess from the model's log-odds and the word votes (weighted)."""
    return _guess(letters, model.kazakh_logit(letters.text) + votes)


def _guess(letters: ScriptProfile, logit: float) -> LangGuess:
    """A Cyrillic text's guess from its log-odds of Kazakh against Russian: the further the
    log-odds from 0, the surer."""
    lang, p = _pick("kk", "ru", logit)
    return LangGuess(lang, round(p * letters.share, 3))


def _pick(yes: str, no: str, logit: float) -> tuple[str, float]:
    """The language the log-odds favour (`no` on a tie) and its probability."""
    p_yes = 1.0 / (1.0 + math.exp(-logit))
    return (yes, p_yes) if logit > 0 else (no, 1.0 - p_yes)


def sample(texts: Iterable[str], budget: int = SAMPLE_CHARS) -> list[str]:
    """Passages spread evenly over a document, about `budget` characters of them in all (every
    passage of a shorter document), none longer than `budget`."""
    texts = list(texts)
    size = sum(len(t) for t in texts)
    step = max(1, math.ceil(size / budget))
    return [t[:budget] for t in texts[::step]]


def identify_document(texts: Iterable[str], model: LanguageModel | None = None) -> LangGuess:
    """Guess the language of a whole document from its passages, weighting each by its length.

    The confidence is the length-weighted share of the winning language's confidence, so a
    document half in Kazakh and half in Russian comes out near 0.5. A long document is judged
    on an even sample of its passages (`sample`), so that the cost does not grow with its size.
    """
    weight: dict[str, float] = defaultdict(float)
    total = 0.0
    seen: list[str] = []
    for text in sample(texts):
        size = profile(text).letters
        if not size:
            continue
        seen.append(text)
        guess = identify(text, model)
        weight[guess.lang] += size * guess.confidence
        total += size
    if not total:
        return LangGuess("other", 0.0)
    lang = max(weight, key=weight.__getitem__)
    named = name_language(" ".join(seen)[:NAMING_SAMPLE]) if lang == "other" else None
    return LangGuess(lang, round(weight[lang] / total, 3), named)
