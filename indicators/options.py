"""The options of one analysis, checked once at the door into a frozen object.

The options are written once, as the fields of `AnalysisOptions`: each field's
metadata says what a caller may pass and how that is checked. `make_options`
checks keyword arguments against them, and `option_keywords` shows them as
keyword-only parameters in the signature of `analyze` (for help() and editors).
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from typing import Any, Literal, TypeVar

from indicators.errors import InvalidOptionError

ChartName = Literal["run", "i", "ip", "mr", "xbar", "s", "p", "pp", "c", "u", "up", "g", "t"]
RuleSet = Literal["anhoej", "ihi", "nhs"]
Aggregation = Literal["mean", "median", "sum"]

CHARTS: tuple[str, ...] = ("run", "i", "ip", "mr", "xbar", "s", "p", "pp", "c", "u", "up", "g", "t")
RULE_SETS: tuple[str, ...] = ("anhoej", "ihi", "nhs")
AGGREGATIONS: tuple[str, ...] = ("mean", "median", "sum")
IMPROVEMENT_DIRECTIONS: tuple[str, ...] = ("up", "down")
MEASURES: tuple[str, ...] = ("events", "proportion", "rate", "count", "measurement")

Check = Callable[[str, Any], Any]  # (option name, value given) -> value stored, or InvalidOptionError


def _one_of(allowed: tuple[str, ...], *, optional: bool = False) -> Check:
    def check(name: str, value: object) -> str | None:
        if optional and value is None:
            return None
        if value not in allowed:
            listed = ", ".join(allowed)
            raise InvalidOptionError(
                f"Ugyldig værdi for {name}: {value!r}. Vælg en af {listed}.",
                f"Invalid value for {name}: {value!r}. Choose one of {listed}.",
            )
        return str(value)
    return check


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


def _one_position(name: str, value: object) -> int | None:
    positions = _positions(name, value)  # type: ignore[arg-type]
    if len(positions) > 1:
        raise InvalidOptionError(
            f"Ugyldig værdi for {name}: ét hele tal fra 1, fik {value!r}.",
            f"Invalid value for {name}: one whole number from 1, got {value!r}.",
        )
    return positions[0] if positions else None


def _optional_number(name: str, value: object) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise InvalidOptionError(
            f"Ugyldig værdi for {name}: forventede et endeligt tal, fik {value!r}.",
            f"Invalid value for {name}: expected a finite number, got {value!r}.",
        )
    return float(value)


def _positive_number(name: str, value: object) -> float:
    number = _optional_number(name, value)
    if number is None or number <= 0:
        raise InvalidOptionError(
            f"Ugyldig værdi for {name}: forventede et positivt tal, fik {value!r}.",
            f"Invalid value for {name}: expected a positive number, got {value!r}.",
        )
    return number


def _flag(name: str, value: object) -> bool:
    return bool(value)


def _option(default: object, accepts: str, check: Check) -> Any:
    """A field of AnalysisOptions: its default, what a caller may pass, and its check."""
    return field(default=default, metadata={"accepts": accepts, "check": check})


@dataclass(frozen=True)
class AnalysisOptions:
    """Everything that shapes one analysis besides the data itself."""

    chart: str = _option("run", "str", _one_of(CHARTS))
    rules: str = _option("anhoej", "str", _one_of(RULE_SETS))
    freeze: int | None = _option(None, "int | None", _one_position)
    part: tuple[int, ...] = _option((), "Iterable[int] | int | None", _positions)
    exclude: tuple[int, ...] = _option((), "Iterable[int] | int | None", _positions)
    target: float | None = _option(None, "float | None", _optional_number)
    cl: float | None = _option(None, "float | None", _optional_number)
    multiply: float = _option(1.0, "float", _positive_number)
    agg: str = _option("mean", "str", _one_of(AGGREGATIONS))
    y_neg: bool = _option(True, "bool", _flag)
    screen_mr: bool = _option(True, "bool", _flag)
    improvement: str | None = _option(None, "str | None", _one_of(IMPROVEMENT_DIRECTIONS, optional=True))
    measure: str | None = _option(None, "str | None", _one_of(MEASURES, optional=True))
    # Tavle's board rule for shares near 0 % or 100 % (indicators.skewed_shares); False is qicharts2.
    exact_binomial: bool = _option(False, "bool", _flag)
    # Tavle's board rule for the open interval of a days-between run chart (indicators.open_interval).
    open_interval: bool = _option(False, "bool", _flag)


_FIELDS = fields(AnalysisOptions)
OPTION_NAMES: tuple[str, ...] = tuple(option.name for option in _FIELDS)
# Each option's name, default and check, taken from its field once: every chart checks all.
_CHECKS = tuple((option.name, option.default, option.metadata["check"]) for option in _FIELDS)


def make_options(**options: Any) -> AnalysisOptions:
    """Check every option (the fields of AnalysisOptions, by keyword) into one frozen AnalysisOptions."""
    unknown = [name for name in options if name not in OPTION_NAMES]
    if unknown:
        # The TypeError Python raises for a misspelt keyword, as when analyze spelt them out.
        raise TypeError(f"unexpected keyword argument {unknown[0]!r}; the options are {', '.join(OPTION_NAMES)}")
    return AnalysisOptions(**{name: check(name, options.get(name, default))
                              for name, default, check in _CHECKS})


Function = TypeVar("Function", bound=Callable[..., Any])


def option_keywords(function: Function) -> Function:
    """Show the options as keyword-only parameters of function(data, *, ..., **options).

    They take the place of **options in the signature help() and editors show,
    with their defaults, before the function's own keyword-only parameters.
    """
    signature = inspect.signature(function)
    own = [parameter for parameter in signature.parameters.values()
           if parameter.kind is not inspect.Parameter.VAR_KEYWORD]
    leading = [parameter for parameter in own if parameter.kind is not inspect.Parameter.KEYWORD_ONLY]
    trailing = [parameter for parameter in own if parameter.kind is inspect.Parameter.KEYWORD_ONLY]
    options = [inspect.Parameter(option.name, inspect.Parameter.KEYWORD_ONLY, default=option.default,
                                 annotation=option.metadata["accepts"]) for option in _FIELDS]
    function.__signature__ = signature.replace(parameters=[*leading, *options, *trailing])  # type: ignore[attr-defined]
    return function
