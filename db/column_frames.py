"""Frames built straight from ready columns, without pandas' checks and conversions."""

from __future__ import annotations

import numpy as np
import pandas as pd

try:  # pandas 3: frames from their blocks, as they are
    from pandas.api.internals import create_dataframe_from_blocks
except ImportError:  # pragma: no cover - pandas 2
    create_dataframe_from_blocks = None

_FIRST = np.array([0])
_REST = {width: np.arange(1, width + 1) for width in range(1, 8)}  # placements after column 0


def frame_of_columns(columns: list[np.ndarray], names: pd.Index) -> pd.DataFrame:
    """Return a frame of equally long columns (dates and notes as objects, figures as floats).

    A board is cut into a frame per indicator (db.series), and counted ones are rebuilt
    (db.event_counts). pd.DataFrame checks and converts a
    dict's columns, which costs more than the rows; the columns here are ready as
    they are. Every frame shares its column index, whose lookup table is then
    built once rather than on each frame's first column read.
    """
    first, *rest = columns
    if (create_dataframe_from_blocks is not None and first.dtype == object and rest
            and all(column.dtype == np.float64 for column in rest)):
        return frame_of_first_and_block(first, np.stack(rest), names)
    index = pd.RangeIndex(len(columns[0]))
    if hasattr(pd.DataFrame, "_from_arrays"):
        return pd.DataFrame._from_arrays(columns, columns=names, index=index,
                                         verify_integrity=False)
    return pd.DataFrame({name: pd.Series(values, index=index, dtype=values.dtype)
                         for name, values in zip(names, columns, strict=True)}, columns=names)


def frame_of_first_and_block(first: np.ndarray, block: np.ndarray,
                             names: pd.Index) -> pd.DataFrame:
    """Return the frame of an object column and, after it, the rows of a float block as columns.

    The block (one row per column) becomes the frame's float block as it is, so a
    series cut from a board's figures (db.series) is not copied column by column
    and stacked again, which is most of what a frame of four columns costs.
    """
    if create_dataframe_from_blocks is None:  # pragma: no cover - pandas 2
        return frame_of_columns([first, *block], names)
    width = len(block)
    rest = _REST[width] if width in _REST else np.arange(1, width + 1)
    return create_dataframe_from_blocks([(first[None, :], _FIRST), (block, rest)],
                                        index=pd.RangeIndex(len(first)), columns=names)
