"""A unit with no event since it began measuring reads "N dage uden" alike on board and overview."""

from datetime import date

from db import (
    create_unit,
    find_indicator,
    find_unit,
    list_units,
    read_session,
    set_unit_indicators,
    write_session,
)
from reports.content.overview_data import read_overview
from reports.content.stored_charts import unit_board
from tests.conftest import DEMO_TODAY


def test_the_overview_counts_days_without_from_the_measurement_start_as_the_board_does(demo_engine):
    with write_session(demo_engine) as session:
        units = list_units(session=session).set_index("code")
        unit_id = create_unit("Plejecenter Havbrisen", kind="unit",
                              parent_id=int(units.at["solbakken", "parent_id"]), session=session,
                              actor="system:test", code="havbrisen")
        set_unit_indicators(unit_id, [find_indicator("tryksaar_dage_mellem", session=session).id],
                            session=session, actor="system:test", today=date(2026, 10, 23))
    with read_session(demo_engine) as session:
        solbakken = find_unit("solbakken", session=session)
        overview = read_overview(session=session, actor="system", today=DEMO_TODAY,
                                 unit_ids=[unit_id, solbakken])
        (chart,) = unit_board(unit_id, session=session, actor="system", today=DEMO_TODAY)
    new = overview.matrix.cell(unit_id, "tryksaar_dage_mellem")
    assert (new.days_since_event, new.days_without_event) == (None, 30) == (
        chart.days_since_last_event, chart.days_without_event)
    old = overview.matrix.cell(solbakken, "tryksaar_dage_mellem")
    assert old.days_since_event is not None and old.days_without_event is None
