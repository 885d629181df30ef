"""The built-in catalogue as data, and as the database holds it (goals editable, codes stable)."""

from dataclasses import replace

import pytest

from db.catalogue import (
    create_indicator,
    delete_indicator,
    find_indicator,
    list_indicators,
    sync_catalogue,
    update_indicator,
)
from db.engine import read_session, write_session
from db.errors import ValidationError
from indicators import (
    CATALOGUE,
    PACKAGES,
    PROCESS_SHARE_GOAL,
    Goal,
    IndicatorDefinition,
    definition,
)


def test_every_code_is_unique_and_every_package_exists():
    codes = [indicator.code for indicator in CATALOGUE]
    assert len(codes) == len(set(codes))
    assert {indicator.package for indicator in CATALOGUE} <= {p.code for p in PACKAGES}


@pytest.mark.parametrize(("code", "goal"), [
    ("tryksaar_dage_mellem", Goal("min_days_between", 300)),
    ("tryksaar_pr_1000_sengedage", Goal("reduce_by", 0.75)),
    ("medicinfejl_dage_mellem", Goal("min_days_between", 300)),
    ("medicinfejl_pr_maaned", Goal("reduce_by", 0.5)),
    ("fald_pr_1000_sengedage", Goal("reduce_by", 0.5)),
    ("faldskader_pr_1000_sengedage", Goal("reduce_by", 0.5)),
    ("fald_dage_mellem", Goal("min_days_between", 300)),
    ("kateter_uvi_pr_1000_kateterdage", Goal("reduce_by", 0.5)),
    ("lungebetaendelse_pr_1000_sengedage", Goal("reduce_by", 0.25)),
    ("triage_dagligt", Goal("min_share", 0.95)),
])
def test_the_programme_goals_ship_with_the_catalogue(code, goal):
    assert definition(code).goal == goal


def test_every_process_indicator_is_a_share_with_the_95_percent_goal():
    processes = [i for i in CATALOGUE if i.kind == "process"]
    assert {i.code for i in processes} == {
        "tryksaar_bundt", "tryksaar_risikovurdering", "medicinafstemning", "fald_bundt",
        "kateter_indikation", "haandhygiejne", "mundpleje_screenet", "mundpleje_tandboerstning",
        "triage_dagligt", "triage_roed_handleplan", "triage_gul_handleplan", "ernaering_vejet",
        "ernaering_screenet", "ernaering_plan"}
    assert all(i.measure == "proportion" and i.goal == Goal("min_share", PROCESS_SHARE_GOAL)
               and i.chart == "p" and i.improvement == "up" for i in processes)


def test_rare_events_are_days_between_and_rates_are_per_thousand():
    for indicator in CATALOGUE:
        if indicator.measure == "events":
            assert (indicator.period, indicator.improvement) == ("day", "up")
        if indicator.measure == "rate":
            assert (indicator.multiply, indicator.chart, indicator.improvement) == (
                1000, "u", "down")
            assert indicator.denominator_da


def test_there_is_a_balancing_indicator():
    assert any(indicator.kind == "balancing" for indicator in CATALOGUE)


def test_the_database_holds_the_whole_catalogue_once(engine):
    with write_session(engine) as session:
        assert sync_catalogue(session=session, actor="system") == 0
        stored = list_indicators(session=session)
    assert [s.definition for s in stored] == list(CATALOGUE)


def test_an_edited_goal_and_name_survive_the_next_catalogue_sync(engine):
    with write_session(engine) as session:
        triage = find_indicator("triage_dagligt", session=session)
        update_indicator(triage.id, goal=Goal("min_share", 0.9), name_da="Triage hver dag",
                         session=session, actor="system:admin")
    with write_session(engine) as session:
        sync_catalogue(session=session, actor="system")
    with read_session(engine) as session:
        edited = find_indicator("triage_dagligt", session=session).definition
    assert (edited.goal, edited.name_da, edited.code) == (Goal("min_share", 0.9),
                                                          "Triage hver dag", "triage_dagligt")


def test_a_custom_indicator_is_added_checked_and_soft_deleted(engine):
    custom = IndicatorDefinition("vaegt_maalt", "tryksaar", "Vægt målt", "Weight measured",
                                 "process", "measurement", "up", None, "i", "week")
    with write_session(engine) as session:
        indicator_id = create_indicator(custom, session=session, actor="system:admin")
    with pytest.raises(ValidationError), write_session(engine) as session:
        create_indicator(replace(custom, chart="pie"), session=session, actor="system:admin")
    with pytest.raises(ValidationError), write_session(engine) as session:
        create_indicator(custom, session=session, actor="system:admin")  # the code is taken
    with write_session(engine) as session:
        delete_indicator(indicator_id, session=session, actor="system:admin")
    with read_session(engine) as session:
        assert "vaegt_maalt" not in {s.definition.code for s in list_indicators(session=session)}


def test_the_programmes_wording_names_the_built_in_indicators():
    names = {i.code: i.name_da for i in CATALOGUE}
    assert names["medicinfejl_dage_mellem"] == (
        "Dage mellem alvorlige medicineringsfejl der kræver lægekontakt")
    assert names["forebyggelige_indlaeggelser_dage_mellem"].endswith(
        "af borgere der har en kontakt med kommunen")
    assert names["tryksaar_bundt"].endswith("i HUSK")
    assert {i.code for i in CATALOGUE if i.package == "ernaering"} == {
        "ernaering_uplanlagt_vaegttab", "ernaering_vejet", "ernaering_screenet", "ernaering_plan"}


def test_the_harms_say_what_is_counted_in_both_languages():
    harms = [i for i in CATALOGUE if i.measure == "events"]
    assert harms and all(i.counts_da and i.counts_en for i in harms)
    assert "opstået i enheden" in next(i for i in harms if i.code == "tryksaar_dage_mellem").counts_da
