"""The session cookie's signature and its key file."""

from __future__ import annotations

import stat
from concurrent.futures import ThreadPoolExecutor

import pytest

from app.access.session_cookie import (
    KEY_BYTES,
    load_or_create_key,
    signed_cookie,
    token_of_cookie,
)

KEY = bytes(range(32))


def test_a_signed_cookie_gives_its_token_back():
    assert token_of_cookie(signed_cookie("abc-DEF_123", KEY), KEY) == "abc-DEF_123"


@pytest.mark.parametrize("value", [None, "", "abc", ".", "abc.", ".signature", "abc.forged"])
def test_a_cookie_without_a_good_signature_gives_no_token(value):
    assert token_of_cookie(value, KEY) is None


def test_a_cookie_signed_with_another_key_gives_no_token():
    assert token_of_cookie(signed_cookie("abc", bytes(32)), KEY) is None


def test_a_token_changed_under_its_signature_gives_no_token():
    token, signature = signed_cookie("abc", KEY).split(".")
    assert token_of_cookie(f"abd.{signature}", KEY) is None


def test_the_key_is_made_once_readable_by_its_owner_only_and_then_kept(tmp_path):
    path = tmp_path / "data" / "session.key"
    key = load_or_create_key(path)
    assert len(key) == KEY_BYTES
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_or_create_key(path) == key
    assert [p.name for p in path.parent.iterdir()] == ["session.key"]  # no drafts left


def test_servers_starting_at_once_agree_on_one_key(tmp_path):
    path = tmp_path / "session.key"
    with ThreadPoolExecutor(8) as pool:
        keys = set(pool.map(lambda _: load_or_create_key(path), range(16)))
    assert len(keys) == 1


def test_a_cut_key_file_is_refused_rather_than_signed_with(tmp_path):
    path = tmp_path / "session.key"
    path.write_text("abcd\n", encoding="ascii")
    with pytest.raises(ValueError, match="shorter"):
        load_or_create_key(path)
