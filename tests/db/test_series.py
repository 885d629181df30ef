"""Series read as the engine's input: shapes, types, board order, and what is left out."""

from datetime import date

import numpy as np

from db.catalogue import set_unit_indicators
from db.engine import read_session, write_session
from db.entries import add_entry, delete_entry
from db.events import add_event
from db.series import read_series, read_unit_series
from tests.db.conftest import TODAY


def test_an_entry_series_has_dates_and_float_figures_with_nan_where_absent(engine, place):
    with write_session(engine) as session:
        for day, count in ((date(2026, 9, 1), 2), (date(2026, 8, 1), 0)):
            add_entry(place["unit"], place["magtanvendelser_pr_maaned"], day, numerator=count,
                      session=session, actor="system:anna", today=TODAY)
    with read_session(engine) as session:
        frame = read_series(place["unit"], place["magtanvendelser_pr_maaned"], session=session, actor="system")
    assert list(frame.columns) == ["date", "numerator", "denominator", "value"]
    assert list(frame["date"]) == [date(2026, 8, 1), date(2026, 9, 1)]
    assert all(type(day) is date for day in frame["date"])
    assert frame["numerator"].tolist() == [0.0, 2.0]
    assert frame["denominator"].isna().all() and frame["value"].dtype == np.float64


def test_an_event_series_has_dates_and_notes(engine, place):
    with write_session(engine) as session:
        add_event(place["unit"], place["tryksaar_dage_mellem"], date(2026, 5, 2), note="hæl",
                  session=session, actor="system:anna", today=TODAY)
        add_event(place["unit"], place["tryksaar_dage_mellem"], date(2026, 1, 9),
                  session=session, actor="system:anna", today=TODAY)
    with read_session(engine) as session:
        frame = read_series(place["unit"], place["tryksaar_dage_mellem"], session=session, actor="system")
    assert frame.to_dict("list") == {"date": [date(2026, 1, 9), date(2026, 5, 2)],
                                     "note": [None, "hæl"]}


def test_an_empty_series_still_has_its_measures_columns(engine, place):
    with read_session(engine) as session:
        entries = read_series(place["unit"], place["triage_dagligt"], session=session, actor="system")
        events = read_series(place["unit"], place["tryksaar_dage_mellem"], session=session, actor="system")
    assert (list(entries.columns), len(entries)) == (["date", "numerator", "denominator",
                                                      "value"], 0)
    assert (list(events.columns), len(events)) == (["date", "note"], 0)


def test_a_board_reads_the_units_active_indicators_in_board_order_and_only_its_data(engine,
                                                                                    place):
    with write_session(engine) as session:
        set_unit_indicators(place["unit"], [place["tryksaar_dage_mellem"],
                                            place["triage_dagligt"], place["haandhygiejne"]],
                            session=session, actor="system:admin")
        set_unit_indicators(place["unit"], [place["tryksaar_dage_mellem"],
                                            place["triage_dagligt"]],
                            session=session, actor="system:admin")
        add_entry(place["unit"], place["triage_dagligt"], date(2026, 11, 1), numerator=3,
                  denominator=4, session=session, actor="system:anna", today=TODAY)
        gone = add_entry(place["unit"], place["triage_dagligt"], date(2026, 11, 2), numerator=1,
                         denominator=4, session=session, actor="system:anna", today=TODAY)
        delete_entry(gone, session=session, actor="system:anna")
        add_entry(place["other"], place["triage_dagligt"], date(2026, 11, 1), numerator=1,
                  denominator=9, session=session, actor="system:anna", today=TODAY)
    with read_session(engine) as session:
        board = read_unit_series(place["unit"], session=session, actor="system")
    assert list(board) == [place["tryksaar_dage_mellem"], place["triage_dagligt"]]
    assert list(board[place["tryksaar_dage_mellem"]].columns) == ["date", "note"]
    assert board[place["tryksaar_dage_mellem"]].empty
    assert board[place["triage_dagligt"]][["date", "numerator"]].to_dict("list") == {
        "date": [date(2026, 11, 1)], "numerator": [3.0]}


def test_boards_and_series_read_one_after_another_each_hold_only_their_own_units_rows(engine,
                                                                                     place):
    with write_session(engine) as session:
        for unit, count in ((place["unit"], 3), (place["other"], 1)):
            set_unit_indicators(unit, [place["triage_dagligt"], place["tryksaar_dage_mellem"]],
                                session=session, actor="system:admin")
            add_entry(unit, place["triage_dagligt"], date(2026, 11, count), numerator=count,
                      denominator=4, session=session, actor="system:anna", today=TODAY)
        add_event(place["other"], place["tryksaar_dage_mellem"], date(2026, 10, 5),
                  session=session, actor="system:anna", today=TODAY)
    with read_session(engine) as session:
        boards = [read_unit_series(unit, session=session, actor="system")
                  for unit in (place["unit"], place["other"], place["unit"])]
        series = [read_series(place["other"], indicator, session=session, actor="system")
                  for indicator in (place["tryksaar_dage_mellem"], place["triage_dagligt"])]
    triage = [board[place["triage_dagligt"]]["numerator"].tolist() for board in boards]
    events = [len(board[place["tryksaar_dage_mellem"]]) for board in boards]
    assert (triage, events) == ([[3.0], [1.0], [3.0]], [0, 1, 0])
    assert series[0]["date"].tolist() == [date(2026, 10, 5)]
    assert series[1]["date"].tolist() == [date(2026, 11, 1)]
