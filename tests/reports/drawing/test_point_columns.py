import gc

import numpy as np
import pandas as pd

from reports.drawing import point_columns
from reports.drawing.point_columns import point_column


def test_a_column_reads_as_the_series_numpy_array_and_is_read_once():
    points = pd.DataFrame({"y": [0.5, np.nan, 1.0], "signal": [True, False, True]})
    first = point_column(points, "y")
    np.testing.assert_array_equal(first, points["y"].to_numpy())
    assert point_column(points, "y") is first
    assert point_column(points, "signal").tolist() == [True, False, True]


def test_a_frame_that_is_gone_leaves_nothing_behind_for_the_next_frame():
    for value in range(50):  # new frames often take the id of one just freed
        points = pd.DataFrame({"y": [float(value)]})
        assert point_column(points, "y").tolist() == [float(value)]
        key = id(points)
        del points
        gc.collect()
        assert key not in point_columns._READ


def test_every_kind_of_column_reads_as_to_numpy_reads_it_writable_or_not_alike():
    points = pd.DataFrame({
        "y": [0.5, np.nan, 1.0], "part": [1, 1, 2], "signal": [True, False, True],
        "facet": [None, "Nord", None], "x": pd.to_datetime(["2026-01-05", None, "2026-01-19"]),
        "zoned": pd.to_datetime(["2026-01-05", "2026-01-12", "2026-01-19"]).tz_localize("Europe/Copenhagen"),
        "counted": pd.array([1, None, 3], dtype="Int64"), "kind": pd.Categorical(["a", "b", "a"]),
    })
    for name in points.columns:
        column, expected = point_column(points, name), points[name].to_numpy()
        assert column.dtype == expected.dtype, name
        assert pd.Series(column).equals(pd.Series(expected)), name
        assert column.flags.writeable == expected.flags.writeable, name
    assert not point_column(points, "y").flags.writeable  # a view of the frame's own numbers
    repeated = pd.DataFrame([[1.0, 2.0]], columns=["y", "y"])
    np.testing.assert_array_equal(point_column(repeated, "y"), repeated["y"].to_numpy())
