"""Details a Danish reader notices: "1 dag", the Danish clock on the cover."""

from datetime import UTC, datetime

from indicators import definition
from reports.wording.formats import local_time
from reports.wording.texts import report_text
from reports.wording.value_text import value_text


def test_one_day_is_a_dag_and_more_are_dage():
    days = definition("tryksaar_dage_mellem")
    assert value_text(1, days) == "1 dag"
    assert value_text(2, days) == "2 dage"
    assert value_text(1, days, language="en") == "1 day"
    assert report_text("chart.days_since.one", "da", days=1) == "1 dag siden sidste hændelse"


def test_a_utc_moment_prints_as_the_danish_clock_reads_it_summer_and_winter():
    assert f"{local_time(datetime(2026, 11, 22, 16, 20, tzinfo=UTC)):%H:%M}" == "17:20"
    assert f"{local_time(datetime(2026, 7, 1, 16, 20, tzinfo=UTC)):%H:%M}" == "18:20"
    assert local_time(datetime(2026, 11, 22, 14, 5)) == datetime(2026, 11, 22, 14, 5)
