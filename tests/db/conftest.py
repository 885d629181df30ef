"""Fixtures for the storage tests: fresh migrated databases, and a throwaway PostgreSQL."""

from __future__ import annotations

import socket
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import Engine, func, select
from sqlmodel import SQLModel

from db.catalogue import find_indicator
from db.engine import make_engine, read_session, write_session
from db.migrate import migrate
from db.models import AuditLog
from db.units import create_unit
from tests.postgres_cluster import postgres_bin, postgres_cluster

TODAY = date(2026, 11, 22)


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory) -> Path:
    """A SQLite file migrated once; each test gets an in-memory copy of it."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    engine.dispose()
    return path


@pytest.fixture
def engine(migrated_template) -> Iterator[Engine]:
    """A fresh migrated in-memory SQLite database with the built-in catalogue."""
    fresh = make_engine("sqlite://")
    with fresh.connect() as connection:
        template = sqlite3.connect(migrated_template)
        template.backup(connection.connection.dbapi_connection)
        template.close()
    yield fresh
    fresh.dispose()


@pytest.fixture
def place(engine) -> dict[str, int]:
    """A municipality → area → unit tree and the ids of a few indicators, by name."""
    with write_session(engine) as session:
        top = create_unit("Demo Kommune", kind="municipality", parent_id=None, session=session,
                          actor="system:test")
        area = create_unit("Område Nord", kind="area", parent_id=top, session=session,
                           actor="system:test")
        unit = create_unit("Solbakken", kind="unit", parent_id=area, session=session,
                           actor="system:test", code="solbakken")
        other = create_unit("Akutteamet", kind="unit", parent_id=area, session=session,
                            actor="system:test", code="akutteamet")
        ids = {"municipality": top, "area": area, "unit": unit, "other": other}
        for code in ("triage_dagligt", "tryksaar_dage_mellem", "fald_pr_1000_sengedage",
                     "medicinfejl_pr_maaned", "tryksaar_bundt", "haandhygiejne",
                     "faldskader_pr_1000_sengedage", "magtanvendelser_pr_maaned"):
            ids[code] = find_indicator(code, session=session).id
    return ids


def audit_count(engine: Engine) -> int:
    """Return how many audit rows the database holds."""
    with read_session(engine) as session:
        return session.execute(select(func.count()).select_from(AuditLog)).scalar_one()


def table_contents(engine: Engine) -> dict[str, list[tuple]]:
    """Return every row of every table, to compare a database before and after."""
    with engine.connect() as connection:
        return {table.name: sorted(map(tuple, connection.execute(table.select()).all()), key=repr)
                for table in SQLModel.metadata.sorted_tables}


# --- a throwaway PostgreSQL server on loopback --------------------------------------------

def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """Start a PostgreSQL cluster in a temp folder; yield the URL of its maintenance database."""
    if postgres_bin() is None:
        pytest.skip("no PostgreSQL server binaries (/usr/lib/postgresql/*/bin); "
                    "`make test` installs Debian's postgresql package")
    with postgres_cluster(_free_port()) as url:
        yield url


@pytest.fixture
def postgres_url(postgres_server, request) -> str:
    """A fresh, empty PostgreSQL database on the throwaway server."""
    name = "t_" + "".join(c if c.isalnum() else "_" for c in request.node.name.lower())[:50]
    plain = postgres_server.replace("postgresql+psycopg", "postgresql")
    with psycopg.connect(plain, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    return postgres_server.rsplit("/", 1)[0] + f"/{name}"
