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

from indicators import column_values

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
        column = columns[name] = column_values(points, name)
    return column

