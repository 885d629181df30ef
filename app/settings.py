"""Settings read once from the environment; nothing below app/ reads it."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

REPOSITORY_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = f"sqlite:///{REPOSITORY_ROOT / 'data' / 'tavle.db'}"
# The default: a shared tablet left alone signs out after 10 minutes.
DEFAULT_IDLE_MINUTES = 10.0
# PostgreSQL connections one app server keeps (TAVLE_DATABASE_POOL_SIZE); as many again at a peak.
DEFAULT_POOL_SIZE = 10
# Years of history boards, the overview and reports read and chart (TAVLE_HISTORY_YEARS).
DEFAULT_HISTORY_YEARS = 2
# The key that signs the session cookie, made on the first start (TAVLE_SESSION_KEY_FILE);
# every server behind one proxy needs the same file.
DEFAULT_SESSION_KEY_FILE = REPOSITORY_ROOT / "data" / "session.key"


@dataclass(frozen=True)
class Settings:
    """What the app is configured with."""

    database_url: str
    # PostgreSQL: connections this server keeps open; as many more may open at a peak.
    database_pool_size: int = DEFAULT_POOL_SIZE
    # Years of history a board, the overview and a report show; the whole history on request.
    history_years: int = DEFAULT_HISTORY_YEARS
    # The file with the key that signs the session cookie (made when missing).
    session_key_file: Path = DEFAULT_SESSION_KEY_FILE
    # A fixed "today" for demonstrations and tests (TAVLE_TODAY=2026-11-22); None: the clock.
    today: date | None = None
    # Minutes without a click before a signed-in session ends (TAVLE_IDLE_MINUTES, may be 0.1).
    idle_minutes: float = DEFAULT_IDLE_MINUTES
    # Single sign-on: on when .streamlit/secrets.toml has an [auth] section (st.login).
    single_sign_on: bool = False
    # Which claim of the identity provider holds the user's groups or roles ([tavle_sso] role_claim).
    role_claim: str = "roles"
    # Claim value -> Tavle role ([tavle_sso.roles] in secrets.toml).
    claim_roles: Mapping[str, str] = field(default_factory=dict)


def load_settings(secrets: Mapping | None = None) -> Settings:
    """Read the settings from the environment (and single sign-on from secrets), with defaults."""
    fixed_today = os.environ.get("TAVLE_TODAY")
    idle = os.environ.get("TAVLE_IDLE_MINUTES", "").strip().replace(",", ".")
    sso = dict((secrets or {}).get("tavle_sso", {}))
    pool = os.environ.get("TAVLE_DATABASE_POOL_SIZE", "").strip()
    history = os.environ.get("TAVLE_HISTORY_YEARS", "").strip()
    return Settings(
        database_url=os.environ.get("TAVLE_DATABASE_URL") or DEFAULT_DATABASE_URL,
        database_pool_size=max(int(pool), 1) if pool else DEFAULT_POOL_SIZE,
        history_years=max(int(history), 1) if history else DEFAULT_HISTORY_YEARS,
        session_key_file=Path(os.environ.get("TAVLE_SESSION_KEY_FILE")
                              or DEFAULT_SESSION_KEY_FILE),
        today=date.fromisoformat(fixed_today) if fixed_today else None,
        idle_minutes=float(idle) if idle else DEFAULT_IDLE_MINUTES,
        single_sign_on="auth" in (secrets or {}),
        role_claim=str(sso.get("role_claim", "roles")),
        claim_roles={str(k): str(v) for k, v in dict(sso.get("roles", {})).items()},
    )


def app_secrets() -> Mapping:
    """Return Streamlit's secrets (.streamlit/secrets.toml), or nothing when there are none."""
    import streamlit as st
    from streamlit.errors import StreamlitSecretNotFoundError

    try:
        return st.secrets.to_dict()
    except (FileNotFoundError, StreamlitSecretNotFoundError):
        return {}
