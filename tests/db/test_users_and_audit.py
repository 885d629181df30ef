"""Users, memberships and the audit log (who, when, what, before, after; never a secret)."""

import pytest
from argon2 import PasswordHasher, extract_parameters

from db.audit import read_audit
from db.engine import read_session, write_session
from db.errors import ValidationError
from db.users import (
    add_membership,
    create_user,
    delete_user,
    find_user,
    has_admin,
    member_unit_ids,
    remove_membership,
    restore_user,
    set_password,
    set_pin,
    verify_password,
)


def test_a_user_signs_in_with_the_password_and_not_another(engine):
    with write_session(engine) as session:
        create_user("anna", role="registrant", password="rigtig-kode", session=session,
                    actor="system:admin")
    with read_session(engine) as session:
        stored = find_user("anna", session=session).password_hash
    assert stored.startswith("$argon2id$")
    assert verify_password(stored, "rigtig-kode") and not verify_password(stored, "forkert-kode")


@pytest.mark.real_password_cost
def test_passwords_and_pins_are_hashed_at_argon2s_default_cost(engine):
    with write_session(engine) as session:
        user_id = create_user("anna", role="teamleder", password="rigtig-kode", session=session,
                              actor="system:admin")
        set_pin(user_id, "4711", session=session, actor="system:admin")
    with read_session(engine) as session:
        anna = find_user("anna", session=session)
    default = PasswordHasher()
    for stored in (anna.password_hash, anna.pin_hash):
        cost = extract_parameters(stored)
        assert (cost.time_cost, cost.memory_cost, cost.parallelism) == (
            default.time_cost, default.memory_cost, default.parallelism)
    assert default.memory_cost >= 19 * 1024  # at least OWASP's argon2id minimum (19 MiB)


def test_a_username_is_unique_and_a_role_must_be_known(engine):
    with write_session(engine) as session:
        create_user("anna", role="registrant", session=session, actor="system:admin")
    for username, role in (("anna", "registrant"), ("bo", "chef")):
        with pytest.raises(ValidationError), write_session(engine) as session:
            create_user(username, role=role, session=session, actor="system:admin")


def test_memberships_say_which_units_a_user_belongs_to(engine, place):
    with write_session(engine) as session:
        user = create_user("anna", role="teamleder", session=session, actor="system:admin")
        add_membership(user, place["unit"], session=session, actor="system:admin")
        add_membership(user, place["other"], session=session, actor="system:admin")
        add_membership(user, place["unit"], session=session, actor="system:admin")  # already there
        remove_membership(user, place["other"], session=session, actor="system:admin")
    with read_session(engine) as session:
        assert member_unit_ids(user, session=session) == [place["unit"]]


def test_the_audit_log_never_holds_a_password_or_its_hash(engine):
    with write_session(engine) as session:
        user = create_user("anna", role="admin", password="hemmelig-1", session=session,
                           actor="system:admin")
        set_password(user, "hemmelig-2", session=session, actor="system:admin")
    with read_session(engine) as session:
        audit = read_audit(session=session, actor="system", table_name="app_user")
        stored = find_user("anna", session=session).password_hash
    text = str(audit.to_dict("records"))
    assert "hemmelig" not in text and stored not in text
    assert audit.iloc[0]["after"]["password_hash"] == "***"


def test_a_deleted_administrator_no_longer_counts_and_can_be_restored(engine):
    with write_session(engine) as session:
        user = create_user("boss", role="admin", session=session, actor="system")
    with write_session(engine) as session:
        delete_user(user, session=session, actor="system")
    with read_session(engine) as session:
        assert not has_admin(session=session) and find_user("boss", session=session) is None
    with write_session(engine) as session:
        restore_user(user, session=session, actor="system")
    with read_session(engine) as session:
        assert has_admin(session=session)


def test_every_change_names_who_made_it_and_can_be_filtered_by_unit(engine, place):
    with read_session(engine) as session:
        for_unit = read_audit(session=session, actor="system", unit_id=place["unit"])
        by_test = read_audit(session=session, actor="system", by="system:test")
    assert set(for_unit["unit_id"]) <= {place["unit"]}
    assert set(by_test["actor"]) == {"system:test"} and len(by_test) >= 4
