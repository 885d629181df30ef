"""The one palette: WCAG 2.1 AA contrast, and meaning never carried by colour alone."""

from typing import get_args

import pytest

from indicators import SignalKind, VerdictKind
from reports.drawing import palette
from reports.drawing.palette import (
    ALL_MARKS,
    GRAPHICS_CONTRAST_AA,
    SIGNAL_MARKS,
    TEXT_CONTRAST_AA,
    VERDICT_MARKS,
    contrast_ratio,
)


def test_contrast_ratio_gives_the_wcag_reference_figures():
    assert contrast_ratio("#000000") == pytest.approx(21.0)
    assert contrast_ratio("#FFFFFF") == pytest.approx(1.0)
    # #767676 is the lightest grey that passes AA for text on white: 4.54:1.
    assert contrast_ratio("#767676") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#777777") < TEXT_CONTRAST_AA


def test_contrast_ratio_is_the_same_whichever_colour_is_in_front():
    assert contrast_ratio("#005AB5", "#FFFFFF") == pytest.approx(contrast_ratio("#FFFFFF", "#005AB5"))


@pytest.mark.parametrize("name", sorted(ALL_MARKS))
def test_every_mark_meets_its_contrast_minimum_against_white(name):
    mark = ALL_MARKS[name]
    assert contrast_ratio(mark.colour) >= mark.minimum_contrast


@pytest.mark.parametrize("name", sorted(set(ALL_MARKS) - {"connector", "longest_run"}))
def test_marks_that_may_colour_text_pass_aa_for_text(name):
    assert ALL_MARKS[name].minimum_contrast == TEXT_CONTRAST_AA
    assert contrast_ratio(ALL_MARKS[name].colour) >= TEXT_CONTRAST_AA


def test_the_data_line_passes_aa_for_graphics():
    assert contrast_ratio(palette.CONNECTOR.colour) >= GRAPHICS_CONTRAST_AA


def test_only_the_decorative_run_band_is_exempt_from_contrast():
    exempt = [name for name, mark in ALL_MARKS.items() if mark.minimum_contrast < GRAPHICS_CONTRAST_AA]
    assert exempt == ["longest_run"]


def test_every_signal_kind_of_the_model_has_a_mark():
    assert set(SIGNAL_MARKS) == set(get_args(SignalKind))


def test_every_verdict_kind_of_the_model_has_a_mark_with_a_glyph_and_words():
    assert set(VERDICT_MARKS) == set(get_args(VerdictKind))
    for mark in VERDICT_MARKS.values():
        assert mark.glyph and mark.word("da") and mark.word("en")


def test_signal_kinds_differ_in_symbol_glyph_and_word_not_only_in_colour():
    marks = [palette.POINT, *SIGNAL_MARKS.values()]
    assert len({m.symbol.name for m in marks}) == len(marks)
    assert len({m.glyph for m in marks}) == len(marks)
    assert len({m.word("da") for m in marks}) == len(marks)
    assert len({m.word("en") for m in marks}) == len(marks)


def test_signal_colours_differ_from_each_other_and_from_plain_points():
    colours = [palette.POINT.colour, *(m.colour for m in SIGNAL_MARKS.values())]
    assert len(set(colours)) == len(colours)


def test_words_are_danish_by_default_and_english_on_request():
    assert palette.IMPROVEMENT.word("da") == "Forbedring"
    assert palette.IMPROVEMENT.word("en") == "Improvement"
    assert palette.DETERIORATION.word("da") == "Forværring"


def test_centre_line_is_called_median_on_run_charts_and_mean_on_control_charts():
    assert palette.line_mark("cl", "median").word("da") == "Median"
    assert palette.line_mark("cl", "mean").word("da") == "Gennemsnit"
    assert palette.line_mark("ucl", "mean") is palette.line_mark("lcl", "mean") is palette.LIMIT


def test_svg_path_turns_the_symbol_upside_down_for_vegas_downward_y():
    assert palette.TRIANGLE_UP.svg_path().startswith("M0,-1 ")
    assert palette.TRIANGLE_DOWN.svg_path().startswith("M0,1 ")
    assert palette.CIRCLE.svg_path() == "circle"


def test_symbols_stay_inside_their_box_give_or_take_the_diamonds_points():
    for symbol in (palette.TRIANGLE_UP, palette.TRIANGLE_DOWN, palette.SQUARE, palette.DIAMOND):
        assert all(abs(x) <= 1 and abs(y) <= 1.15 for x, y in symbol.vertices)


def test_rgb_refuses_a_colour_not_written_as_six_hex_digits():
    with pytest.raises(ValueError, match="#RRGGBB"):
        palette.rgb("#FFF")
