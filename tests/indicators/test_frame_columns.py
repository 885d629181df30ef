"""A frame's columns read as arrays are what pandas' to_numpy gives, and never change the frame."""

from datetime import date

import numpy as np
import pandas as pd
import pytest

from indicators.frame_columns import column_values

FRAME = pd.DataFrame({
    "date": pd.Series([date(2026, 1, 5), date(2026, 1, 12)], dtype=object),
    "numerator": [3.0, np.nan],
    "x": pd.to_datetime(["2026-01-05", "2026-01-12"]),
    "censored": [False, True],
    "count": [1, 2],
    "text": pd.Series(["a", None], dtype="str"),
})


@pytest.mark.parametrize("name", list(FRAME.columns))
def test_a_column_reads_as_pandas_own_to_numpy_gives_it(name):
    read, expected = column_values(FRAME, name), FRAME[name].to_numpy()
    assert type(read) is type(expected) and read.dtype == expected.dtype
    assert pd.isna(read).tolist() == pd.isna(expected).tolist()
    assert [value for value in read if not pd.isna(value)] == [
        value for value in expected if not pd.isna(value)]


def test_a_column_read_cannot_be_written_through_to_the_frame():
    read = column_values(FRAME, "numerator")
    with pytest.raises(ValueError):
        read[0] = 99.0
    assert FRAME["numerator"].iloc[0] == 3.0


def test_a_name_used_twice_reads_both_columns_as_pandas_does():
    twice = pd.DataFrame([[1.0, 2.0]], columns=["y", "y"])
    assert column_values(twice, "y").tolist() == twice["y"].to_numpy().tolist()


def test_an_unknown_column_is_a_key_error():
    with pytest.raises(KeyError):
        column_values(FRAME, "missing")
