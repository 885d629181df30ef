"""Rules shared by the chart types: clamping limits at 0 and 1."""

from __future__ import annotations

import numpy as np

from indicators.control_lines import clamp


def test_a_limit_below_zero_is_raised_to_zero_and_a_missing_or_infinite_one_stays():
    limits = np.array([-0.5, 0.0, 0.3, np.nan, -np.inf])
    assert clamp(limits).tolist()[:3] == [0.0, 0.0, 0.3]
    assert np.isnan(clamp(limits)[3]) and clamp(limits)[4] == -np.inf


def test_a_proportions_limit_is_kept_at_most_one_and_upper_limits_are_only_capped():
    assert clamp(np.array([-0.1, 0.5, 1.2]), highest=1.0).tolist() == [0.0, 0.5, 1.0]
    assert clamp(np.array([-0.1, 1.2]), lowest=None, highest=1.0).tolist() == [-0.1, 1.0]
