"""A chart's points as numpy columns, each read from its DataFrame once.

A report reads the same columns of each chart's points over and over: the geometry,
the verdict's periods and the appendix each want y, signal, include, censored … of
400 charts. pandas makes a new Series on every `frame[name]` (some 20 µs), so the
arrays are kept per frame for as long as the frame lives. A chart model's points are
not changed once made (suppression works on a copy); the arrays are shared, so
readers must not write into them.
"""

from __future__ import annotations

import weakref

import numpy as np
import pandas as pd

# id(frame) -> (a weak reference to the frame, its columns read so far). The reference's
# callback drops the entry when the frame goes, so a later frame with the same id
# starts afresh.
_READ: dict[int, tuple[weakref.ref, dict[str, np.ndarray]]] = {}


def point_column(points: pd.DataFrame, name: str) -> np.ndarray:
    """Return points[name] as its numpy array (what Series.to_numpy gives), read once per frame."""
    key = id(points)
    entry = _READ.get(key)
    if entry is None or entry[0]() is not points:
        entry = _READ[key] = (weakref.ref(points, lambda _, key=key: _READ.pop(key, None)), {})
    columns = entry[1]
    column = columns.get(name)
    if column is None:
        column = columns[name] = _column_array(points, name)
    return column


def _column_array(points: pd.DataFrame, name: str) -> np.ndarray:
    """Return points[name].to_numpy(): a read-only view of the column's numpy array.

    Asked for the array itself, pandas hands it over in a few µs; `points[name]` first
    makes a Series (some 20 µs, and 400 charts read some 18 columns each). Columns pandas
    keeps in other arrays (dates, extension types) and repeated names go the long way.
    """
    location = points.columns.get_loc(name)
    # pandas' own accessor of one column's values: not public, so a pandas without it goes the long way.
    array_of = getattr(points, "_get_column_array", None)
    if isinstance(location, int) and array_of is not None:
        values = array_of(location)
        if isinstance(values, np.ndarray):
            view = values.view()
            view.flags.writeable = False  # as to_numpy's view is under copy-on-write
            return view
    return points[name].to_numpy()
