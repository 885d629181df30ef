"""The one door every repository read and write passes: who acts, doing what, to which unit.

Every write and every read of a unit's data calls `check_permission` first, so
the rules about roles and units are enforced here, at the repository level,
for the app, the import and the command line alike; a page that hides a button
only spares a refusal.

Who acts is a string, the one the audit log names:

    "anna"             a user account: its role and memberships say what it may do
    "board-link:7"     a wall screen's read-only link: reads its one unit while the link lives
    "system", "system:NAME", "cli:NAME"
                       the program itself (migrations, the demo seeding, the command line):
                       everything; usernames cannot take this shape (no ":")

The role × unit matrix (own units are the units and areas a user is a member of,
and every unit below them):

    action            registrant  teamleder  leder      admin   region
    unit.read         own         own        own area   own     all
    entry.write       own         own        -          own     all
    annotation.write  -           own        -          own     all
    baseline.write    -           own        -          own     all
    sampling.write    -           own        -          own     all
    board.write       -           own        -          own     all
    overview.read     -           own        own area   own     all
    report            -           -          own area   own     all
    everything else   -           -          -          own     all

Municipalities are tenants of one database. While it holds one municipality,
an administrator may do everything. Once it holds several, an administrator
administers the units below their memberships (their municipality): every
action that names one of them, and none that concerns the whole database (users
at large, the catalogue, import, export, the audit log, restore), which belong
to the region role above the municipalities.

`role_may(role, action)` reads a role's row alone (which pages the app offers it);
`check_permission` adds the units.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Row, bindparam, func
from sqlmodel import Session, select

from db.errors import PermissionDeniedError
from db.models import BoardLink, Unit, User
from db.unit_branches import units_below_memberships

# What a read or a write does, as named to check_permission (the matrix test uses these).
# First the actions on the data of one unit, then those on the whole database.
_ON_A_UNIT = (
    "unit.read",  # read a unit's figures, events, changes, baselines and board
    "entry.write",  # add, correct, delete, restore entries and events
    "annotation.write",  # PDSA annotations
    "baseline.write",  # freeze a baseline or start a new phase
    "sampling.write",  # switch a package's processes to samples (stikprøver) or back
    "board.write",  # note that the unit held its board meeting (tavlemøde)
    "overview.read",  # judge and compare units side by side (the managers' overview)
    "report",  # make the monthly report of a unit, an area or the municipality
)
ACTIONS = (
    *_ON_A_UNIT,
    "unit.admin",  # create, rename, move, delete units; choose their indicators
    "indicator.admin",  # custom indicators, names, goals
    "user.admin",  # users, memberships, passwords and PINs
    "board_link.admin",  # create and revoke the wall screens' read-only links
    "audit.read",  # read the audit log
    "export",  # export every unit's data
    "import",  # import files
    "restore",  # restore a whole database from a backup
    "redact",  # remove a text that should never have been stored, the audit log included
)
UNIT_ACTIONS = frozenset(_ON_A_UNIT)
ROLE_ACTIONS: dict[str, frozenset[str]] = {
    "registrant": frozenset({"unit.read", "entry.write"}),
    "teamleder": frozenset({"unit.read", "entry.write", "annotation.write", "baseline.write",
                            "sampling.write", "board.write", "overview.read"}),
    "leder": frozenset({"unit.read", "overview.read", "report"}),
    "admin": frozenset(ACTIONS),
    "region": frozenset(ACTIONS),
}
SYSTEM_ACTOR = "system"
_SYSTEM_PREFIXES = ("system:", "cli:")
BOARD_LINK_PREFIX = "board-link:"
_ACTION_WORDS = {  # (Danish, English), as in "anna may not <words> here"
    "unit.read": ("se enhedens data", "see the unit's data"),
    "entry.write": ("registrere", "record figures"),
    "annotation.write": ("skrive ændringer (PDSA) på diagrammet", "note changes (PDSA)"),
    "baseline.write": ("sætte baseline eller ny fase", "set a baseline or a new phase"),
    "sampling.write": ("skifte til stikprøver", "switch to samples"),
    "board.write": ("notere tavlemøder", "note board meetings"),
    "overview.read": ("se overblikket", "see the overview"),
    "report": ("lave rapporter", "make reports"),
    "unit.admin": ("administrere enheder", "administer units"),
    "indicator.admin": ("administrere indikatorer", "administer indicators"),
    "user.admin": ("administrere brugere", "administer users"),
    "board_link.admin": ("administrere links til vægskærme", "administer wall-screen links"),
    "audit.read": ("se revisionsloggen", "read the audit log"),
    "export": ("eksportere alle data", "export all data"),
    "import": ("importere", "import"),
    "restore": ("genskabe databasen", "restore the database"),
    "redact": ("fjerne tekst fra databasen", "redact text from the database"),
}
_CACHE = "tavle_rights"
# What rights are made of, read as plain rows (a registration batch reads sixteen users and
# has no use for their objects) by queries made once per process, not at every sign-in and
# registration.
_USER_COLUMNS = (User.id, User.username, User.role, User.active, User.deleted_at)
_USER_NAMED = select(*_USER_COLUMNS).where(User.username == bindparam("username"))
_USERS_NAMED = select(*_USER_COLUMNS).where(User.username.in_(bindparam("names", expanding=True)))
_LIVE_MUNICIPALITIES = select(func.count()).select_from(Unit).where(
    Unit.kind == "municipality", Unit.deleted_at.is_(None))


@dataclass(frozen=True)
class Rights:
    """What one actor may do: the actions of its role, in its units (None: in every unit)."""

    actor: str
    role: str  # one of ROLES, or "system", or "board-link"
    actions: frozenset[str]
    unit_ids: frozenset[int] | None

    def allows(self, action: str, unit_id: int | None = None) -> bool:
        """Tell whether the actor may do action (to unit_id, for an action on a unit's data)."""
        if action not in ACTIONS:
            raise ValueError(f"unknown action {action!r}; expected one of {ACTIONS}")
        if action not in self.actions:
            return False
        if self.unit_ids is None:
            return True
        if unit_id is None or unit_id not in self.unit_ids:
            return False
        # A municipality's administrator does every action to its own units.
        return action in UNIT_ACTIONS or self.role == "admin"

    def readable(self, unit_ids: list[int]) -> list[int]:
        """Return those of unit_ids whose data the actor may read, in their order."""
        return [unit_id for unit_id in unit_ids if self.allows("unit.read", unit_id)]


def role_may(role: str, action: str) -> bool:
    """Tell whether role's row of the matrix holds action (in its own units, for a unit action)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}; expected one of {ACTIONS}")
    return action in ROLE_ACTIONS.get(role, frozenset())


def is_system_actor(actor: str) -> bool:
    """Tell whether actor names the program itself rather than a person or a screen."""
    return actor == SYSTEM_ACTOR or actor.startswith(_SYSTEM_PREFIXES)


def rights_of(actor: str, *, session: Session) -> Rights:
    """Return what actor may do, read from the accounts in this session's transaction.

    Raises PermissionDeniedError for no actor, an unknown or deactivated user, or a
    revoked board link. Kept for the session: one page run asks many times.
    """
    if not isinstance(actor, str) or not actor.strip():
        raise PermissionDeniedError(
            "Ændringer og opslag kræver en bruger, der står bag dem.",
            "Changes and reads need the user behind them.")
    cache = session.info.setdefault(_CACHE, {})
    if actor not in cache:
        cache[actor] = _read_rights(actor, session=session)
    return cache[actor]


def forget_rights(session: Session) -> None:
    """Drop the session's kept rights, after a change to users, memberships or links."""
    session.info.pop(_CACHE, None)


def check_permission(session: Session, *, actor: str, action: str, unit_id: int | None) -> None:
    """Raise PermissionDeniedError unless actor may do action (to unit_id, when it concerns one)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}; expected one of {ACTIONS}")
    if not rights_of(actor, session=session).allows(action, unit_id):
        words_da, words_en = _ACTION_WORDS[action]
        where = "" if unit_id is None else f" for {_unit_name(unit_id, session=session)}"
        raise PermissionDeniedError(f"{actor} må ikke {words_da}{where}.",
                                    f"{actor} may not {words_en}{where}.")


def allowed(session: Session, *, actor: str, action: str, unit_id: int | None = None) -> bool:
    """Tell whether actor may do action (for pages that hide what would be refused)."""
    try:
        return rights_of(actor, session=session).allows(action, unit_id)
    except PermissionDeniedError:
        return False


def read_rights(actors: Iterable[str], *, session: Session) -> None:
    """Read the rights of many users at once into what the session keeps (see rights_of).

    Registrations written together (db.entry_batches) may name sixteen users: one at
    a time, each costs two queries (the user, the units below their memberships);
    here they cost two in all. The program itself, board links, names read
    already, and names that are not one live user are left to rights_of, which reads
    or refuses them one by one as before.
    """
    cache = session.info.setdefault(_CACHE, {})
    names = sorted({actor for actor in actors if isinstance(actor, str) and actor.strip()
                    and actor not in cache and not is_system_actor(actor)
                    and not actor.startswith(BOARD_LINK_PREFIX)})
    if len(names) < 2:  # one name: rights_of's own way is as quick
        return
    rows: dict[str, list[Row]] = {}
    for user in session.exec(_USERS_NAMED, params={"names": names}).all():
        rows.setdefault(user.username, []).append(user)
    users = [found[0] for found in rows.values()
             if len(found) == 1 and found[0].deleted_at is None and found[0].active]
    if not users:
        return
    towns = _municipalities(session=session) if any(u.role == "admin" for u in users) else None
    reached = units_below_memberships(
        [user.id for user in users if _needs_units(user.role, towns)], session=session)
    for user in users:
        cache[user.username] = _rights_of_user(user.username, user.role, reached.get(user.id),
                                               towns)


def _read_rights(actor: str, *, session: Session) -> Rights:
    """Resolve actor to its rights (see the module's docstring)."""
    if is_system_actor(actor):
        return Rights(actor, "system", frozenset(ACTIONS), None)
    if actor.startswith(BOARD_LINK_PREFIX):
        link_id = actor.removeprefix(BOARD_LINK_PREFIX)
        link = session.get(BoardLink, int(link_id)) if link_id.isdigit() else None
        if link is None or link.revoked_at is not None:
            raise PermissionDeniedError("Linket til tavlen er trukket tilbage.",
                                        "The board link has been revoked.")
        return Rights(actor, "board-link", frozenset({"unit.read"}), frozenset({link.unit_id}))
    user = session.exec(_USER_NAMED, params={"username": actor}).first()
    if user is None or user.deleted_at is not None or not user.active:
        raise PermissionDeniedError(f"Brugeren {actor} findes ikke eller er deaktiveret.",
                                    f"The user {actor} does not exist or is deactivated.")
    towns = _municipalities(session=session) if user.role == "admin" else None
    reached = (units_below_memberships([user.id], session=session)[user.id]
               if _needs_units(user.role, towns) else None)
    return _rights_of_user(user.username, user.role, reached, towns)


def _needs_units(role: str, municipalities: int | None) -> bool:
    """Tell whether a user's rights are bound to the units below their memberships.

    municipalities: how many live municipalities there are (_municipalities), read for
    an administrator.
    """
    if role == "region":
        return False
    return not (role == "admin" and municipalities is not None and municipalities <= 1)


def _rights_of_user(username: str, role: str, reached: set[int] | None,
                    municipalities: int | None) -> Rights:
    """Return a live user's rights from their role and the units their memberships reach.

    reached: units_below_memberships' set for the user (None when _needs_units says no).
    """
    if not _needs_units(role, municipalities):
        return Rights(username, role, ROLE_ACTIONS[role], None)
    return Rights(username, role, ROLE_ACTIONS.get(role, frozenset()), frozenset(reached or ()))


def _municipalities(*, session: Session) -> int:
    """Return how many live municipalities the database holds."""
    return session.exec(_LIVE_MUNICIPALITIES).one()


def _unit_name(unit_id: int, *, session: Session) -> str:
    """Return the unit's name for a refusal, or its id when it is unknown."""
    unit = session.get(Unit, unit_id)
    return unit.name if unit is not None else f"enhed {unit_id}"
