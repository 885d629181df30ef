"""An indicator's plotted values as report text: 87,5 %, 1,43 pr. 1000 sengedage, 49 dage."""

from __future__ import annotations

from indicators.catalogue import IndicatorDefinition
from reports.formats import MISSING, format_number, is_missing, percent_suffix

# Decimals printed per measure: shares to a tenth of a per cent, rates per 1000 to
# two decimals (they are small numbers), counts and days whole.
DECIMALS: dict[str, int] = {"proportion": 1, "rate": 2, "count": 0, "events": 0, "measurement": 1}


def is_percent(definition: IndicatorDefinition) -> bool:
    """Return True when the indicator's values are shares printed in per cent."""
    return definition.measure == "proportion" and definition.multiply == 100


def value_text(value: float | None, definition: IndicatorDefinition, *, language: str = "da",
               with_unit: bool = True, decimals: int | None = None) -> str:
    """Return a plotted value as printed in tables, with the indicator's unit when asked."""
    if is_missing(value):
        return MISSING
    if decimals is None:
        decimals = DECIMALS[definition.measure]
    number = format_number(value, language=language, decimals=decimals)
    if is_percent(definition):
        return number + percent_suffix(language)
    unit = definition.unit_en if language == "en" else definition.unit_da
    return f"{number} {unit}" if with_unit and unit else number


def count_text(count: float | None, *, language: str = "da") -> str:
    """Return a numerator or denominator as a whole number with thousands points."""
    if is_missing(count):
        return MISSING
    return format_number(count, language=language, decimals=0)
