"""Fixtures shared across packages: a demo municipality seeded once, copied per test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from hypothesis import settings
from sqlalchemy import Engine

from db import make_engine, migrate, seed_demo, write_session

# Property tests draw the same examples on every run, so a red CI is never a new random draw;
# `pytest --hypothesis-profile explore` draws fresh ones, and more, to look for new failures.
settings.register_profile("tavle", derandomize=True)
settings.register_profile("explore", max_examples=500)
settings.load_profile("tavle")

# The demo municipality is seeded as of this day in every test, so figures are stable.
DEMO_TODAY = date(2026, 11, 22)
# Tests hash passwords and PINs at the lowest argon2 cost: the real cost (about 50 ms a hash, on
# every sign-in) would add minutes to the suite and proves nothing a test checks. A verification
# reads the cost from the hash, so servers started by browser tests sign in on the demo's cheap
# hashes too. Tests marked real_password_cost keep the production hasher.
CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


@pytest.fixture(autouse=True)
def cheap_password_hashes(request, monkeypatch) -> None:
    """Hash at the lowest cost unless the test is marked real_password_cost."""
    if request.node.get_closest_marker("real_password_cost") is None:
        monkeypatch.setattr("db.users._HASHER", CHEAP_HASHER)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """A SQLite file holding the demo municipality, seeded once per test run."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    with pytest.MonkeyPatch.context() as patch, write_session(engine) as session:
        patch.setattr("db.users._HASHER", CHEAP_HASHER)
        seed_demo(session=session, actor="system:demo", today=DEMO_TODAY)
    engine.dispose()
    return path


@pytest.fixture
def demo_database_url(demo_template, tmp_path) -> str:
    """The URL of a fresh copy of the demo database that a test may change."""
    copy = tmp_path / "tavle.db"
    shutil.copyfile(demo_template, copy)
    return f"sqlite:///{copy}"


@pytest.fixture(scope="module")
def module_demo_database_url(demo_template, tmp_path_factory) -> str:
    """A copy of the demo database shared by one test module (a browser test's server)."""
    copy = tmp_path_factory.mktemp("module-demo") / "tavle.db"
    shutil.copyfile(demo_template, copy)
    return f"sqlite:///{copy}"


@pytest.fixture
def demo_engine(demo_database_url) -> Iterator[Engine]:
    """An engine on a fresh copy of the demo database."""
    engine = make_engine(demo_database_url)
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def server(module_demo_database_url) -> Iterator[str]:
    """The app served on a module's copy of the demo municipality, for its browser tests."""
    from tests.browser import streamlit_server

    env = {"TAVLE_DATABASE_URL": module_demo_database_url, "TAVLE_TODAY": DEMO_TODAY.isoformat()}
    with streamlit_server(env=env) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """One headless Chromium shared by a module's browser tests."""
    from tests.browser import chromium_browser

    with chromium_browser() as chromium:
        yield chromium
