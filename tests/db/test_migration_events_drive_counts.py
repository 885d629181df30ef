"""Migrations 0007 to 0013 on a database made at 0004 (before events drove the counts).

0007: stored counts give way to events, none is lost. 0008: each board link gets the day
its unit began measuring. 0010 and 0011: the programme's wording and the måleplan line.
0013: units keep "sengedage" until an exposure is chosen.
"""

from datetime import UTC, datetime

import pytest
from alembic import command
from sqlalchemy import text

from db.audit import read_audit
from db.catalogue import find_indicator
from db.engine import make_engine, read_session, write_connection
from db.migrate import alembic_config, migrate
from db.series import read_series
from db.unit_exposure import unit_exposure

NOW = datetime(2026, 11, 1, tzinfo=UTC)
_INDICATOR_COLUMNS = ("code, package_id, name_da, name_en, kind, measure, improvement, chart, "
                      "period, multiply, unit_da, unit_en, numerator_da, numerator_en, "
                      "denominator_da, denominator_en, builtin, created_at")


def _indicator(connection, code: str, measure: str, period: str) -> int:
    connection.execute(text(
        f"INSERT INTO indicator ({_INDICATOR_COLUMNS}) VALUES (:code, 1, :code, :code, 'result', "
        ":measure, 'down', 'u', :period, 1000, '', '', '', '', '', '', 1, :now)"),
        {"code": code, "measure": measure, "period": period, "now": NOW})
    return connection.execute(text("SELECT id FROM indicator WHERE code = :code"),
                              {"code": code}).scalar_one()


@pytest.fixture
def old_database(tmp_path):
    """A database at revision 0004 (the release before) with counts entered twice over."""
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    with write_connection(engine) as connection:
        command.upgrade(alembic_config(connection), "0004")
        connection.execute(text("INSERT INTO package (code, name_da, name_en, builtin) "
                                "VALUES ('tryksaar', 'Tryksår', 'Pressure ulcers', 1)"))
        ulcers = _indicator(connection, "tryksaar_dage_mellem", "events", "day")
        rate = _indicator(connection, "tryksaar_pr_1000_sengedage", "rate", "month")
        connection.execute(text("INSERT INTO unit (code, name, kind, created_at) "
                                "VALUES ('solbakken', 'Solbakken', 'unit', :now)"), {"now": NOW})
        for day in ("2026-09-03", "2026-09-20", "2026-10-11"):
            connection.execute(text(
                "INSERT INTO event (unit_id, indicator_id, day, recorded_at) "
                "VALUES (1, :ulcers, :day, :now)"), {"ulcers": ulcers, "day": day, "now": NOW})
        # September agrees with the events (2); October says 3 where one ulcer was registered.
        for month, count, bed_days in (("2026-09-01", 2, 1140), ("2026-10-01", 3, 1178)):
            connection.execute(text(
                "INSERT INTO entry (unit_id, indicator_id, period_start, numerator, denominator, "
                "recorded_at) VALUES (1, :rate, :month, :count, :bed_days, :now)"),
                {"rate": rate, "month": month, "count": count, "bed_days": bed_days, "now": NOW})
        for indicator in (ulcers, rate):
            connection.execute(text("INSERT INTO unit_indicator (unit_id, indicator_id, position, "
                                    "active) VALUES (1, :indicator, 0, 1)"), {"indicator": indicator})
        # The pressure ulcers went on the board on 15 August (the audit log says so).
        connection.execute(text(
            "INSERT INTO audit_log (at, actor, action, table_name, unit_id, after) VALUES "
            "(:at, 'admin', 'add', 'unit_indicator', 1, :after)"),
            {"at": datetime(2026, 8, 15, 9, tzinfo=UTC),
             "after": f'{{"unit_id": 1, "indicator_id": {ulcers}}}'})
    yield engine
    engine.dispose()


def test_the_events_stand_and_each_disagreement_is_listed(old_database, capsys):
    migrate(old_database)
    printed = capsys.readouterr().out.splitlines()
    disagreements = [line for line in printed if "tryksaar_pr_1000_sengedage" in line]
    assert len(disagreements) == 1
    assert "2026-10-01" in disagreements[0] and "stored count 3" in disagreements[0]
    assert "1 registered" in disagreements[0]
    with read_session(old_database) as session:
        rate = find_indicator("tryksaar_pr_1000_sengedage", session=session)
        series = read_series(1, rate.id, session=session, actor="system")
    assert rate.definition.counted_from == "tryksaar_dage_mellem"
    assert series[["numerator", "denominator"]].to_dict("list") == {
        "numerator": [2.0, 1.0], "denominator": [1140.0, 1178.0]}


def test_every_stored_count_is_kept_in_the_audit_log(old_database):
    migrate(old_database)
    with read_session(old_database) as session:
        audit = read_audit(session=session, actor="system", limit=100)
    moved = audit[audit["action"] == "migrate"]
    kept = sorted((row["period_start"], row["numerator"]) for row in moved["before"])
    assert kept == [("2026-09-01", 2), ("2026-10-01", 3)]
    assert sorted(row["events_in_period"] for row in moved["after"]) == [1, 2]


def test_migrating_twice_changes_nothing_more(old_database, capsys):
    migrate(old_database)
    capsys.readouterr()
    migrate(old_database)
    assert "stored count" not in capsys.readouterr().out
    with read_session(old_database) as session:
        audit = read_audit(session=session, actor="system", limit=100)
    assert (audit["action"] == "migrate").sum() == 2


def test_each_board_link_is_measured_from_when_it_went_on_the_board_or_its_first_data(
        old_database):
    migrate(old_database)
    with read_session(old_database) as session:
        ulcers = find_indicator("tryksaar_dage_mellem", session=session).id
        rate = find_indicator("tryksaar_pr_1000_sengedage", session=session).id
        stored = dict(session.execute(text(
            "SELECT indicator_id, measuring_since FROM unit_indicator")).all())
    assert {indicator: str(day) for indicator, day in stored.items()} == {
        ulcers: "2026-08-15", rate: "2026-09-01"}


def test_built_in_names_take_the_programmes_wording_unless_the_organisation_renamed_them(
        old_database):
    with write_connection(old_database) as connection:
        for code, name in (("medicinfejl_dage_mellem",
                            "Dage mellem medicineringsfejl der krævede læge"),
                           ("tryksaar_bundt", "Vores egen HUSK-andel")):
            connection.execute(text(
                f"INSERT INTO indicator ({_INDICATOR_COLUMNS}) VALUES (:code, 1, :name, :name, "
                "'result', 'events', 'up', 'run', 'day', 1, '', '', '', '', '', '', 1, :now)"),
                {"code": code, "name": name, "now": NOW})
    migrate(old_database)
    with read_session(old_database) as session:
        errors = find_indicator("medicinfejl_dage_mellem", session=session).definition
        bundle = find_indicator("tryksaar_bundt", session=session).definition
        nutrition = find_indicator("ernaering_uplanlagt_vaegttab", session=session).definition
    assert errors.name_da == "Dage mellem alvorlige medicineringsfejl der kræver lægekontakt"
    assert "lægekontakt nødvendig" in errors.counts_da  # 0011: the måleplan's line
    assert bundle.name_da == "Vores egen HUSK-andel"
    assert nutrition.package == "ernaering" and nutrition.improvement == "down"


def test_the_old_unit_keeps_counting_bed_days(old_database):
    migrate(old_database)
    with read_session(old_database) as session:
        assert unit_exposure(1, session=session) == "sengedage"
