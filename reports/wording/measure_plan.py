"""The måleplan of an indicator in words ("Om målingen"): what is counted, source, collection,
sample and data owner, as the chart's expander on screen and the report's appendix print it."""

from __future__ import annotations

from indicators import IndicatorDefinition
from reports.wording.texts import report_text

PLAN_FIELDS = ("counts", "source", "collection", "sample", "owner")


def measure_plan(definition: IndicatorDefinition, *, language: str = "da") -> list[tuple[str, str]]:
    """Return the filled-in fields of the måleplan as (label, text), in the plan's order."""
    suffix = "en" if language == "en" else "da"
    return [(report_text(f"plan.{field}", language), value.strip())
            for field in PLAN_FIELDS
            if (value := getattr(definition, f"{field}_{suffix}") or "").strip()]
