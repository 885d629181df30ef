"""The options of one analysis, checked once at the door into a frozen object."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from indicators.errors import InvalidOptionError

ChartName = Literal["run", "i", "ip", "mr", "xbar", "s", "p", "pp", "c", "u", "up", "g", "t"]
RuleSet = Literal["anhoej", "ihi", "nhs"]
Aggregation = Literal["mean", "median", "sum"]

CHARTS: tuple[str, ...] = ("run", "i", "ip", "mr", "xbar", "s", "p", "pp", "c", "u", "up", "g", "t")
RULE_SETS: tuple[str, ...] = ("anhoej", "ihi", "nhs")
AGGREGATIONS: tuple[str, ...] = ("mean", "median", "sum")
IMPROVEMENT_DIRECTIONS: tuple[str, ...] = ("up", "down")
MEASURES: tuple[str, ...] = ("events", "proportion", "rate", "count", "measurement")


@dataclass(frozen=True)
class AnalysisOptions:
    """Everything that shapes one analysis besides the data itself."""

    chart: str = "run"
    rules: str = "anhoej"
    freeze: int | None = None
    part: tuple[int, ...] = ()
    exclude: tuple[int, ...] = ()
    target: float | None = None
    cl: float | None = None
    multiply: float = 1.0
    agg: str = "mean"
    y_neg: bool = True
    screen_mr: bool = True
    improvement: str | None = None
    measure: str | None = None


def _choice(name: str, value: object, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        listed = ", ".join(allowed)
        raise InvalidOptionError(
            f"Ugyldig værdi for {name}: {value!r}. Vælg en af {listed}.",
            f"Invalid value for {name}: {value!r}. Choose one of {listed}.",
        )
    return str(value)


def _positions(name: str, values: Iterable[object] | int | None) -> tuple[int, ...]:
    if values is None:
        return ()
    if isinstance(values, (int, float)) and not isinstance(values, bool):
        values = [values]
    positions = []
    for value in values:  # type: ignore[union-attr]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != int(value) or value < 1:
            raise InvalidOptionError(
                f"Ugyldig værdi for {name}: positioner er hele tal fra 1, fik {value!r}.",
                f"Invalid value for {name}: positions are whole numbers from 1, got {value!r}.",
            )
        positions.append(int(value))
    return tuple(positions)


def _optional_number(name: str, value: object) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise InvalidOptionError(
            f"Ugyldig værdi for {name}: forventede et endeligt tal, fik {value!r}.",
            f"Invalid value for {name}: expected a finite number, got {value!r}.",
        )
    return float(value)


def make_options(
    *,
    chart: str = "run",
    rules: str = "anhoej",
    freeze: int | None = None,
    part: Iterable[int] | int | None = None,
    exclude: Iterable[int] | int | None = None,
    target: float | None = None,
    cl: float | None = None,
    multiply: float = 1.0,
    agg: str = "mean",
    y_neg: bool = True,
    screen_mr: bool = True,
    improvement: str | None = None,
    measure: str | None = None,
) -> AnalysisOptions:
    """Check every option and return them as one frozen AnalysisOptions."""
    freeze_positions = _positions("freeze", freeze)
    if len(freeze_positions) > 1:
        raise InvalidOptionError(
            f"Ugyldig værdi for freeze: ét hele tal fra 1, fik {freeze!r}.",
            f"Invalid value for freeze: one whole number from 1, got {freeze!r}.",
        )
    multiply_value = _optional_number("multiply", multiply)
    if multiply_value is None or multiply_value <= 0:
        raise InvalidOptionError(
            f"Ugyldig værdi for multiply: forventede et positivt tal, fik {multiply!r}.",
            f"Invalid value for multiply: expected a positive number, got {multiply!r}.",
        )
    return AnalysisOptions(
        chart=_choice("chart", chart, CHARTS),
        rules=_choice("rules", rules, RULE_SETS),
        freeze=freeze_positions[0] if freeze_positions else None,
        part=_positions("part", part),
        exclude=_positions("exclude", exclude),
        target=_optional_number("target", target),
        cl=_optional_number("cl", cl),
        multiply=multiply_value,
        agg=_choice("agg", agg, AGGREGATIONS),
        y_neg=bool(y_neg),
        screen_mr=bool(screen_mr),
        improvement=None if improvement is None else _choice("improvement", improvement, IMPROVEMENT_DIRECTIONS),
        measure=None if measure is None else _choice("measure", measure, MEASURES),
    )
