"""The PDF chart: reportlab vector shapes in the palette's colours, where the axes put them."""

import dataclasses
import io
from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest
from pypdf import PdfReader
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Group, Path, String
from reportlab.lib.colors import HexColor, white
from reportlab.pdfbase.pdfmetrics import stringWidth

from indicators import Annotation, analyze
from reports.drawing import palette
from reports.drawing.chart_geometry import chart_geometry
from reports.drawing.chart_labels import LINE_SPACING
from reports.pdf.chart_drawing import chart_drawing, facet_count
from tests import chart_examples as examples


def shapes(node, kind=object):
    """Yield every shape under node, depth first, of the given class."""
    for child in getattr(node, "contents", []):
        if isinstance(child, Group):
            yield from shapes(child, kind)
        elif isinstance(child, kind):
            yield child


def subpaths(path: Path) -> list[list[tuple[float, float]]]:
    """Return a path's pieces, each the list of points it passes (controls included)."""
    sizes = {0: 2, 1: 2, 2: 6, 3: 0}  # moveTo, lineTo, curveTo, closePath
    pieces, at = [], 0
    for operator in path.operators:
        coordinates = path.points[at:at + sizes[operator]]
        at += sizes[operator]
        if operator == 0:
            pieces.append([])
        pieces[-1] += list(zip(coordinates[0::2], coordinates[1::2], strict=True))
    return pieces


def centre(piece) -> tuple[float, float]:
    xs, ys = [x for x, _ in piece], [y for _, y in piece]
    return (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2


def line_paths(drawing, hex_colour: str, dash=None) -> list[Path]:
    return [s for s in shapes(drawing.panel_0.lines, Path) if same_colour(s.strokeColor, hex_colour)
            and (dash is None or list(s.strokeDashArray or []) == list(dash))]


def same_colour(colour, hex_colour: str) -> bool:
    return colour is not None and colour.hexval() == HexColor(hex_colour).hexval()


def plot_mapping(drawing, model, panel=0, **options):
    """Return functions placing data x and y on the drawing, from the panel's plot area."""
    area = getattr(drawing, f"panel_{panel}").plot_area
    geometry = chart_geometry(model, **options)
    (x0, x1), (y0, y1) = geometry.x_axis.domain, geometry.y_axis.domain
    return (lambda x: area.x + (x - x0) / (x1 - x0) * area.width,
            lambda y: area.y + (y - y0) / (y1 - y0) * area.height, geometry)


def pdf_text(drawing) -> str:
    return PdfReader(io.BytesIO(renderPDF.drawToString(drawing))).pages[0].extract_text()


def test_signal_points_are_triangles_in_the_improvement_colour():
    drawing = chart_drawing(examples.run_chart_triage())
    signals = drawing.panel_0.points.improvement
    assert same_colour(signals.fillColor, palette.IMPROVEMENT.colour)
    assert same_colour(signals.strokeColor, palette.IMPROVEMENT.colour)
    assert [len(piece) for piece in subpaths(signals)] == [3] * 9  # nine triangles


def test_plain_points_are_circles_in_the_point_colour_where_the_axes_put_them():
    model = examples.run_chart_triage()
    drawing = chart_drawing(model)
    sx, sy, geometry = plot_mapping(drawing, model)
    circles = drawing.panel_0.points.normal
    assert same_colour(circles.fillColor, palette.POINT.colour)
    plain = [p for p in geometry.panels[0].points if p.kind == "normal"]
    pieces = subpaths(circles)
    assert len(pieces) == len(plain) == 15
    for piece, point in zip(pieces, plain, strict=True):
        assert centre(piece) == (pytest.approx(sx(point.x)), pytest.approx(sy(point.y)))


def test_the_centre_line_of_each_part_is_drawn_solid_at_its_mean():
    model = examples.p_chart_two_phases()
    drawing = chart_drawing(model)
    _, sy, _ = plot_mapping(drawing, model)
    centre_lines = line_paths(drawing, palette.MEAN.colour, dash=[])
    assert len(centre_lines) == 2
    for line, summary in zip(centre_lines, model.phases, strict=True):
        assert line.points[1::2] == pytest.approx([sy(summary.centre_line)] * 2)


def test_limits_are_dashed_steps_that_follow_n():
    drawing = chart_drawing(examples.p_chart_two_phases())
    limits = line_paths(drawing, palette.LIMIT.colour, dash=palette.LIMIT.dash)
    assert len(limits) == 4  # upper and lower, two parts
    upper_first = max(limits[:2], key=lambda s: s.points[1])
    xs = upper_first.points[0::2]
    assert len(set(xs)) > 12  # a step for nearly every month
    assert all(b >= a for a, b in zip(xs, xs[1:], strict=False))


def test_warning_limits_are_dotted_and_optional():
    model = examples.p_chart_two_phases()
    def count(drawing):
        return len(line_paths(drawing, palette.WARNING_LIMIT.colour, dash=palette.WARNING_LIMIT.dash))
    assert count(chart_drawing(model)) == 0
    assert count(chart_drawing(model, warning_limits=True)) == 4


def test_the_target_is_a_dash_dot_line_at_its_value():
    model = examples.g_chart_days_between(target=300)
    drawing = chart_drawing(model)
    _, sy, _ = plot_mapping(drawing, model)
    (target,) = line_paths(drawing, palette.TARGET.colour, dash=palette.TARGET.dash)
    assert target.points[1::2] == pytest.approx([sy(300)] * 2)


def test_the_censored_point_is_an_open_circle_at_the_last_place():
    model = examples.g_chart_days_between()
    drawing = chart_drawing(model)
    sx, sy, geometry = plot_mapping(drawing, model)
    censored = drawing.panel_0.points.censored_open
    assert censored.fillColor == white and same_colour(censored.strokeColor, palette.CENSORED.colour)
    (piece,) = subpaths(censored)
    last = geometry.panels[0].points[-1]
    assert centre(piece) == (pytest.approx(sx(last.x)), pytest.approx(sy(last.y)))
    assert drawing.panel_0.points.normal.fillColor != white


def test_a_missing_week_breaks_the_data_line():
    drawing = chart_drawing(examples.chart_with_missing_values())
    connectors = line_paths(drawing, palette.CONNECTOR.colour)
    assert [len(c.points) // 2 for c in connectors] == [5, 17]


def test_the_longest_run_is_a_band_behind_its_points():
    drawing = chart_drawing(examples.run_chart_triage())
    lines = list(shapes(drawing.panel_0.lines, Path))
    assert same_colour(lines[0].strokeColor, palette.LONGEST_RUN.colour)  # drawn first: behind
    assert len(lines[0].points) // 2 == 9


def test_annotations_are_dashed_lines_with_short_labels_above_the_plot():
    model = examples.annotated_run_chart()
    drawing = chart_drawing(model)
    area = drawing.panel_0.plot_area
    labels = [s.text for s in shapes(drawing.panel_0.annotations, String)]
    assert labels == [m.label for m in chart_geometry(model).annotations]
    assert labels[0].startswith("PDSA 1")
    assert all(s.y > area.y + area.height for s in shapes(drawing.panel_0.annotations, String))


def text_boxes(group):
    """Each String under group as (left, bottom, right, top) on the drawing."""
    boxes = []
    for text in shapes(group, String):
        width = stringWidth(text.text, text.fontName, text.fontSize)
        left = text.x - width if text.textAnchor == "end" else text.x
        boxes.append((left, text.y, left + width, text.y + text.fontSize))
    return boxes


def covering(boxes):
    return [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]]


@pytest.mark.parametrize("width, font_size", [(481, 7.5), (300, 7.5), (481, 11)])
def test_labels_of_changes_close_in_time_never_cover_each_other_on_paper(width, font_size):
    drawing = chart_drawing(examples.days_between_with_close_changes(), width=width, font_size=font_size)
    assert len(list(shapes(drawing.panel_0.annotations, String))) == 2
    assert not covering(text_boxes(drawing.panel_0.annotations))


def test_labels_of_changes_stand_clear_of_a_signal_at_the_top_of_the_plot():
    model = examples.annotated_run_chart()
    top = model.points["y"].idxmax()
    frame = model.points.assign(y=model.points["y"].where(model.points.index != top, 20.0))
    frame.loc[top, ["signal", "signal_kind"]] = [True, "improvement"]
    drawing = chart_drawing(dataclasses.replace(model, points=frame))
    area = drawing.panel_0.plot_area
    tallest = max(max(y for piece in subpaths(path) for _, y in piece)
                  for path in drawing.panel_0.points.contents)
    assert tallest > area.y + area.height + 1  # a signal pokes out over the top of the plot
    assert min(box[1] for box in text_boxes(drawing.panel_0.annotations)) >= tallest


def numbered(labels):
    """The change numbers that labels such as "1", "2–4" stand for, in order."""
    numbers = []
    for label in labels:
        first, _, last = label.partition("–")
        numbers += list(range(int(first), int(last or first) + 1)) if label else []
    return numbers


def test_many_changes_are_numbered_on_paper_and_named_above_the_legend():
    changes = tuple(Annotation(date(2026, 3, 2) + timedelta(days=7 * i), f"PDSA {i + 1}: ny plan")
                    for i in range(5))
    drawing = chart_drawing(dataclasses.replace(examples.p_chart_two_phases(), annotations=changes))
    assert numbered(s.text for s in shapes(drawing.panel_0.annotations, String)) == [1, 2, 3, 4, 5]
    assert not covering(text_boxes(drawing.panel_0.annotations))
    notes = [s.text for s in shapes(drawing.annotation_notes, String)]
    assert "1 PDSA 1: ny plan" in notes[0] and "5 PDSA 5: ny plan" in notes[-1]
    legend_top = max(box[3] for box in text_boxes(drawing.legend))
    axis_title = next(s.y for s in shapes(drawing.panel_0.labels, String) if s.text == "Måned")
    assert all(legend_top <= box[1] and box[3] <= axis_title for box in text_boxes(drawing.annotation_notes))


def test_end_labels_on_paper_are_at_least_a_line_apart():
    model = examples.p_chart_two_phases()  # 95 % target close to a 98,4 % upper limit
    for height in (150, 220):
        drawing = chart_drawing(model, height=height, font_size=7.5)
        area = drawing.panel_0.plot_area
        ends = sorted(s.y for s in shapes(drawing.panel_0.labels, String) if s.x > area.x + area.width)
        assert len(ends) == 4
        assert all(b - a >= 7.5 * LINE_SPACING - 1e-6 for a, b in zip(ends, ends[1:], strict=False))


def test_small_multiples_share_their_axes_and_print_y_labels_once():
    drawing = chart_drawing(examples.faceted_run_chart(), height=300)
    areas = [getattr(drawing, f"panel_{i}").plot_area for i in range(3)]
    assert {(a.y, a.height, a.width) for a in areas} == {(areas[0].y, areas[0].height, areas[0].width)}
    y_labels = [[s.text for s in shapes(getattr(drawing, f"panel_{i}").labels, String) if "%" in s.text
                 and s.textAnchor == "end"] for i in range(3)]
    assert y_labels[0] and y_labels[1] == y_labels[2] == []
    titles = [getattr(drawing, f"panel_{i}").labels.panel_title.text for i in range(3)]
    assert titles == list(examples.UNITS)


def test_the_pdf_chart_speaks_danish():
    text = pdf_text(chart_drawing(examples.run_chart_triage(), title="Røde uden handleplan"))
    for expected in ("Røde uden handleplan", "Andel (%)", "Uge", "feb. 26", "maj 26", "Forbedring",
                     "Længste serie", "Median", "24,6"):
        assert expected in text


def test_the_pdf_chart_of_days_between_names_its_axes_and_the_open_interval():
    text = pdf_text(chart_drawing(examples.g_chart_days_between()))
    for expected in ("Dage mellem hændelser", "Hændelsesdato", "Dage siden sidste hændelse (åben)",
                     "Kontrolgrænse", "Mål", "300"):
        assert expected in text


def test_the_pdf_chart_speaks_english_on_request():
    text = pdf_text(chart_drawing(examples.run_chart_triage(), language="en"))
    for expected in ("Share (%)", "Week", "Feb 26", "Improvement", "Longest run", "24.6"):
        assert expected in text


def test_the_pdf_chart_is_vector_with_no_pictures():
    reader = PdfReader(io.BytesIO(renderPDF.drawToString(chart_drawing(examples.p_chart_two_phases()))))
    assert list(reader.pages[0].images) == []


def test_a_drawing_too_small_for_its_panels_says_how_to_fix_it():
    with pytest.raises(ValueError, match="too small for 3 panels.*larger or use fewer columns"):
        chart_drawing(examples.faceted_run_chart(), width=120, height=100)


def test_draws_the_engines_own_model_with_its_signals():
    weeks = pd.date_range("2026-01-05", periods=24, freq="7D")
    model = analyze(pd.DataFrame({"x": weeks, "y": examples.UNPLANNED_RED, "n": examples.RED_TRIAGED}),
                    chart="run", improvement="down")
    drawing = chart_drawing(model)
    signals = subpaths(drawing.panel_0.points.improvement)
    assert len(signals) == int(model.points["signal"].sum()) > 0
    assert "Forbedring" in pdf_text(drawing)


@pytest.mark.parametrize("facets", [
    [None, None, None], ["Nord", "Syd", "Nord"], [None, "Nord"], [np.nan, float("nan"), None],
    ["a", np.nan, "b", np.nan], [],
])
def test_a_facet_column_makes_as_many_panels_as_pandas_counts_values(facets):
    column = np.array(facets, dtype=object)
    assert facet_count(column) == pd.Series(column, dtype=object).nunique(dropna=False)
