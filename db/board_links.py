"""Read-only links to one unit's board for wall screens, each with a secret token.

    link = create_board_link(unit_id, label="Personalestuen", session=s, actor="admin")
    link.token                      # shown once, put in the screen's URL (?adgang=TOKEN)
    board_link_actor(token, session=s)   # "board-link:7" while the link lives, else None
    revoke_board_link(link.id, session=s, actor="admin")

Only the token's SHA-256 is stored: a copy of the database (a backup, an
export) opens no screen. The token carries 192 random bits, so a plain hash
is enough (a slow password hash guards guessable secrets, not random ones).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

import pandas as pd
from sqlmodel import Session, select

from db.audit import record_change, snapshot
from db.engine import require_writing
from db.errors import NotFoundError
from db.models import BoardLink, Unit, utc_now
from db.permissions import BOARD_LINK_PREFIX, check_permission, forget_rights, rights_of
from db.units import live_unit
from db.validation import check_free_text, raise_if_any

TOKEN_BYTES = 24  # 192 bits, 32 characters in the URL
BOARD_LINK_COLUMNS = ("id", "unit_id", "unit", "label", "created_at", "revoked")


@dataclass(frozen=True)
class NewBoardLink:
    """A link just made: its id, its unit, and the secret token that only now is known."""

    id: int
    unit_id: int
    token: str


def create_board_link(unit_id: int, *, label: str = "", session: Session,
                      actor: str) -> NewBoardLink:
    """Make a read-only link to the unit's board and return it with its token."""
    require_writing(session)
    check_permission(session, actor=actor, action="board_link.admin", unit_id=unit_id)
    raise_if_any(check_free_text(label, field="name"))
    live_unit(unit_id, session=session)
    token = secrets.token_urlsafe(TOKEN_BYTES)
    link = BoardLink(unit_id=unit_id, token_hash=_digest(token), label=label.strip())
    session.add(link)
    record_change(session, actor=actor, action="add", row=link, before=None, unit_id=unit_id)
    return NewBoardLink(link.id, unit_id, token)


def revoke_board_link(link_id: int, *, session: Session, actor: str) -> None:
    """Stop a link from working, at once and for good."""
    require_writing(session)
    link = session.get(BoardLink, link_id)
    if link is None:
        check_permission(session, actor=actor, action="board_link.admin", unit_id=None)
        raise NotFoundError(f"Linket findes ikke (id {link_id}).",
                            f"There is no board link with id {link_id}.")
    # A municipality's administrator revokes the links of their own units.
    check_permission(session, actor=actor, action="board_link.admin", unit_id=link.unit_id)
    if link.revoked_at is not None:
        return
    before = snapshot(link)
    link.revoked_at = utc_now()
    session.add(link)
    record_change(session, actor=actor, action="revoke", row=link, before=before,
                  unit_id=link.unit_id)
    forget_rights(session)


def list_board_links(*, session: Session, actor: str,
                     include_revoked: bool = False) -> pd.DataFrame:
    """Return the links (BOARD_LINK_COLUMNS), newest first; never their tokens.

    A municipality's administrator in a region's database gets their own units' links.
    """
    rights = rights_of(actor, session=session)
    scoped = rights.role == "admin" and rights.unit_ids is not None
    if not scoped:
        check_permission(session, actor=actor, action="board_link.admin", unit_id=None)
    query = select(BoardLink, Unit.name).join(Unit, Unit.id == BoardLink.unit_id)
    if scoped:
        query = query.where(BoardLink.unit_id.in_(rights.unit_ids))
    if not include_revoked:
        query = query.where(BoardLink.revoked_at.is_(None))
    rows = session.exec(query.order_by(BoardLink.id.desc())).all()
    return pd.DataFrame([(link.id, link.unit_id, name, link.label, link.created_at,
                          link.revoked_at is not None) for link, name in rows],
                        columns=list(BOARD_LINK_COLUMNS))


def board_link_actor(token: str, *, session: Session) -> str | None:
    """Return the actor a live link's token reads as ("board-link:ID"), or None."""
    if not token:
        return None
    link = session.exec(select(BoardLink).where(BoardLink.token_hash == _digest(token),
                                                BoardLink.revoked_at.is_(None))).first()
    if link is None or session.get(Unit, link.unit_id).deleted_at is not None:
        return None
    return f"{BOARD_LINK_PREFIX}{link.id}"


def board_link_unit(actor: str, *, session: Session) -> int | None:
    """Return the unit a board-link actor shows, or None for any other actor."""
    if not actor.startswith(BOARD_LINK_PREFIX):
        return None
    link = session.get(BoardLink, int(actor.removeprefix(BOARD_LINK_PREFIX)))
    return None if link is None else link.unit_id


def _digest(token: str) -> str:
    """Return the token's SHA-256 in hex, as stored."""
    return hashlib.sha256(token.encode()).hexdigest()
