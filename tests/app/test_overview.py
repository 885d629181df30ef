"""Overblik: the matrix, its links and filters, the goals, the spread lists and the funnel."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta

import pytest
from streamlit.components.v2.bidi_component.main import _make_trigger_id
from streamlit.proto.WidgetStates_pb2 import WidgetState

from app.overview.funnel_chart import funnel_spec
from app.overview.spread import grouped
from db import (
    add_entry,
    create_unit,
    find_indicator,
    find_unit,
    list_units,
    read_session,
    set_unit_indicators,
    write_session,
)
from reports import funnel_choices, funnel_for, palette, read_overview
from tests.app.app_pages import button, elements, open_page
from tests.conftest import DEMO_TODAY

LINK = re.compile(r'<a href="diagrammer\?enhed=([a-z0-9-]+)&amp;indikator=([a-z0-9_]+)[^"]*"')


def matrix_component(app):
    """The component that shows the matrix (AppTest sees it as an element it cannot run)."""
    return next(e for e in elements(app.main, "bidi_component")
                if e.proto.component_name == "tavle_overview_matrix")


def matrix_html(app) -> str:
    return json.loads(matrix_component(app).proto.json)["html"]


def click_cell(app, payload: object):
    """Send what the matrix's script sends on a click, and run the app as the browser would.

    AppTest has no public way to fire a component's trigger, so this adds the trigger's
    widget state (one "open" event with payload) to the state the next run receives.
    """
    states = app._tree.get_widget_states()
    states.widgets.append(WidgetState(
        id=_make_trigger_id(matrix_component(app).proto.id, "events"),
        json_trigger_value=json.dumps([{"event": "open", "value": payload}])))
    return app._run(widget_state=states)


def cell_html(html: str, unit: str, indicator: str) -> str:
    found = html.index(f'data-unit="{unit}" data-indicator="{indicator}"')
    start = html.rindex("<td>", 0, found)
    return html[start:html.index("</a>", found)]


@pytest.fixture
def overview_page(monkeypatch, demo_database_url):
    return open_page("overview.py", monkeypatch, demo_database_url)


def test_the_matrix_links_every_indicator_each_unit_works_with_to_its_chart(overview_page,
                                                                            demo_engine):
    assert not overview_page.exception
    assert overview_page.title[0].value == "Overblik"
    with read_session(demo_engine) as session:
        overview = read_overview(session=session, actor="system", today=DEMO_TODAY)
    codes = dict(zip(overview.units["id"], overview.units["code"], strict=True))
    expected = {(codes[unit], definition.code)
                for row, unit in enumerate(overview.matrix.units)
                for column, definition in enumerate(overview.matrix.indicators)
                if overview.matrix.assigned[row, column]}
    assert set(LINK.findall(matrix_html(overview_page))) == expected
    assert len(expected) == 24  # three demo units with eight indicators each


def test_a_cell_shows_its_charts_verdict_symbol_latest_value_and_goal_mark(overview_page,
                                                                          demo_engine):
    with read_session(demo_engine) as session:
        overview = read_overview(session=session, actor="system", today=DEMO_TODAY)
        unit_id = find_unit("solbakken", session=session)
    cell = overview.matrix.cell(unit_id, "tryksaar_bundt")
    shown = cell_html(matrix_html(overview_page), "solbakken", "tryksaar_bundt")
    assert palette.VERDICT_MARKS[cell.verdict].glyph in shown
    assert f"{cell.latest:.0f}\u00a0%" in shown
    assert ("✓" in shown) == bool(cell.goal.met)
    assert "Plejecenter Solbakken – Andel i risiko der fik alle elementer i HUSK" in shown


def test_an_event_cell_counts_the_days_since_the_last_event(overview_page, demo_engine):
    with read_session(demo_engine) as session:
        overview = read_overview(session=session, actor="system", today=DEMO_TODAY)
        unit_id = find_unit("hjemmeplejen-nord", session=session)
    days = overview.matrix.cell(unit_id, "medicinfejl_dage_mellem").days_since_event
    shown = cell_html(matrix_html(overview_page), "hjemmeplejen-nord", "medicinfejl_dage_mellem")
    assert f"{days} d" in shown and f"{days} dage siden sidste hændelse" in shown


def test_filtering_by_area_and_package_narrows_rows_and_columns(overview_page):
    overview_page.multiselect(key="overview_areas").set_value(["Område Syd"]).run()
    units = {unit for unit, _ in LINK.findall(matrix_html(overview_page))}
    assert units == {"akutteamet"}
    overview_page.multiselect(key="overview_packages").set_value(["tidlig_opsporing"]).run()
    indicators = {indicator for _, indicator in LINK.findall(matrix_html(overview_page))}
    assert indicators == {"triage_roed_handleplan", "triage_gul_handleplan",
                          "forebyggelige_indlaeggelser_dage_mellem"}


def test_the_overview_speaks_english_when_asked(monkeypatch, demo_database_url):
    app = open_page("overview.py", monkeypatch, demo_database_url, lang="en")
    assert app.title[0].value == "Overview"
    assert "Share at risk who got every element of HUSK" in matrix_html(app)
    assert "&amp;lang=en" in matrix_html(app)


def test_the_goal_table_lists_each_goal_with_its_status_and_assurance(overview_page):
    table = overview_page.dataframe[0].value
    solbakken = table[(table["unit"] == "Plejecenter Solbakken")
                      & (table["indicator"] == "Andel i risiko der fik alle elementer i HUSK")]
    assert solbakken["goal"].iloc[0].startswith("mindst 95\u00a0%")
    assert solbakken["status"].iloc[0] in ("✓ nået", "✗ ikke nået")
    assert set(table["assurance"]) <= {"Ja, hver gang", "Nej, ikke som den kører nu",
                                       "Rammer og misser", "– (kræver kontrolgrænser)"}
    days = table[table["goal"].str.startswith("mindst 300 dage")]
    assert (days["assurance"] == "– (kræver kontrolgrænser)").all()


def _steady_unit(engine) -> int:
    """A unit whose one process indicator reached 96 % or more every week of the last year."""
    with write_session(engine) as session:
        units = list_units(session=session)
        area = int(units[units["name"] == "Område Syd"]["id"].iloc[0])
        unit_id = create_unit("Plejecenter Havbo", kind="unit", parent_id=area, session=session,
                              actor="system:test", code="havbo")
        indicator = find_indicator("mundpleje_screenet", session=session)
        set_unit_indicators(unit_id, [indicator.id], session=session, actor="system:test")
        monday = DEMO_TODAY - timedelta(days=DEMO_TODAY.weekday() + 7 * 52)
        for week in range(52):
            add_entry(unit_id, indicator.id, monday + timedelta(weeks=week), numerator=24,
                      denominator=25, session=session, actor="system:test", today=DEMO_TODAY)
    return unit_id


def test_a_unit_with_six_stable_months_is_ready_and_can_switch_to_samples(monkeypatch,
                                                                          demo_database_url,
                                                                          demo_engine):
    unit_id = _steady_unit(demo_engine)
    with read_session(demo_engine) as session:
        ready = grouped(read_overview(session=session, actor="system", today=DEMO_TODAY).readiness)["ready"]
    assert unit_id in [item.unit for item in ready]
    app = open_page("overview.py", monkeypatch, demo_database_url)
    subheaders = [h.value for h in app.subheader]
    assert f"Klar til stikprøver ({len(ready)})" in subheaders and "Tager stikprøver (0)" in subheaders
    button(app, "Skift Plejecenter Havbo · Mundpleje til stikprøver").click().run()
    assert not app.exception
    assert "Tager stikprøver (1)" in [h.value for h in app.subheader]
    assert "Plejecenter Havbo tager nu stikprøver i Mundpleje fra 22-11-2026" in app.success[0].value
    with read_session(demo_engine) as session:
        overview = read_overview(session=session, actor="system", today=DEMO_TODAY)
    lists = grouped(overview.readiness)
    assert [(item.unit, item.sampling_since) for item in lists["sampling"]] == [
        (unit_id, DEMO_TODAY)]


def test_the_not_ready_list_names_the_months_under_95_percent(overview_page):
    expanders = [e.label for e in overview_page.expander]
    assert "Plejecenter Solbakken · Fald — 0 af 1 procesindikatorer stabile" in expanders
    text = " ".join(m.value for m in overview_page.markdown)
    assert "under 95 % i" in text.replace("\u00a0", " ")


def test_the_funnel_draws_every_unit_with_a_label_and_names_the_outliers(overview_page,
                                                                        demo_engine):
    charts = elements(overview_page.main, "vega_lite_chart")
    assert charts, "the funnel tab draws a chart"
    with read_session(demo_engine) as session:
        overview = read_overview(session=session, actor="system", today=DEMO_TODAY)
    code = funnel_choices(overview)[0]
    first = next(d for d in overview.matrix.indicators if d.code == code)
    result = funnel_for(overview, code)
    assert len(result.units) >= 2
    spec = funnel_spec(result, first)
    labels = [layer for layer in spec["layer"] if layer["mark"]["type"] == "text"][-1]
    assert {row["unit"] for row in labels["data"]["values"]} == set(result.units["label"])
    assert overview_page.markdown[-1].value.startswith(("Skiller sig ud", "Ingen enhed"))


def test_the_funnel_judges_units_against_limits_for_their_own_denominator(demo_engine):
    with read_session(demo_engine) as session:
        overview = read_overview(session=session, actor="system", today=DEMO_TODAY)
    result = funnel_for(overview, "triage_roed_handleplan", months=6)
    assert set(result.units["label"]) == {"Hjemmeplejen Nord", "Akutteamet"}
    for row in result.units.itertuples():
        assert row.lower_control <= row.lower_warning <= row.upper_warning <= row.upper_control
    assert date(2026, 11, 22) == overview.today


def test_only_shares_and_rates_with_figures_from_two_units_can_be_compared(demo_engine):
    with read_session(demo_engine) as session:
        overview = read_overview(session=session, actor="system", today=DEMO_TODAY)
    choices = funnel_choices(overview)
    measures = {d.code: d.measure for d in overview.matrix.indicators}
    assert choices and all(measures[code] in ("proportion", "rate") for code in choices)
    assert "tryksaar_bundt" not in choices  # only Solbakken records it
    assert "triage_roed_handleplan" in choices


def test_a_value_that_rounds_onto_its_goal_shows_the_decimal_that_misses_it(overview_page):
    shown = cell_html(matrix_html(overview_page), "hjemmeplejen-nord", "haandhygiejne")
    assert "94,7\u00a0%" in shown and "✗" in shown


def test_the_demo_municipality_has_a_prototype_and_a_unit_ready_for_sampling(demo_engine):
    with read_session(demo_engine) as session:
        lists = grouped(read_overview(session=session, actor="system", today=DEMO_TODAY).readiness)
    assert lists["prototype"], "the demo shows a manager what a prototype looks like"
    assert lists["ready"]


def test_clicking_a_cell_opens_its_chart_on_diagrammer_in_the_same_session(overview_page):
    click_cell(overview_page, {"unit": "solbakken", "indicator": "tryksaar_bundt"})
    assert not overview_page.exception
    assert overview_page.title[0].value == "Diagrammer"  # not the sign-in page: still signed in
    assert dict(overview_page.query_params) == {"enhed": "solbakken", "indikator": "tryksaar_bundt"}


def test_a_cell_clicked_in_english_opens_the_chart_in_english(monkeypatch, demo_database_url):
    app = open_page("overview.py", monkeypatch, demo_database_url, lang="en")
    click_cell(app, {"unit": "akutteamet", "indicator": "kateter_indikation"})
    assert app.title[0].value == "Charts"
    assert dict(app.query_params) == {"enhed": "akutteamet", "indikator": "kateter_indikation",
                                      "lang": "en"}


CRAFTED_CLICKS = [
    {"unit": "akutteamet", "indicator": "tryksaar_bundt"},  # a cell Akutteamet does not use
    {"unit": "solbakken", "indicator": "tryksaar_bundt"},  # filtered away: only Område Syd shown
    {"unit": "ukendt", "indicator": "tryksaar_bundt"},
    {"unit": ["akutteamet"], "indicator": "kateter_indikation"},
    {"unit": "akutteamet"},
    "akutteamet",
    None,
]


def test_a_click_on_no_shown_cell_opens_nothing(overview_page):
    overview_page.multiselect(key="overview_areas").set_value(["Område Syd"]).run()
    assert ("akutteamet", "kateter_indikation") in LINK.findall(matrix_html(overview_page))
    for payload in CRAFTED_CLICKS:  # one page for all: each click leaves it where it was
        click_cell(overview_page, payload)
        assert not overview_page.exception, payload
        assert overview_page.title[0].value == "Overblik", payload
        assert "indikator" not in overview_page.query_params, payload


def test_the_whole_history_switch_judges_everything_and_the_window_is_the_default(monkeypatch,
                                                                                 demo_database_url):
    monkeypatch.setenv("TAVLE_HISTORY_YEARS", "1")
    app = open_page("overview.py", monkeypatch, demo_database_url)
    window = app.session_state["overview_figures"][2]
    assert app.session_state["overview_figures"][0] == (DEMO_TODAY, 1)
    app.toggle(key="overview.whole_history").set_value(True).run()
    assert app.session_state["overview_figures"][0] == (DEMO_TODAY, None)
    whole = app.session_state["overview_figures"][2]
    assert whole.entries["date"].min() < window.entries["date"].min()
