"""The overview's skewed P rows, judged all at once, give what each chart gives."""

from datetime import date, timedelta

import numpy as np
import pandas as pd

from indicators.catalogue import CATALOGUE
from indicators.indicator_chart import indicator_chart
from indicators.overview_skewed import judge_skewed, skewed_rows

BUNDLE = next(indicator for indicator in CATALOGUE if indicator.code == "tryksaar_bundt")
MONDAY = date(2025, 1, 6)


def _charted(numerators: np.ndarray, denominators: np.ndarray):
    series = pd.DataFrame({"date": [MONDAY + timedelta(weeks=k) for k in range(len(numerators))],
                           "numerator": numerators, "denominator": denominators, "value": np.nan})
    return indicator_chart(series, BUNDLE, today=MONDAY + timedelta(weeks=len(numerators) - 1, days=6))


def test_each_skewed_row_gets_the_verdict_rule_and_limits_of_its_own_chart():
    generator = np.random.default_rng(13)
    rows, points = 40, 40
    sizes = generator.integers(3, 40, (rows, points)).astype(float)
    share = generator.uniform(0.85, 0.995, rows)[:, None]
    falling = (generator.random(rows) < 0.4)[:, None] & (np.arange(points)[None, :] >= 30)
    numerators = generator.binomial(sizes.astype(int), np.where(falling, share - 0.2, share)).astype(float)
    gaps = generator.random((rows, points)) < 0.05
    gaps[:, [0, -1]] = False  # the chart's weeks run from the first to the last figure
    numerators[gaps] = np.nan
    sizes[np.isnan(numerators)] = np.nan
    shares = np.nansum(numerators, axis=1) / np.nansum(sizes, axis=1)
    skewed = skewed_rows(shares, sizes)
    verdict, rule, useful, lcl, ucl = judge_skewed(numerators[skewed], sizes[skewed], shares[skewed],
                                                   multiply=100.0, improvement="up")
    kinds = set()
    for place, row in enumerate(np.flatnonzero(skewed)):
        model = _charted(numerators[row], sizes[row])
        assert model.phases[-1].lopsided
        assert (verdict[place], rule[place], useful[place]) == (
            model.verdict.kind, model.verdict.rule, model.phases[-1].n_useful), row
        np.testing.assert_allclose(lcl[place], model.points["lcl"].to_numpy(dtype=float)[:points])
        np.testing.assert_allclose(ucl[place], model.points["ucl"].to_numpy(dtype=float)[:points])
        kinds.add((verdict[place], rule[place]))
    assert skewed.sum() > 30 and len(kinds) >= 3  # no signal, runs and limits all met
