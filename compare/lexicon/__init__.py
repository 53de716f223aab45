"""Bilingual lexicons of word stems: learned from the aligned units themselves (learn), or
brought by the user as Apertium dictionaries (apertium)."""
