"""Local users, their password hashes (argon2) and their memberships of units."""

from __future__ import annotations

from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlmodel import Session, select

from db.audit import record_change, snapshot
from db.engine import require_writing
from db.errors import NotFoundError
from db.models import ROLES, Membership, Unit, User
from db.permissions import check_permission
from db.soft_delete import set_deleted
from db.validation import check_free_text, problem, raise_if_any

MINIMUM_PASSWORD_LENGTH = 8


def hash_password(password: str) -> str:
    """Return the argon2id hash of password (with argon2-cffi's default cost)."""
    return PasswordHasher().hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """Tell whether password matches the stored hash."""
    if not password_hash:
        return False
    try:
        return PasswordHasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def create_user(username: str, *, role: str, session: Session, actor: str,
                password: str | None = None, password_hash: str | None = None,
                display_name: str = "", is_demo: bool = False) -> int:
    """Add a user and return the id; a password (or its hash) is optional, e.g. for single sign-on."""
    require_writing(session)
    check_permission(session, actor=actor, action="user.admin", unit_id=None)
    username = username.strip()
    problems = check_free_text(username, field="username", required=True)
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


def set_user_deleted(user_id: int, deleted: bool, *, session: Session, actor: str) -> None:
    """Deactivate (soft-delete) or restore a user."""
    require_writing(session)
    check_permission(session, actor=actor, action="user.admin", unit_id=None)
    set_deleted(session.get(User, user_id), deleted, session=session, actor=actor,
                what_da="Brugeren", unit_id=None)


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


def find_user(username: str, *, session: Session) -> Account | None:
    """Return the live user with this username, or None."""
    user = session.exec(select(User).where(User.username == username.strip(),
                                           User.deleted_at.is_(None))).first()
    if user is None:
        return None
    return Account(id=user.id, username=user.username, display_name=user.display_name,
                   role=user.role, password_hash=user.password_hash, is_demo=user.is_demo,
                   active=user.active)


def add_membership(user_id: int, unit_id: int, *, session: Session, actor: str) -> int:
    """Make the user a member of a unit or area; return the membership's id."""
    require_writing(session)
    check_permission(session, actor=actor, action="user.admin", unit_id=unit_id)
    _user(user_id, session=session)
    if session.get(Unit, unit_id) is None:
        raise NotFoundError(f"Enheden findes ikke (id {unit_id}).")
    existing = session.exec(select(Membership).where(Membership.user_id == user_id,
                                                     Membership.unit_id == unit_id)).first()
    if existing is not None:
        return existing.id
    membership = Membership(user_id=user_id, unit_id=unit_id)
    session.add(membership)
    record_change(session, actor=actor, action="add", row=membership, before=None,
                  unit_id=unit_id)
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
        raise NotFoundError(f"Brugeren findes ikke (id {user_id}).")
    return user


def _check_password(password: str) -> list:
    """Check a new password's length."""
    if len(password) < MINIMUM_PASSWORD_LENGTH:
        return [problem(None, f"adgangskoden skal have mindst {MINIMUM_PASSWORD_LENGTH} tegn",
                        f"the password needs at least {MINIMUM_PASSWORD_LENGTH} characters",
                        row=None)]
    return []
