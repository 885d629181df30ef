"""Wall-screen links: a secret token per unit, stored only as its hash, revoked for good."""

import hashlib

import pytest

from db import (
    PermissionDeniedError,
    ValidationError,
    board_link_actor,
    board_link_unit,
    create_board_link,
    delete_unit,
    list_board_links,
    read_session,
    revoke_board_link,
    write_session,
)

ADMIN = "system:test"


@pytest.fixture
def link(engine, place):
    with write_session(engine) as session:
        return create_board_link(place["unit"], label="Personalestuen", session=session,
                                 actor=ADMIN)


def actor_of(engine, token):
    with read_session(engine) as session:
        return board_link_actor(token, session=session)


def test_a_link_reads_as_its_own_actor_for_its_unit(engine, place, link):
    assert actor_of(engine, link.token) == f"board-link:{link.id}"
    with read_session(engine) as session:
        assert board_link_unit(f"board-link:{link.id}", session=session) == place["unit"]
        assert board_link_unit("anna", session=session) is None


def test_the_token_is_long_random_and_only_its_hash_is_kept(engine, link):
    assert len(link.token) >= 32
    with engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT token_hash FROM board_link").all()
        audit = connection.exec_driver_sql("SELECT after FROM audit_log").all()
    assert rows == [(hashlib.sha256(link.token.encode()).hexdigest(),)]
    assert link.token not in str(audit)


@pytest.mark.parametrize("token", ["", "gæt", "x" * 32])
def test_a_wrong_token_reads_as_nobody(engine, link, token):
    assert actor_of(engine, token) is None


def test_a_revoked_link_stops_at_once_and_leaves_the_list(engine, link):
    with write_session(engine) as session:
        revoke_board_link(link.id, session=session, actor=ADMIN)
        revoke_board_link(link.id, session=session, actor=ADMIN)  # twice changes nothing
    assert actor_of(engine, link.token) is None
    with read_session(engine) as session:
        assert list_board_links(session=session, actor=ADMIN).empty
        listed = list_board_links(session=session, actor=ADMIN, include_revoked=True)
    assert listed["revoked"].tolist() == [True] and listed["label"].tolist() == ["Personalestuen"]


def test_a_link_to_a_deleted_unit_reads_as_nobody(engine, place, link):
    with write_session(engine) as session:
        delete_unit(place["unit"], session=session, actor=ADMIN)
    assert actor_of(engine, link.token) is None


def test_only_an_administrator_makes_and_revokes_links(engine, place, link):
    for change in (lambda s: create_board_link(place["unit"], session=s, actor="board-link:1"),
                   lambda s: revoke_board_link(link.id, session=s, actor="nobody")):
        with pytest.raises(PermissionDeniedError), write_session(engine) as session:
            change(session)


def test_a_links_label_takes_no_cpr_number(engine, place):
    with pytest.raises(ValidationError, match="CPR"), write_session(engine) as session:
        create_board_link(place["unit"], label="Hos 010203-1234", session=session, actor=ADMIN)
