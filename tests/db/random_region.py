"""A random region for tests: municipalities of random depth, deleted units, users and memberships."""

import random

from db import create_unit, write_session
from db.units import delete_unit
from db.users import add_membership, create_user

ACTOR = "system:test"
KINDS = ("municipality", "area", "unit")


def walk(members: set[int], parent_of: dict[int, int | None], deleted: set[int]) -> set[int]:
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


def random_region(engine, seed: int) -> tuple[dict[str, set[int]], dict[int, int | None], set[int], dict[str, int]]:
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
                parent = rng.choice([unit for unit in parent_of if town_of(unit, parent_of) == top])
                level = depth(parent, parent_of)
                child = create_unit(f"Enhed {seed}-{town}-{number}", kind=KINDS[min(level + 1, 2)],
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
        for unit_id in sorted(deleted, key=lambda unit: -depth(unit, parent_of)):
            delete_unit(unit_id, session=session, actor=ACTOR)
    return members, parent_of, deleted, user_ids


def town_of(unit_id: int, parent_of: dict[int, int | None]) -> int:
    """The municipality at the top of unit_id's branch."""
    while parent_of[unit_id] is not None:
        unit_id = parent_of[unit_id]
    return unit_id


def depth(unit_id: int, parent_of: dict[int, int | None]) -> int:
    """How many units lie above unit_id."""
    above = 0
    while parent_of[unit_id] is not None:
        unit_id, above = parent_of[unit_id], above + 1
    return above
