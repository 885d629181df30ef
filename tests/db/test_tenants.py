"""Municipalities as tenants of one database: each administrator sees and changes only their own."""

from __future__ import annotations

import pytest

from db.board_links import create_board_link, list_board_links, revoke_board_link
from db.catalogue import find_indicator, set_unit_indicators
from db.engine import read_session, write_session
from db.entries import add_entry
from db.errors import PermissionDeniedError
from db.exporter import export_file
from db.overview_series import read_overview_series
from db.permissions import check_permission, rights_of
from db.series import read_unit_series
from db.units import create_unit
from db.users import add_membership, create_user, list_users
from tests.db.conftest import TODAY


@pytest.fixture
def region(engine) -> dict[str, int]:
    """Two municipalities, each with a unit; an administrator and a leder in each; a region user."""
    with write_session(engine) as session:
        triage = find_indicator("triage_dagligt", session=session).id
        ids = {}
        for town in ("aarby", "boeby"):
            ids[town] = create_unit(f"{town.title()} Kommune", kind="municipality", parent_id=None,
                                    session=session, actor="system:test", code=town)
            area = create_unit(f"{town.title()} Nord", kind="area", parent_id=ids[town],
                               session=session, actor="system:test")
            ids[f"{town}-unit"] = create_unit(f"{town.title()} Plejecenter", kind="unit",
                                              parent_id=area, session=session,
                                              actor="system:test", code=f"{town}-pc")
            set_unit_indicators(ids[f"{town}-unit"], [triage], session=session,
                                actor="system:test")
            add_entry(ids[f"{town}-unit"], triage, TODAY, numerator=3, denominator=4,
                      session=session, actor="system:test", today=TODAY)
            for role in ("admin", "leder"):
                user = create_user(f"{role}-{town}", role=role, session=session,
                                   actor="system:test")
                add_membership(user, ids[town], session=session, actor="system:test")
        create_user("region-user", role="region", session=session, actor="system:test")
        ids["triage"] = triage
    return ids


def test_each_administrator_reads_only_their_own_municipality(engine, region):
    with read_session(engine) as session:
        for town, other in (("aarby", "boeby"), ("boeby", "aarby")):
            actor = f"admin-{town}"
            assert read_unit_series(region[f"{town}-unit"], session=session, actor=actor)
            with pytest.raises(PermissionDeniedError):
                read_unit_series(region[f"{other}-unit"], session=session, actor=actor)
            seen = read_overview_series(session=session, actor=actor)
            assert set(seen.entries["unit_id"]) == {region[f"{town}-unit"]}


def test_an_administrator_changes_only_their_own_municipality(engine, region):
    with write_session(engine) as session:
        create_unit("Aarby Syd", kind="area", parent_id=region["aarby"], session=session,
                    actor="admin-aarby")
        add_entry(region["aarby-unit"], region["triage"], TODAY, numerator=4, denominator=4,
                  session=session, actor="admin-aarby", today=TODAY)
    for change in (
        lambda s: create_unit("Snyd", kind="area", parent_id=region["boeby"], session=s,
                              actor="admin-aarby"),
        lambda s: add_entry(region["boeby-unit"], region["triage"], TODAY, numerator=1,
                            denominator=4, session=s, actor="admin-aarby", today=TODAY),
        # What concerns the whole database belongs to the region: new top units, users, export.
        lambda s: create_unit("Ny Kommune", kind="municipality", parent_id=None, session=s,
                              actor="admin-aarby"),
        lambda s: create_user("admin-ny", role="admin", session=s, actor="admin-aarby"),
        lambda s: export_file(session=s, actor="admin-aarby"),
    ):
        with pytest.raises(PermissionDeniedError), write_session(engine) as session:
            change(session)


def test_leders_report_on_their_own_municipality_and_the_region_on_every_one(engine, region):
    with read_session(engine) as session:
        check_permission(session, actor="leder-aarby", action="report", unit_id=region["aarby"])
        with pytest.raises(PermissionDeniedError):
            check_permission(session, actor="leder-aarby", action="report", unit_id=region["boeby"])
        everyone = rights_of("region-user", session=session)
        assert everyone.unit_ids is None and everyone.allows("user.admin")
        assert everyone.allows("report", region["boeby"])
        seen = read_overview_series(session=session, actor="region-user")
    assert set(seen.entries["unit_id"]) == {region["aarby-unit"], region["boeby-unit"]}


def test_with_one_municipality_an_administrator_still_does_everything(engine, place):
    with write_session(engine) as session:
        user = create_user("admin-one", role="admin", session=session, actor="system:test")
        add_membership(user, place["municipality"], session=session, actor="system:test")
    with write_session(engine) as session:
        assert rights_of("admin-one", session=session).unit_ids is None
        create_user("anna", role="registrant", session=session, actor="admin-one")


def test_an_administrator_lists_only_the_users_of_their_own_municipality(engine, region):
    with write_session(engine) as session:  # a consultant working in both: each sees their half
        both = create_user("konsulent", role="leder", session=session, actor="system:test")
        for town in ("aarby", "boeby"):
            add_membership(both, region[town], session=session, actor="system:test")
    with read_session(engine) as session:
        own = list_users(session=session, actor="admin-aarby")
        assert list(own["username"]) == ["admin-aarby", "konsulent", "leder-aarby"]
        assert {unit for units in own["units"] for unit in units} == {region["aarby"]}
        assert len(list_users(session=session, actor="region-user")) == 6
        with pytest.raises(PermissionDeniedError):
            list_users(session=session, actor="leder-aarby")


def test_an_administrator_lists_and_revokes_only_their_own_municipalitys_wall_links(engine,
                                                                                   region):
    with write_session(engine) as session:
        own = create_board_link(region["aarby-unit"], session=session, actor="system:test")
        other = create_board_link(region["boeby-unit"], session=session, actor="system:test")
    with read_session(engine) as session:
        assert list(list_board_links(session=session, actor="admin-aarby")["id"]) == [own.id]
        assert len(list_board_links(session=session, actor="region-user")) == 2
    with write_session(engine) as session, pytest.raises(PermissionDeniedError):
        revoke_board_link(other.id, session=session, actor="admin-aarby")
    with write_session(engine) as session:
        revoke_board_link(own.id, session=session, actor="admin-aarby")
    with read_session(engine) as session:
        assert list(list_board_links(session=session, actor="region-user")["id"]) == [other.id]


def test_rights_read_together_keep_each_administrator_to_their_municipality(engine, region):
    from db.permissions import read_rights

    actors = ["admin-aarby", "admin-boeby", "leder-aarby", "region-user"]
    with read_session(engine) as session:
        alone = {actor: rights_of(actor, session=session) for actor in actors}
    with read_session(engine) as session:
        read_rights(actors, session=session)
        together = {actor: rights_of(actor, session=session) for actor in actors}
    assert together == alone
    assert together["admin-aarby"].allows("unit.admin", region["aarby-unit"])
    assert not together["admin-aarby"].allows("unit.admin", region["boeby-unit"])
    assert together["region-user"].unit_ids is None
