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
