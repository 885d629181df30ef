"""Centre lines and limits of the count and proportion charts, computed by hand."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from indicators import analyze


def test_a_g_chart_with_a_given_mean_draws_its_centre_at_0_693_times_that_mean():
    # Provost & Murray (2011, p. 228): the median of a geometric distribution is about
    # 0.693 × its mean. The limits stay around the mean: 10 ± 3 · sqrt(10 · 11).
    model = analyze([3.0, 8.0, 12.0, 5.0, 20.0, 9.0], chart="g", cl=10)
    points = model.points
    assert points["cl"].tolist() == pytest.approx([6.93] * 6, rel=1e-12)
    assert points["ucl"].tolist() == pytest.approx([10 + 3 * math.sqrt(110)] * 6, rel=1e-12)
    assert points["lcl"].tolist() == [0.0] * 6  # 10 - 31.46 is raised to 0


def test_a_g_chart_without_a_given_mean_draws_its_centre_at_the_median():
    model = analyze([3.0, 8.0, 12.0, 5.0, 20.0, 9.0], chart="g")
    assert model.points["cl"].tolist() == [8.5] * 6


@pytest.mark.parametrize(("plain", "prime"), [("p", "pp"), ("u", "up")])
def test_laneys_prime_chart_widens_the_plain_charts_sigma_by_the_spread_of_its_z_scores(plain, prime):
    numerators = [40.0, 55.0, 38.0, 61.0, 47.0, 52.0, 35.0, 58.0]
    denominators = [400.0, 420.0, 390.0, 450.0, 410.0, 430.0, 380.0, 440.0]
    frame = pd.DataFrame({"y": numerators, "n": denominators})
    plain_points, prime_points = analyze(frame, chart=plain).points, analyze(frame, chart=prime).points
    # Laney (2002): z-scores of the plain chart, their mean moving range over d2 = 1.128.
    y, centre = plain_points["y"].to_numpy(), plain_points["cl"].to_numpy()
    sigma = (plain_points["ucl"].to_numpy() - centre) / 3
    spread = np.mean(np.abs(np.diff((y - centre) / sigma))) / 1.128
    widened = (prime_points["ucl"].to_numpy() - centre) / 3
    assert widened == pytest.approx(sigma * spread, rel=1e-9)
