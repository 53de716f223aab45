"""tilmash: compare Kazakh, Russian and English versions of the same text."""

__version__ = "0.1.0"
