"""Branches of the unit tree, read by recursive queries: below a user's memberships, above units.

Each costs what its own branch holds, not the whole database: a region's database
holds every municipality's tree, and every sign-in, registration and page run asks
for a user's rights, a unit's path or its exposure.

- units_below_memberships: the units a user's memberships reach, the member units and
  every live unit below them (down unit.parent_id). A deleted unit is reached only as a
  membership itself, and hides the units below it.
- IDS_AND_ABOVE: the ids of the units :ids and of every unit above them (up to the top).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Select, bindparam
from sqlmodel import Session, select

from db.models import Membership, Unit


def _units_below_statement() -> Select:
    """Return the query of (user id, unit id) for the users :user_ids, made once per process."""
    below = (select(Membership.user_id.label("user_id"), Membership.unit_id.label("unit_id"))
             .where(Membership.user_id.in_(bindparam("user_ids", expanding=True)))
             .cte("below", recursive=True))
    # UNION, not UNION ALL: a unit reached twice (two memberships on one branch) is walked once.
    below = below.union(select(below.c.user_id, Unit.id)
                        .where(Unit.parent_id == below.c.unit_id, Unit.deleted_at.is_(None)))
    return select(below.c.user_id, below.c.unit_id)


def _ids_and_above() -> Select:
    """Return the query of the ids of the units :ids and of every unit above them."""
    above = (select(Unit.id.label("id"), Unit.parent_id.label("parent_id"))
             .where(Unit.id.in_(bindparam("ids", expanding=True))).cte("above", recursive=True))
    above = above.union(select(Unit.id, Unit.parent_id).where(Unit.id == above.c.parent_id))
    return select(above.c.id)


# Made once: building a recursive query's columns costs more than running it.
_UNITS_BELOW = _units_below_statement()
IDS_AND_ABOVE = _ids_and_above()


def units_below_memberships(user_ids: Iterable[int], *, session: Session) -> dict[int, set[int]]:
    """Return, by user id, each user's member units and every live unit below them."""
    ids = sorted(set(user_ids))
    reached: dict[int, set[int]] = {user_id: set() for user_id in ids}
    if not ids:
        return reached
    for user_id, unit_id in session.exec(_UNITS_BELOW, params={"user_ids": ids}).all():
        reached[user_id].add(unit_id)
    return reached
