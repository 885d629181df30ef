"""The report's parts: its month, its scope, goal states, printed values, the data table, its words."""

import string
from datetime import date, timedelta

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame

from db import read_session
from indicators import analyze, chart_goal_status, definition
from reports.content.errors import ReportError
from reports.content.report_month import month_of, parse_month, previous_month, report_month
from reports.content.report_scope import find_scope, municipality_scope, scope_of
from reports.pdf.data_table import Column, DataTable, Row
from reports.pdf.fonts import report_fonts
from reports.wording.formats import format_number
from reports.wording.goal_text import goal_state, goal_target_text
from reports.wording.texts_da import TEXTS as DANISH
from reports.wording.texts_en import TEXTS as ENGLISH
from reports.wording.value_text import number_text, value_text

# Month


def test_a_month_runs_from_its_first_to_its_last_day_leap_years_included():
    assert parse_month("2026-02").last == date(2026, 2, 28)
    assert parse_month("2028-02").last == date(2028, 2, 29)
    assert parse_month("2026-12").code == "2026-12"


@pytest.mark.parametrize("text", ["2026-13", "2026-00", "26-11", "november", "2026/11", ""])
def test_a_month_not_written_yyyy_mm_is_refused_with_the_expected_form(text):
    with pytest.raises(ReportError) as refused:
        parse_month(text)
    assert "2026-11" in refused.value.text("en") or "1-12" in refused.value.text("en")


def test_figures_are_read_as_of_the_last_day_or_today_while_the_month_runs():
    november = report_month(2026, 11)
    assert november.as_of(date(2027, 1, 3)) == date(2026, 11, 30)
    assert november.as_of(date(2026, 11, 30)) == date(2026, 11, 30)
    assert november.as_of(date(2026, 11, 22)) == date(2026, 11, 22)
    assert november.as_of(date(2026, 11, 1)) == date(2026, 11, 1)


def test_a_month_that_has_not_begun_cannot_be_reported():
    with pytest.raises(ReportError, match="2026-12"):
        report_month(2026, 12).as_of(date(2026, 11, 30))


def test_the_month_before_january_is_december_of_the_year_before():
    assert previous_month(month_of(date(2026, 1, 15))) == report_month(2025, 12)


# Scope


def test_a_unit_is_found_by_its_name_in_any_case_or_by_its_code(demo_reading_engine):
    with read_session(demo_reading_engine) as session:
        by_name = find_scope("plejecenter SOLBAKKEN", kind="unit", session=session)
        by_code = find_scope("solbakken", kind="unit", session=session)
    assert by_name == by_code
    assert (by_name.kind, by_name.name, by_name.organisation) == ("unit", "Plejecenter Solbakken",
                                                                  "Demo Kommune")
    assert [(u.name, u.area) for u in by_name.units] == [("Plejecenter Solbakken", "Område Nord")]


def test_an_area_covers_its_units_in_tree_order(demo_reading_engine):
    with read_session(demo_reading_engine) as session:
        north = find_scope("Område Nord", kind="area", session=session)
    assert north.kind == "area"
    assert [u.name for u in north.units] == ["Hjemmeplejen Nord", "Plejecenter Solbakken"]


def test_the_municipality_covers_every_unit_and_only_care_units(demo_reading_engine):
    with read_session(demo_reading_engine) as session:
        everything = municipality_scope(session=session)
        again = scope_of(everything.units[0].id, session=session)
    assert everything.kind == "municipality" and everything.name == "Demo Kommune"
    assert [u.code for u in everything.units] == ["hjemmeplejen-nord", "solbakken", "akutteamet"]
    assert again.kind == "unit" and again.units == everything.units[:1]


def test_an_unknown_name_is_refused_with_the_names_that_exist(demo_reading_engine):
    with read_session(demo_reading_engine) as session, pytest.raises(ReportError) as refused:
        find_scope("Område Vest", kind="area", session=session)
    assert "Område Nord" in str(refused.value) and "Område Syd" in str(refused.value)
    assert "There is no area called 'Område Vest'" in refused.value.text("en")


# Goal state, judged by indicators.chart_goal_status and printed by reports.wording

TODAY = date(2026, 11, 30)


def _latest_share(numerator: float, denominator: float):
    """A P chart in per cent whose latest point is numerator / denominator, with a 95 % goal."""
    return analyze(pd.DataFrame({"x": pd.date_range("2026-09-01", periods=3, freq="MS"),
                                 "y": [9, 10, numerator], "n": [10, 10, denominator]}),
                   chart="p", multiply=100, target=95)


@pytest.mark.parametrize(("days", "state"), [(299, "not_met"), (300, "met"), (301, "met")])
def test_a_days_between_goal_is_printed_as_met_once_the_days_since_the_last_event_reach_it(days, state):
    model = analyze(pd.DataFrame({"y": [20.0, 35, 12, 50, 41, 27]}), chart="run", target=300)
    indicator = definition("tryksaar_dage_mellem")
    status = chart_goal_status(model, indicator.goal, today=TODAY,
                               last_event=TODAY - timedelta(days=days))
    assert (goal_state(status), goal_target_text(status, indicator)) == (state, "≥ 300 dage")


@pytest.mark.parametrize(("numerator", "state"), [(949, "not_met"), (950, "met"), (1000, "met")])
def test_a_share_goal_is_printed_as_met_at_or_above_its_target(numerator, state):
    indicator = definition("triage_dagligt")
    status = chart_goal_status(_latest_share(numerator, 1000), indicator.goal, today=TODAY)
    assert (goal_state(status), goal_target_text(status, indicator)) == (state, "≥ 95,0\u00a0%")


def test_nineteen_of_twenty_meets_a_95_percent_goal_on_paper_as_on_the_overview():
    # 19 / 20 * 100 is 95.00000000000001 in floating point; other shares land just below.
    indicator = definition("triage_dagligt")
    for numerator, denominator in ((19, 20), (0.95 * 1000 - 1e-11, 1000)):
        status = chart_goal_status(_latest_share(numerator, denominator), indicator.goal, today=TODAY)
        assert goal_state(status) == "met"


def test_a_reduction_goal_is_met_at_or_below_its_target_and_printed_in_english():
    indicator = definition("fald_pr_1000_sengedage")

    def status(cases: float):  # judged on the median of the last six months: here `cases` per 100 000
        model = analyze(pd.DataFrame({"x": pd.date_range("2026-05-01", periods=6, freq="MS"),
                                      "y": [3, 1] + [cases] * 4, "n": [900, 900] + [100_000] * 4}),
                        chart="u", multiply=1000, target=1.5)
        return chart_goal_status(model, indicator.goal, today=TODAY)

    assert goal_state(status(150)) == "met"
    missed = status(151)
    assert (goal_state(missed), goal_target_text(missed, indicator, language="en")) == (
        "not_met", "≤ 1.50 per 1000 bed-days")


def test_without_a_goal_or_without_a_value_the_state_says_so():
    assert (goal_state(None), goal_target_text(None, definition("magtanvendelser_pr_maaned"))) == (
        "no_goal", "")
    with_target = analyze(pd.DataFrame({"y": [3, 1, 2]}), chart="run", target=300)
    indicator = definition("fald_dage_mellem")
    no_event = chart_goal_status(with_target, indicator.goal, today=TODAY, last_event=None)
    assert (goal_state(no_event), goal_target_text(no_event, indicator)) == ("no_data", "≥ 300 dage")


def test_a_reduction_without_a_baseline_has_no_target_to_print():
    indicator = definition("fald_pr_1000_sengedage")
    model = analyze(pd.DataFrame({"x": pd.date_range("2026-09-01", periods=2, freq="MS"),
                                  "y": [3, 1], "n": [900, 900]}), chart="u", multiply=1000)
    status = chart_goal_status(model, indicator.goal, today=TODAY)
    assert (goal_state(status), goal_target_text(status, indicator)) == ("no_goal", "")


# Printed values


@pytest.mark.parametrize(("code", "value", "language", "printed"), [
    ("triage_dagligt", 87.456, "da", "87,5\u00a0%"),
    ("triage_dagligt", 87.456, "en", "87.5%"),
    ("fald_pr_1000_sengedage", 4.426, "da", "4,43 pr. 1000 sengedage"),
    ("tryksaar_dage_mellem", 348.0, "da", "348 dage"),
    ("medicinfejl_pr_maaned", 3.0, "en", "3 errors"),
    ("tryksaar_dage_mellem", None, "da", "–"),
])
def test_values_print_with_the_measures_decimals_and_the_indicators_unit(code, value, language,
                                                                          printed):
    assert value_text(value, definition(code), language=language) == printed


# The appendix table


def table(rows: int) -> DataTable:
    columns = [Column("Periode", 58, "left"), Column("Tæller", 38), Column("", 12, "center")]
    return DataTable("Tabel", "", columns, [Row((f"uge {i}", str(i), "")) for i in range(rows)],
                     report_fonts(), width=481)


def test_a_short_table_stays_in_one_group_and_a_long_one_fills_the_width():
    assert table(10).groups == 1
    long = table(200)
    assert long.groups > 1 and long.per_group * long.groups >= 200


def test_a_long_table_splits_where_the_page_ends_and_keeps_every_row_once():
    long = table(400)
    head, tail = long.split(481, 300)
    _, height = head.wrap(481, 300)
    assert height <= 300
    assert head.rows + tail.rows == long.rows
    assert tail.continued  # the rest says it continues


def test_a_table_that_would_leave_only_a_few_rows_at_the_foot_moves_to_the_next_page():
    assert table(400).split(481, 40) == []


def test_a_table_draws_on_a_page(tmp_path):
    canvas = Canvas(str(tmp_path / "table.pdf"))
    assert Frame(50, 50, 481, 700).addFromList([table(60)], canvas) is None
    canvas.save()


# Words


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_languages_have_every_key_with_the_same_placeholders():
    assert DANISH.keys() == ENGLISH.keys()
    assert {key: fields(text) for key, text in DANISH.items()} == \
        {key: fields(text) for key, text in ENGLISH.items()}


@settings(max_examples=300, deadline=None)
@given(value=st.floats(min_value=-1e9, max_value=1e9, allow_nan=False),
       decimals=st.integers(min_value=0, max_value=3), language=st.sampled_from(["da", "en"]))
def test_the_quick_number_printer_prints_what_babel_prints(value, decimals, language):
    assert number_text(value, decimals=decimals, language=language) == format_number(
        value, decimals=decimals, language=language)
