"""The units a user's memberships reach: the member units and every live unit below them.

Read by one recursive query down unit.parent_id from the memberships, so it costs
what the users' own part of the tree holds, not the whole database: a region's
database holds every municipality's tree, and a registration asks for its user's
rights. A deleted unit is reached only as a membership itself, and hides the units
below it.
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


# Made once: building a recursive query's columns costs more than running it (every sign-in
# and every registration asks).
_UNITS_BELOW = _units_below_statement()


def units_below_memberships(user_ids: Iterable[int], *, session: Session) -> dict[int, set[int]]:
    """Return, by user id, each user's member units and every live unit below them."""
    ids = sorted(set(user_ids))
    reached: dict[int, set[int]] = {user_id: set() for user_id in ids}
    if not ids:
        return reached
    for user_id, unit_id in session.exec(_UNITS_BELOW, params={"user_ids": ids}).all():
        reached[user_id].add(unit_id)
    return reached
