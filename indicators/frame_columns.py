"""A frame's columns read as arrays, without a pandas Series made around each.

A report charts four hundred series and judges three hundred charts' goals, each
reading a handful of columns: pandas makes a Series for every read, which costs
several times what the series' own arithmetic does.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def column_values(frame: pd.DataFrame, name: str) -> np.ndarray:
    """Return what frame[name].to_numpy() returns, read-only, for a column of numpy's dtypes.

    Other columns (pandas' own dtypes, a name used twice) are read through the Series.
    """
    read = getattr(frame, "_get_column_array", None)  # pandas' own read of a block's column
    at = frame.columns.get_loc(name)
    if read is not None and isinstance(at, int):
        values = read(at)
        if isinstance(values.dtype, np.dtype):  # as stored, and as to_numpy() gives it
            values = np.asarray(values).view()
            values.flags.writeable = False  # a view of the frame's own values
            return values
    return frame[name].to_numpy()
