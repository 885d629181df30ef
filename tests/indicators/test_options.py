"""The options are written once, as AnalysisOptions' fields, and checked once at the door."""

from __future__ import annotations

import inspect
from dataclasses import fields

import pytest

from indicators import InvalidOptionError, analyze
from indicators.options import OPTION_NAMES, AnalysisOptions, make_options


def test_analyze_shows_every_option_keyword_only_with_its_default_between_data_and_minimum_points():
    parameters = list(inspect.signature(analyze).parameters.values())
    assert [parameter.name for parameter in parameters] == ["data", *OPTION_NAMES, "minimum_points"]
    assert parameters[0].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
    assert all(parameter.kind is inspect.Parameter.KEYWORD_ONLY for parameter in parameters[1:])
    defaults = {option.name: option.default for option in fields(AnalysisOptions)}
    assert {parameter.name: parameter.default for parameter in parameters[1:-1]} == defaults
    assert "chart: 'str' = 'run'" in str(inspect.signature(analyze))


def test_no_options_give_the_defaults_of_analysis_options():
    assert make_options() == AnalysisOptions()


def test_options_are_checked_into_their_stored_form():
    options = make_options(chart="p", part=12, exclude=[3, 4.0], freeze=None, multiply=100, target=95)
    assert (options.part, options.exclude, options.multiply, options.target) == ((12,), (3, 4), 100.0, 95.0)


def test_a_misspelt_option_is_refused_naming_it_as_python_would():
    with pytest.raises(TypeError, match="'chrt'"):
        analyze([1.0, 2.0, 3.0], chrt="i")


@pytest.mark.parametrize(("name", "value"), [("chart", "x"), ("freeze", [3, 4]), ("multiply", 0),
                                              ("target", float("inf")), ("improvement", "sideways")])
def test_an_invalid_option_is_refused_naming_the_option(name, value):
    with pytest.raises(InvalidOptionError, match=name):
        make_options(**{name: value})
