"""The session cookie's value: the session's token signed with the server's key, and that key.

The token alone already names a session only its browser knows (db.browser_sessions);
the signature lets a server throw away a forged or damaged cookie before asking
the database, and lets an operator end every cookie at once by replacing the key.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from pathlib import Path

COOKIE_NAME = "tavle_session"
# Where the page hands its one-time secret over, and where a sign-out clears the cookie.
COOKIE_ROUTE = "/_tavle/session"
END_ROUTE = "/_tavle/session/end"
KEY_BYTES = 32


def signed_cookie(token: str, key: bytes) -> str:
    """Return the cookie value for a session token: the token and its HMAC-SHA256."""
    return f"{token}.{_signature(token, key)}"


def token_of_cookie(value: str | None, key: bytes) -> str | None:
    """Return the token of a cookie value whose signature holds, else None."""
    token, dot, signature = (value or "").rpartition(".")
    if not dot or not token:
        return None
    return token if hmac.compare_digest(signature, _signature(token, key)) else None


def load_or_create_key(path: Path) -> bytes:
    """Return the signing key kept in path, making it (readable by its owner only) when missing.

    Two servers starting at once on one folder agree: only one of them creates the file.
    """
    try:
        return _read_key(path)
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    # Written whole beside it, then linked into place: nobody reads a half-written key, and
    # the link fails when another server was first.
    draft = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="ascii") as file:
        file.write(secrets.token_hex(KEY_BYTES) + "\n")
    try:
        os.link(draft, path)
    except FileExistsError:
        pass
    finally:
        draft.unlink()
    return _read_key(path)


def _read_key(path: Path) -> bytes:
    text = path.read_text(encoding="ascii").strip()
    if len(text) < 2 * KEY_BYTES:
        # A cut copy: refuse to sign with a key anyone could guess.
        raise ValueError(f"The session key in {path} is shorter than {2 * KEY_BYTES} hex digits")
    return bytes.fromhex(text)


def _signature(token: str, key: bytes) -> str:
    digest = hmac.new(key, token.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")
