"""From the database to chart models: the path board, reports and overview share."""

from datetime import date, timedelta

import pandas as pd

from db import (
    add_annotation,
    add_baseline,
    find_indicator,
    find_unit,
    list_unit_indicators,
    list_units,
    read_session,
    switch_sampling,
    write_session,
)
from indicators import chart_goal_status
from reports.content.stored_charts import (
    _up_to,
    baseline_dates,
    unit_board,
    unit_boards,
    unit_chart,
)
from tests.conftest import DEMO_TODAY


def demo_unit_id(session, name: str) -> int:
    units = list_units(session=session)
    return int(units[units["name"] == name]["id"].iloc[0])


def test_board_charts_every_active_indicator_of_the_unit_in_board_order(demo_engine):
    with read_session(demo_engine) as session:
        unit_id = demo_unit_id(session, "Plejecenter Solbakken")
        active = list_unit_indicators(unit_id, session=session)
        board = unit_board(unit_id, session=session, actor="system", today=DEMO_TODAY)
    assert [chart.indicator.id for chart in board] == [indicator.id for indicator in active]
    assert all(len(chart.model.points) > 0 for chart in board)


def test_event_indicators_know_the_days_since_the_last_event(demo_engine):
    with read_session(demo_engine) as session:
        unit_id = demo_unit_id(session, "Plejecenter Solbakken")
        board = unit_board(unit_id, session=session, actor="system", today=DEMO_TODAY)
    for chart in board:
        if chart.indicator.definition.measure == "events":
            last = max(chart.series["date"])
            assert chart.days_since_last_event == (DEMO_TODAY - last).days
            assert chart.model.points["censored"].iloc[-1]
        else:
            assert chart.days_since_last_event is None


def test_saved_phase_and_annotation_appear_on_the_chart(demo_engine):
    with read_session(demo_engine) as session:
        unit_id = demo_unit_id(session, "Plejecenter Solbakken")
        indicator = find_indicator("tryksaar_bundt", session=session)
        parts_before = {chart.indicator.id: chart.model.points["part"].tolist() for chart in
                        unit_board(unit_id, session=session, actor="system", today=DEMO_TODAY)}
    with write_session(demo_engine) as session:
        add_baseline(unit_id, indicator.id, "new_phase", date(2026, 3, 2), "Ny bundt-tjekliste",
                     session=session, actor="system:test", today=DEMO_TODAY)
        add_annotation(unit_id, date(2026, 3, 2), "PDSA: tjekliste ved sengen",
                       indicator_id=indicator.id, session=session, actor="system:test", today=DEMO_TODAY)
    with read_session(demo_engine) as session:
        alone = unit_chart(unit_id, indicator, session=session, actor="system", today=DEMO_TODAY)
        on_board = next(chart for chart in unit_board(unit_id, session=session, actor="system",
                                                      today=DEMO_TODAY)
                        if chart.indicator.id == indicator.id)
    for chart in (alone, on_board):  # the board reads the unit's settings in one go
        points = chart.model.points
        assert points.loc[points["x"] >= "2026-03-02", "part"].eq(2).all()
        assert points.loc[points["x"] < "2026-03-02", "part"].eq(1).all()
        assert "PDSA: tjekliste ved sengen" in [note.text for note in chart.model.annotations]
        board_after = unit_board(unit_id, session=session, actor="system", today=DEMO_TODAY)
    parts_after = {chart.indicator.id: chart.model.points["part"].tolist() for chart in board_after
                   if chart.indicator.id != indicator.id}
    assert parts_after == {key: parts for key, parts in parts_before.items() if key != indicator.id}


def test_chart_type_can_be_overridden_for_one_chart(demo_engine):
    with read_session(demo_engine) as session:
        unit_id = find_unit(list_units(session=session)["code"].iloc[-1], session=session)
        indicator = list_unit_indicators(unit_id, session=session)[0]
        chart = unit_chart(unit_id, indicator, session=session, actor="system", today=DEMO_TODAY, chart="run")
    assert chart.model.chart == "run"


def test_a_board_charted_as_of_an_earlier_day_holds_only_the_rows_and_notes_up_to_that_day(
        demo_engine):
    day = date(2025, 10, 1)  # between the demo unit's second and third notes
    with read_session(demo_engine) as session:
        unit_id = demo_unit_id(session, "Plejecenter Solbakken")
        now = unit_board(unit_id, session=session, actor="system", today=DEMO_TODAY)
        then = unit_board(unit_id, session=session, actor="system", today=day)
    for current, earlier in zip(now, then, strict=True):
        kept = current.series[current.series["date"] <= day].reset_index(drop=True)
        pd.testing.assert_frame_equal(earlier.series, kept, check_exact=True)
        assert all(note.x <= day for note in earlier.model.annotations)
    assert any(len(chart.series) > len(earlier.series)
               for chart, earlier in zip(now, then, strict=True))
    assert any(note.x > day for chart in now for note in chart.model.annotations)


def test_rows_out_of_date_order_are_cut_at_the_day_all_the_same():
    frame = pd.DataFrame({"date": [date(2026, 1, 5), date(2026, 3, 1), date(2026, 1, 9)],
                          "numerator": [1.0, 2.0, 3.0]})
    kept = _up_to(frame, date(2026, 2, 1))
    assert kept.to_dict("list") == {"date": [date(2026, 1, 5), date(2026, 1, 9)],
                                    "numerator": [1.0, 3.0]}
    assert list(kept.index) == [0, 1]


def test_rows_in_date_order_are_numbered_from_zero_once_cut():
    frame = pd.DataFrame({"date": [date(2026, 1, 5), date(2026, 1, 9), date(2026, 3, 1)]},
                         index=[5, 6, 7])
    kept = _up_to(frame, date(2026, 2, 1))
    assert kept["date"].tolist() == [date(2026, 1, 5), date(2026, 1, 9)]
    assert kept.index.equals(pd.RangeIndex(2))


def test_the_latest_live_freeze_and_every_live_phase_start_are_the_saved_baseline():
    baselines = pd.DataFrame(
        [(1, "freeze", date(2026, 1, 4), "", False), (2, "new_phase", date(2026, 2, 1), "", False),
         (3, "freeze", date(2026, 3, 1), "", False), (4, "freeze", date(2026, 4, 5), "", True),
         (5, "new_phase", date(2026, 5, 3), "", True)],
        columns=["id", "kind", "date", "reason", "deleted"])
    assert baseline_dates(baselines) == (date(2026, 3, 1), [date(2026, 2, 1)])
    assert baseline_dates(baselines.iloc[:0]) == (None, [])


def test_boards_read_together_are_the_boards_read_one_by_one_sampling_marks_included(
        demo_engine):
    with read_session(demo_engine) as session:
        unit_ids = [find_unit(code, session=session) for code in ("solbakken", "akutteamet")]
        packages = {unit_id: next(indicator.definition.package for indicator
                                  in list_unit_indicators(unit_id, session=session)
                                  if indicator.definition.kind == "process")
                    for unit_id in unit_ids}
    with write_session(demo_engine) as session:
        for number, unit_id in enumerate(unit_ids, start=1):
            switch_sampling(unit_id, packages[unit_id], date(2026, number, 5), session=session,
                            actor="system:test", today=DEMO_TODAY)
    with read_session(demo_engine) as session:
        together = unit_boards([*unit_ids, unit_ids[0]], session=session, actor="system",
                               today=DEMO_TODAY)
        alone = [unit_board(unit_id, session=session, actor="system", today=DEMO_TODAY)
                 for unit_id in [*unit_ids, unit_ids[0]]]
    def shown(boards):
        return [[(chart.indicator, chart.model.annotations, chart.model.verdict) for chart in board]
                for board in boards]

    assert shown(together) == shown(alone)
    for board, day in zip(together, ("05-01-2026", "05-02-2026", "05-01-2026"), strict=True):
        texts = [note.text for chart in board for note in chart.model.annotations]
        assert f"Stikprøver fra {day}" in texts
        # The switch starts a judgement of its own on the package's process charts (issue 13).
        switched = [chart for chart in board if any(note.text == f"Stikprøver fra {day}"
                                                    for note in chart.model.annotations)]
        for chart in switched:
            points = chart.model.points
            first_sampled = points[points["x"] >= pd.Timestamp(day[6:] + "-" + day[3:5] + "-" + day[:2])]
            if len(first_sampled) and len(first_sampled) < len(points):
                assert first_sampled["part"].iloc[0] == points["part"].max() > 1


def test_a_stored_chart_carries_its_goal_status_as_the_engine_judges_it(demo_engine):
    with read_session(demo_engine) as session:
        unit_id = demo_unit_id(session, "Plejecenter Solbakken")
        board = unit_board(unit_id, session=session, actor="system", today=DEMO_TODAY)
    for chart in board:
        goal = chart.indicator.definition.goal
        if goal is None:
            assert chart.goal is None
            continue
        last_event = (None if chart.days_since_last_event is None
                      else DEMO_TODAY - timedelta(days=chart.days_since_last_event))
        assert chart.goal == chart_goal_status(chart.model, goal, today=DEMO_TODAY,
                                               last_event=last_event)
    assert any(chart.goal is not None and chart.goal.met is not None for chart in board)


def test_each_board_of_a_municipality_report_is_worded_in_its_units_exposure(demo_reading_engine):
    with read_session(demo_reading_engine) as session:
        unit_ids = [find_unit(code, session=session) for code in ("solbakken", "akutteamet")]
        boards = unit_boards(unit_ids, session=session, actor="system", today=DEMO_TODAY)
    units = [[chart.indicator.definition.unit_da for chart in board
              if chart.indicator.definition.measure == "rate"] for board in boards]
    assert units == [["pr. 1000 beboerdøgn", "pr. 1000 beboerdøgn"],
                     ["pr. 1000 kateterdage", "pr. 1000 sengedage"]]
