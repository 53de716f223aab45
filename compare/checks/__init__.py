"""Drift checks: each module holds one kind of drift behind the interface of `base`."""

from compare.checks.base import Check, Finding, Span, UnitText

__all__ = ["Check", "Finding", "Span", "UnitText"]
