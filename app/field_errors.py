"""Show the storage's validation messages next to the fields they are about."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from db import StorageError, ValidationError


def show_problems(error: StorageError, fields: Mapping[str, DeltaGenerator], *, language: str,
                  rest: DeltaGenerator | None = None) -> None:
    """Write each problem under its field's placeholder; problems of other fields go to rest."""
    rest = rest or st
    if not isinstance(error, ValidationError):
        rest.error(str(error))
        return
    by_field: dict[str | None, list[str]] = {}
    for problem in error.problems:
        key = problem.field if problem.field in fields else None
        by_field.setdefault(key, []).append(problem.text(language))
    for field, messages in by_field.items():
        (fields[field] if field is not None else rest).error("  \n".join(messages))
