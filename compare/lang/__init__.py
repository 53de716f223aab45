"""Kazakh-aware language identification and sentence, clause and keyword splitting."""

from compare.lang.identify import LangGuess, identify, identify_document
from compare.lang.labels import split_keywords, strip_label
from compare.lang.split import split_sentences

__all__ = [
    "LangGuess",
    "identify",
    "identify_document",
    "split_keywords",
    "split_sentences",
    "strip_label",
]
