"""Round trip: export → import into an empty database → the same data, in every format."""

import io

import pytest
from openpyxl import load_workbook

from db.demo import seed_demo
from db.engine import make_engine, read_session, write_session
from db.exporter import export_file, export_rows
from db.importer import import_file
from db.migrate import migrate
from db.series import read_series, read_unit_series
from db.units import list_units
from tests.db.conftest import TODAY

SOLBAKKEN = "Demo Kommune / Område Nord / Plejecenter Solbakken"


@pytest.fixture(scope="module")
def demo_engine():
    engine = make_engine("sqlite://")
    migrate(engine)
    with write_session(engine) as session:
        seed_demo(session=session, actor="system:demo", today=TODAY, with_users=False)
    yield engine
    engine.dispose()


def cells(content: bytes, file_format: str) -> object:
    """The cells of an export (a workbook's zip differs by its timestamps, not its cells)."""
    if file_format != "xlsx":
        return content
    return list(load_workbook(io.BytesIO(content), read_only=True).active.iter_rows(values_only=True))


def solbakken(session) -> int:
    units = list_units(session=session)
    return int(units.loc[units["path"] == SOLBAKKEN, "id"].iloc[0])


def series_of_solbakken(engine, indicator_ids) -> list:
    with read_session(engine) as session:
        return [read_series(solbakken(session), i, session=session, actor="system") for i in indicator_ids]


@pytest.mark.parametrize("file_format", ["danish-csv", "comma-csv", "xlsx"])
def test_an_export_imported_into_an_empty_database_exports_identically(demo_engine, engine,
                                                                      file_format):
    with read_session(demo_engine) as session:
        exported = export_file(session=session, actor="system", file_format=file_format)
        rows = export_rows(session=session, actor="system")
    filename = "alt.xlsx" if file_format == "xlsx" else "alt.csv"
    with write_session(engine) as session:
        plan = import_file(exported, filename=filename, session=session, actor="system:admin",
                           today=TODAY, create_units=True)
    assert plan.summary()["new_entries"] > 2000 and plan.summary()["new_events"] > 50
    with read_session(engine) as session:
        assert export_rows(session=session, actor="system") == rows
        assert cells(export_file(session=session, actor="system", file_format=file_format),
                     file_format) == cells(exported, file_format)
    with read_session(demo_engine) as session:
        indicator_ids = list(read_unit_series(solbakken(session), session=session, actor="system"))
    copied = series_of_solbakken(engine, indicator_ids)
    original = series_of_solbakken(demo_engine, indicator_ids)
    assert len(original) == 8 and all(len(frame) for frame in original)
    assert all(a.equals(b) for a, b in zip(copied, original, strict=True))
