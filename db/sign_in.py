"""Sign in with a password or a unit's tablet PIN; lock a username out after repeated failures.

    with write_session(engine) as s:     # every try is written down, so it needs a writer
        user = sign_in("anna", password, session=s, now=now)
        user = sign_in_with_pin("anna", "4821", unit_id=unit_id, session=s, now=now)

Five failed tries (password or PIN) within 15 minutes lock the username out
until the oldest of them is 15 minutes old; the lockout is written to the audit
log. Unknown usernames count and lock alike, and cost the same hashing time, so
neither the answer nor its speed tells whether a name exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache

from sqlmodel import Session, select

from db.audit import record_note
from db.cpr import looks_like_cpr
from db.engine import require_writing
from db.errors import StorageError
from db.models import Membership, SignInAttempt, User
from db.permissions import rights_of
from db.users import (
    PIN_ROLES,
    USERNAME_PATTERN,
    create_user,
    hash_password,
    set_role,
    verify_password,
)

# The "e.g. 5 within 15 minutes"; the same pair as many national e-services.
MAX_FAILED_SIGN_INS = 5
LOCKOUT_WINDOW = timedelta(minutes=15)
# The audit log names the sign-in itself as the actor of a lockout: whoever typed is unknown.
SIGN_IN_ACTOR = "system:sign-in"
# ... and the identity provider as the actor that creates or re-roles a single sign-on account.
SINGLE_SIGN_ON_ACTOR = "system:single-sign-on"


class SignInError(StorageError):
    """The username and password (or PIN) do not match a live account."""


class LockedOutError(SignInError):
    """Too many failed sign-ins for this username; try again later."""

    def __init__(self, message: str, *, until: datetime):
        super().__init__(message)
        self.until = until


@dataclass(frozen=True)
class SignedIn:
    """Who signed in, and how: the app keeps this in the browser session."""

    username: str
    display_name: str
    role: str
    is_demo: bool
    method: str  # password, pin, single-sign-on

    @property
    def name(self) -> str:
        """Return the name to greet the user by."""
        return self.display_name or self.username


def sign_in(username: str, password: str, *, session: Session, now: datetime) -> SignedIn:
    """Return the signed-in user, or raise SignInError / LockedOutError (and count the failure)."""
    require_writing(session)
    name = _name_to_try(username)
    _refuse_if_locked(name, session=session, now=now, method="password")
    user = _live_user(name, session=session)
    if not verify_password(user.password_hash if user else _decoy_hash(), password) or user is None:
        _fail(name, session=session, now=now, method="password")
        raise SignInError("Forkert brugernavn eller adgangskode."
                          " (Wrong username or password.)")
    return _succeed(user, session=session, now=now, method="password")


def sign_in_with_pin(username: str, pin: str, *, unit_id: int, session: Session,
                     now: datetime) -> SignedIn:
    """Sign a member of unit_id in on the unit's shared tablet with their personal PIN."""
    require_writing(session)
    name = _name_to_try(username)
    _refuse_if_locked(name, session=session, now=now, method="pin")
    user = _live_user(name, session=session)
    usable = (user is not None and user.role in PIN_ROLES
              and rights_of(user.username, session=session).allows("unit.read", unit_id))
    if not verify_password(user.pin_hash if usable else _decoy_hash(), pin) or not usable:
        _fail(name, session=session, now=now, method="pin")
        raise SignInError("Forkert PIN-kode. (Wrong PIN.)")
    return _succeed(user, session=session, now=now, method="pin")


def sign_in_single(username: str, *, role: str, display_name: str = "", session: Session,
                   now: datetime) -> SignedIn:
    """Sign in a user the identity provider vouches for, with the role its claims map to.

    The local account is made on the first sign-in and follows the provider's role
    after that; its units are the memberships an administrator gives it.
    """
    require_writing(session)
    name = username.strip().lower()
    user = session.exec(select(User).where(User.username == name)).first()
    if user is not None and (user.deleted_at is not None or not user.active):
        raise SignInError("Din konto i Tavle er deaktiveret; kontakt en administrator."
                          " (Your Tavle account is deactivated; ask an administrator.)")
    if user is None:
        create_user(name, role=role, display_name=display_name, session=session,
                    actor=SINGLE_SIGN_ON_ACTOR)
    elif user.role != role:
        set_role(user.id, role, session=session, actor=SINGLE_SIGN_ON_ACTOR)
    return _succeed(_live_user(name, session=session), session=session, now=now,
                    method="single-sign-on")


def tablet_users(unit_id: int, *, session: Session) -> list[tuple[str, str]]:
    """Return (username, name) of the unit's own members who may sign in there with a PIN.

    Members of the unit itself only (not of the area above it), so a tablet lists its team.
    """
    users = session.exec(
        select(User).join(Membership, Membership.user_id == User.id)
        .where(Membership.unit_id == unit_id, User.deleted_at.is_(None), User.active,
               User.pin_hash.is_not(None), User.role.in_(PIN_ROLES))
        .order_by(User.display_name, User.username)).all()
    return [(user.username, user.display_name or user.username) for user in users]


def locked_until(username: str, *, session: Session, now: datetime) -> datetime | None:
    """Return when the username's lockout ends, or None when it may sign in.

    Failures count within the window and after the last sign-in that succeeded.
    """
    name = username.strip().lower()
    query = select(SignInAttempt.at).where(SignInAttempt.username == name,
                                           SignInAttempt.outcome == "wrong",
                                           SignInAttempt.at > now - LOCKOUT_WINDOW)
    last_success = session.exec(select(SignInAttempt.at).where(
        SignInAttempt.username == name, SignInAttempt.outcome == "signed_in")
        .order_by(SignInAttempt.at.desc()).limit(1)).first()
    if last_success is not None:
        query = query.where(SignInAttempt.at > last_success)
    failures = session.exec(query.order_by(SignInAttempt.at.desc())
                            .limit(MAX_FAILED_SIGN_INS)).all()
    if len(failures) < MAX_FAILED_SIGN_INS:
        return None
    return _aware(failures[-1]) + LOCKOUT_WINDOW


def _name_to_try(username: str) -> str:
    """Return the username in its stored form; refuse at once what no username can be.

    Such a name (a CPR number typed by habit, say) is not written down as an attempt:
    personal data stays out, and no account can be locked or guessed through it.
    """
    name = username.strip().lower()
    if not USERNAME_PATTERN.fullmatch(name) or looks_like_cpr(name):
        hint_da, hint_en = ((" Brug dit brugernavn i Tavle, ikke dit CPR-nummer.",
                             " Use your Tavle username, not your CPR number.")
                            if looks_like_cpr(name) else ("", ""))
        raise SignInError(f"Forkert brugernavn eller adgangskode.{hint_da}"
                          f" (Wrong username or password.{hint_en})")
    return name


def _refuse_if_locked(name: str, *, session: Session, now: datetime, method: str) -> None:
    """Raise LockedOutError (and note the refused try) while the username is locked out."""
    until = locked_until(name, session=session, now=now)
    if until is None:
        return
    session.add(SignInAttempt(username=name, at=now, method=method, outcome="locked"))
    minutes = max(1, round((until - now).total_seconds() / 60))
    raise LockedOutError(
        f"For mange forkerte forsøg. Prøv igen om {minutes} minutter, eller bed en"
        f" administrator om hjælp. (Too many failed attempts. Try again in {minutes} minutes.)",
        until=until)


def _fail(name: str, *, session: Session, now: datetime, method: str) -> None:
    """Count a failed try; the one that locks the username out is written to the audit log."""
    session.add(SignInAttempt(username=name, at=now, method=method, outcome="wrong"))
    session.flush()
    until = locked_until(name, session=session, now=now)
    if until is not None:
        user = _live_user(name, session=session)
        record_note(session, actor=SIGN_IN_ACTOR, action="lockout", table_name="app_user",
                    row_id=user.id if user else None, after={
                        "username": name, "known_user": user is not None, "method": method,
                        "failures": MAX_FAILED_SIGN_INS,
                        "window_minutes": LOCKOUT_WINDOW.seconds // 60,
                        "until": until.isoformat()})


def _succeed(user: User, *, session: Session, now: datetime, method: str) -> SignedIn:
    """Note the sign-in (it ends the count of failures) and return who signed in."""
    session.add(SignInAttempt(username=user.username, at=now, method=method, outcome="signed_in"))
    return SignedIn(user.username, user.display_name, user.role, user.is_demo, method)


@cache
def _decoy_hash() -> str:
    """Return a hash to verify against when the username is unknown: a miss costs a hit's time."""
    return hash_password("decoy password that no account has")


def _live_user(name: str, *, session: Session) -> User | None:
    """Return the live, active account with this username, or None."""
    return session.exec(select(User).where(User.username == name, User.deleted_at.is_(None),
                                           User.active)).first()


def _aware(moment: datetime) -> datetime:
    """Return moment with UTC attached (SQLite hands back naive times that were stored in UTC)."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
