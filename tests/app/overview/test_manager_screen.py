"""The manager's overview: funnel ticks that differ, goal progress in whole per cents, a scroll hint."""

from app.overview.funnel_chart import value_axis
from app.overview.goals import PROGRESS_FORMAT
from tests.app.app_pages import open_page


def test_a_narrow_range_of_shares_gets_ticks_that_differ_when_printed():
    axis = value_axis(96.8, 98.9)
    decimals = int(axis["format"].removeprefix(",.").removesuffix("f"))
    printed = [f"{tick:.{decimals}f}" for tick in axis["values"]]
    assert len(set(printed)) == len(printed) and 3 <= len(printed) <= 8
    assert all(96.8 <= tick <= 98.9 for tick in axis["values"])
    wide = value_axis(0.0, 100.0)
    assert wide["values"] == [0.0, 20.0, 40.0, 60.0, 80.0, 100.0] and wide["format"] == ",.0f"


def test_goal_progress_is_whole_per_cents_printed_without_a_decimal_point(monkeypatch,
                                                                          demo_database_url):
    app = open_page("overview.py", monkeypatch, demo_database_url, as_user="demo-leder")
    table = next(frame.value for frame in app.dataframe if "progress" in frame.value.columns)
    progress = table["progress"].dropna()
    assert len(progress) and all(float(p).is_integer() and 0 <= p <= 100 for p in progress)
    assert "." not in PROGRESS_FORMAT % 13.67 and PROGRESS_FORMAT % 13.67 == "13 %"


def test_a_matrix_wider_than_the_screen_says_so_above_it(monkeypatch, demo_database_url):
    app = open_page("overview.py", monkeypatch, demo_database_url, as_user="demo-leder")
    hints = [c.value for c in app.caption if c.value.startswith("↔ Tabellen har ")]
    assert len(hints) == 1 and "rul sidelæns" in hints[0]
