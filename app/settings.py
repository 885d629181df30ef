"""Settings read once from the environment; nothing below app/ reads it."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

REPOSITORY_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = f"sqlite:///{REPOSITORY_ROOT / 'data' / 'tavle.db'}"


@dataclass(frozen=True)
class Settings:
    """What the app is configured with."""

    database_url: str


def load_settings() -> Settings:
    """Read the settings from the environment, with the SQLite default."""
    return Settings(database_url=os.environ.get("TAVLE_DATABASE_URL") or DEFAULT_DATABASE_URL)
