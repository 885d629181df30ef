"""Sign in with a password or a unit's tablet PIN; slow down whoever keeps guessing.

    user = sign_in("anna", password, engine=engine, now=now, source="ip:10.0.0.7")
    user = sign_in_with_pin("anna", "4821", unit_id=unit_id, engine=engine, now=now)
                                      # its own transaction: a failed try is written down

Throttling slows an attacker without letting anyone lock a team out:

- per username and way in: password and PIN are counted apart, so PIN guesses on
  a tablet (which lists the team's names) never stop anyone's password sign-in,
  the administrator's included. After MAX_FAILED_SIGN_INS failures (since the
  last success that way, within a day) each further try waits FIRST_DELAY after
  the last failure, doubling with every failure up to LONGEST_DELAY;
- per source (a tablet, an address): more than MAX_FAILED_FROM_A_SOURCE failures
  within SOURCE_WINDOW, whatever the names, slow that source down the same way;
- an administrator unlocks a username at once (Brugere, or `python -m db unlock`),
  which also starts every source afresh.

The first delay of a username is written to the audit log. Unknown usernames
count alike, and cost the same hashing time, so neither the answer nor its speed
tells whether a name exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache

from sqlalchemy import Engine
from sqlmodel import Session, select

from db.audit import record_note
from db.cpr import looks_like_cpr
from db.engine import read_session, require_writing, write_session
from db.errors import StorageError
from db.models import Membership, SignInAttempt, User
from db.permissions import allowed, check_permission
from db.users import (
    PIN_ROLES,
    USERNAME_PATTERN,
    Account,
    create_user,
    find_user,
    hash_password,
    set_role,
    verify_password,
)
from db.validation import LONGEST_TEXT_BY_FIELD

# Free failures per username and way in before the delays begin.
MAX_FAILED_SIGN_INS = 5
FIRST_DELAY = timedelta(seconds=30)
LONGEST_DELAY = timedelta(minutes=15)  # with 4 digits: some 100 PIN guesses a day, not 480
# Failures older than this are forgotten (a success or an unlock forgets them at once).
REMEMBERED_FOR = timedelta(days=1)
# A source (a tablet, an address) may fail this often within the window across all names.
MAX_FAILED_FROM_A_SOURCE = 20
SOURCE_WINDOW = timedelta(minutes=15)
_LAST_FAILURES = 16  # enough to reach LONGEST_DELAY; no need to count further
# The audit log names the sign-in itself as the actor of a lockout: whoever typed is unknown.
SIGN_IN_ACTOR = "system:sign-in"
# ... and the identity provider as the actor that creates or re-roles a single sign-on account.
SINGLE_SIGN_ON_ACTOR = "system:single-sign-on"


class SignInError(StorageError):
    """The username and password (or PIN) do not match a live account."""


class LockedOutError(SignInError):
    """Too many failed sign-ins for this username or from this source; try again later."""

    def __init__(self, danish: str, english: str, *, until: datetime):
        super().__init__(danish, english)
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


def sign_in(username: str, password: str, *, engine: Engine, now: datetime,
            source: str | None = None) -> SignedIn:
    """Return the signed-in user, or raise SignInError / LockedOutError (and count the failure).

    Takes the engine, not a session: the try is written down in its own transaction,
    which commits whether the password was right or not. The slow hash is checked
    outside it, so other writers do not wait for it.
    """
    name = _name_to_try(username)
    account = _account_unless_locked(name, engine=engine, now=now, method="password",
                                     source=source)
    right = verify_password(account.password_hash if account else _decoy_hash(), password)
    return _conclude(name, account if right else None, engine=engine, now=now,
                     method="password", source=source, refusal=SignInError(
                         "Forkert brugernavn eller adgangskode.", "Wrong username or password."))


def sign_in_with_pin(username: str, pin: str, *, unit_id: int, engine: Engine,
                     now: datetime, source: str | None = None) -> SignedIn:
    """Sign a member of unit_id in on the unit's shared tablet with their personal PIN.

    The source defaults to the unit's tablet; the app adds the address it knows.
    """
    name = _name_to_try(username)
    source = source or f"tablet:{unit_id}"
    account = _account_unless_locked(name, engine=engine, now=now, method="pin", source=source)
    if account is not None:
        with read_session(engine) as session:
            usable = (account.role in PIN_ROLES and account.pin_hash is not None
                      and allowed(session, actor=account.username, action="unit.read",
                                  unit_id=unit_id))
        account = account if usable else None
    right = verify_password(account.pin_hash if account else _decoy_hash(), pin)
    return _conclude(name, account if right else None, engine=engine, now=now, method="pin",
                     source=source, refusal=SignInError("Forkert PIN-kode.", "Wrong PIN."))


def sign_in_single(username: str, *, role: str, display_name: str = "", engine: Engine,
                   now: datetime) -> SignedIn:
    """Sign in a user the identity provider vouches for, with the role its claims map to.

    The local account is made on the first sign-in and follows the provider's role
    after that; its units are the memberships an administrator gives it.
    """
    name = username.strip().lower()
    with write_session(engine) as session:
        user = session.exec(select(User).where(User.username == name)).first()
        if user is not None and (user.deleted_at is not None or not user.active):
            raise SignInError("Din konto i Tavle er deaktiveret; kontakt en administrator.",
                              "Your Tavle account is deactivated; ask an administrator.")
        if user is None:
            create_user(name, role=role, display_name=display_name, session=session,
                        actor=SINGLE_SIGN_ON_ACTOR)
        elif user.role != role:
            set_role(user.id, role, session=session, actor=SINGLE_SIGN_ON_ACTOR)
        account = find_user(name, session=session)
        session.add(SignInAttempt(username=name, at=now, method="single-sign-on",
                                  outcome="signed_in"))
        return _signed_in(account, method="single-sign-on")


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


def locked_until(username: str, *, session: Session, now: datetime, method: str = "password",
                 source: str | None = None) -> datetime | None:
    """Return until when the username (this way in) or the source must wait, or None."""
    name = username.strip().lower()
    waits = [_username_wait(name, method=method, session=session, now=now)]
    if source is not None:
        waits.append(_source_wait(source, session=session, now=now))
    until = max((wait for wait in waits if wait is not None), default=None)
    return until if until is not None and until > now else None


def unlock_sign_in(username: str, *, session: Session, actor: str, now: datetime) -> None:
    """Let a username try again at once, by password and by PIN; audited."""
    require_writing(session)
    check_permission(session, actor=actor, action="user.admin", unit_id=None)
    name = username.strip().lower()
    session.add(SignInAttempt(username=name, at=now, method="any", outcome="unlocked"))
    known = find_user(name, session=session)
    record_note(session, actor=actor, action="unlock", table_name="app_user",
                row_id=known.id if known else None, after={"username": name})


def delay_after(failures: int, free: int) -> timedelta | None:
    """Return the wait after failures (None while they are within the free ones)."""
    if failures < free:
        return None
    return min(FIRST_DELAY * 2 ** min(failures - free, _LAST_FAILURES), LONGEST_DELAY)


def _username_wait(name: str, *, method: str, session: Session, now: datetime) -> datetime | None:
    """Return until when name must wait to try this way in, counted since its last fresh start."""
    fresh_start = session.exec(select(SignInAttempt.at).where(
        SignInAttempt.username == name,
        (SignInAttempt.outcome == "unlocked")
        | ((SignInAttempt.outcome == "signed_in") & (SignInAttempt.method == method)))
        .order_by(SignInAttempt.at.desc()).limit(1)).first()
    query = select(SignInAttempt.at).where(SignInAttempt.username == name,
                                           SignInAttempt.method == method,
                                           SignInAttempt.outcome == "wrong",
                                           SignInAttempt.at > now - REMEMBERED_FOR)
    if fresh_start is not None:
        query = query.where(SignInAttempt.at > fresh_start)
    failures = session.exec(query.order_by(SignInAttempt.at.desc())
                            .limit(MAX_FAILED_SIGN_INS + _LAST_FAILURES)).all()
    delay = delay_after(len(failures), MAX_FAILED_SIGN_INS)
    return None if delay is None else _aware(failures[0]) + delay


def _source_wait(source: str, *, session: Session, now: datetime) -> datetime | None:
    """Return until when a source must wait, after many failures from it under any names.

    An administrator's unlock of anyone starts every source afresh too: the one who
    asks for help is usually on the tablet that was slowed down.
    """
    last_unlock = session.exec(select(SignInAttempt.at).where(
        SignInAttempt.outcome == "unlocked").order_by(SignInAttempt.at.desc()).limit(1)).first()
    since = now - SOURCE_WINDOW if last_unlock is None else max(now - SOURCE_WINDOW,
                                                                _aware(last_unlock))
    failures = session.exec(select(SignInAttempt.at).where(
        SignInAttempt.source == source, SignInAttempt.outcome == "wrong",
        SignInAttempt.at > since).order_by(SignInAttempt.at.desc())
        .limit(MAX_FAILED_FROM_A_SOURCE + _LAST_FAILURES)).all()
    delay = delay_after(len(failures), MAX_FAILED_FROM_A_SOURCE)
    return None if delay is None else _aware(failures[0]) + delay


def _name_to_try(username: str) -> str:
    """Return the username in its stored form; refuse at once what no username can be.

    Such a name (a CPR number typed by habit, say) is not written down as an attempt:
    personal data stays out, and no account can be locked or guessed through it.
    """
    name = username.strip().lower()
    if (len(name) > LONGEST_TEXT_BY_FIELD["username"] or not USERNAME_PATTERN.fullmatch(name)
            or looks_like_cpr(name)):
        hint_da, hint_en = ((" Brug dit brugernavn i Tavle, ikke dit CPR-nummer.",
                             " Use your Tavle username, not your CPR number.")
                            if looks_like_cpr(name) else ("", ""))
        raise SignInError(f"Forkert brugernavn eller adgangskode.{hint_da}",
                          f"Wrong username or password.{hint_en}")
    return name


def _account_unless_locked(name: str, *, engine: Engine, now: datetime, method: str,
                           source: str | None) -> Account | None:
    """Return the live account named (None if none), or raise LockedOutError (noting the try)."""
    with read_session(engine) as session:
        until = locked_until(name, session=session, now=now, method=method, source=source)
        account = find_user(name, session=session)
    if until is None:
        return account if account is not None and account.active else None
    with write_session(engine) as session:
        session.add(SignInAttempt(username=name, at=now, method=method, outcome="locked",
                                  source=source))
    seconds = max(1, round((until - now).total_seconds()))
    wait_da, wait_en = ((f"{seconds} sekunder", f"{seconds} seconds") if seconds < 90 else
                        (f"{round(seconds / 60)} minutter", f"{round(seconds / 60)} minutes"))
    other_da, other_en = ((" Du kan stadig logge ind med adgangskode.",
                           " You can still sign in with your password.")
                          if method == "pin" else ("", ""))
    raise LockedOutError(
        f"For mange forkerte forsøg. Prøv igen om {wait_da}, eller bed en administrator om at"
        f" låse op.{other_da}",
        f"Too many failed attempts. Try again in {wait_en}, or ask an administrator to unlock"
        f" you.{other_en}",
        until=until)


def _conclude(name: str, account: Account | None, *, engine: Engine, now: datetime,
              method: str, source: str | None, refusal: SignInError) -> SignedIn:
    """Write the try down; return who signed in, or raise refusal once the failure is saved.

    The failure that starts the username's delays is written to the audit log as well.
    """
    with write_session(engine) as session:
        if account is not None:
            session.add(SignInAttempt(username=name, at=now, method=method,
                                      outcome="signed_in", source=source))
            return _signed_in(account, method=method)
        session.add(SignInAttempt(username=name, at=now, method=method, outcome="wrong",
                                  source=source))
        session.flush()
        until = _username_wait(name, method=method, session=session, now=now)
        if until is not None and until == now + FIRST_DELAY:
            known = find_user(name, session=session)
            record_note(session, actor=SIGN_IN_ACTOR, action="lockout", table_name="app_user",
                        row_id=known.id if known else None, after={
                            "username": name, "known_user": known is not None,
                            "method": method, "failures": MAX_FAILED_SIGN_INS,
                            "until": until.isoformat()})
    raise refusal


def _signed_in(account: Account, *, method: str) -> SignedIn:
    """Return the account as the app keeps it."""
    return SignedIn(account.username, account.display_name, account.role, account.is_demo,
                    method)


@cache
def _decoy_hash() -> str:
    """Return a hash to verify against when the username is unknown: a miss costs a hit's time."""
    return hash_password("decoy password that no account has")


def _aware(moment: datetime) -> datetime:
    """Return moment with UTC attached (SQLite hands back naive times that were stored in UTC)."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
