"""The record the engine's steps fill in, one facet at a time."""

from __future__ import annotations

import numpy as np
import pytest

from indicators.chart_input import chart_input
from indicators.facet_analysis import split_phases
from indicators.options import make_options
from indicators.subgroups import aggregate


def _facet(values, **options):
    (sub,) = aggregate(chart_input(values), agg="mean")
    return split_phases(sub, make_options(**options), categorical=False)


def test_a_facet_is_split_into_its_phases_with_censored_and_excluded_points_not_counted():
    facet = _facet([1.0, 2.0, 3.0, 4.0, 5.0], part=2, exclude=4)
    assert facet.spans == (slice(0, 2), slice(2, 5))
    assert facet.include.tolist() == [True, True, True, False, True]


def test_a_moving_range_chart_has_no_time_order_for_the_run_rules():
    assert _facet([1.0, 2.0, 3.0]).time_ordered
    assert not _facet([1.0, 2.0, 3.0], chart="mr").time_ordered


def test_filling_a_field_leaves_the_record_it_came_from_as_it_was():
    facet = _facet([1.0, 2.0, 3.0])
    filled = facet.filled(flagged=np.ones(3, dtype=bool))
    assert filled.flagged.tolist() == [True] * 3 and facet.flagged.tolist() == []
    assert filled.spans == facet.spans


def test_filling_a_field_the_record_does_not_have_is_refused():
    with pytest.raises(TypeError, match="'flaged'"):
        _facet([1.0, 2.0]).filled(flaged=np.ones(2, dtype=bool))
