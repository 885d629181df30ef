"""Fixtures of the report tests: one read-only copy of the demo per module."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from db import make_engine


@pytest.fixture(scope="module")
def demo_reading_engine(demo_template, tmp_path_factory) -> Iterator[Engine]:
    """An engine on a copy of the demo that a module's tests only read."""
    copy = tmp_path_factory.mktemp("report-demo") / "tavle.db"
    shutil.copyfile(demo_template, copy)
    engine = make_engine(f"sqlite:///{copy}")
    yield engine
    engine.dispose()
