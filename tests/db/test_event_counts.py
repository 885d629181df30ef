"""One harm, one registration: rates and counts of harms take their counts from the events."""

from dataclasses import replace
from datetime import date

import numpy as np
import pytest

from db.catalogue import create_indicator, find_indicator, set_unit_indicators
from db.engine import read_session, write_session
from db.entries import add_entry
from db.errors import ValidationError
from db.event_counts import period_starts
from db.events import add_event, delete_event
from db.overview_series import read_overview_series
from db.series import read_series, read_unit_series
from indicators import definition
from tests.db.conftest import TODAY


def ids(engine, *codes):
    with read_session(engine) as session:
        return [find_indicator(code, session=session).id for code in codes]


def register(engine, unit, indicator, *days):
    with write_session(engine) as session:
        return [add_event(unit, indicator, day, session=session, actor="system:anna", today=TODAY)
                for day in days]


def exposure(engine, unit, indicator, day, bed_days):
    with write_session(engine) as session:
        add_entry(unit, indicator, day, denominator=bed_days, session=session,
                  actor="system:anna", today=TODAY)


def test_a_rate_counts_the_events_of_each_month_and_only_the_exposure_is_entered(engine, place):
    ulcers, rate = ids(engine, "tryksaar_dage_mellem", "tryksaar_pr_1000_sengedage")
    register(engine, place["unit"], ulcers, date(2026, 9, 3), date(2026, 9, 30), date(2026, 10, 1))
    exposure(engine, place["unit"], rate, date(2026, 9, 1), 1140)
    exposure(engine, place["unit"], rate, date(2026, 10, 1), 1178)
    exposure(engine, place["unit"], rate, date(2026, 11, 1), 1100)
    with read_session(engine) as session:
        series = read_series(place["unit"], rate, session=session, actor="system")
    assert series["date"].tolist() == [date(2026, 9, 1), date(2026, 10, 1), date(2026, 11, 1)]
    assert series["numerator"].tolist() == [2.0, 1.0, 0.0]
    assert series["denominator"].tolist() == [1140.0, 1178.0, 1100.0]


def test_undoing_an_event_takes_it_out_of_the_months_count(engine, place):
    ulcers, rate = ids(engine, "tryksaar_dage_mellem", "tryksaar_pr_1000_sengedage")
    first, _ = register(engine, place["unit"], ulcers, date(2026, 10, 3), date(2026, 10, 9))
    exposure(engine, place["unit"], rate, date(2026, 10, 1), 1178)
    with write_session(engine) as session:
        delete_event(first, session=session, actor="system:anna")
    with read_session(engine) as session:
        series = read_series(place["unit"], rate, session=session, actor="system")
    assert series["numerator"].tolist() == [1.0]


def test_a_month_with_events_but_no_exposure_yet_has_its_count_and_no_denominator(engine, place):
    ulcers, rate = ids(engine, "tryksaar_dage_mellem", "tryksaar_pr_1000_sengedage")
    register(engine, place["unit"], ulcers, date(2026, 11, 3))
    exposure(engine, place["unit"], rate, date(2026, 10, 1), 1178)
    with read_session(engine) as session:
        series = read_series(place["unit"], rate, session=session, actor="system")
    assert series["numerator"].tolist() == [0.0, 1.0]
    assert series["denominator"].iloc[0] == 1178.0 and np.isnan(series["denominator"].iloc[1])


def test_another_units_events_do_not_count(engine, place):
    ulcers, rate = ids(engine, "tryksaar_dage_mellem", "tryksaar_pr_1000_sengedage")
    register(engine, place["other"], ulcers, date(2026, 10, 3))
    exposure(engine, place["unit"], rate, date(2026, 10, 1), 1178)
    with read_session(engine) as session:
        series = read_series(place["unit"], rate, session=session, actor="system")
    assert series["numerator"].tolist() == [0.0]


def test_a_count_has_every_month_from_its_first_to_its_last_event_empty_ones_zero(engine, place):
    errors, count = ids(engine, "medicinfejl_dage_mellem", "medicinfejl_pr_maaned")
    register(engine, place["unit"], errors, date(2026, 7, 14), date(2026, 10, 2), date(2026, 10, 30))
    with read_session(engine) as session:
        series = read_series(place["unit"], count, session=session, actor="system")
    assert series["date"].tolist() == [date(2026, 7, 1), date(2026, 8, 1), date(2026, 9, 1),
                                       date(2026, 10, 1)]
    assert series["numerator"].tolist() == [1.0, 0.0, 0.0, 2.0]


def test_entering_a_count_of_a_harm_registered_as_events_is_refused(engine, place):
    (rate,) = ids(engine, "tryksaar_pr_1000_sengedage")
    with pytest.raises(ValidationError) as refused, write_session(engine) as session:
        add_entry(place["unit"], rate, date(2026, 10, 1), numerator=2, denominator=1178,
                  session=session, actor="system:anna", today=TODAY)
    assert "registrerede hændelser" in refused.value.problems[0].message_da


def test_the_board_and_the_overview_read_the_same_counts(engine, place):
    ulcers, rate = ids(engine, "tryksaar_dage_mellem", "tryksaar_pr_1000_sengedage")
    with write_session(engine) as session:
        set_unit_indicators(place["unit"], [ulcers, rate], session=session, actor="system")
    register(engine, place["unit"], ulcers, date(2026, 9, 3), date(2026, 10, 1), date(2026, 10, 5))
    exposure(engine, place["unit"], rate, date(2026, 9, 1), 1140)
    exposure(engine, place["unit"], rate, date(2026, 10, 1), 1178)
    with read_session(engine) as session:
        board = read_unit_series(place["unit"], session=session, actor="system")[rate]
        overview = read_overview_series(session=session, actor="system").entries
    mine = overview[(overview["unit_id"] == place["unit"]) & (overview["indicator_id"] == rate)]
    assert mine.sort_values("date")["numerator"].tolist() == board["numerator"].tolist() == [
        1.0, 2.0]


@pytest.mark.parametrize(("period", "day", "start"), [
    ("day", "2026-11-22", "2026-11-22"),
    ("week", "2026-11-22", "2026-11-16"),  # a Sunday belongs to the week from Monday
    ("week", "2026-11-16", "2026-11-16"),
    ("month", "2026-11-30", "2026-11-01"),
])
def test_a_day_falls_in_the_period_that_starts_on(period, day, start):
    assert period_starts(np.array([day], dtype="datetime64[D]"), period)[0] == np.datetime64(start)


def test_a_custom_rate_may_count_the_events_of_an_events_indicator_only(engine):
    falls = replace(definition("fald_pr_1000_sengedage"), code="fald_pr_1000_beboerdoegn",
                    name_da="Fald pr. 1000 beboerdøgn")
    with write_session(engine) as session:
        assert create_indicator(falls, session=session, actor="system") > 0
    wrong = replace(falls, code="fald_fra_bundt", counted_from="fald_bundt")
    with pytest.raises(ValidationError) as refused, write_session(engine) as session:
        create_indicator(wrong, session=session, actor="system")
    assert "tæller hændelser" in refused.value.problems[0].message_da
