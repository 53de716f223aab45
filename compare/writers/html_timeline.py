"""The timeline's view data: one inline-SVG sparkline per tracked term across versions.

templates/timeline.html.j2 shows compare.timeline's Timeline as it is: per term its frequency
per 10,000 words in each version, and the recurring replacements with example passages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

SPARK_WIDTH, SPARK_HEIGHT, SPARK_PAD = 160, 36, 4


def number(value: float) -> str:
    """A count or a rate, without trailing zeros: 14, 3.46, 1,234."""
    return f"{value:,.2f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class Point:
    x: str
    y: str
    value: str
    version: str


@dataclass(frozen=True)
class Sparkline:
    """An SVG line, one point per version, each with its value as a tooltip."""

    points: tuple[Point, ...]
    width: int = SPARK_WIDTH
    height: int = SPARK_HEIGHT

    @property
    def line(self) -> str:
        return " ".join(f"{p.x},{p.y}" for p in self.points)

    @property
    def label(self) -> str:
        return ", ".join(p.value for p in self.points)


def sparkline(values: Sequence[float], versions: Sequence[str]) -> Sparkline:
    """The sparkline of `values`, scaled so that the largest touches the top."""
    top = max((*values, 0.0)) or 1.0
    step = (SPARK_WIDTH - 2 * SPARK_PAD) / max(len(values) - 1, 1)
    return Sparkline(
        tuple(
            Point(
                f"{SPARK_PAD + i * step:.1f}",
                f"{SPARK_HEIGHT - SPARK_PAD - v / top * (SPARK_HEIGHT - 2 * SPARK_PAD):.1f}",
                number(v),
                version,
            )
            for i, (v, version) in enumerate(zip(values, versions, strict=False))
        )
    )
