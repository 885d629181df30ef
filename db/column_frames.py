"""Frames built straight from ready columns, without pandas' checks and conversions."""

from __future__ import annotations

import numpy as np
import pandas as pd


def frame_of_columns(columns: list[np.ndarray], names: pd.Index) -> pd.DataFrame:
    """Return a frame of equally long columns (dates and notes as objects, figures as floats).

    A board is cut into a frame per indicator (db.series), and counted ones are rebuilt
    (db.event_counts). pd.DataFrame checks and converts a
    dict's columns, which costs more than the rows; the columns here are ready as
    they are. Every frame shares its column index, whose lookup table is then
    built once rather than on each frame's first column read.
    """
    index = pd.RangeIndex(len(columns[0]))
    if hasattr(pd.DataFrame, "_from_arrays"):
        return pd.DataFrame._from_arrays(columns, columns=names, index=index,
                                         verify_integrity=False)
    return pd.DataFrame({name: pd.Series(values, index=index, dtype=values.dtype)
                         for name, values in zip(names, columns, strict=True)}, columns=names)
