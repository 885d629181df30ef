"""Several units' charts become one faceted model, drawn as small multiples on shared axes."""

from dataclasses import replace

import pandas as pd
import pytest

from app.charts.small_multiples import faceted_model
from app.charts.spec import chart_spec
from indicators import Annotation, analyze


def weekly_run(values: list[float], start: str = "2026-01-05"):
    """Return a run chart model of weekly values."""
    frame = pd.DataFrame({"x": pd.date_range(start, periods=len(values), freq="7D"), "y": values})
    return analyze(frame, chart="run")


def test_each_unit_keeps_its_own_points_phases_and_verdict_under_its_name():
    low = weekly_run([1, 2, 3, 2, 1, 2, 3, 2, 1, 2, 3, 2])
    high = weekly_run([10, 12, 11, 13, 10, 12, 11, 12], start="2026-02-02")
    model = faceted_model([("Solbakken", low), ("Akutteamet", high)])
    assert model.points["facet"].value_counts().to_dict() == {"Solbakken": 12, "Akutteamet": 8}
    assert [p.facet for p in model.phases] == ["Solbakken", "Akutteamet"]
    assert model.phases[1].centre_line == high.phases[0].centre_line
    assert model.verdict.da.splitlines() == [f"Solbakken: {low.verdict.da}",
                                             f"Akutteamet: {high.verdict.da}"]


def test_small_multiples_share_one_y_domain_and_one_x_domain():
    low = weekly_run([1, 2, 3, 2, 1, 2, 3, 2, 1, 2, 3, 2])
    high = weekly_run([10, 12, 11, 13, 10, 12, 11, 12], start="2026-02-02")
    spec = chart_spec(faceted_model([("A", low), ("B", high)]), columns=1)
    panels = spec["vconcat"][0]["concat"]
    assert len(panels) == 2
    domains = [(p["encoding"]["x"]["scale"]["domain"], p["encoding"]["y"]["scale"]["domain"])
               for p in panels]
    assert domains[0] == domains[1]
    low_y, high_y = domains[0][1]
    assert low_y <= 1 and high_y >= 13  # both units' values fit the shared axis


def test_a_change_noted_at_one_unit_is_not_drawn_across_the_others():
    noted = replace(weekly_run([1, 2, 3, 2, 1, 2, 3, 2]),
                    annotations=(Annotation(pd.Timestamp("2026-02-02"), "Ny plan"),))
    model = faceted_model([("A", noted), ("B", weekly_run([4, 5, 6, 5, 4, 5, 6, 5]))])
    assert model.annotations == ()


def test_units_on_different_chart_types_are_refused():
    run = weekly_run([1, 2, 3, 2, 1, 2, 3, 2])
    control = analyze(pd.DataFrame({"y": [1.0, 2, 3, 2, 1, 2, 3, 2]}), chart="i")
    with pytest.raises(ValueError, match="different chart types"):
        faceted_model([("A", run), ("B", control)])
