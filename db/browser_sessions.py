"""Signed-in browsers kept in the database, so a reload, a tablet waking or another server keeps them.

    started = start_browser_session(user, session=s, now=now)   # at sign-in
    token = exchange_handover(started.handover, session=s, now=now)  # the cookie route, once
    resume_browser_session(token, idle_seconds=600, session=s, now=now)  # a new page: SignedIn
    end_browser_session(started.id, why="by_hand", session=s, now=now)   # sign-out
    end_idle_browser_session(started.id, idle_seconds=600, session=s, now=now)  # a tab idled
    browser_session_ended(started.id, session=s)  # signed out in another tab?

The page cannot set an HttpOnly cookie itself: it hands a one-time secret to a
small route of the server, which exchanges it for the session's token and puts
that in the cookie. Only SHA-256 hashes of both are stored (192 random bits each,
so a plain hash is enough, as for wall-screen links): a copy of the database
resumes no session. A session ends by hand, after the idle window without a
sign of life, or when its user is deactivated; an ended session's cookie does nothing.
Each sign-in deletes the rows of sessions unseen for KEEP_DAYS, ended or not (far
past any idle window), so a region's table holds a month of sign-ins, not years.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlmodel import Session, delete, select

from db.engine import require_writing
from db.models import BrowserSession, User
from db.sign_in import SignedIn

SECRET_BYTES = 24  # 192 bits
# The page hands its secret to the cookie route at once; a minute covers a slow tablet.
HANDOVER_SECONDS = 60
END_REASONS = ("by_hand", "idle", "gone")
KEEP_DAYS = 30  # a month of sign-ins stays, to see who was signed in lately


@dataclass(frozen=True)
class StartedBrowserSession:
    """A session just started: its id, and the one-time secret the page hands to the cookie route."""

    id: int
    handover: str


def start_browser_session(user: SignedIn, *, session: Session,
                          now: datetime) -> StartedBrowserSession:
    """Start keeping user's sign-in for this browser; return its id and one-time handover secret."""
    require_writing(session)
    prune_browser_sessions(session=session, now=now)
    handover = secrets.token_urlsafe(SECRET_BYTES)
    row = BrowserSession(username=user.username, method=user.method,
                         handover_hash=_digest(handover),
                         handover_until=now + timedelta(seconds=HANDOVER_SECONDS),
                         created_at=now, last_seen_at=now)
    session.add(row)
    session.flush()
    return StartedBrowserSession(row.id, handover)


def prune_browser_sessions(*, session: Session, now: datetime) -> int:
    """Delete the sessions unseen for KEEP_DAYS days; return how many went."""
    require_writing(session)
    gone = session.exec(delete(BrowserSession).where(
        BrowserSession.last_seen_at < now - timedelta(days=KEEP_DAYS)))
    return gone.rowcount


def exchange_handover(handover: str, *, session: Session, now: datetime) -> str | None:
    """Trade a live handover secret, once, for the session's token; None when it is not live."""
    require_writing(session)
    row = session.exec(select(BrowserSession).where(
        BrowserSession.handover_hash == _digest(handover))).first()
    if row is None:
        return None
    row.handover_hash = None  # once only, live or not: a replayed secret finds nothing
    live = (row.ended_at is None and row.token_hash is None
            and row.handover_until is not None and now <= _aware(row.handover_until))
    row.handover_until = None
    session.add(row)
    if not live:
        return None
    token = secrets.token_urlsafe(SECRET_BYTES)
    row.token_hash = _digest(token)
    return token


def resume_browser_session(token: str, *, idle_seconds: float, session: Session,
                           now: datetime) -> tuple[int, SignedIn] | None:
    """Return (id, user) of the live session the token names, counting this as a sign of life.

    None when the token names no session, an ended one, one idle longer than
    idle_seconds (which ends it), or one whose user may no longer sign in.
    """
    require_writing(session)
    row = _by_token(token, session=session)
    if row is None or row.ended_at is not None:
        return None
    if now - _aware(row.last_seen_at) >= timedelta(seconds=idle_seconds):
        _end(row, why="idle", now=now, session=session)
        return None
    user = session.exec(select(User).where(User.username == row.username,
                                           User.deleted_at.is_(None))).first()
    if user is None or not user.active:
        _end(row, why="gone", now=now, session=session)
        return None
    row.last_seen_at = now
    session.add(row)
    return row.id, SignedIn(user.username, user.display_name, user.role, user.is_demo, row.method)


def touch_browser_session(session_id: int, *, session: Session, now: datetime) -> None:
    """Note a sign of life of a live session (a click), so the idle window counts from now."""
    require_writing(session)
    row = session.get(BrowserSession, session_id)
    if row is not None and row.ended_at is None:
        row.last_seen_at = now
        session.add(row)


def end_browser_session(session_id: int, *, why: str, session: Session, now: datetime) -> None:
    """End a session for good (sign-out by hand or for idling): its cookie no longer signs in."""
    require_writing(session)
    if why not in END_REASONS:
        raise ValueError(f"why must be one of {END_REASONS}, not {why!r}")
    row = session.get(BrowserSession, session_id)
    if row is not None and row.ended_at is None:
        _end(row, why=why, now=now, session=session)


def end_idle_browser_session(session_id: int, *, idle_seconds: float, session: Session,
                             now: datetime) -> bool:
    """End a session no tab has kept alive for idle_seconds (idle); return whether it has ended.

    One tab that idles out leaves the session to another tab of the same browser still
    in use: that tab's clicks are written as signs of life (touch_browser_session).
    """
    require_writing(session)
    row = session.get(BrowserSession, session_id)
    if row is None or row.ended_at is not None:
        return True
    if now - _aware(row.last_seen_at) < timedelta(seconds=idle_seconds):
        return False
    _end(row, why="idle", now=now, session=session)
    return True


def browser_session_ended(session_id: int, *, session: Session) -> bool:
    """Tell whether a session has ended: signed out or idled out in another tab, or its user gone."""
    row = session.get(BrowserSession, session_id)
    return row is None or row.ended_at is not None


def end_browser_session_of_token(token: str, *, session: Session, now: datetime) -> None:
    """End the session a cookie names (the cookie route's sign-out), if it is live."""
    require_writing(session)
    row = _by_token(token, session=session)
    if row is not None and row.ended_at is None:
        _end(row, why="by_hand", now=now, session=session)


def _by_token(token: str, *, session: Session) -> BrowserSession | None:
    return session.exec(select(BrowserSession).where(
        BrowserSession.token_hash == _digest(token))).first()


def _end(row: BrowserSession, *, why: str, now: datetime, session: Session) -> None:
    row.ended_at, row.ended_why = now, why
    row.handover_hash = row.handover_until = None
    session.add(row)


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _aware(moment: datetime) -> datetime:
    """Return moment with UTC attached (SQLite hands back naive times that were stored in UTC)."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
