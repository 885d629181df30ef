"""Browser sessions in the database: a handover once, a token that resumes, an end that sticks."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from db.browser_sessions import (
    HANDOVER_SECONDS,
    KEEP_DAYS,
    browser_session_ended,
    end_browser_session,
    end_browser_session_of_token,
    end_idle_browser_session,
    exchange_handover,
    prune_browser_sessions,
    resume_browser_session,
    start_browser_session,
    touch_browser_session,
)
from db.engine import read_session, write_session
from db.errors import ReadOnlySessionError
from db.models import BrowserSession, User
from db.sign_in import SignedIn
from db.users import create_user, find_user

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
IDLE = 600.0


@pytest.fixture
def anna(engine) -> SignedIn:
    with write_session(engine) as session:
        create_user("anna", role="registrant", session=session, actor="system:test",
                    display_name="Anna Jensen")
    return SignedIn("anna", "Anna Jensen", "registrant", False, "pin")


def started_token(engine, user: SignedIn, *, now: datetime = NOW) -> tuple[int, str]:
    """Start a session and exchange its handover, as sign-in and the cookie route do."""
    with write_session(engine) as session:
        started = start_browser_session(user, session=session, now=now)
    with write_session(engine) as session:
        token = exchange_handover(started.handover, session=session, now=now)
    assert token is not None
    return started.id, token


def resume(engine, token: str, *, now: datetime):
    with write_session(engine) as session:
        return resume_browser_session(token, idle_seconds=IDLE, session=session, now=now)


def test_a_token_resumes_its_user_with_the_way_they_signed_in(engine, anna):
    session_id, token = started_token(engine, anna)
    assert resume(engine, token, now=NOW + timedelta(minutes=1)) == (session_id, anna)


def test_a_handover_is_exchanged_once_only(engine, anna):
    with write_session(engine) as session:
        started = start_browser_session(anna, session=session, now=NOW)
    with write_session(engine) as session:
        assert exchange_handover(started.handover, session=session, now=NOW) is not None
    with write_session(engine) as session:
        assert exchange_handover(started.handover, session=session, now=NOW) is None


def test_a_handover_left_longer_than_its_minute_is_dead(engine, anna):
    with write_session(engine) as session:
        started = start_browser_session(anna, session=session, now=NOW)
    late = NOW + timedelta(seconds=HANDOVER_SECONDS + 1)
    with write_session(engine) as session:
        assert exchange_handover(started.handover, session=session, now=late) is None


def test_only_hashes_of_the_secrets_are_stored(engine, anna):
    with write_session(engine) as session:
        started = start_browser_session(anna, session=session, now=NOW)
        row = session.get(BrowserSession, started.id)
        assert row.handover_hash == hashlib.sha256(started.handover.encode()).hexdigest()
        token = exchange_handover(started.handover, session=session, now=NOW)
        stored = [value for r in session.exec(select(BrowserSession)).all()
                  for value in (r.handover_hash, r.token_hash)]
    assert token not in stored and started.handover not in stored


def test_a_session_idle_for_the_whole_window_ends_and_stays_ended(engine, anna):
    _, token = started_token(engine, anna)
    assert resume(engine, token, now=NOW + timedelta(seconds=IDLE - 1)) is not None
    assert resume(engine, token, now=NOW + timedelta(seconds=2 * IDLE - 1)) is None
    assert resume(engine, token, now=NOW + timedelta(seconds=2 * IDLE)) is None


def test_a_click_counts_as_a_sign_of_life(engine, anna):
    session_id, token = started_token(engine, anna)
    with write_session(engine) as session:
        touch_browser_session(session_id, session=session, now=NOW + timedelta(seconds=IDLE - 1))
    assert resume(engine, token, now=NOW + timedelta(seconds=2 * IDLE - 2)) is not None


def test_a_cookie_of_a_signed_out_session_does_nothing(engine, anna):
    session_id, token = started_token(engine, anna)
    with write_session(engine) as session:
        end_browser_session(session_id, why="by_hand", session=session, now=NOW)
    assert resume(engine, token, now=NOW) is None
    with write_session(engine) as session:  # signing in again does not bring the old one back
        touch_browser_session(session_id, session=session, now=NOW)
    assert resume(engine, token, now=NOW) is None


def test_the_cookie_routes_sign_out_ends_the_session_it_names(engine, anna):
    _, token = started_token(engine, anna)
    with write_session(engine) as session:
        end_browser_session_of_token(token, session=session, now=NOW)
    assert resume(engine, token, now=NOW) is None


def test_a_deactivated_user_is_not_resumed(engine, anna):
    _, token = started_token(engine, anna)
    with write_session(engine) as session:
        account = find_user("anna", session=session)
        session.get(User, account.id).active = False
    assert resume(engine, token, now=NOW) is None


def test_an_unknown_token_resumes_nothing(engine, anna):
    started_token(engine, anna)
    assert resume(engine, "not-a-token", now=NOW) is None


def test_an_unknown_reason_to_end_is_refused(engine, anna):
    session_id, _ = started_token(engine, anna)
    with write_session(engine) as session, pytest.raises(ValueError):
        end_browser_session(session_id, why="because", session=session, now=NOW)


def test_sessions_change_only_in_a_writing_session(engine, anna):
    with read_session(engine) as session, pytest.raises(ReadOnlySessionError):
        start_browser_session(anna, session=session, now=NOW)


def test_a_sign_in_deletes_the_sessions_unseen_for_a_month_and_keeps_the_rest(engine, anna):
    old_ended, _ = started_token(engine, anna, now=NOW - timedelta(days=KEEP_DAYS + 5))
    with write_session(engine) as session:
        end_browser_session(old_ended, why="by_hand", session=session,
                            now=NOW - timedelta(days=KEEP_DAYS + 5))
    forgotten, _ = started_token(engine, anna, now=NOW - timedelta(days=KEEP_DAYS, minutes=1))
    lately, lately_token = started_token(engine, anna, now=NOW - timedelta(days=KEEP_DAYS - 1))
    newest, _ = started_token(engine, anna, now=NOW)
    with read_session(engine) as session:
        kept = set(session.exec(select(BrowserSession.id)).all())
    assert kept == {lately, newest}
    assert old_ended not in kept and forgotten not in kept
    # A row kept for the month is still only history: its idle window ended long ago.
    assert resume(engine, lately_token, now=NOW) is None


def test_pruning_happens_only_in_a_writing_session(engine, anna):
    with read_session(engine) as session, pytest.raises(ReadOnlySessionError):
        prune_browser_sessions(session=session, now=NOW)


def test_an_idle_tab_ends_the_session_only_when_no_tab_kept_it_alive(engine, anna):
    session_id, token = started_token(engine, anna)

    def end_idle(now: datetime) -> bool:
        with write_session(engine) as session:
            return end_idle_browser_session(session_id, idle_seconds=IDLE, session=session,
                                            now=now)

    def ended() -> bool:
        with read_session(engine) as session:
            return browser_session_ended(session_id, session=session)

    # Another tab clicked five minutes ago: the session stays, and its cookie still resumes.
    with write_session(engine) as session:
        touch_browser_session(session_id, session=session, now=NOW + timedelta(minutes=5))
    assert not end_idle(NOW + timedelta(seconds=IDLE))
    assert not ended()
    assert resume(engine, token, now=NOW + timedelta(seconds=IDLE)) is not None
    # Nobody since: now it ends, as idle, for every tab.
    later = NOW + timedelta(seconds=2 * IDLE + 1)
    assert end_idle(later)
    assert ended()
    with read_session(engine) as session:
        assert session.get(BrowserSession, session_id).ended_why == "idle"
    assert end_idle(later + timedelta(seconds=1))  # ended already: still ended
    assert resume(engine, token, now=later) is None


def test_a_session_signed_out_by_hand_or_gone_reads_as_ended(engine, anna):
    session_id, _ = started_token(engine, anna)
    with read_session(engine) as session:
        assert not browser_session_ended(session_id, session=session)
        assert browser_session_ended(session_id + 1000, session=session)  # no such session
    with write_session(engine) as session:
        end_browser_session(session_id, why="by_hand", session=session, now=NOW)
    with read_session(engine) as session:
        assert browser_session_ended(session_id, session=session)
