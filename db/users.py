"""Local users, their password and PIN hashes (argon2) and their memberships of units.

Usernames are lower case letters, digits and . _ @ - (an e-mail address from
single sign-on fits); the ":" is kept for the program's own actors ("system",
"cli:NAME", "board-link:ID"; see db.permissions).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlmodel import Session, select

from db.audit import record_change, snapshot
from db.engine import require_writing
from db.errors import NotFoundError
from db.models import ROLES, Membership, Unit, User
from db.permissions import SYSTEM_ACTOR, check_permission, forget_rights, rights_of
from db.soft_delete import SoftDeletable, delete_row, restore_row
from db.validation import check_free_text, problem, raise_if_any

MINIMUM_PASSWORD_LENGTH = 8
# A PIN is short enough to type on a tablet between two citizens; the growing delays
# after repeated failures (db.sign_in) make 4 digits enough online, and up to 8 let a
# team make a copied database's hashes (as costly as a password's) last longer.
PIN_DIGITS = (4, 8)
# Only the roles that work on a unit's shared tablet may sign in with a PIN there.
PIN_ROLES = ("registrant", "teamleder")
USERNAME_PATTERN = re.compile(r"[a-z0-9][a-z0-9._@-]*")
USER_COLUMNS = ("id", "username", "display_name", "role", "units", "has_password", "has_pin",
                "is_demo", "deleted")
_USERS = SoftDeletable(User, right="user.admin", missing_da="Brugeren findes ikke.",
                       missing_en="The user does not exist.", unit="none")


# argon2-cffi's default cost (RFC 9106's low-memory profile) for every password and PIN; a
# verification reads the cost from the stored hash, so raising it later keeps old hashes valid.
_HASHER = PasswordHasher()


def hash_password(password: str) -> str:
    """Return the argon2id hash of password (with argon2-cffi's default cost)."""
    return _HASHER.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """Tell whether password matches the stored hash."""
    if not password_hash:
        return False
    try:
        return _HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def create_user(username: str, *, role: str, session: Session, actor: str,
                password: str | None = None, password_hash: str | None = None,
                display_name: str = "", is_demo: bool = False) -> int:
    """Add a user and return the id; a password (or its hash) is optional, e.g. for single sign-on."""
    require_writing(session)
    check_permission(session, actor=actor, action="user.admin", unit_id=None)
    username = username.strip().lower()
    problems = check_free_text(username, field="username", required=True)
    problems += _check_username(username)
    problems += check_free_text(display_name, field="name")
    if role not in ROLES:
        problems.append(problem(None, f"rollen skal være en af {', '.join(ROLES)}",
                                f"the role must be one of {', '.join(ROLES)}", row=None))
    if password is not None:
        problems += _check_password(password)
    if username and session.exec(select(User.id).where(User.username == username)).first():
        problems.append(problem("username", f"{username!r} findes allerede",
                                f"{username!r} already exists", row=None))
    raise_if_any(problems)
    if password is not None:
        password_hash = hash_password(password)
    user = User(username=username, role=role, display_name=display_name.strip(),
                is_demo=is_demo, password_hash=password_hash)
    session.add(user)
    record_change(session, actor=actor, action="add", row=user, before=None)
    forget_rights(session)
    return user.id


def set_password(user_id: int, password: str, *, session: Session, actor: str) -> None:
    """Give a user a new password."""
    require_writing(session)
    check_permission(session, actor=actor, action="user.admin", unit_id=None)
    raise_if_any(_check_password(password))
    user = _user(user_id, session=session)
    before = snapshot(user)
    user.password_hash = hash_password(password)
    session.add(user)
    record_change(session, actor=actor, action="correct", row=user, before=before)


def set_pin(user_id: int, pin: str | None, *, session: Session, actor: str) -> None:
    """Give a user a PIN for quick sign-in on a unit's tablet (None removes it).

    An administrator may set anyone's PIN; a user may set their own.
    """
    require_writing(session)
    user = _user(user_id, session=session)
    if actor != user.username:
        check_permission(session, actor=actor, action="user.admin", unit_id=None)
    if pin is not None:
        raise_if_any(_check_pin(pin, role=user.role))
    before = snapshot(user)
    user.pin_hash = None if pin is None else hash_password(pin)
    session.add(user)
    record_change(session, actor=actor, action="correct", row=user, before=before)


def set_role(user_id: int, role: str, *, session: Session, actor: str,
             display_name: str | None = None) -> None:
    """Give a user another role (and name); a PIN the new role may not use is removed."""
    require_writing(session)
    check_permission(session, actor=actor, action="user.admin", unit_id=None)
    user = _user(user_id, session=session)
    problems = [] if display_name is None else check_free_text(display_name, field="name")
    if role not in ROLES:
        problems.append(problem(None, f"rollen skal være en af {', '.join(ROLES)}",
                                f"the role must be one of {', '.join(ROLES)}", row=None))
    raise_if_any(problems)
    before = snapshot(user)
    user.role = role
    if display_name is not None:
        user.display_name = display_name.strip()
    if role not in PIN_ROLES:
        user.pin_hash = None
    session.add(user)
    record_change(session, actor=actor, action="correct", row=user, before=before)
    forget_rights(session)


def delete_user(user_id: int, *, session: Session, actor: str) -> None:
    """Deactivate a user (a soft delete): no sign-in and no rights until restore_user."""
    delete_row(_USERS, user_id, session=session, actor=actor)
    forget_rights(session)


def restore_user(user_id: int, *, session: Session, actor: str) -> None:
    """Bring back a deactivated user, with the role and memberships it had."""
    restore_row(_USERS, user_id, session=session, actor=actor)
    forget_rights(session)


def list_users(*, session: Session, actor: str, include_deleted: bool = False) -> pd.DataFrame:
    """Return the users (USER_COLUMNS; units are the ids of their memberships) by username.

    Never a password or PIN hash: only whether the user has one. A municipality's
    administrator in a region's database sees the members of their own units only
    (and of those memberships only their own units); anyone else without the right
    to administer users is refused.
    """
    rights = rights_of(actor, session=session)
    scoped = rights.role == "admin" and rights.unit_ids is not None
    if not scoped:
        check_permission(session, actor=actor, action="user.admin", unit_id=None)
    query = select(User).order_by(User.username)
    if not include_deleted:
        query = query.where(User.deleted_at.is_(None))
    members: dict[int, list[int]] = {}
    for user_id, unit_id in session.exec(select(Membership.user_id, Membership.unit_id)
                                         .order_by(Membership.unit_id)).all():
        if not scoped or unit_id in rights.unit_ids:
            members.setdefault(user_id, []).append(unit_id)
    return pd.DataFrame([
        (u.id, u.username, u.display_name, u.role, members.get(u.id, []),
         u.password_hash is not None, u.pin_hash is not None, u.is_demo,
         u.deleted_at is not None)
        for u in session.exec(query).all() if not scoped or u.id in members],
        columns=list(USER_COLUMNS))


@dataclass(frozen=True)
class Account:
    """A user as the sign-in and the rights checks need it."""

    id: int
    username: str
    display_name: str
    role: str
    password_hash: str | None
    is_demo: bool
    active: bool


    pin_hash: str | None = None


def find_user(username: str, *, session: Session) -> Account | None:
    """Return the live user with this username, or None."""
    user = session.exec(select(User).where(User.username == username.strip().lower(),
                                           User.deleted_at.is_(None))).first()
    if user is None:
        return None
    return Account(id=user.id, username=user.username, display_name=user.display_name,
                   role=user.role, password_hash=user.password_hash, is_demo=user.is_demo,
                   active=user.active, pin_hash=user.pin_hash)


def add_membership(user_id: int, unit_id: int, *, session: Session, actor: str) -> int:
    """Make the user a member of a unit or area; return the membership's id."""
    require_writing(session)
    check_permission(session, actor=actor, action="user.admin", unit_id=unit_id)
    _user(user_id, session=session)
    if session.get(Unit, unit_id) is None:
        raise NotFoundError(f"Enheden findes ikke (id {unit_id}).",
                            f"There is no unit with id {unit_id}.")
    existing = session.exec(select(Membership).where(Membership.user_id == user_id,
                                                     Membership.unit_id == unit_id)).first()
    if existing is not None:
        return existing.id
    membership = Membership(user_id=user_id, unit_id=unit_id)
    session.add(membership)
    record_change(session, actor=actor, action="add", row=membership, before=None,
                  unit_id=unit_id)
    forget_rights(session)
    return membership.id


def remove_membership(user_id: int, unit_id: int, *, session: Session, actor: str) -> None:
    """End the user's membership of a unit (the audit log keeps the row as it was)."""
    require_writing(session)
    check_permission(session, actor=actor, action="user.admin", unit_id=unit_id)
    membership = session.exec(select(Membership).where(Membership.user_id == user_id,
                                                       Membership.unit_id == unit_id)).first()
    if membership is None:
        return
    before = snapshot(membership)
    session.delete(membership)
    session.flush()
    record_change(session, actor=actor, action="delete", row=membership, before=before,
                  unit_id=unit_id)
    forget_rights(session)


def member_unit_ids(user_id: int, *, session: Session) -> list[int]:
    """Return the ids of the units and areas the user is a member of."""
    return list(session.exec(select(Membership.unit_id).where(Membership.user_id == user_id)
                             .order_by(Membership.unit_id)).all())


def has_admin(*, session: Session) -> bool:
    """Tell whether any live administrator exists."""
    return session.exec(select(User.id).where(User.role == "admin",
                                              User.deleted_at.is_(None))).first() is not None


def _user(user_id: int, *, session: Session) -> User:
    """Return the live user, or raise NotFoundError."""
    user = session.get(User, user_id)
    if user is None or user.deleted_at is not None:
        raise NotFoundError(f"Brugeren findes ikke (id {user_id}).",
                            f"There is no user with id {user_id}.")
    return user


def _check_username(username: str) -> list:
    """Check a username's shape: no room for the program's own actor names."""
    if username and (not USERNAME_PATTERN.fullmatch(username) or username == SYSTEM_ACTOR):
        return [problem("username", "må kun have små bogstaver, tal og . _ @ -",
                        "may only hold lowercase letters, digits and . _ @ -", row=None)]
    return []


def _check_pin(pin: str, *, role: str) -> list:
    """Check a new PIN: 4-8 digits, for a role that works on a unit's shared tablet."""
    shortest, longest = PIN_DIGITS
    if not (pin.isascii() and pin.isdigit() and shortest <= len(pin) <= longest):
        return [problem(None, f"PIN-koden skal være {shortest}-{longest} cifre",
                        f"the PIN must be {shortest}-{longest} digits", row=None)]
    if role not in PIN_ROLES:
        return [problem(None, "kun registranter og teamledere kan logge ind med PIN-kode",
                        "only registrants and team leaders can sign in with a PIN", row=None)]
    return []


def _check_password(password: str) -> list:
    """Check a new password's length."""
    if len(password) < MINIMUM_PASSWORD_LENGTH:
        return [problem(None, f"adgangskoden skal have mindst {MINIMUM_PASSWORD_LENGTH} tegn",
                        f"the password needs at least {MINIMUM_PASSWORD_LENGTH} characters",
                        row=None)]
    return []
