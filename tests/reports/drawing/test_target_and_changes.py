"""The data first: a goal far off the data is said in words; changes numbered for a wall screen."""

from datetime import date

from reports.drawing.chart_geometry import chart_geometry
from reports.drawing.chart_labels import change_list
from tests import chart_examples as examples


def roles(geometry):
    return {line.role for panel in geometry.panels for line in panel.lines}


def test_a_goal_ten_times_beyond_the_data_leaves_the_axis_to_the_data_and_is_said_under_it():
    model = examples.g_chart_days_between(target=30_000)
    geometry = chart_geometry(model)
    assert geometry.y_axis.domain[1] < 30_000
    assert "target" not in roles(geometry)
    assert "target" not in {item.key for item in geometry.legend}
    assert geometry.target_note == "Mål: 30.000 (over diagrammets top)"
    assert geometry.annotation_notes[0] == geometry.target_note
    english = chart_geometry(model, language="en")
    assert english.target_note == "Goal: 30,000 (above the top of the chart)"


def test_a_goal_near_the_data_keeps_its_line_on_the_axis():
    geometry = chart_geometry(examples.g_chart_days_between(target=300))
    assert "target" in roles(geometry) and geometry.target_note == ""
    assert geometry.y_axis.domain[1] >= 300


def test_numbered_changes_label_each_change_by_its_number_and_leave_the_list_to_the_page():
    model = examples.days_between_with_close_changes()
    geometry = chart_geometry(model, numbered_changes=True)
    assert [marker.label for marker in geometry.annotations] == ["1", "2"]
    assert geometry.annotation_notes == ()
    assert change_list([(a.x, a.text) for a in model.annotations]) == (
        (1, date(2025, 5, 5), "Ny teamleder og ny vagtplan"),
        (2, date(2025, 9, 15), "PDSA: ny lejringsplan for risikoborgere"))


def test_changes_are_numbered_by_date_whatever_order_they_come_in():
    listed = change_list([(date(2025, 9, 1), "b"), (date(2025, 1, 1), "a  \n c")])
    assert listed == ((1, date(2025, 1, 1), "a c"), (2, date(2025, 9, 1), "b"))
