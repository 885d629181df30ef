"""On the demo, a harm's counter, its days-between chart and its monthly count tell one story."""

from datetime import date, timedelta

import pandas as pd
import pytest

from db import (
    find_indicator,
    list_units,
    make_engine,
    month_calendar,
    read_series,
    read_session,
)
from reports.content.stored_charts import unit_board
from tests.conftest import DEMO_TODAY


def boards(engine) -> dict[str, list]:
    with read_session(engine) as session:
        units = list_units(session=session)
        care = units[units["kind"] == "unit"]
        return {code: unit_board(int(unit_id), session=session, actor="system", today=DEMO_TODAY)
                for unit_id, code in zip(care["id"], care["code"], strict=True)}


def source_events(engine, unit_id: int, code: str) -> list[date]:
    with read_session(engine) as session:
        source = find_indicator(code, session=session)
        return sorted(read_series(unit_id, source.id, session=session, actor="system")["date"])


@pytest.fixture(scope="module")
def demo_boards(demo_template):
    engine = make_engine(f"sqlite:///{demo_template}")
    yield engine, boards(engine)
    engine.dispose()


def counted_charts(demo_boards):
    engine, by_unit = demo_boards
    return [(engine, code, chart) for code, board in by_unit.items() for chart in board
            if chart.indicator.definition.counted_from]


def test_every_demo_unit_charts_a_harm_both_as_events_and_per_month(demo_boards):
    assert {code for _, code, _ in counted_charts(demo_boards)} == {
        "solbakken", "hjemmeplejen-nord", "akutteamet"}


def test_each_months_count_is_the_number_of_events_registered_that_month(demo_boards):
    for engine, code, chart in counted_charts(demo_boards):
        events = source_events(engine, chart.unit_id, chart.indicator.definition.counted_from)
        months = pd.Series([day.replace(day=1) for day in events]).value_counts()
        series = chart.series
        assert series["numerator"].sum() == len(events), (code, chart.indicator.definition.code)
        for month, count in zip(series["date"], series["numerator"], strict=True):
            assert count == months.get(month, 0), (code, chart.indicator.definition.code, month)


def test_the_counter_and_the_days_between_chart_agree_with_the_monthly_count(demo_boards):
    engine, by_unit = demo_boards
    checked = 0
    for code, board in by_unit.items():
        by_code = {chart.indicator.definition.code: chart for chart in board}
        for chart in board:
            source = chart.indicator.definition.counted_from
            if not source or source not in by_code:
                continue
            counter = by_code[source]
            events = source_events(engine, chart.unit_id, source)
            last = events[-1]
            assert counter.days_since_last_event == (DEMO_TODAY - last).days, code
            # The days-between chart: one point per event after the first, plus the open interval.
            points = counter.model.points
            assert len(points) == len(events) - 1 + (last < DEMO_TODAY), code
            # The monthly chart has no harm after the counter's last event, and one in its month.
            series = chart.series
            after = series[series["date"] > last.replace(day=1)]
            assert (after["numerator"] == 0).all(), (code, source)
            assert series[series["date"] == last.replace(day=1)]["numerator"].iloc[0] >= 1
            checked += 1
    assert checked == 4  # tryksår and fald at Solbakken, medicinfejl, kateter-UVI


def test_this_months_calendar_is_red_on_exactly_the_days_of_the_events(demo_boards):
    engine, by_unit = demo_boards
    checked = 0
    for code, board in by_unit.items():
        for chart in board:
            if chart.indicator.definition.measure != "events":
                continue
            with read_session(engine) as session:
                boxes = month_calendar(chart.unit_id, chart.indicator.id, DEMO_TODAY.year,
                                       DEMO_TODAY.month, session=session, actor="system",
                                       today=DEMO_TODAY)
            red = {box.day for box in boxes if box.state == "event"}
            this_month = {day for day in chart.series["date"]
                          if (day.year, day.month) == (DEMO_TODAY.year, DEMO_TODAY.month)}
            assert red == this_month, (code, chart.indicator.definition.code)
            # The team confirmed every other day up to yesterday; today waits for its tap.
            assert {box.state for box in boxes if box.day < DEMO_TODAY and box.day not in red} \
                == {"safe"}
            assert next(box.state for box in boxes if box.day == DEMO_TODAY) in (
                "unconfirmed", "event")
            if chart.days_since_last_event is not None and chart.days_since_last_event < (
                    DEMO_TODAY.day):
                assert DEMO_TODAY - timedelta(days=chart.days_since_last_event) in red
            checked += 1
    assert checked == 6  # every event indicator on the three demo boards
