"""Robust location and spread: the median and 1.4826 × the median absolute deviation, which
estimates the standard deviation of normal data and is not moved by a few outliers. Checks
judge a unit against its own document this way, so one bad unit does not hide another."""

from __future__ import annotations

import numpy as np

MAD_TO_SD = 1.4826


def median_spread(values: np.ndarray) -> tuple[float, float]:
    """The median of `values` and their robust standard deviation."""
    centre = float(np.median(values))
    return centre, MAD_TO_SD * float(np.median(np.abs(values - centre)))
