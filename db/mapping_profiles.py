"""Remember how a unit's sheets of one shape were mapped, and offer it for the next such file."""

from __future__ import annotations

from sqlmodel import Session, select

from db.audit import record_change, snapshot
from db.engine import require_writing
from db.import_mapping import ImportMapping, mapping_from_json
from db.models import ImportMappingProfile, utc_now


def remembered_mapping(unit_id: int, shape: str, *, session: Session,
                       headings: dict[str, tuple[str, ...]]) -> ImportMapping | None:
    """Return the mapping last used for this unit's files of this shape, if there is one."""
    stored = session.exec(select(ImportMappingProfile).where(
        ImportMappingProfile.unit_id == unit_id, ImportMappingProfile.shape == shape)).first()
    return None if stored is None else mapping_from_json(stored.mapping, headings=headings)


def remember_mapping(unit_id: int, mapping: ImportMapping, *, shape: str, session: Session,
                     actor: str) -> None:
    """Keep the mapping for the unit's next file of the same shape (audited)."""
    require_writing(session)
    stored = session.exec(select(ImportMappingProfile).where(
        ImportMappingProfile.unit_id == unit_id, ImportMappingProfile.shape == shape)).first()
    text = mapping.to_json()
    if stored is not None and stored.mapping == text:
        return
    before = snapshot(stored) if stored is not None else None
    if stored is None:
        stored = ImportMappingProfile(unit_id=unit_id, shape=shape, mapping=text)
    stored.mapping, stored.saved_at, stored.saved_by = text, utc_now(), actor
    session.add(stored)
    record_change(session, actor=actor, action="correct" if before else "add", row=stored,
                  before=before, unit_id=unit_id)
