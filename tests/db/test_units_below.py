"""The units a user's memberships reach, read by one recursive query, against a walk of the tree."""

import random

import pytest

from db import create_unit, make_engine, migrate, read_session, write_session
from db.permissions import read_rights, rights_of
from db.units import delete_unit
from db.units_below import units_below_memberships
from db.users import add_membership, create_user

ACTOR = "system:test"
KINDS = ("municipality", "area", "unit")


def _walk(members: set[int], parent_of: dict[int, int | None], deleted: set[int]) -> set[int]:
    """The rule itself, the plain way: the member units and every live unit below them."""
    children: dict[int, list[int]] = {}
    for unit_id, parent_id in parent_of.items():
        if unit_id not in deleted and parent_id is not None:
            children.setdefault(parent_id, []).append(unit_id)
    reached, frontier = set(members), list(members)
    while frontier:
        for child in children.get(frontier.pop(), []):
            if child not in reached:
                reached.add(child)
                frontier.append(child)
    return reached


def _random_region(engine, seed: int) -> tuple[dict[str, set[int]], dict[int, int | None], set[int], dict[str, int]]:
    """Two to four municipalities of random depth, some units deleted, users with random memberships.

    Returns each user's memberships by name, each unit's parent, the deleted units and
    the users' ids by name.
    """
    rng = random.Random(seed)
    parent_of: dict[int, int | None] = {}
    with write_session(engine) as session:
        for town in range(rng.randint(2, 4)):
            top = create_unit(f"Kommune {seed}-{town}", kind="municipality", parent_id=None,
                              session=session, actor=ACTOR)
            parent_of[top] = None
            for number in range(rng.randint(4, 14)):
                parent = rng.choice([unit for unit in parent_of if _town_of(unit, parent_of) == top])
                depth = _depth(parent, parent_of)
                child = create_unit(f"Enhed {seed}-{town}-{number}", kind=KINDS[min(depth + 1, 2)],
                                    parent_id=parent, session=session, actor=ACTOR)
                parent_of[child] = parent
        members: dict[str, set[int]] = {}
        user_ids: dict[str, int] = {}
        for number in range(6):
            name = f"bruger{seed}x{number}"
            user_ids[name] = create_user(name, role=rng.choice(("registrant", "teamleder", "leder")),
                                         session=session, actor=ACTOR)
            members[name] = set(rng.sample(sorted(parent_of), rng.randint(0, 3)))
            for unit_id in members[name]:
                add_membership(user_ids[name], unit_id, session=session, actor=ACTOR)
        # Deleted after the memberships: a member unit may be deleted itself, or hidden
        # below a deleted area.
        deleted = set(rng.sample(sorted(parent_of), len(parent_of) // 5))
        for unit_id in sorted(deleted, key=lambda unit: -_depth(unit, parent_of)):
            delete_unit(unit_id, session=session, actor=ACTOR)
    return members, parent_of, deleted, user_ids


def _town_of(unit_id: int, parent_of: dict[int, int | None]) -> int:
    """The municipality at the top of unit_id's branch."""
    while parent_of[unit_id] is not None:
        unit_id = parent_of[unit_id]
    return unit_id


def _depth(unit_id: int, parent_of: dict[int, int | None]) -> int:
    """How many units lie above unit_id."""
    depth = 0
    while parent_of[unit_id] is not None:
        unit_id, depth = parent_of[unit_id], depth + 1
    return depth


@pytest.mark.parametrize("seed", range(6))
def test_the_query_reaches_exactly_what_a_walk_of_the_live_tree_reaches(engine, seed):
    members, parent_of, deleted, user_ids = _random_region(engine, seed)
    with read_session(engine) as session:
        reached = units_below_memberships(user_ids.values(), session=session)
    for name, user_id in user_ids.items():
        assert reached[user_id] == _walk(members[name], parent_of, deleted), name


@pytest.mark.parametrize("seed", range(3))
def test_a_users_rights_alone_and_read_together_cover_the_same_units(engine, seed):
    members, parent_of, deleted, user_ids = _random_region(engine, seed)
    expected = {name: _walk(members[name], parent_of, deleted) for name in user_ids}
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
        members, parent_of, deleted, user_ids = _random_region(engine, seed=7)
        with read_session(engine) as session:
            reached = units_below_memberships(user_ids.values(), session=session)
        assert reached == {user_id: _walk(members[name], parent_of, deleted)
                           for name, user_id in user_ids.items()}
    finally:
        engine.dispose()
