"""Exposure units: a bed-day rate reworded for resident days or citizens served, nothing else."""

import pytest

from indicators import EXPOSURES, definition, names_in_every_exposure, with_exposure

FALLS = definition("fald_pr_1000_sengedage")


def test_a_care_home_counts_falls_per_1000_resident_days():
    worded = with_exposure(FALLS, "beboerdoegn")
    assert (worded.name_da, worded.unit_da, worded.denominator_da) == (
        "Fald pr. 1000 beboerdøgn", "pr. 1000 beboerdøgn", "beboerdøgn")
    assert (worded.name_en, worded.unit_en, worded.denominator_en) == (
        "Falls per 1000 resident days", "per 1000 resident days", "resident days")


def test_home_care_counts_falls_per_1000_citizens_served():
    worded = with_exposure(FALLS, "borgere")
    assert worded.name_da == "Fald pr. 1000 visiterede borgere"
    assert worded.denominator_da == "visiterede borgere"


def test_the_figures_and_the_chart_stay_as_they_are():
    worded = with_exposure(FALLS, "beboerdoegn")
    assert (worded.code, worded.measure, worded.chart, worded.multiply, worded.goal,
            worded.counted_from) == (FALLS.code, FALLS.measure, FALLS.chart, FALLS.multiply,
                                      FALLS.goal, FALLS.counted_from)


@pytest.mark.parametrize("code", ["kateter_uvi_pr_1000_kateterdage", "tryksaar_bundt",
                                  "tryksaar_dage_mellem", "medicinfejl_pr_maaned"])
def test_catheter_days_shares_events_and_counts_are_not_reworded(code):
    assert with_exposure(definition(code), "beboerdoegn") == definition(code)


def test_bed_days_leave_the_catalogue_as_it_is():
    assert with_exposure(FALLS, "sengedage") == FALLS


def test_an_unknown_exposure_is_a_key_error_naming_it():
    with pytest.raises(KeyError, match="hotelnaetter"):
        with_exposure(FALLS, "hotelnaetter")


def test_a_file_may_name_a_rate_in_any_exposure():
    names = names_in_every_exposure(FALLS)
    assert {"Fald pr. 1000 sengedage", "Fald pr. 1000 beboerdøgn",
            "Falls per 1000 citizens served"} <= set(names)
    assert len(names) == 2 * len(EXPOSURES)
