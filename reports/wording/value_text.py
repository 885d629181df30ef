"""An indicator's plotted values as report text: 87,5 %, 1,43 pr. 1000 sengedage, 49 dage."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from indicators import IndicatorDefinition
from reports.wording.formats import LANGUAGES, MISSING, babel_locale, is_missing, percent_suffix

# Decimals printed per measure: shares to a tenth of a per cent, rates per 1000 to
# two decimals (they are small numbers), counts and days whole.
DECIMALS: dict[str, int] = {"proportion": 1, "rate": 2, "count": 0, "events": 0, "measurement": 1}
# From Python's 1,234.5 to the language's own separators (1.234,5), and its minus sign; read
# once from CLDR through Babel.
_SEPARATORS = {language: str.maketrans({",": babel_locale(language).number_symbols["latn"]["group"],
                                        ".": babel_locale(language).number_symbols["latn"]["decimal"]})
               for language in LANGUAGES}
_MINUS = {language: babel_locale(language).number_symbols["latn"]["minusSign"] for language in LANGUAGES}
_QUANTA = {decimals: Decimal(1).scaleb(-decimals) for decimals in range(7)}


def is_percent(definition: IndicatorDefinition) -> bool:
    """Return True when the indicator's values are shares printed in per cent."""
    return definition.measure == "proportion" and definition.multiply == 100


# Units whose singular differs, for a value of exactly 1: "1 dag", not "1 dage".
SINGULAR_UNITS = {"dage": "dag", "days": "day", "døgn": "døgn"}


def value_text(value: float | None, definition: IndicatorDefinition, *, language: str = "da",
               with_unit: bool = True, decimals: int | None = None) -> str:
    """Return a plotted value as printed in tables, with the indicator's unit when asked."""
    if _missing(value):
        return MISSING
    if decimals is None:
        decimals = DECIMALS[definition.measure]
    number = number_text(value, decimals=decimals, language=language)
    if is_percent(definition):
        return number + percent_suffix(language)
    unit = definition.unit_en if language == "en" else definition.unit_da
    if number == "1":
        unit = SINGULAR_UNITS.get(unit, unit)
    return f"{number} {unit}" if with_unit and unit else number


def count_text(count: float | None, *, language: str = "da") -> str:
    """Return a numerator or denominator as a whole number with thousands points."""
    if _missing(count):
        return MISSING
    return number_text(count, decimals=0, language=language)


def _missing(value: object) -> bool:
    """Return True for None and NaN: floats checked directly, the rare rest by pandas."""
    if isinstance(value, float):  # numpy's float64 too
        return math.isnan(value)
    return is_missing(value)


def number_text(value: float, *, decimals: int, language: str = "da") -> str:
    """Return what reports.wording.formats.format_number prints with fixed decimals, six times faster.

    An appendix prints tens of thousands of numbers. The rounding is the same
    (half up, on the number as written) and the symbols are the locale's own.
    """
    if language not in _SEPARATORS:
        babel_locale(language)  # refuses the unknown language with its message
    # Counts and shares repeat across a report's rows; -0.0 equals 0.0 but prints "-0".
    return _number_text(value, decimals, language, math.copysign(1.0, value) < 0)


@lru_cache(maxsize=16384)
def _number_text(value: float, decimals: int, language: str, negative: bool) -> str:
    number = Decimal(str(value))  # as written, so 2,675 rounds up as people expect
    quantum = _QUANTA.get(decimals) or Decimal(1).scaleb(-decimals)
    text = f"{abs(number).quantize(quantum, rounding=ROUND_HALF_UP):,}".translate(_SEPARATORS[language])
    return _MINUS[language] + text if number.is_signed() else text
