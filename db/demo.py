"""Load the demo municipality into an empty database (see db.demo_stories for the stories)."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, select

from db.audit import insert_audited, record_note
from db.catalogue import list_indicators, set_unit_indicators
from db.demo_stories import (
    DEMO_SEED,
    EXPOSURES,
    MUNICIPALITY,
    UNITS,
    build_demo,
    confirmed_days,
    demo_start,
)
from db.engine import require_writing
from db.errors import StorageError
from db.flags import DEMO_DATA, set_flag
from db.models import Annotation, Baseline, Entry, Event, SafeDay, Unit
from db.permissions import check_permission
from db.unit_exposure import set_unit_exposure
from db.units import create_unit
from db.users import PIN_ROLES, add_membership, create_user, hash_password, set_pin

DEMO_PASSWORD = "demo1234"
# The tablet PIN of the demo users who may have one (registrant and team leader).
DEMO_PIN = "1234"
# (username, role, display name, unit code or None for the whole municipality)
DEMO_USERS = (
    ("demo-admin", "admin", "Demo administrator", None),
    ("demo-leder", "leder", "Demo leder", None),
    ("demo-teamleder", "teamleder", "Demo teamleder", "solbakken"),
    ("demo-registrant", "registrant", "Demo registrant", "solbakken"),
)


def seed_demo(*, session: Session, actor: str, today: date, seed: int = DEMO_SEED,
              with_users: bool = True) -> None:
    """Fill an empty database with the demo municipality: units, two years of data, users."""
    require_writing(session)
    check_permission(session, actor=actor, action="import", unit_id=None)
    if session.exec(select(Unit.id)).first() is not None:
        raise StorageError("Databasen har allerede enheder; demodata lægges kun i en tom database.",
                           "The database already has units; the demo needs an empty one.")
    stored = {s.definition.code: s for s in list_indicators(session=session)}
    municipality = create_unit(MUNICIPALITY, kind="municipality", parent_id=None,
                               session=session, actor=actor, code="demo-kommune")
    areas: dict[str, int] = {}
    units: dict[str, int] = {"demo-kommune": municipality}
    for name, area, code, indicator_codes in UNITS:
        if area not in areas:
            areas[area] = create_unit(area, kind="area", parent_id=municipality,
                                      session=session, actor=actor)
        units[code] = create_unit(name, kind="unit", parent_id=areas[area], session=session,
                                  actor=actor, code=code)
        set_unit_indicators(units[code], [stored[c].id for c in indicator_codes],
                            session=session, actor=actor, today=demo_start(today))
        if code in EXPOSURES:
            set_unit_exposure(units[code], EXPOSURES[code], session=session, actor=actor)
    data = build_demo(today=today, seed=seed, measures={
        code: (s.definition.measure, s.definition.period) for code, s in stored.items()},
        counted=frozenset(code for code, s in stored.items() if s.definition.counted_from))
    insert_audited(session, Entry, [
        {"unit_id": units[u], "indicator_id": stored[i].id, "period_start": day,
         "numerator": numerator, "denominator": denominator, "value": None, "note": None}
        for u, i, day, numerator, denominator in data.entries], actor=actor)
    insert_audited(session, Event, [
        {"unit_id": units[u], "indicator_id": stored[i].id, "day": day, "note": note}
        for u, i, day, note in data.events], actor=actor)
    event_indicators = {unit: tuple(code for code in codes if stored[code].definition.measure == "events")
                        for _, _, unit, codes in UNITS}
    insert_audited(session, SafeDay, [
        {"unit_id": units[u], "indicator_id": stored[i].id, "day": day}
        for u, i, day in confirmed_days(today, data.events, event_indicators)], actor=actor)
    insert_audited(session, Annotation, [
        {"unit_id": units[u], "indicator_id": stored[i].id if i else None, "day": day,
         "text": text} for u, i, day, text in data.annotations], actor=actor)
    insert_audited(session, Baseline, [
        {"unit_id": units[u], "indicator_id": stored[i].id, "kind": "new_phase", "day": day,
         "reason": reason} for u, i, day, reason in data.phases], actor=actor)
    if with_users:
        shared_hash = hash_password(DEMO_PASSWORD)  # one slow hash serves every demo account
        for username, role, display_name, unit_code in DEMO_USERS:
            user_id = create_user(username, role=role, display_name=display_name,
                                  password_hash=shared_hash, is_demo=True, session=session,
                                  actor=actor)
            if role in PIN_ROLES:
                set_pin(user_id, DEMO_PIN, session=session, actor=actor)
            add_membership(user_id, units[unit_code or "demo-kommune"], session=session,
                           actor=actor)
    set_flag(DEMO_DATA, "true", session=session)
    record_note(session, actor=actor, action="seed-demo", table_name="database", after={
        "today": today.isoformat(), "seed": seed, "entries": len(data.entries),
        "events": len(data.events), "annotations": len(data.annotations)})

