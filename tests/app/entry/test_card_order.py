"""The tablet's cards stand in the order they are filled, and say what is done today."""

from datetime import date

import pandas as pd

from app.entry.card_order import fill_rank, in_fill_order, is_done
from db import find_unit, list_unit_indicators, read_session
from indicators import definition as catalogue_definition
from tests.app.app_pages import button, number_input, open_page

TODAY = date(2026, 11, 22)  # a Sunday
MONDAY = date(2026, 11, 16)


def headings(app) -> list[str]:
    return [m.value.removeprefix("### ") for m in app.markdown if m.value.startswith("### ")]


def done_marks(app) -> list[str]:
    return [m.value for m in app.markdown if 'class="tavle-done"' in m.value]


def test_daily_figures_come_before_events_then_weekly_then_monthly():
    ranks = [fill_rank(catalogue_definition(code)) for code in (
        "triage_dagligt", "tryksaar_dage_mellem", "tryksaar_bundt", "fald_pr_1000_sengedage")]
    assert ranks == sorted(ranks) and len(set(ranks)) == 4


def test_a_period_is_done_once_a_row_starts_it_and_an_event_only_on_its_day():
    weekly = catalogue_definition("tryksaar_bundt")
    assert weekly.period == "week"
    assert is_done(weekly, pd.DataFrame({"date": [MONDAY]}), TODAY)
    assert not is_done(weekly, pd.DataFrame({"date": [MONDAY.replace(day=9)]}), TODAY)
    assert not is_done(weekly, pd.DataFrame({"date": []}), TODAY)
    event = catalogue_definition("tryksaar_dage_mellem")
    assert is_done(event, pd.DataFrame({"date": [TODAY]}), TODAY)
    assert not is_done(event, pd.DataFrame({"date": [MONDAY]}), TODAY)


def test_a_rate_counted_from_events_is_done_only_once_its_exposure_is_in():
    rate = catalogue_definition("tryksaar_pr_1000_sengedage")
    assert rate.counted_from and rate.period == "month"
    first = date(2026, 11, 1)
    counted_only = pd.DataFrame({"date": [first], "numerator": [1.0], "denominator": [float("nan")],
                                 "value": [float("nan")]})
    assert not is_done(rate, counted_only, TODAY)  # an ulcer is in, the bed-days are not
    both = counted_only.assign(denominator=[870.0])
    assert is_done(rate, both, TODAY)


def test_the_daily_triage_is_the_first_card_and_every_card_keeps_the_units_order_within_its_rank(
        monkeypatch, demo_database_url, demo_engine):
    app = open_page("entry.py", monkeypatch, demo_database_url, enhed="solbakken")
    with read_session(demo_engine) as session:
        active = list_unit_indicators(find_unit("solbakken", session=session), session=session)
    assert headings(app)[0] == "Andel borgere triageret dagligt"
    assert headings(app) == [s.definition.name_da for s in in_fill_order(active)]
    assert headings(app) != [s.definition.name_da for s in active]  # the order did change
    ranks = [fill_rank(s.definition) for s in in_fill_order(active)]
    assert ranks == sorted(ranks)


def test_saving_todays_triage_marks_its_card_i_dag_and_the_card_keeps_its_place(
        monkeypatch, demo_database_url):
    app = open_page("entry.py", monkeypatch, demo_database_url, enhed="solbakken")
    before = headings(app)
    assert "✓ Udfyldt i dag" not in "".join(done_marks(app))
    number_input(app, "Triageret i dag").set_value(20)
    number_input(app, "af borgere", 0).set_value(25)
    app = button(app, "Gem", 0).click().run()
    assert headings(app) == before
    assert any("✓ Udfyldt i dag" in mark for mark in done_marks(app))
