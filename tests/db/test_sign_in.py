"""Signing in: passwords, a unit's tablet PIN, single sign-on, and the lockout after failures."""

from datetime import UTC, datetime, timedelta

import pytest

from db import (
    LOCKOUT_WINDOW,
    MAX_FAILED_SIGN_INS,
    LockedOutError,
    SignInError,
    ValidationError,
    add_membership,
    create_user,
    find_user,
    locked_until,
    read_audit,
    read_session,
    set_pin,
    set_role,
    sign_in,
    sign_in_single,
    sign_in_with_pin,
    tablet_users,
    write_session,
)

SYSTEM = "system:test"
NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


@pytest.fixture
def anna(engine, place):
    """Anna, registrant of Solbakken, with a password and the PIN 4821."""
    with write_session(engine) as session:
        user = create_user("anna", role="registrant", display_name="Anna Holm",
                           password="rigtig-kode", session=session, actor=SYSTEM)
        add_membership(user, place["unit"], session=session, actor=SYSTEM)
        set_pin(user, "4821", session=session, actor=SYSTEM)
    return user


def attempt(engine, password, *, at=NOW, username="anna"):
    return sign_in(username, password, engine=engine, now=at)


def attempt_pin(engine, pin, unit_id, *, at=NOW, username="anna"):
    return sign_in_with_pin(username, pin, unit_id=unit_id, engine=engine, now=at)


def fail(engine, times, *, at=NOW, username="anna"):
    for _ in range(times):
        with pytest.raises(SignInError):
            attempt(engine, "forkert", at=at, username=username)


def test_the_right_password_signs_in_with_name_role_and_method(engine, anna):
    user = attempt(engine, "rigtig-kode")
    assert (user.username, user.name, user.role, user.method) == (
        "anna", "Anna Holm", "registrant", "password")
    assert attempt(engine, "rigtig-kode", username="  ANNA ").username == "anna"


def test_a_wrong_password_and_an_unknown_name_get_the_same_answer(engine, anna):
    with pytest.raises(SignInError) as wrong:
        attempt(engine, "forkert")
    with pytest.raises(SignInError) as unknown:
        attempt(engine, "rigtig-kode", username="ukendt")
    assert str(wrong.value) == str(unknown.value) == "Forkert brugernavn eller adgangskode."
    assert wrong.value.text("da") == unknown.value.text("da") == (
        "Forkert brugernavn eller adgangskode.")
    assert wrong.value.text("en") == unknown.value.text("en") == "Wrong username or password."


def test_the_fifth_failure_within_15_minutes_locks_out_even_the_right_password(engine, anna):
    fail(engine, MAX_FAILED_SIGN_INS - 1)
    assert attempt(engine, "rigtig-kode", at=NOW + timedelta(minutes=1)).username == "anna"
    fail(engine, MAX_FAILED_SIGN_INS - 1, at=NOW + timedelta(minutes=2))  # the count began again
    fail(engine, 1, at=NOW + timedelta(minutes=3))
    with pytest.raises(LockedOutError) as locked:
        attempt(engine, "rigtig-kode", at=NOW + timedelta(minutes=4))
    assert locked.value.until == NOW + timedelta(minutes=2) + LOCKOUT_WINDOW
    assert "Prøv igen om 13 minutter" in str(locked.value)


def test_failures_spread_over_more_than_15_minutes_do_not_lock_out(engine, anna):
    for minute in range(0, 5 * 4, 4):  # five failures, four minutes apart: 16 minutes
        fail(engine, 1, at=NOW + timedelta(minutes=minute))
    with read_session(engine) as session:
        assert locked_until("anna", session=session, now=NOW + timedelta(minutes=17)) is None


def test_the_lockout_ends_when_its_window_has_passed(engine, anna):
    fail(engine, MAX_FAILED_SIGN_INS)
    with pytest.raises(LockedOutError):
        attempt(engine, "rigtig-kode", at=NOW + LOCKOUT_WINDOW - timedelta(seconds=1))
    assert attempt(engine, "rigtig-kode", at=NOW + LOCKOUT_WINDOW).username == "anna"


def test_the_lockout_is_written_to_the_audit_log_once_without_the_password(engine, anna):
    fail(engine, MAX_FAILED_SIGN_INS + 2)
    with read_session(engine) as session:
        lockouts = read_audit(session=session, actor=SYSTEM, table_name="app_user")
        lockouts = lockouts[lockouts["action"] == "lockout"]
    assert len(lockouts) == 1
    row = lockouts.iloc[0]
    assert row["actor"] == "system:sign-in" and row["row_id"] == anna
    assert row["after"]["username"] == "anna" and row["after"]["failures"] == 5
    assert "forkert" not in str(row.to_dict())


def test_an_unknown_name_locks_out_like_a_known_one(engine, anna):
    fail(engine, MAX_FAILED_SIGN_INS, username="bo")
    with pytest.raises(LockedOutError):
        attempt(engine, "hvad-som-helst", username="bo")


def test_a_cpr_number_typed_as_username_is_refused_and_never_written_down(engine, anna):
    for _ in range(MAX_FAILED_SIGN_INS + 1):
        with pytest.raises(SignInError, match="ikke dit CPR-nummer"):
            attempt(engine, "x", username="010203-1234")
    with engine.connect() as connection:
        names = connection.exec_driver_sql("SELECT username FROM sign_in_attempt").all()
    assert names == []


def test_a_member_signs_in_on_the_units_tablet_with_their_own_pin(engine, place, anna):
    user = attempt_pin(engine, "4821", place["unit"])
    assert (user.username, user.method) == ("anna", "pin")
    with read_session(engine) as session:
        assert tablet_users(place["unit"], session=session) == [("anna", "Anna Holm")]
        assert tablet_users(place["other"], session=session) == []


def test_a_pin_does_not_open_another_units_tablet_nor_does_a_wrong_one(engine, place, anna):
    for pin, unit in (("4821", place["other"]), ("1234", place["unit"])):
        with pytest.raises(SignInError, match="Forkert PIN-kode"):
            attempt_pin(engine, pin, unit)


def test_wrong_pins_count_towards_the_same_lockout_as_wrong_passwords(engine, place, anna):
    fail(engine, MAX_FAILED_SIGN_INS - 1)
    with pytest.raises(SignInError):
        attempt_pin(engine, "0000", place["unit"])
    with pytest.raises(LockedOutError):
        attempt_pin(engine, "4821", place["unit"])


@pytest.mark.parametrize("pin", ["123", "1234567", "12a4", "١٢٣٤", ""])
def test_a_pin_is_four_to_six_digits(engine, anna, pin):
    with pytest.raises(ValidationError, match="4-6 cifre"), write_session(engine) as session:
        set_pin(anna, pin, session=session, actor=SYSTEM)


def test_only_tablet_roles_keep_a_pin_and_a_new_role_drops_it(engine, place, anna):
    with write_session(engine) as session:
        boss = create_user("boss", role="leder", session=session, actor=SYSTEM)
    with pytest.raises(ValidationError, match="kun registranter og teamledere"), \
            write_session(engine) as session:
        set_pin(boss, "4821", session=session, actor=SYSTEM)
    with write_session(engine) as session:
        set_role(anna, "admin", session=session, actor=SYSTEM)
    with read_session(engine) as session:
        assert find_user("anna", session=session).pin_hash is None


def test_a_user_may_set_their_own_pin_but_not_anothers(engine, place, anna):
    with write_session(engine) as session:
        bo = create_user("bo", role="registrant", session=session, actor=SYSTEM)
        set_pin(anna, "5555", session=session, actor="anna")
    assert attempt_pin(engine, "5555", place["unit"]).username == "anna"
    with pytest.raises(Exception, match="administrere brugere"), write_session(engine) as session:
        set_pin(bo, "5555", session=session, actor="anna")


def test_single_sign_on_makes_the_account_once_and_follows_the_providers_role(engine):
    first = sign_in_single("Ida@Kommune.dk", role="leder", display_name="Ida", engine=engine,
                           now=NOW)
    later = sign_in_single("ida@kommune.dk", role="teamleder", engine=engine, now=NOW)
    assert (first.username, first.role, first.method) == ("ida@kommune.dk", "leder",
                                                          "single-sign-on")
    assert later.role == "teamleder"
    with read_session(engine) as session:
        account = find_user("ida@kommune.dk", session=session)
        assert account.password_hash is None and account.role == "teamleder"
        assert set(read_audit(session=session, actor=SYSTEM, table_name="app_user")["actor"]) == {
            "system:single-sign-on"}
