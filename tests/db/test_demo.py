"""The demo municipality: deterministic, quick, and telling its stories."""

from datetime import date, timedelta

import pandas as pd
import pytest
from argon2 import PasswordHasher
from sqlalchemy import event, func
from sqlmodel import select

from db.annotations import list_annotations
from db.audit import read_audit
from db.catalogue import find_indicator, list_unit_indicators
from db.demo import DEMO_PASSWORD, DEMO_USERS, seed_demo
from db.engine import make_engine, read_session, write_session
from db.errors import StorageError
from db.exporter import export_file
from db.flags import holds_demo_data
from db.migrate import migrate
from db.models import Annotation, Baseline, Entry, Event
from db.series import read_series
from db.units import find_unit
from db.users import PIN_ROLES, find_user, verify_password
from tests.db.conftest import TODAY

CHANGE = TODAY - timedelta(days=729)  # the first day of the two years


def seeded(seed=2013, today=TODAY, with_users=False):
    engine = make_engine("sqlite://")
    migrate(engine)
    with write_session(engine) as session:
        seed_demo(session=session, actor="system:demo", today=today, seed=seed, with_users=with_users)
    return engine


@pytest.fixture(scope="module")
def demo():
    engine = seeded(with_users=True)
    yield engine
    engine.dispose()


def series(engine, unit_code, indicator_code):
    with read_session(engine) as session:
        return read_series(find_unit(unit_code, session=session),
                           find_indicator(indicator_code, session=session).id, session=session, actor="system")


def test_the_same_seed_and_day_give_the_same_data_and_another_seed_does_not(demo):
    def exported(engine):
        with read_session(engine) as session:
            return export_file(session=session, actor="system")
    assert exported(seeded()) == exported(demo)
    assert exported(seeded(seed=1)) != exported(demo)


def test_the_demo_ends_on_the_day_given_and_spans_two_years(demo):
    triage = series(demo, "hjemmeplejen-nord", "triage_dagligt")
    assert (min(triage["date"]), max(triage["date"])) == (TODAY - timedelta(days=729),
                                                           TODAY - timedelta(days=1))


def test_triage_rises_from_about_80_to_about_97_percent(demo):
    triage = series(demo, "hjemmeplejen-nord", "triage_dagligt")
    share = triage["numerator"] / triage["denominator"]
    assert 0.75 < share.head(90).mean() < 0.85
    assert share.tail(90).mean() > 0.95


def test_pressure_ulcer_gaps_lengthen_after_the_pdsa_change(demo):
    days = pd.Series(pd.to_datetime(series(demo, "solbakken", "tryksaar_dage_mellem")["date"]))
    gaps = days.diff().dt.days.dropna()
    with read_session(demo) as session:
        notes = list_annotations(find_unit("solbakken", session=session), session=session, actor="system")
    change = pd.Timestamp(notes.loc[notes["text"].str.contains("lejringsplan"), "date"].iloc[0])
    assert gaps[days[1:] > change].mean() > 2 * gaps[days[1:] <= change].mean()


def test_falls_per_1000_bed_days_halve(demo):
    falls = series(demo, "solbakken", "fald_pr_1000_sengedage")
    rate = 1000 * falls["numerator"] / falls["denominator"]
    assert rate.tail(9).mean() < 0.65 * rate.head(9).mean()


def test_each_demo_unit_has_a_full_board_and_the_changes_are_annotated(demo):
    with read_session(demo) as session:
        for code in ("solbakken", "hjemmeplejen-nord", "akutteamet"):
            unit = find_unit(code, session=session)
            assert len(list_unit_indicators(unit, session=session)) == 8
            assert any(list_annotations(unit, session=session, actor="system")["text"].str.startswith("PDSA"))


def test_the_database_is_marked_as_demo_and_the_demo_users_can_sign_in(demo):
    with read_session(demo) as session:
        assert holds_demo_data(session=session)
        for username, *_ in DEMO_USERS:
            assert verify_password(find_user(username, session=session).password_hash,
                                   DEMO_PASSWORD)
        assert not read_audit(session=session, actor="system", by="system:demo").empty


def test_an_empty_database_is_not_marked_as_demo(engine):
    with read_session(engine) as session:
        assert not holds_demo_data(session=session)


def test_the_demo_is_refused_in_a_database_that_has_units(demo):
    with pytest.raises(StorageError), write_session(demo) as session:
        seed_demo(session=session, actor="system:demo", today=TODAY)


def test_seeding_writes_the_data_in_bulk_and_hashes_one_shared_password(monkeypatch):
    # What keeps seeding quick, counted instead of timed: the two years of rows go in
    # a few bulk statements (not one or more per row), and the slow argon2 hash runs once
    # for every demo account's password, plus once per tablet PIN.
    engine = make_engine("sqlite://")
    migrate(engine)
    statements, hashes = [], []
    event.listen(engine, "before_execute", lambda *args: statements.append(args[1]))
    real_hash = PasswordHasher.hash
    monkeypatch.setattr(PasswordHasher, "hash",
                        lambda self, secret, **kw: hashes.append(1) or real_hash(self, secret, **kw))
    with write_session(engine) as session:
        seed_demo(session=session, actor="system:demo", today=date(2027, 3, 1), with_users=True)
    with read_session(engine) as session:
        rows = sum(session.exec(select(func.count()).select_from(model)).one()
                   for model in (Entry, Event, Annotation, Baseline))
    engine.dispose()
    assert len(statements) * 10 < rows
    assert len(hashes) == 1 + sum(role in PIN_ROLES for _, role, _, _ in DEMO_USERS)


def test_the_demo_care_home_counts_resident_days_and_the_acute_team_bed_days(demo):
    def names(unit_code):
        with read_session(demo) as session:
            return [stored.definition.name_da for stored in list_unit_indicators(
                find_unit(unit_code, session=session), session=session)
                if stored.definition.measure == "rate"]
    assert names("solbakken") == ["Nye tryksår pr. 1000 beboerdøgn", "Fald pr. 1000 beboerdøgn"]
    assert names("akutteamet") == ["Kateterrelaterede urinvejsinfektioner pr. 1000 kateterdage",
                                   "Lungebetændelser pr. 1000 sengedage"]
