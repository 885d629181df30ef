"""The one rule against formulas in files for Excel: an apostrophe in front, taken off on import."""

import pytest

from db.formulas import neutralise, neutralise_cell, unneutralise


@pytest.mark.parametrize("text", ["=1+1", "+45", "-3", "@SUM(A1)", "\tx", " =1", "  @x"])
def test_formula_starts_get_an_apostrophe_that_an_import_takes_off_again(text):
    assert neutralise(text) == "'" + text and unneutralise(neutralise(text)) == text


@pytest.mark.parametrize("text", ["Ny madras", "23 af 25", "'citat'", ""])
def test_ordinary_text_is_left_as_it_is(text):
    assert neutralise(text) == text and unneutralise(text) == text


@pytest.mark.parametrize("value", [3, 0.5, None, -2])
def test_numbers_and_gaps_are_cells_as_they_are(value):
    assert neutralise_cell(value) == value
