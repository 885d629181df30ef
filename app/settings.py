"""Settings read once from the environment; nothing below app/ reads it."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

REPOSITORY_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = f"sqlite:///{REPOSITORY_ROOT / 'data' / 'tavle.db'}"


@dataclass(frozen=True)
class Settings:
    """What the app is configured with."""

    database_url: str
    # A fixed "today" for demonstrations and tests (TAVLE_TODAY=2026-11-22); None: the clock.
    today: date | None = None


def load_settings() -> Settings:
    """Read the settings from the environment, with the SQLite default."""
    fixed_today = os.environ.get("TAVLE_TODAY")
    return Settings(
        database_url=os.environ.get("TAVLE_DATABASE_URL") or DEFAULT_DATABASE_URL,
        today=date.fromisoformat(fixed_today) if fixed_today else None,
    )
