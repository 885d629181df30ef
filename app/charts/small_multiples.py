"""Put several units' charts of one indicator side by side as one faceted chart model.

Each unit keeps the model the engine made for it (its own baseline, phases and
verdict); here they are only stacked, one facet per unit, so the renderer draws
them as small multiples on one shared x and y axis, with one legend. Nothing is
recomputed. Annotations are left off: a change noted at one unit would be drawn
across every panel; the page lists them under the chart instead.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from indicators import ChartModel, Verdict


def faceted_model(models: list[tuple[str, ChartModel]]) -> ChartModel:
    """Return one model with a facet per (label, model); every model must use one chart type."""
    if not models:
        raise ValueError("faceted_model needs at least one model")
    charts = {model.chart for _, model in models}
    if len(charts) > 1:
        raise ValueError(f"the models use different chart types: {sorted(charts)}")
    first = models[0][1]
    points = pd.concat([model.points.assign(facet=label) for label, model in models],
                       ignore_index=True)
    phases = tuple(replace(phase, facet=label) for label, model in models for phase in model.phases)
    targets = {model.target for _, model in models}
    return replace(
        first,
        points=points,
        phases=phases,
        verdict=joined_verdict(models),
        target=targets.pop() if len(targets) == 1 else None,
        recommendation=None,
        annotations=(),
    )


def joined_verdict(models: list[tuple[str, ChartModel]]) -> Verdict:
    """Return each unit's verdict on a line of its own, under the unit's name."""
    kinds = {model.verdict.kind for _, model in models}
    return Verdict(
        kind=kinds.pop() if len(kinds) == 1 else "neutral",
        da="\n".join(f"{label}: {model.verdict.da}" for label, model in models),
        en="\n".join(f"{label}: {model.verdict.en}" for label, model in models),
    )
