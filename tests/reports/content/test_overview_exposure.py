"""The overview's columns name the exposure the units compared share, and no other."""

from db import find_unit, read_session
from reports.content.overview_data import read_overview
from tests.conftest import DEMO_TODAY


def falls_column(engine, unit_codes):
    with read_session(engine) as session:
        unit_ids = [find_unit(code, session=session) for code in unit_codes]
        overview = read_overview(session=session, actor="system", today=DEMO_TODAY,
                                 unit_ids=unit_ids)
    return next(definition.name_da for definition in overview.matrix.indicators
                if definition.code == "tryksaar_pr_1000_sengedage")


def test_a_care_home_alone_reads_resident_days(demo_reading_engine):
    assert falls_column(demo_reading_engine, ["solbakken"]) == "Nye tryksår pr. 1000 beboerdøgn"


def test_units_of_different_settings_keep_the_catalogues_words(demo_reading_engine):
    assert falls_column(demo_reading_engine, ["solbakken", "hjemmeplejen-nord"]) == \
        "Nye tryksår pr. 1000 sengedage"
