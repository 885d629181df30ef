"""The geometry both renderers draw: points by kind, step lines per phase, axes and labels."""

import dataclasses
import math
from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indicators import Annotation, ChartModel, analyze, days_between_events
from reports.drawing import palette
from reports.drawing.chart_axes import DAY, EPOCH, median_spacing, x_column, x_positions
from reports.drawing.chart_geometry import chart_geometry, runs_of
from reports.drawing.chart_labels import (
    ANNOTATION_FONT_SCALE,
    NOTE_SEPARATOR,
    PlotRoom,
    short_label,
    spread_labels,
)
from tests import chart_examples as examples

NO_BREAK_SPACE = "\u00a0"


def position(day: str) -> float:
    return (pd.Timestamp(day) - EPOCH) / DAY


def lines(geometry, role, panel=0):
    return [line for line in geometry.panels[panel].lines if line.role == role]


def test_centre_line_of_each_part_lies_at_that_parts_mean():
    model = examples.p_chart_two_phases()
    centre = {line.part: line.ys for line in lines(chart_geometry(model), "cl")}
    assert centre == {summary.part: (pytest.approx(summary.centre_line),) * 2 for summary in model.phases}


def test_centre_line_of_a_part_runs_from_its_first_to_its_last_point():
    (first, second) = lines(chart_geometry(examples.p_chart_two_phases()), "cl")
    assert (first.xs[0], first.xs[-1]) == (position("2025-01-01"), position("2025-12-01"))
    assert (second.xs[0], second.xs[-1]) == (position("2026-01-01"), position("2026-12-01"))


def test_varying_limits_step_halfway_between_points():
    model = examples.p_chart_two_phases()
    upper = lines(chart_geometry(model), "ucl")[0]
    # January's limit holds until halfway to February, then February's begins.
    middle = (position("2025-01-01") + position("2025-02-01")) / 2
    assert upper.xs[:3] == (position("2025-01-01"), middle, middle)
    assert upper.ys[:3] == pytest.approx((model.points.ucl[0], model.points.ucl[0], model.points.ucl[1]))


def test_warning_limits_are_drawn_only_when_asked_for():
    model = examples.p_chart_two_phases()
    assert not lines(chart_geometry(model), "ucl_95")
    assert len(lines(chart_geometry(model, warning_limits=True), "ucl_95")) == 2


def test_run_charts_have_a_centre_line_and_no_limits():
    geometry = chart_geometry(examples.run_chart_triage())
    assert {line.role for line in geometry.panels[0].lines} == {"cl", "connector", "longest_run"}


def test_signal_points_take_their_kind_and_plain_points_stay_plain():
    model = examples.run_chart_triage()
    kinds = [point.kind for point in chart_geometry(model).panels[0].points]
    assert kinds == ["improvement" if s else "normal" for s in model.points.signal]


def test_the_censored_last_point_is_drawn_open():
    last = chart_geometry(examples.g_chart_days_between()).panels[0].points[-1]
    assert (last.kind, last.open) == ("censored", True)
    assert last.y == (examples.REPORT_DAY - examples.ULCER_DATES[-1]).days


def test_a_censored_point_that_signals_keeps_its_signal_and_is_drawn_open():
    model = examples.g_chart_days_between()
    frame = model.points.copy()
    frame.loc[frame.index[-1], ["signal", "signal_kind"]] = [True, "improvement"]
    last = chart_geometry(dataclasses.replace(model, points=frame)).panels[0].points[-1]
    assert (last.kind, last.open) == ("improvement", True)


def test_an_excluded_point_is_drawn_open_whatever_its_signal():
    model = examples.run_chart_triage()
    frame = model.points.copy()
    frame.loc[20, "include"] = False
    point = chart_geometry(dataclasses.replace(model, points=frame)).panels[0].points[20]
    assert (point.kind, point.open) == ("excluded", True)


def test_a_missing_value_leaves_a_gap_in_the_line_and_no_point():
    geometry = chart_geometry(examples.chart_with_missing_values())
    connectors = lines(geometry, "connector")
    assert [len(line.xs) for line in connectors] == [5, 17]
    assert len(geometry.panels[0].points) == 22


def test_the_longest_run_is_banded_only_when_it_breaks_the_rule_by_default():
    banded = lines(chart_geometry(examples.run_chart_triage()), "longest_run")
    assert len(banded) == 1 and len(banded[0].xs) == 9
    # Part 1's longest run (3) is within its limit; part 2's run of 8 is not.
    assert [line.part for line in lines(chart_geometry(examples.p_chart_two_phases()), "longest_run")] == [2]


def test_the_longest_run_can_always_be_shown_for_teaching_or_never():
    p_chart = examples.p_chart_two_phases()
    assert [line.part for line in lines(chart_geometry(p_chart, longest_run="always"), "longest_run")] == [1, 2]
    assert not lines(chart_geometry(examples.run_chart_triage(), longest_run="never"), "longest_run")
    with pytest.raises(ValueError, match="longest_run must be one of signal, always, never"):
        chart_geometry(p_chart, longest_run="sometimes")


def test_shares_print_as_percent_and_days_as_whole_numbers():
    run = chart_geometry(examples.run_chart_triage())
    assert run.values.percent and run.y_axis.title == "Andel (%)"
    assert [label for _, label in run.y_axis.ticks][:2] == [f"0{NO_BREAK_SPACE}%", f"10{NO_BREAK_SPACE}%"]
    days = chart_geometry(examples.g_chart_days_between())
    assert not days.values.percent and days.values.value(101.0, "da") == "101"
    assert days.y_axis.title == "Dage mellem hændelser"


def test_percent_can_be_switched_off_by_the_caller():
    geometry = chart_geometry(examples.run_chart_triage(), percent=False, y_title="Andel")
    assert geometry.values.value(0.245, "da") == "0,25"
    assert geometry.y_axis.title == "Andel"


def test_the_y_axis_holds_the_target_and_days_between_start_at_zero():
    geometry = chart_geometry(examples.g_chart_days_between(target=300))
    low, high = geometry.y_axis.domain
    assert low == 0 and high >= 300


def test_the_x_axis_is_dated_in_danish_with_air_at_both_ends():
    geometry = chart_geometry(examples.p_chart_two_phases())
    assert geometry.period_unit == "month" and geometry.x_axis.title == "Måned"
    labels = [label for _, label in geometry.x_axis.ticks]
    assert labels[:3] == ["jan. 25", "apr. 25", "jul. 25"]
    low, high = geometry.x_axis.domain
    assert low < position("2025-01-01") and high > position("2026-12-01")


def test_english_labels_on_request():
    geometry = chart_geometry(examples.p_chart_two_phases(), language="en")
    assert [label for _, label in geometry.x_axis.ticks][:2] == ["Jan 25", "Apr 25"]
    assert geometry.x_axis.title == "Month" and geometry.y_axis.title == "Share (%)"
    assert [item.text for item in geometry.legend][:3] == ["Improvement", "Deterioration", "Longest run"]


def test_days_between_are_dated_by_event():
    geometry = chart_geometry(examples.g_chart_days_between())
    assert (geometry.period_unit, geometry.x_axis.title) == ("event", "Hændelsesdato")


def test_end_labels_name_the_last_parts_lines_and_keep_apart():
    room = PlotRoom(width=400, height=150, font_size=8)
    geometry = chart_geometry(examples.p_chart_two_phases(), room=room)
    ends = geometry.panels[0].end_labels
    assert {e.role for e in ends} == {"cl", "ucl", "lcl", "target"}
    assert min_gap_in_lines(geometry, geometry.panels[0]) >= 1 - 1e-9
    assert max(e.y for e in ends) <= geometry.y_axis.domain[1]
    assert next(e.text for e in ends if e.role == "target") == f"95,0{NO_BREAK_SPACE}%"


def min_gap_in_lines(geometry, panel):
    """The smallest distance between two end labels, in lines of text of the geometry's room."""
    places = sorted(e.y for e in panel.end_labels)
    line = geometry.room.line_height / geometry.room.height * (geometry.y_axis.domain[1] - geometry.y_axis.domain[0])
    return min((b - a for a, b in zip(places, places[1:], strict=False)), default=math.inf) / line


def test_end_labels_close_in_value_are_a_line_apart_even_in_big_letters():
    # The wall board: 24-pixel letters on a 300-pixel plot; 100 % and a 95 % target are too close.
    model = examples.run_chart_triage()
    frame = model.points.assign(y=model.points["y"].clip(upper=0.99))
    model = dataclasses.replace(model, points=frame.assign(target=0.95, cl=1.0), target=0.95)
    geometry = chart_geometry(model, room=PlotRoom(width=560, height=300, font_size=24))
    ends = {e.role: e for e in geometry.panels[0].end_labels}
    assert ends["cl"].y - ends["target"].y >= geometry.room.line_height / 300 * y_span(geometry) - 1e-9
    assert ends["cl"].y <= geometry.y_axis.domain[1]


def y_span(geometry):
    return geometry.y_axis.domain[1] - geometry.y_axis.domain[0]


def test_an_end_label_far_from_the_others_stays_at_its_line():
    geometry = chart_geometry(examples.p_chart_two_phases(), room=PlotRoom(width=400, height=300, font_size=8))
    lower = next(e for e in geometry.panels[0].end_labels if e.role == "lcl")
    assert lower.y == lower.value


@settings(max_examples=60, deadline=None)
@given(values=st.lists(st.floats(0, 10), min_size=1, max_size=7), gap=st.floats(0.1, 1.5))
def test_spread_labels_keep_a_gap_stay_in_range_when_they_fit_and_keep_their_order(values, gap):
    places = spread_labels(values, gap=gap, low=0, high=10)
    ordered = [places[i] for i in sorted(range(len(values)), key=lambda i: (values[i], i))]
    assert all(b - a >= gap - 1e-9 for a, b in zip(ordered, ordered[1:], strict=False))
    if (len(values) - 1) * gap <= 10:
        assert all(-1e-9 <= p <= 10 + 1e-9 for p in places)


def test_two_close_labels_move_apart_evenly_around_their_lines():
    assert spread_labels([5.0, 5.2], gap=1.0, low=0, high=10) == pytest.approx([4.6, 5.6])
    assert spread_labels([0.0, 0.28], gap=0.4, low=0, high=4) == pytest.approx([0.0, 0.4])  # floor holds


def label_boxes(geometry):
    """Each annotation label's extent as (row, left, right) in x data units."""
    per_unit = (geometry.x_axis.domain[1] - geometry.x_axis.domain[0]) / geometry.room.width
    boxes = []
    for marker in geometry.annotations:
        if not marker.label:  # named in the label of the change before it; prints nothing
            continue
        width = geometry.room.text_width(marker.label, ANNOTATION_FONT_SCALE) * per_unit
        left = marker.x - width if marker.align == "right" else marker.x
        boxes.append((marker.row, left, left + width))
    return boxes


def overlapping(boxes):
    return [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if a[0] == b[0] and a[1] < b[2] and b[1] < a[2]]


def test_annotations_in_one_row_do_not_overlap():
    model = examples.annotated_run_chart()
    geometry = chart_geometry(model)
    rows = {marker.text: marker.row for marker in geometry.annotations}
    # January and February are too close for two labels in one row.
    assert rows["PDSA 1: faldrisikovurdering ved indflytning"] != rows["PDSA 2: lys på badeværelset om natten"]
    assert rows["PDSA 3: træning to gange om ugen"] == 0
    assert not overlapping(label_boxes(geometry))


def test_two_changes_a_few_weeks_apart_get_two_rows_in_big_letters():
    # The demo board: a new team leader in May and a PDSA in September, on a 560-pixel plot.
    geometry = chart_geometry(examples.days_between_with_close_changes(),
                              room=PlotRoom(width=560, height=300, font_size=24))
    assert [m.row for m in geometry.annotations] == [0, 1]
    assert not overlapping(label_boxes(geometry)) and not geometry.annotation_notes


@settings(max_examples=40, deadline=None)
@given(days=st.lists(st.integers(0, 700), min_size=1, max_size=12),
       width=st.sampled_from([150, 300, 560, 1200]), font=st.sampled_from([7.5, 13, 24]))
def test_no_two_annotation_labels_ever_overlap(days, width, font):
    changes = tuple(Annotation(date(2025, 1, 1) + timedelta(days=d), f"PDSA {i}: ny plan for stuerne")
                    for i, d in enumerate(days))
    model = dataclasses.replace(examples.p_chart_two_phases(), annotations=changes)
    geometry = chart_geometry(model, room=PlotRoom(width=width, height=200, font_size=font))
    assert not overlapping(label_boxes(geometry))
    assert len(geometry.annotations) == len(days)


def test_many_changes_close_together_are_numbered_and_named_under_the_plot():
    changes = tuple(Annotation(date(2026, 1, 5) + timedelta(days=60 * i), text) for i, text in enumerate(
        ["Ny teamleder", "PDSA: tavlemøde hver dag", "PDSA: lejringsur", "Ny madras på alle stuer"]))
    model = dataclasses.replace(examples.p_chart_two_phases(), annotations=changes)
    geometry = chart_geometry(model, room=PlotRoom(width=560, height=300, font_size=24))
    assert [m.label for m in geometry.annotations] == ["1", "2", "3", "4"]
    assert [note for line in geometry.annotation_notes for note in line.split(NOTE_SEPARATOR)] == [
        "1 Ny teamleder", "2 PDSA: tavlemøde hver dag", "3 PDSA: lejringsur", "4 Ny madras på alle stuer"]
    assert all(geometry.room.text_width(line, ANNOTATION_FONT_SCALE) <= 560 for line in geometry.annotation_notes)
    assert not overlapping(label_boxes(geometry))


def test_changes_days_apart_share_one_numbered_label():
    changes = tuple(Annotation(date(2026, 3, 2) + timedelta(days=4 * i), f"PDSA {i + 1}") for i in range(4))
    model = dataclasses.replace(examples.p_chart_two_phases(), annotations=changes)
    geometry = chart_geometry(model, room=PlotRoom(width=560, height=300, font_size=24))
    assert [m.label for m in geometry.annotations] == ["1–4", "", "", ""]
    assert len(geometry.annotation_notes) >= 1 and geometry.annotation_notes[0].startswith("1 PDSA 1")


def test_an_annotation_near_the_right_edge_is_labelled_to_its_left():
    model = dataclasses.replace(examples.annotated_run_chart(),
                                annotations=(Annotation(date(2026, 12, 1), "Ny leder i december"),))
    assert chart_geometry(model).annotations[0].align == "right"


def test_short_labels_end_on_a_whole_word():
    assert short_label("Sommerferie: mange vikarer på aften", 22) == "Sommerferie: mange…"
    assert short_label("Kort tekst", 22) == "Kort tekst"


def test_facets_become_panels_on_shared_axes_with_fewer_x_ticks():
    geometry = chart_geometry(examples.faceted_run_chart())
    assert [panel.title for panel in geometry.panels] == list(examples.UNITS)
    assert len(geometry.x_axis.ticks) <= 3
    assert [len(panel.points) for panel in geometry.panels] == [24, 24, 24]


def test_the_legend_lists_what_the_chart_shows_in_a_fixed_order():
    keys = [item.key for item in chart_geometry(examples.annotated_run_chart()).legend]
    assert keys == ["improvement", "longest_run", "cl", "target", "annotation"]
    keys = [item.key for item in chart_geometry(examples.g_chart_days_between()).legend]
    assert keys == ["censored", "cl", "limit", "target"]
    assert chart_geometry(examples.g_chart_days_between()).legend[0].mark is palette.CENSORED


def test_numbers_on_the_x_axis_are_placed_as_numbers():
    model = examples.run_chart_triage()
    frame = model.points.assign(x=np.arange(1, 25, dtype=float))
    geometry = chart_geometry(dataclasses.replace(model, points=frame))
    assert geometry.x_kind == "number" and geometry.x_axis.title == "Nr."
    assert geometry.panels[0].points[0].x == 1.0


def test_text_on_the_x_axis_is_placed_in_order():
    model = examples.run_chart_triage()
    frame = model.points.assign(x=[f"Runde {i}" for i in range(1, 25)])
    geometry = chart_geometry(dataclasses.replace(model, points=frame))
    assert geometry.x_kind == "category"
    assert geometry.x_axis.ticks[0] == (0.0, "Runde 1")


def test_a_chart_of_one_point_still_shows_its_centre_line():
    model = examples.run_chart_triage()
    one = ChartModel("run", "anhoej", model.points.iloc[:1], model.phases[:1], model.verdict, "median")
    (centre,) = lines(chart_geometry(one), "cl")
    assert centre.xs[0] < centre.xs[1]


def test_the_open_interval_of_a_days_between_run_chart_is_drawn_as_censored_not_excluded():
    events = pd.DataFrame({"date": pd.to_datetime(["2026-01-05", "2026-02-01", "2026-03-20"])})
    model = analyze(days_between_events(events, today=date(2026, 4, 30)), chart="run")
    assert not model.points["include"].iloc[-1]  # the engine leaves it out of the median
    last = chart_geometry(model).panels[0].points[-1]
    assert (last.kind, last.open) == ("censored", True)


def test_a_centre_line_through_whole_counts_keeps_its_decimals_in_its_end_label():
    counts = pd.DataFrame({"x": pd.date_range("2026-01-01", periods=12, freq="MS"),
                           "y": [0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0]})
    labels = {end.role: end.text for end in chart_geometry(analyze(counts, chart="c")).panels[0].end_labels}
    assert labels["cl"] == "0,33"


def test_lines_through_days_print_three_figures_not_two_decimals():
    labels = {end.role: end.text for end in chart_geometry(examples.g_chart_days_between()).panels[0].end_labels}
    assert (labels["ucl"], labels["cl"], labels["target"]) == ("237", "58,9", "300")


def test_points_keep_their_size_with_room_and_shrink_where_they_crowd_down_to_a_floor():
    roomy = chart_geometry(examples.run_chart_triage(), room=PlotRoom(width=600, height=300, font_size=24))
    assert roomy.point_radius(9, smallest=5) == 9  # 24 weeks: 25 pixels apart
    weeks = pd.date_range("2025-01-06", periods=104, freq="7D")
    crowded = analyze(pd.DataFrame({"x": weeks, "y": np.resize([3.0, 5.0, 4.0, 6.0], 104)}), chart="run")
    geometry = chart_geometry(crowded, room=PlotRoom(width=520, height=300, font_size=24))
    assert geometry.point_radius(9, smallest=2) == pytest.approx(520 / 105 / 2, rel=0.02)  # half the pitch
    assert geometry.point_radius(9, smallest=5) == 5


@pytest.mark.parametrize(("keep", "groups", "runs"), [
    ([1, 1, 1, 1], [0, 0, 0, 0], [[0, 1, 2, 3]]),  # one unbroken run
    ([0, 1, 1, 0], [0, 0, 0, 0], [[1, 2]]),
    ([1, 1, 0, 1], [0, 0, 0, 0], [[0, 1], [3]]),  # a gap breaks it
    ([1, 1, 1, 1], [0, 0, 1, 1], [[0, 1], [2, 3]]),  # so does a new group
    ([1, 1, 1, 1], [1, 2, 2, 1], [[0], [1, 2], [3]]),  # a group that comes back is a new run
    ([0, 0, 0], [0, 0, 0], []),
])
def test_runs_of_kept_rows_break_at_gaps_and_at_each_change_of_group(keep, groups, runs):
    found = runs_of(np.array(keep, dtype=bool), np.array(groups))
    assert [run.tolist() for run in found] == runs


@pytest.mark.parametrize(("positions", "spacing"), [
    ([0, 7, 14, 21], 7.0),  # rising point by point
    ([0, 7, 7, 14, 28], 7.0),  # a repeated position is one place
    ([14, 0, 7, np.nan, 28], 7.0),  # out of order, with a gap in the data
    ([0, 1, 3, 6], 2.0),  # the middle gap
    ([0, 1, 3, 6, 10], 2.5),  # the mean of the middle two
    ([5.0], 1.0), ([np.nan, np.nan], 1.0), ([], 1.0),
])
def test_the_spacing_is_the_median_gap_between_distinct_positions(positions, spacing):
    assert median_spacing(np.array(positions, dtype=float)) == spacing


@pytest.mark.parametrize("x", [
    pd.to_datetime(["2026-01-05", None, "2026-01-19"]),
    pd.to_datetime(["2026-01-05", "2026-01-12", "2026-01-19"]).as_unit("s"),
    pd.to_datetime(["2026-01-05", "2026-01-12"]).tz_localize("Europe/Copenhagen"),
    [1.5, 2.0, np.nan], [1, 2, 3], ["Nord", "Syd", "Nord"],
])
def test_x_reads_as_the_same_positions_from_its_array_as_from_its_column(x):
    frame = pd.DataFrame({"x": x})
    kind, positions, categories = x_positions(x_column(frame))
    expected_kind, expected, expected_categories = x_positions(frame["x"])
    assert (kind, categories) == (expected_kind, expected_categories)
    np.testing.assert_array_equal(positions, expected)
