"""The units a user's memberships reach, read by one recursive query, against a walk of the tree."""

import pytest

from db import make_engine, migrate, read_session, write_session
from db.permissions import read_rights, rights_of
from db.unit_branches import units_below_memberships
from db.users import create_user
from tests.db.random_region import ACTOR, random_region, walk


@pytest.mark.parametrize("seed", range(6))
def test_the_query_reaches_exactly_what_a_walk_of_the_live_tree_reaches(engine, seed):
    members, parent_of, deleted, user_ids = random_region(engine, seed)
    with read_session(engine) as session:
        reached = units_below_memberships(user_ids.values(), session=session)
    for name, user_id in user_ids.items():
        assert reached[user_id] == walk(members[name], parent_of, deleted), name


@pytest.mark.parametrize("seed", range(3))
def test_a_users_rights_alone_and_read_together_cover_the_same_units(engine, seed):
    members, parent_of, deleted, user_ids = random_region(engine, seed)
    expected = {name: walk(members[name], parent_of, deleted) for name in user_ids}
    with read_session(engine) as session:
        assert {name: rights_of(name, session=session).unit_ids for name in user_ids} == expected
    with read_session(engine) as session:  # sixteen registrations at once read them together
        read_rights(list(user_ids), session=session)
        assert {name: rights_of(name, session=session).unit_ids for name in user_ids} == expected


def test_a_user_without_memberships_reaches_nothing_and_no_users_ask_nothing(engine, place):
    with write_session(engine) as session:
        lonely = create_user("ensom", role="registrant", session=session, actor=ACTOR)
    with read_session(engine) as session:
        assert units_below_memberships([lonely], session=session) == {lonely: set()}
        assert units_below_memberships([], session=session) == {}


def test_postgresql_reaches_the_same_units(postgres_url):
    engine = make_engine(postgres_url)
    try:
        migrate(engine)
        members, parent_of, deleted, user_ids = random_region(engine, seed=7)
        with read_session(engine) as session:
            reached = units_below_memberships(user_ids.values(), session=session)
        assert reached == {user_id: walk(members[name], parent_of, deleted)
                           for name, user_id in user_ids.items()}
    finally:
        engine.dispose()
