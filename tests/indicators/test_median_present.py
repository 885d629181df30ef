"""The median of the values present is numpy's median of them, to the last bit."""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from indicators.control_lines import median_present

VALUES = st.lists(st.one_of(st.floats(allow_nan=False, allow_infinity=False, width=64),
                            st.just(float("nan")), st.sampled_from([0.0, -0.0, 0.1, 1 / 3])),
                  max_size=40)


@given(VALUES)
def test_the_median_present_is_numpys_median_of_the_values_present(values):
    array = np.array(values, dtype=float)
    present = array[~np.isnan(array)]
    found = median_present(array)
    if not len(present):
        assert np.isnan(found)
    else:
        expected = float(np.median(present))
        assert np.float64(found).tobytes() == np.float64(expected).tobytes()


def test_an_even_count_halves_the_middle_two():
    assert median_present(np.array([4.0, np.nan, 1.0, 3.0, 2.0])) == 2.5
