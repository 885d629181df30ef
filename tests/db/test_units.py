"""The unit tree: paths, renaming and moving without losing history, soft delete."""

import random
from datetime import date

import pytest
from sqlmodel import select

from db.engine import read_session, write_session
from db.entries import add_entry
from db.errors import ValidationError
from db.models import Unit
from db.series import read_series
from db.units import (
    code_from_name,
    create_unit,
    delete_unit,
    descendant_ids,
    has_units,
    list_units,
    move_unit,
    rename_unit,
    restore_unit,
)
from tests.db.conftest import TODAY
from tests.db.random_region import random_region


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


def _reference_rows(session, include_deleted: bool) -> list[tuple]:
    """The tree's rows as list_units gives them, made the plain recursive way from every unit."""
    units = session.exec(select(Unit).order_by(Unit.name, Unit.id)).all()
    children: dict[int | None, list[Unit]] = {}
    for unit in units:
        children.setdefault(unit.parent_id, []).append(unit)
    rows: list[tuple] = []

    def visit(parent_id, path, hidden):
        for unit in children.get(parent_id, []):
            deleted = hidden or unit.deleted_at is not None
            if include_deleted or not deleted:
                rows.append((unit.id, unit.code, unit.name, unit.kind, unit.parent_id,
                             " / ".join((*path, unit.name)), len(path), deleted))
            visit(unit.id, (*path, unit.name), deleted)

    visit(None, (), False)
    return rows


def _rows(frame) -> list[tuple]:
    return [tuple(None if isna else value for value, isna in zip(row, nulls, strict=True))
            for row, nulls in zip(frame.itertuples(index=False, name=None),
                                  frame.isna().itertuples(index=False, name=None), strict=True)]


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("include_deleted", [False, True])
def test_the_tree_comes_in_depth_first_order_with_paths_and_hidden_branches(engine, seed,
                                                                            include_deleted):
    random_region(engine, seed)
    with read_session(engine) as session:
        assert _rows(list_units(session=session, include_deleted=include_deleted)) == \
            _reference_rows(session, include_deleted)


@pytest.mark.parametrize("seed", range(4))
def test_units_within_are_the_whole_trees_rows_of_those_units_and_those_above(engine, seed):
    _, parent_of, _, _ = random_region(engine, seed)
    rng = random.Random(seed)
    with read_session(engine) as session:
        whole = list_units(session=session, include_deleted=True)
        for size in (0, 1, 3, len(parent_of) // 2):
            within = set(rng.sample(sorted(parent_of), size))
            shown = set(within)
            for unit_id in within:
                while parent_of[unit_id] is not None:
                    unit_id = parent_of[unit_id]
                    shown.add(unit_id)
            assert _rows(list_units(session=session, include_deleted=True, within=within)) == \
                _rows(whole[whole["id"].isin(shown)])


def test_has_units_tells_whether_the_tree_lists_any_unit(engine):
    def both():
        with read_session(engine) as session:
            return has_units(session=session), not list_units(session=session).empty

    assert both() == (False, False)
    with write_session(engine) as session:
        top = create_unit("Kommune", kind="municipality", parent_id=None, session=session,
                          actor="system:test")
        create_unit("Enhed", kind="unit", parent_id=top, session=session, actor="system:test")
    assert both() == (True, True)
    with write_session(engine) as session:
        delete_unit(top, session=session, actor="system:test")
    assert both() == (False, False)  # the unit below is live but hidden with its municipality
