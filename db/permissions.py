"""The one door every repository write passes: who acts, doing what, to which unit.

Every write calls `check_permission` before it touches a row, so rules about
roles and units are enforced here, at the repository level, for the app, the
import and the command line alike.
"""

from __future__ import annotations

from sqlmodel import Session

from db.errors import PermissionDeniedError

# What a write does, as named to check_permission (the role x action matrix uses these).
ACTIONS = (
    "entry.write",  # add, correct, delete, restore entries and events
    "annotation.write",  # PDSA annotations
    "baseline.write",  # freeze a baseline or start a new phase
    "board.write",  # note that the unit held its board meeting (tavlemøde)
    "unit.admin",  # create, rename, move, delete units; choose their indicators
    "indicator.admin",  # custom indicators, names, goals
    "user.admin",  # users and memberships
    "import",  # import files
    "restore",  # restore a whole database from a backup
)


def check_permission(session: Session, *, actor: str, action: str, unit_id: int | None) -> None:
    """Raise PermissionDeniedError unless actor may do action (to unit_id, when it concerns one)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}; expected one of {ACTIONS}")
    if not isinstance(actor, str) or not actor.strip():
        raise PermissionDeniedError(
            "Ændringer kræver en bruger, der står bag dem. (A change needs the user behind it.)"
        )
