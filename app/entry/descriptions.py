"""Say in words what an entry holds: its period ("i uge 47") and its figures ("23 af 25")."""

from __future__ import annotations

import math
from datetime import date

from app.indicator_labels import indicator_label
from app.language import translate
from indicators import IndicatorDefinition
from reports import format_date, format_month, format_number, format_week

FIGURE_FIELDS = ("numerator", "denominator", "value")
# Which figures a measure asks for, in the order the card shows them.
MEASURE_FIELDS: dict[str, tuple[str, ...]] = {
    "proportion": ("numerator", "denominator"),
    "rate": ("numerator", "denominator"),
    "count": ("numerator",),
    "measurement": ("value",),
}


def entry_fields(definition: IndicatorDefinition) -> tuple[str, ...]:
    """Return the figures the card asks for: a count taken from events asks only the exposure."""
    if definition.counted_from:
        return tuple(field for field in MEASURE_FIELDS[definition.measure] if field != "numerator")
    return MEASURE_FIELDS[definition.measure]


def period_phrase(day: date, period: str, *, today: date, language: str) -> str:
    """Return the period that day falls in as a phrase: "i dag", "den 20-11-2026", "i uge 47"."""
    if period == "week":
        return translate("entry.period.week", language, week=format_week(
            day, language=language, with_year=day.isocalendar().year != today.year))
    if period == "month":
        return translate("entry.period.month", language,
                         month=format_month(day, language=language))
    if day == today:
        return translate("entry.period.today", language)
    return translate("entry.period.day", language, date=format_date(day, language=language))


def figure(value: float | None) -> float | None:
    """Return a stored figure as a number, or None where the series holds NaN."""
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else value


def figures_text(definition: IndicatorDefinition, figures: dict[str, float | None],
                 language: str) -> str:
    """Return the figures as the card would say them: "23 af 25", "3 fald / 1.200 sengedage"."""
    shown = {name: format_number(figure(figures.get(name)), language=language)
             for name in FIGURE_FIELDS}
    if definition.measure == "proportion":
        return translate("chart.tooltip.of", language, numerator=shown["numerator"],
                         denominator=shown["denominator"])
    if definition.measure == "rate":
        return translate("entry.figures.rate", language, numerator=shown["numerator"],
                         denominator=shown["denominator"],
                         numerator_label=indicator_label(definition, "numerator", language),
                         denominator_label=indicator_label(definition, "denominator", language))
    if definition.measure == "count":
        return f"{shown['numerator']} {indicator_label(definition, 'numerator', language)}".strip()
    return f"{shown['value']} {indicator_label(definition, 'unit', language)}".strip()


def entry_text(definition: IndicatorDefinition, period: str, figures_or_event: str,
               language: str) -> str:
    """Return "<indicator>, <period>: <figures>" for confirmations and the recent list."""
    name = indicator_label(definition, "name", language)
    return translate("entry.item", language, indicator=f"{name}, {period}",
                     what=figures_or_event)
