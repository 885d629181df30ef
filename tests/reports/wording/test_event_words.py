"""The event a "days since the last …" counter counts reads as Danish puts it after "sidste"."""

import pytest

from reports.wording.event_words import event_after_last


@pytest.mark.parametrize(("event", "after_last"), [
    ("nyt tryksår", "nye tryksår"),
    ("Nyt tryksår", "nye tryksår"),
    ("forebyggelig indlæggelse", "forebyggelige indlæggelse"),
    ("alvorlig medicineringsfejl", "alvorlige medicineringsfejl"),
    ("fald", "fald"),
    ("Lungebetændelse", "lungebetændelse"),
    ("", ""),
])
def test_the_event_takes_the_definite_form_in_lower_case(event, after_last):
    assert event_after_last(event, "da") == after_last


def test_english_events_are_only_lower_cased():
    assert event_after_last("New pressure ulcer", "en") == "new pressure ulcer"
