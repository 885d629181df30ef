"""A unit's exposure unit: chosen per unit or inherited, worded on its board, audited."""

import io
import random
from datetime import datetime

import pytest
from openpyxl import load_workbook

from db.audit import read_audit
from db.catalogue import list_unit_indicators, set_unit_indicators
from db.engine import read_session, write_session
from db.errors import PermissionDeniedError, ValidationError
from db.import_templates import build_template
from db.importer import import_file
from db.models import Unit
from db.series import read_series
from db.unit_exposure import INHERITED_EXPOSURE, set_unit_exposure, unit_exposure, unit_exposures
from db.users import add_membership, create_user
from indicators import EXPOSURES
from tests.db.conftest import TODAY, table_contents
from tests.db.random_region import random_region


def choose(engine, unit_id, exposure, actor="system"):
    with write_session(engine) as session:
        set_unit_exposure(unit_id, exposure, session=session, actor=actor)


def exposure_of(engine, unit_id):
    with read_session(engine) as session:
        return unit_exposure(unit_id, session=session)


def falls_name(engine, place):
    with write_session(engine) as session:
        set_unit_indicators(place["unit"], [place["fald_pr_1000_sengedage"]], session=session,
                            actor="system")
    with read_session(engine) as session:
        (falls,) = list_unit_indicators(place["unit"], session=session)
    return falls.definition.name_da, falls.definition.denominator_da


def test_a_unit_nothing_is_chosen_for_keeps_bed_days(engine, place):
    assert exposure_of(engine, place["unit"]) == "sengedage"
    assert falls_name(engine, place) == ("Fald pr. 1000 sengedage", "sengedage")


def test_a_care_home_choosing_resident_days_sees_them_on_its_board(engine, place):
    choose(engine, place["unit"], "beboerdoegn")
    assert falls_name(engine, place) == ("Fald pr. 1000 beboerdøgn", "beboerdøgn")


def test_units_take_their_areas_choice_unless_they_chose_their_own(engine, place):
    choose(engine, place["area"], "borgere")
    choose(engine, place["other"], "beboerdoegn")
    with read_session(engine) as session:
        exposures = unit_exposures(session=session)
    assert (exposures[place["municipality"]], exposures[place["area"]], exposures[place["unit"]],
            exposures[place["other"]]) == ("sengedage", "borgere", "borgere", "beboerdoegn")
    choose(engine, place["other"], INHERITED_EXPOSURE)
    assert exposure_of(engine, place["other"]) == "borgere"


def test_the_choice_is_audited_with_what_it_was(engine, place):
    choose(engine, place["unit"], "beboerdoegn")
    with read_session(engine) as session:
        audit = read_audit(session=session, actor="system", table_name="unit",
                           row_id=place["unit"])
    assert (audit.iloc[0]["before"]["exposure"], audit.iloc[0]["after"]["exposure"]) == (
        "", "beboerdoegn")


def test_an_unknown_exposure_is_refused_in_danish_and_changes_nothing(engine, place):
    before = table_contents(engine)
    with pytest.raises(ValidationError) as refused, write_session(engine) as session:
        set_unit_exposure(place["unit"], "hotelnætter", session=session, actor="system")
    assert refused.value.problems[0].message_da.startswith("eksponering: skal være en af sengedage")
    assert table_contents(engine) == before


def test_a_team_leader_may_not_choose_the_exposure(engine, place):
    with write_session(engine) as session:
        user = create_user("tina", role="teamleder", session=session, actor="system")
        add_membership(user, place["unit"], session=session, actor="system")
    with pytest.raises(PermissionDeniedError):
        choose(engine, place["unit"], "beboerdoegn", actor="tina")


def test_a_care_homes_template_names_resident_days_and_imports_back(engine, place):
    choose(engine, place["unit"], "beboerdoegn")
    falls_name(engine, place)
    with read_session(engine) as session:
        workbook = load_workbook(io.BytesIO(build_template(place["unit"], session=session,
                                                           actor="system", today=TODAY)))
    sheet = workbook["Fald"]
    assert "beboerdøgn" in " ".join(str(cell) for cell in next(
        sheet.iter_rows(min_row=2, max_row=2, values_only=True)))
    sheet.cell(11, 2, 1178)  # September's resident days
    buffer = io.BytesIO()
    workbook.save(buffer)
    with write_session(engine) as session:
        plan = import_file(buffer.getvalue(), filename="skabelon.xlsx", session=session,
                           actor="system:admin", today=TODAY)
    assert plan.summary()["new_entries"] == 1
    with read_session(engine) as session:
        falls = read_series(place["unit"], place["fald_pr_1000_sengedage"], session=session,
                            actor="system")
    assert falls[["date", "denominator"]].values.tolist() == [[datetime(2026, 9, 1).date(), 1178.0]]


@pytest.mark.parametrize("seed", range(4))
def test_some_units_exposures_read_with_the_units_above_them_are_those_of_the_whole_tree(engine,
                                                                                       seed):
    _, parent_of, _, _ = random_region(engine, seed)
    rng = random.Random(seed)
    with write_session(engine) as session:
        for unit_id in rng.sample(sorted(parent_of), len(parent_of) // 3):
            # Deleted units too: their choice still passes down to what lies below.
            unit = session.get(Unit, unit_id)
            unit.exposure = rng.choice(sorted(EXPOSURES))
            session.add(unit)
    with read_session(engine) as session:
        whole = unit_exposures(session=session)
        for size in (1, 2, len(parent_of) // 2):
            some = set(rng.sample(sorted(parent_of), size))
            assert unit_exposures(session=session, unit_ids=some) == {
                unit_id: whole[unit_id] for unit_id in some}
            for unit_id in some:
                assert unit_exposure(unit_id, session=session) == whole[unit_id]
