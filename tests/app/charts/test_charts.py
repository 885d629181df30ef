"""The screen chart: a Vega-Lite spec in Danish, drawn from the same geometry and palette as paper."""

import dataclasses
import re
from datetime import date, timedelta

import pytest
from reportlab.lib.colors import white
from reportlab.pdfbase.pdfmetrics import stringWidth

from app.charts.spec import LARGE, STANDARD, altair_chart, chart_spec
from indicators import Annotation
from reports import chart_drawing, chart_geometry, palette
from tests import chart_examples as examples
from tests.reports.pdf.test_chart_drawing import numbered, subpaths

NO_BREAK_SPACE = "\u00a0"


def layers(spec, description):
    return [layer for layer in spec["layer"] if layer.get("description") == description]


def rows(spec, description):
    (layer,) = layers(spec, description)
    return layer["data"]["values"]


def test_months_and_numbers_print_danish_through_the_vega_locale():
    locale = chart_spec(examples.run_chart_triage())["config"]["locale"]
    assert locale["time"]["shortMonths"][:2] == ["jan.", "feb."]
    assert locale["time"]["months"][4] == "maj"
    assert (locale["number"]["decimal"], locale["number"]["thousands"]) == (",", ".")


def test_english_locale_on_request():
    locale = chart_spec(examples.run_chart_triage(), language="en")["config"]["locale"]
    assert locale["time"]["shortMonths"][0] == "Jan" and locale["number"]["decimal"] == "."


def test_the_x_axis_shows_the_papers_ticks_with_a_danish_date_format():
    model = examples.p_chart_two_phases()
    axis = chart_spec(model)["encoding"]["x"]["axis"]
    geometry = chart_geometry(model)
    assert len(axis["values"]) == len(geometry.x_axis.ticks)
    assert axis["values"][0] == "2025-01-01T00:00:00"
    assert axis["format"] == "%b %y" and axis["title"] == "Måned"


def test_the_y_axis_prints_percent_with_the_papers_decimals_and_sign():
    axis = chart_spec(examples.run_chart_triage())["encoding"]["y"]["axis"]
    assert axis["values"] == [0.0, 0.1, 0.2, 0.3, 0.4]
    assert axis["labelExpr"] == f"format(datum.value * 100, ',.0f') + '{NO_BREAK_SPACE}%'"
    assert axis["title"] == "Andel (%)"


def test_each_part_has_its_own_centre_line_at_its_mean():
    model = examples.p_chart_two_phases()
    centre = rows(chart_spec(model), "cl")
    by_part = {part: [r["y"] for r in centre if r["part"] == part] for part in (1, 2)}
    for summary in model.phases:
        assert by_part[summary.part] == pytest.approx([summary.centre_line] * 2)
    (layer,) = layers(chart_spec(model), "cl")
    assert layer["mark"]["color"] == palette.MEAN.colour and layer["mark"]["strokeDash"] == []


def test_limits_are_dashed_steps_in_the_palettes_colour():
    (layer,) = layers(chart_spec(examples.p_chart_two_phases()), "ucl")
    assert layer["mark"]["color"] == palette.LIMIT.colour
    assert layer["mark"]["strokeDash"] == pytest.approx([d * STANDARD.line_scale for d in palette.LIMIT.dash])
    first_part = [r for r in layer["data"]["values"] if r["part"] == 1]
    assert len({r["x"] for r in first_part}) > 12
    assert layer["encoding"]["order"] == {"field": "order", "type": "quantitative"}


def test_signal_points_carry_the_signal_colour_symbol_and_word():
    points = rows(chart_spec(examples.run_chart_triage()), "points")
    signals = [p for p in points if p["kind"] == "improvement"]
    assert len(signals) == 9
    assert {p["colour"] for p in signals} == {palette.IMPROVEMENT.colour}
    assert {p["shape"] for p in signals} == {palette.TRIANGLE_UP.svg_path()}
    assert {p["signal"] for p in signals} == {"▲ Forbedring"}


def test_the_tooltip_says_period_value_count_and_note():
    points = rows(chart_spec(examples.run_chart_triage()), "points")
    first = points[0]
    assert (first["period"], first["value"], first["count"]) == ("uge 2, 2026", f"30,0{NO_BREAK_SPACE}%", "9 af 30")
    noted = rows(chart_spec(examples.annotated_run_chart()), "points")[3]
    assert (noted["period"], noted["note"]) == ("september 2025", "Ny medarbejder på nattevagt")
    (layer,) = layers(chart_spec(examples.run_chart_triage()), "points")
    assert [t["title"] for t in layer["encoding"]["tooltip"]] == ["Periode", "Værdi", "Tæller / nævner",
                                                                 "Note", "Signal"]


def test_the_tooltip_speaks_english_on_request():
    first = rows(chart_spec(examples.run_chart_triage(), language="en"), "points")[0]
    assert (first["period"], first["value"], first["count"]) == ("week 2, 2026", "30.0%", "9 of 30")


def test_the_tooltip_dates_a_days_between_point_by_its_day():
    points = rows(chart_spec(examples.g_chart_days_between()), "points")
    assert [p["period"] for p in points[-2:]] == ["21-08-2026", "01-12-2026"]
    english = rows(chart_spec(examples.g_chart_days_between(), language="en"), "points")
    assert english[-1]["period"] == "1 Dec 2026"


def test_the_censored_point_is_drawn_open():
    last = rows(chart_spec(examples.g_chart_days_between()), "points")[-1]
    assert (last["fill"], last["colour"]) == ("#FFFFFF", palette.CENSORED.colour)
    assert last["signal"] == palette.CENSORED.word("da")


def test_target_and_annotations_are_drawn_with_labels():
    spec = chart_spec(examples.annotated_run_chart())
    (target,) = layers(spec, "target")
    assert {r["y"] for r in target["data"]["values"]} == {7.0}
    assert target["mark"]["color"] == palette.TARGET.colour
    assert [r["x"] for r in rows(spec, "annotations")] == ["2026-01-01T00:00:00", "2026-02-01T00:00:00",
                                                           "2026-06-01T00:00:00"]
    labels = [r["label"] for layer in layers(spec, "annotation_labels") for r in layer["data"]["values"]]
    assert sorted(labels) == sorted(m.label for m in chart_geometry(examples.annotated_run_chart()).annotations)


def test_small_multiples_share_their_axes_and_keep_the_legend_in_a_row_of_its_own():
    spec = chart_spec(examples.faceted_run_chart())
    panels = spec["vconcat"][0]["concat"]
    assert [p["title"]["text"] for p in panels] == list(examples.UNITS)
    assert len({str(p["encoding"]["y"]["scale"]) for p in panels}) == 1
    assert len({str(p["encoding"]["x"]["scale"]) for p in panels}) == 1
    assert [p["encoding"]["y"]["axis"].get("labels", True) for p in panels] == [True, False, False]
    legend = spec["vconcat"][1]["layer"]
    assert any(layer.get("description") == "legend_improvement" for layer in legend)


def rendered(spec, container_width):
    """Return the chart as vl-convert draws it in a container that wide, as Streamlit's "stretch"."""
    import vl_convert
    return vl_convert.vegalite_to_svg({**spec, "width": container_width})


def plot_width(svg):
    """Return the length of the x axis's line: the plot's width as Vega laid it out."""
    return float(re.search(r'role-axis-domain[^>]*><line transform="translate\(0,\d+\)" x2="([\d.]+)"',
                           svg).group(1))


@pytest.mark.parametrize("large, container", [(False, 820), (True, 720), (True, 920)])
def test_one_chart_fills_its_container_and_its_legend_wraps_under_the_plot(large, container):
    # Before, the legend ran in one row wider than the plot and Vega shrank the plot to make room.
    spec = chart_spec(examples.p_chart_two_phases(), warning_limits=True, large=large)
    svg = rendered(spec, container)
    assert f'width="{container}"' in svg.split(">", 1)[0]  # nothing spills past the container
    margins = 130 if not large else 210  # the y axis's labels left, the lines' values right
    assert plot_width(svg) >= container - margins
    height = float(re.search(r'height="([\d.]+)"', svg).group(1))
    left, top = map(float, re.search(r'transform="translate\(([\d.]+),([\d.]+)\)"', svg).groups())
    font = (LARGE if large else STANDARD).font
    for item in chart_geometry(examples.p_chart_two_phases(), warning_limits=True).legend:
        # whole, not cut off at the right ("Advarselsgrænse (2 sigma"), nor below the chart
        x, y = map(float, re.search(r'translate\(([\d.]+),([\d.]+)\)"[^>]*>' + re.escape(item.text)
                                    + "</text>", svg).groups())
        assert left + x + stringWidth(item.text, "Helvetica", font) <= container
        assert top + y + font * 0.3 <= height  # the text is centred on y


def test_the_legend_wraps_into_rows_and_draws_closer_in_a_narrower_plot():
    spec = chart_spec(examples.p_chart_two_phases(), warning_limits=True)
    texts = [layer for layer in spec["layer"] if layer.get("description") == "legend_text"]
    rows_used = {layer["encoding"]["y"]["value"]["expr"] for layer in texts}
    assert 1 < len(rows_used) < len(texts)  # several rows, several entries a row
    assert all("width / " in layer["encoding"]["x"]["value"]["expr"] for layer in texts)
    assert all("width / " in layer["mark"]["limit"]["expr"] for layer in texts)


def test_small_multiples_wrap_their_legend_to_the_panels_width():
    import vl_convert
    spec = chart_spec(examples.faceted_run_chart(), columns=1, large=True, width=300)
    panels, legend = spec["vconcat"]
    assert legend["width"] == panels["concat"][0]["width"] == 300
    assert legend["height"] == pytest.approx(3 * LARGE.font * 1.6)  # one entry a row in 24-pixel letters
    svg = vl_convert.vegalite_to_svg(spec)
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert {"Forbedring", "Længste serie", "Median"} <= set(texts)


def test_end_labels_on_the_wall_board_are_a_line_apart_in_pixels():
    # "100,0 %" was printed over "95,0 %" on the board: 24-pixel letters on a 340-pixel plot.
    spec = chart_spec(examples.p_chart_two_phases(), large=True, height=340)
    low, high = spec["encoding"]["y"]["scale"]["domain"]
    pixels = sorted(row["y"] / (high - low) * 340 for row in rows(spec, "end_labels"))
    assert len(pixels) == 4
    assert all(b - a >= LARGE.font * 1.2 - 1e-6 for a, b in zip(pixels, pixels[1:], strict=False))


def test_many_changes_are_numbered_on_screen_and_named_under_the_plot():
    changes = tuple(Annotation(date(2026, 3, 2) + timedelta(days=7 * i), f"PDSA {i + 1}: ny plan")
                    for i in range(4))
    spec = chart_spec(dataclasses.replace(examples.p_chart_two_phases(), annotations=changes), large=True)
    labels = [r["label"] for layer in layers(spec, "annotation_labels") for r in layer["data"]["values"]]
    assert numbered(sorted(labels, key=lambda label: int(label.split("–")[0]) if label else 0)) == [1, 2, 3, 4]
    notes = [layer["data"]["values"][0]["text"] for layer in layers(spec, "annotation_notes")]
    assert notes and notes[0].startswith("1 PDSA 1: ny plan")
    assert [r["text"] for r in rows(spec, "annotations")] == [f"PDSA {i + 1}: ny plan" for i in range(4)]


def test_the_wall_board_variant_has_bigger_letters_points_and_lines():
    model = examples.run_chart_triage()
    small, large = chart_spec(model), chart_spec(model, large=True)
    assert large["config"]["axis"]["labelFontSize"] >= 2 * small["config"]["axis"]["labelFontSize"] - 2
    assert rows(large, "points")[0]["size"] > 3 * rows(small, "points")[0]["size"]
    assert large["width"] == LARGE.width and small["width"] == STANDARD.width


def test_signals_are_bigger_than_plain_points():
    points = rows(chart_spec(examples.run_chart_triage()), "points")
    plain = next(p for p in points if p["kind"] == "normal")
    signal = next(p for p in points if p["kind"] == "improvement")
    assert signal["size"] > plain["size"]


def symbol_name(piece: list[tuple[float, float]], has_curves: bool) -> str:
    """Name a symbol drawn on paper by the palette symbol it was drawn from."""
    if has_curves:
        return "circle"
    ys = [y for _, y in piece]
    if len(piece) == 3:  # the apex is the corner alone at the top or the bottom
        return "triangle_up" if sorted(ys)[1] == min(ys) else "triangle_down"
    return "diamond" if len({x for x, _ in piece}) == 3 else "square"


@pytest.mark.parametrize("name", sorted(examples.all_examples()))
def test_screen_and_paper_draw_every_point_with_the_same_palette_colour_and_symbol(name):
    model = examples.all_examples()[name]
    spec = chart_spec(model)
    panels = spec["vconcat"][0]["concat"] if "vconcat" in spec else [spec]
    drawing = chart_drawing(model, height=320)
    for index, panel in enumerate(panels):
        on_screen: dict[str, list[dict]] = {}
        for point in rows(panel, "points"):
            is_open = point["fill"] == "#FFFFFF"
            on_screen.setdefault(point["kind"] + ("_open" if is_open else ""), []).append(point)
        paper = getattr(drawing, f"panel_{index}").points
        assert len(paper.contents) == len(on_screen)  # one path per kind of point
        for key, points in on_screen.items():
            path = getattr(paper, key)
            pieces = subpaths(path)
            assert len(pieces) == len(points)
            assert {p["colour"] for p in points} == {"#" + path.strokeColor.hexval()[2:].upper()}
            assert (path.fillColor == white) == key.endswith("_open")
            mark = palette.POINT_MARKS[points[0]["kind"]]
            assert {p["shape"] for p in points} == {mark.symbol.svg_path()}
            assert symbol_name(pieces[0], 2 in path.operators) == mark.symbol.name


def test_altair_chart_is_valid_vega_lite_drawing_the_same_layers_as_the_spec():
    model = examples.p_chart_two_phases()
    spec = chart_spec(model, warning_limits=True)
    validated = altair_chart(model, warning_limits=True).to_dict()  # validates against the schema
    # Altair moves inline data into named datasets; read them back to compare.
    for ours, theirs in zip(spec["layer"], validated["layer"], strict=True):
        assert theirs["mark"] == ours["mark"]
        assert validated["datasets"][theirs["data"]["name"]] == ours["data"]["values"]
    assert validated["encoding"] == spec["encoding"]
    assert validated["config"]["locale"] == spec["config"]["locale"]


def test_small_multiples_are_valid_vega_lite_too():
    altair_chart(examples.faceted_run_chart(), large=True).to_dict()


def test_rendered_chart_shows_danish_months_and_numbers():
    import vl_convert
    svg = vl_convert.vegalite_to_svg(chart_spec(examples.run_chart_triage()))
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    for expected in ("feb. 26", "maj 26", f"24,6{NO_BREAK_SPACE}%", f"30{NO_BREAK_SPACE}%", "Forbedring", "Uge"):
        assert expected in [t.replace("&#160;", NO_BREAK_SPACE) for t in texts]
    assert not any(t.startswith(("Feb", "May")) for t in texts)
