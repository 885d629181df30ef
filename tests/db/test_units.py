"""The unit tree: paths, renaming and moving without losing history, soft delete."""

from datetime import date

import pytest

from db.engine import read_session, write_session
from db.entries import add_entry
from db.errors import ValidationError
from db.series import read_series
from db.units import (
    code_from_name,
    create_unit,
    delete_unit,
    descendant_ids,
    list_units,
    move_unit,
    rename_unit,
    restore_unit,
)
from tests.db.conftest import TODAY


def test_units_are_listed_depth_first_with_their_paths(engine, place):
    with read_session(engine) as session:
        units = list_units(session=session)
    assert list(units["path"]) == [
        "Demo Kommune", "Demo Kommune / Område Nord",
        "Demo Kommune / Område Nord / Akutteamet", "Demo Kommune / Område Nord / Solbakken"]
    assert list(units["depth"]) == [0, 1, 2, 2]


def test_a_unit_gets_a_url_code_from_its_danish_name():
    assert code_from_name("Plejecenter Ærø-Søhøj Å") == "plejecenter-aeroe-soehoej-aa"


def test_a_second_unit_with_the_same_name_gets_its_own_code(engine, place):
    with write_session(engine) as session:
        first = create_unit("Hjemmeplejen", kind="unit", parent_id=place["area"],
                            session=session, actor="system:admin")
        second = create_unit("Hjemmeplejen", kind="unit", parent_id=place["municipality"],
                             session=session, actor="system:admin")
    with read_session(engine) as session:
        codes = list_units(session=session).set_index("id")["code"]
    assert (codes[first], codes[second]) == ("hjemmeplejen", "hjemmeplejen-2")


def test_renaming_and_moving_a_unit_keeps_its_series(engine, place):
    with write_session(engine) as session:
        add_entry(place["unit"], place["triage_dagligt"], date(2026, 11, 1), numerator=3,
                  denominator=4, session=session, actor="system:anna", today=TODAY)
        south = create_unit("Område Syd", kind="area", parent_id=place["municipality"],
                            session=session, actor="system:admin")
        rename_unit(place["unit"], "Plejecenter Solbakken", session=session, actor="system:admin")
        move_unit(place["unit"], south, session=session, actor="system:admin")
    with read_session(engine) as session:
        units = list_units(session=session).set_index("id")
        frame = read_series(place["unit"], place["triage_dagligt"], session=session, actor="system")
    assert units.loc[place["unit"], "path"] == "Demo Kommune / Område Syd / Plejecenter Solbakken"
    assert list(frame["numerator"]) == [3.0]


def test_a_unit_cannot_be_moved_below_itself(engine, place):
    with pytest.raises(ValidationError), write_session(engine) as session:
        move_unit(place["area"], place["unit"], session=session, actor="system:admin")


def test_deleting_an_area_hides_the_units_below_it_until_it_is_restored(engine, place):
    with write_session(engine) as session:
        delete_unit(place["area"], session=session, actor="system:admin")
    with read_session(engine) as session:
        assert list(list_units(session=session)["name"]) == ["Demo Kommune"]
        assert len(list_units(session=session, include_deleted=True)) == 4
    with write_session(engine) as session:
        restore_unit(place["area"], session=session, actor="system:admin")
    with read_session(engine) as session:
        assert len(list_units(session=session)) == 4


def test_the_units_below_an_area_are_its_descendants(engine, place):
    with read_session(engine) as session:
        assert descendant_ids(place["area"], session=session) == {
            place["area"], place["unit"], place["other"]}


def test_a_unit_name_that_looks_like_a_cpr_number_is_refused(engine, place):
    with pytest.raises(ValidationError), write_session(engine) as session:
        create_unit("0101901234", kind="unit", parent_id=None, session=session, actor="system:admin")
