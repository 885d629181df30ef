"""Signing in: passwords, a unit's tablet PIN, single sign-on, and the lockout after failures."""

from datetime import UTC, datetime, timedelta

import pytest
from argon2 import extract_parameters

from db import (
    FIRST_DELAY,
    LONGEST_DELAY,
    MAX_FAILED_SIGN_INS,
    LockedOutError,
    SignInError,
    ValidationError,
    add_membership,
    create_user,
    find_user,
    locked_until,
    make_engine,
    migrate,
    read_audit,
    read_session,
    set_pin,
    set_role,
    sign_in,
    sign_in_single,
    sign_in_with_pin,
    tablet_users,
    unlock_sign_in,
    write_session,
)
from db.__main__ import main
from db.models import User
from db.sign_in import MAX_FAILED_FROM_A_SOURCE

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


def test_after_five_failures_the_next_try_waits_even_with_the_right_password(engine, anna):
    fail(engine, MAX_FAILED_SIGN_INS - 1)
    assert attempt(engine, "rigtig-kode", at=NOW + timedelta(minutes=1)).username == "anna"
    fail(engine, MAX_FAILED_SIGN_INS - 1, at=NOW + timedelta(minutes=2))  # the count began again
    fail(engine, 1, at=NOW + timedelta(minutes=3))
    with pytest.raises(LockedOutError) as locked:
        attempt(engine, "rigtig-kode", at=NOW + timedelta(minutes=3, seconds=10))
    assert locked.value.until == NOW + timedelta(minutes=3) + FIRST_DELAY
    assert "Prøv igen om 20 sekunder" in str(locked.value)
    assert attempt(engine, "rigtig-kode", at=NOW + timedelta(minutes=3) + FIRST_DELAY)


def test_each_further_failure_doubles_the_wait_up_to_fifteen_minutes(engine, anna):
    fail(engine, MAX_FAILED_SIGN_INS)
    at, waits = NOW, []
    for _ in range(8):
        with read_session(engine) as session:
            until = locked_until("anna", session=session, now=at)
        waits.append(until - at)
        at = until
        fail(engine, 1, at=at)
    assert waits == [FIRST_DELAY * 2 ** n for n in range(5)] + [LONGEST_DELAY] * 3


def test_failures_are_remembered_for_a_day_and_then_forgotten(engine, anna):
    fail(engine, MAX_FAILED_SIGN_INS)
    fail(engine, 1, at=NOW + timedelta(hours=23))  # the sixth: the wait doubles
    with read_session(engine) as session:
        assert locked_until("anna", session=session, now=NOW + timedelta(hours=23)) == (
            NOW + timedelta(hours=23) + 2 * FIRST_DELAY)
    fail(engine, 1, at=NOW + timedelta(days=1, hours=1))  # the first five are forgotten
    with read_session(engine) as session:
        assert locked_until("anna", session=session, now=NOW + timedelta(days=1, hours=1)) is None


def test_wrong_pins_never_stop_a_password_sign_in(engine, place, anna):
    for _ in range(MAX_FAILED_SIGN_INS + 3):
        with pytest.raises(SignInError):
            attempt_pin(engine, "0000", place["unit"])
    with pytest.raises(LockedOutError, match="stadig logge ind med adgangskode"):
        attempt_pin(engine, "4821", place["unit"])
    assert attempt(engine, "rigtig-kode").method == "password"


def test_no_number_of_pin_failures_under_the_administrators_name_stops_their_password(
        engine, place):
    with write_session(engine) as session:
        create_user("chef", role="admin", password="chefens-kode", session=session,
                    actor=SYSTEM)
    for minute in range(30):
        with pytest.raises(SignInError):
            attempt_pin(engine, "0000", place["unit"], username="chef",
                        at=NOW + timedelta(minutes=minute))
    assert attempt(engine, "chefens-kode", username="chef",
                   at=NOW + timedelta(minutes=30)).role == "admin"


def test_wrong_passwords_never_stop_a_pin_sign_in(engine, place, anna):
    fail(engine, MAX_FAILED_SIGN_INS + 3)
    assert attempt_pin(engine, "4821", place["unit"]).method == "pin"


def test_a_tablet_guessing_many_names_is_slowed_down_but_other_tablets_are_not(
        engine, place, anna):
    for number in range(MAX_FAILED_FROM_A_SOURCE):  # a different name each time: no user waits
        with pytest.raises(SignInError):
            attempt_pin(engine, "0000", place["unit"], username=f"gaet{number}")
    with pytest.raises(LockedOutError):
        attempt_pin(engine, "4821", place["unit"])
    with write_session(engine) as session:
        add_membership(anna, place["other"], session=session, actor=SYSTEM)
    assert attempt_pin(engine, "4821", place["other"]).username == "anna"
    assert attempt(engine, "rigtig-kode").username == "anna"
    assert attempt_pin(engine, "4821", place["unit"], at=NOW + FIRST_DELAY).username == "anna"


def test_an_administrators_unlock_also_frees_a_slowed_down_tablet(engine, place, anna):
    for number in range(MAX_FAILED_FROM_A_SOURCE):
        with pytest.raises(SignInError):
            attempt_pin(engine, "0000", place["unit"], username=f"gaet{number}")
    with pytest.raises(LockedOutError):
        attempt_pin(engine, "4821", place["unit"], at=NOW + timedelta(seconds=1))
    with write_session(engine) as session:
        unlock_sign_in("anna", session=session, actor=SYSTEM, now=NOW + timedelta(seconds=2))
    assert attempt_pin(engine, "4821", place["unit"],
                       at=NOW + timedelta(seconds=3)).username == "anna"


def test_an_administrator_unlocks_a_user_at_once_and_it_is_audited(engine, place, anna):
    fail(engine, MAX_FAILED_SIGN_INS + 3)
    for _ in range(MAX_FAILED_SIGN_INS):
        with pytest.raises(SignInError):
            attempt_pin(engine, "0000", place["unit"])
    with pytest.raises(Exception, match="administrere brugere"), write_session(engine) as session:
        unlock_sign_in("anna", session=session, actor="anna", now=NOW)
    with write_session(engine) as session:
        unlock_sign_in("anna", session=session, actor=SYSTEM, now=NOW)
    assert attempt(engine, "rigtig-kode").username == "anna"
    assert attempt_pin(engine, "4821", place["unit"]).username == "anna"
    with read_session(engine) as session:
        audit = read_audit(session=session, actor=SYSTEM, table_name="app_user")
    unlocks = audit[audit["action"] == "unlock"]
    assert unlocks[["actor", "row_id"]].values.tolist() == [[SYSTEM, anna]]


def test_the_command_line_unlocks_a_user(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'tavle.db'}"
    engine = make_engine(url)
    migrate(engine)
    with write_session(engine) as session:
        create_user("anna", role="registrant", password="rigtig-kode", session=session,
                    actor=SYSTEM)
    now = datetime.now(UTC)
    fail(engine, MAX_FAILED_SIGN_INS, at=now)
    with pytest.raises(LockedOutError):
        attempt(engine, "rigtig-kode", at=now)
    assert main(["--database-url", url, "--actor", "cli:test", "unlock", "anna"]) == 0
    assert "anna" in capsys.readouterr().out
    assert attempt(engine, "rigtig-kode", at=datetime.now(UTC)).username == "anna"
    engine.dispose()


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


def test_an_unknown_name_waits_like_a_known_one(engine, anna):
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


@pytest.mark.parametrize("pin", ["123", "123456789", "12a4", "١٢٣٤", ""])
def test_a_pin_is_four_to_eight_digits(engine, anna, pin):
    with pytest.raises(ValidationError, match="4-8 cifre"), write_session(engine) as session:
        set_pin(anna, pin, session=session, actor=SYSTEM)


def test_an_eight_digit_pin_signs_in(engine, place, anna):
    with write_session(engine) as session:
        set_pin(anna, "48213377", session=session, actor=SYSTEM)
    assert attempt_pin(engine, "48213377", place["unit"]).username == "anna"


def test_a_pin_hash_costs_as_much_as_a_password_hash(engine, anna):
    with read_session(engine) as session:
        user = session.get(User, anna)
        pin_cost, password_cost = (extract_parameters(user.pin_hash),
                                   extract_parameters(user.password_hash))
    assert pin_cost == password_cost


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
