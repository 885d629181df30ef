"""Several rows per x: group means and SDs computed as R computes them."""

import numpy as np
import pandas as pd
import pytest

from indicators.engine import analyze


def test_identical_decimals_average_to_themselves_with_no_spread():
    frame = pd.DataFrame({"x": np.repeat(np.arange(20), 3), "y": np.full(60, 0.1)})
    points = analyze(frame, chart="s").points
    assert (points["y"] == 0.0).all()  # the S chart plots each group's SD: exactly 0, as R's sd()
    run = analyze(frame, chart="run")
    assert (run.points["y"] == 0.1).all() and (run.points["cl"] == 0.1).all()
    assert run.phases[0].n_useful == 0  # every point on the centre line, as in qicharts2


def test_a_group_sd_is_the_sample_sd_around_the_group_mean():
    frame = pd.DataFrame({"x": [1, 1, 1, 2, 2, 2], "y": [1.0, 2.0, 4.0, 3.0, 3.0, np.nan]})
    points = analyze(frame, chart="s").points
    assert points["y"].tolist()[0] == pytest.approx(np.std([1.0, 2.0, 4.0], ddof=1), rel=1e-15)
    assert points["y"].tolist()[1] == 0.0
