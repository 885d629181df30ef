"""Named settings of one database, such as whether it holds the demo municipality."""

from __future__ import annotations

from sqlmodel import Session

from db.engine import require_writing
from db.models import Setting

DEMO_DATA = "demo_data"


def holds_demo_data(*, session: Session) -> bool:
    """Tell whether the database holds the demo municipality (demo sign-ins are shown then)."""
    setting = session.get(Setting, DEMO_DATA)
    return setting is not None and setting.value == "true"


def set_flag(key: str, value: str, *, session: Session) -> None:
    """Store a named setting."""
    require_writing(session)
    session.merge(Setting(key=key, value=value))
