"""Centre lines and limits of the measurement charts, computed by hand on small series."""

from __future__ import annotations

import numpy as np
import pytest

from indicators import analyze


def test_the_mr_charts_upper_limit_is_3_267_times_the_mean_moving_range():
    # Moving ranges of 1, 3, 2, 5, 4: 2, 1, 3, 1; their mean 7 / 4 = 1.75;
    # D4 = 3.267 (Montgomery 2009, Appendix VI) puts the upper limit at 5.71725.
    model = analyze([1.0, 3.0, 2.0, 5.0, 4.0], chart="mr")
    points = model.points
    assert np.isnan(points["y"].iloc[0])
    assert points["y"].iloc[1:].tolist() == [2.0, 1.0, 3.0, 1.0]
    assert points["cl"].tolist() == pytest.approx([1.75] * 5)
    assert points["ucl"].tolist() == pytest.approx([5.71725] * 5, rel=1e-12)
    assert points["lcl"].tolist() == [0.0] * 5
