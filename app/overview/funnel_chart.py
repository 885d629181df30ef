"""A funnel plot as a Vega-Lite spec, drawn from indicators.funnel's FunnelResult.

Units are points labelled with their names, on one value axis and one
denominator axis; the 95 % and 99.8 % limits fan out around the common level.
A unit outside the 99.8 % limits gets the palette's improvement or deterioration
symbol and colour (a special-cause diamond without a direction); every other
unit is a plain point. The legend and tooltip say it in words.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from app.indicator_labels import indicator_label
from app.language import text
from indicators import FunnelResult, IndicatorDefinition
from reports import (
    d3_number_locale,
    format_number,
    is_percent,
    number_ticks,
    palette,
    tick_decimals,
)

VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
WIDTH, HEIGHT = 720, 440
LABEL_FONT = 12
# Up to this many units every point carries its name; beyond it only the outliers do
# (the names of two hundred units would cover the funnel), and the tooltip names the rest.
NAMED_UNITS = 15


def _status(position: str, judgement: object) -> str:
    """The legend word of a unit's place in the funnel."""
    if position not in ("above_control", "below_control"):
        return "inside"
    return judgement if judgement in ("better", "worse") else "outside"


def _marks() -> dict[str, palette.Mark]:
    return {"inside": palette.POINT, "better": palette.IMPROVEMENT,
            "worse": palette.DETERIORATION, "outside": palette.NEUTRAL}


# About this many value ticks: Vega's own choice on a narrow range of shares printed
# "98, 98, 98, 97" (ticks half a per cent apart, shown without decimals) and 33 of them.
VALUE_TICKS = 6


def value_axis(low: float, high: float) -> dict:
    """Return the value axis: round ticks within low..high, with the decimals that tell them apart."""
    ticks = [t for t in number_ticks(low, high, VALUE_TICKS) if low <= t <= high]
    decimals = tick_decimals(ticks[1] - ticks[0]) if len(ticks) > 1 else 0
    return {"values": ticks, "format": f",.{decimals}f"}


def funnel_spec(result: FunnelResult, definition: IndicatorDefinition, *,
                language: str = "da") -> dict:
    """Return the Vega-Lite spec of a funnel plot of one indicator across units."""
    words = {key: text(f"overview.funnel.{key}") for key in _marks()}
    marks = _marks()
    units = result.units.assign(status=[words[_status(p, j)] for p, j in
                                        zip(result.units["position"], result.units["judgement"],
                                            strict=True)])
    number_format = ".0f" if is_percent(definition) else ".2f"
    value_title = "%" if is_percent(definition) else indicator_label(definition, "unit", language)
    x_title = indicator_label(definition, "denominator", language)
    curve = result.curve
    limit_rows = []
    for column, key in (("lower_warning", "warning"), ("upper_warning", "warning"),
                        ("lower_control", "control"), ("upper_control", "control")):
        limit_rows += [{"denominator": float(n), "value": float(v), "line": column,
                        "kind": text(f"overview.funnel.{key}")}
                       for n, v in zip(curve["denominator"], curve[column], strict=True)]
    top = max(float(np.nanmax(curve["upper_control"])), float(units["value"].max()))
    bottom = min(float(np.nanmin(curve["lower_control"])), float(units["value"].min()))
    if is_percent(definition):
        top = min(top, 100.0)
    # The axis spans the curves (half the smallest denominator to a quarter past the largest),
    # so units of alike size are not squeezed into a corner of a funnel that starts at 0.
    x = {"field": "denominator", "type": "quantitative", "title": x_title,
         "scale": {"zero": False, "nice": False,
                   "domain": [float(curve["denominator"].min()), float(curve["denominator"].max())]}}
    y_scale = {"zero": False, "domain": [max(bottom - (top - bottom) * 0.05, 0.0),
                                         top + (top - bottom) * 0.05], "nice": False}
    y = {"field": "value", "type": "quantitative", "title": value_title, "scale": y_scale,
         "axis": value_axis(*y_scale["domain"])}
    limits_layer = {
        "data": {"values": limit_rows},
        "mark": {"type": "line", "clip": True},
        "encoding": {
            "x": x, "y": y, "detail": {"field": "line"},
            "color": {"field": "kind", "type": "nominal", "legend": None,
                      "scale": {"domain": [text("overview.funnel.warning"), text("overview.funnel.control")],
                                "range": [palette.WARNING_LIMIT.colour, palette.LIMIT.colour]}},
            "strokeDash": {"field": "kind", "type": "nominal", "legend": None,
                           "scale": {"domain": [text("overview.funnel.warning"),
                                                text("overview.funnel.control")],
                                     "range": [list(palette.WARNING_LIMIT.dash),
                                               list(palette.LIMIT.dash)]}},
        },
    }
    benchmark_layer = {
        "data": {"values": [{"value": result.benchmark, "label": text("overview.funnel.benchmark")}]},
        "mark": {"type": "rule", "color": palette.MEAN.colour, "strokeWidth": 1.6},
        "encoding": {"y": {"field": "value", "type": "quantitative", "scale": y_scale}},
    }
    rows = [{"unit": str(row.label), "value": float(row.value), "denominator": float(row.denominator),
             "numerator": float(row.numerator), "status": row.status}
            for row in units.itertuples()]
    order = [words[key] for key in marks]
    points_layer = {
        "data": {"values": rows},
        "mark": {"type": "point", "filled": True, "size": 110, "opacity": 1},
        "encoding": {
            "x": x, "y": y,
            "color": {"field": "status", "type": "nominal", "title": None,
                      "scale": {"domain": order, "range": [m.colour for m in marks.values()]},
                      "legend": {"orient": "bottom", "labelFontSize": LABEL_FONT}},
            "shape": {"field": "status", "type": "nominal", "title": None,
                      "scale": {"domain": order,
                                "range": [m.symbol.svg_path() for m in marks.values()]}},
            "tooltip": [
                {"field": "unit", "title": text("overview.funnel.unit")},
                {"field": "value", "title": text("overview.funnel.value"), "format": number_format},
                {"field": "numerator", "title": indicator_label(definition, "numerator", language),
                 "format": ",.0f"},
                {"field": "denominator", "title": x_title, "format": ",.0f"},
                {"field": "status", "title": "Status"},
            ],
        },
    }
    named = rows if len(rows) <= NAMED_UNITS else [
        row for row in rows if row["status"] != words["inside"]]
    labels_layer = {
        "data": {"values": named},
        "mark": {"type": "text", "align": "left", "dx": 8, "dy": -6, "fontSize": LABEL_FONT,
                 "color": "#262626"},
        "encoding": {"x": x, "y": y, "text": {"field": "unit"}},
    }
    # The lines say what they are at their right end, so no legend is needed for them.
    end = float(curve["denominator"].iloc[-1])
    benchmark_text = format_number(result.benchmark, language=language,
                                   decimals=0 if is_percent(definition) else 2)
    line_labels = [
        {"denominator": end, "value": float(curve["upper_warning"].iloc[-1]),
         "text": text("overview.funnel.warning")},
        {"denominator": end, "value": float(curve["upper_control"].iloc[-1]),
         "text": text("overview.funnel.control")},
        {"denominator": end, "value": result.benchmark,
         "text": f"{text('overview.funnel.benchmark')} {benchmark_text}"},
    ]
    line_labels_layer = {
        "data": {"values": line_labels},
        "mark": {"type": "text", "align": "right", "dy": -6, "fontSize": LABEL_FONT - 1,
                 "color": palette.LIMIT.colour},
        "encoding": {"x": x, "y": y, "text": {"field": "text"}},
    }
    return {
        "$schema": VEGA_LITE_SCHEMA,
        "width": WIDTH, "height": HEIGHT,
        "layer": [limits_layer, benchmark_layer, line_labels_layer, points_layer, labels_layer],
        "resolve": {"scale": {"color": "independent", "shape": "independent",
                              "strokeDash": "independent"}},
        "autosize": {"type": "fit-x", "contains": "padding"},
        "config": {"locale": {"number": d3_number_locale(language)},
                   "axis": {"labelFontSize": LABEL_FONT, "titleFontSize": LABEL_FONT,
                            "titleFontWeight": "normal", "labelColor": "#262626",
                            "titleColor": "#262626"},
                   "view": {"stroke": None}},
    }


def outlier_names(result: FunnelResult) -> pd.Series:
    """The names of the units outside the 99.8 % limits."""
    return result.outliers["label"]
