"""Which chart types an indicator may be drawn with, by what it measures."""

from indicators import chart_choices


def test_chart_choices_put_the_indicators_own_chart_first_and_offer_only_what_suits_the_measure():
    assert chart_choices("proportion", "p") == ("p", "run", "pp", "i")
    assert chart_choices("events", "run") == ("run", "g", "t")
    assert "p" not in chart_choices("rate", "u")
    assert chart_choices("unknown measure", "run") == ("run",)
