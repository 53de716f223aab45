"""Word-level evidence that settles short texts a statistical model alone gets wrong.

Kazakh-specific letters are the strongest sign, but short Kazakh sentences can lack them
("Мен шаршадым.") and Russian texts quote Kazakh names ("Қазақстан"); so function words and
endings count too, one vote per word. English gets the same treatment against other Latin-script
languages, which lingua prefers for two-word sentences like "It's normal."
"""

from __future__ import annotations

from compare.lang.rules import (
    ENGLISH_FUNCTION_WORDS,
    KAZAKH_FUNCTION_WORDS,
    KAZAKH_LETTERS,
    KAZAKH_SUFFIXES,
    RUSSIAN_FUNCTION_WORDS,
)


def _is_kazakh(word: str) -> bool:
    return (
        not KAZAKH_LETTERS.isdisjoint(word)
        or word in KAZAKH_FUNCTION_WORDS
        # Most words end with no suffix, which one endswith over them all tells.
        or (
            word.endswith(KAZAKH_SUFFIXES)
            and any(word.endswith(s) and len(word) > len(s) + 1 for s in KAZAKH_SUFFIXES)
        )
    )


def kazakh_votes(words: list[str]) -> int:
    """Kazakh-looking words minus Russian function words (positive: Kazakh, negative: Russian)."""
    kazakh = sum(1 for w in words if _is_kazakh(w))
    russian = sum(1 for w in words if w in RUSSIAN_FUNCTION_WORDS)
    return kazakh - russian


def english_votes(words: list[str]) -> int:
    """Number of English function words."""
    return sum(1 for w in words if w in ENGLISH_FUNCTION_WORDS)
