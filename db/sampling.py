"""Sampling switches: a unit moves a package's process indicators to samples (stikprøver).

After six months of stable processes a unit may stop registering every citizen
and audit samples instead: n of m checked. The figures keep their shape (a
numerator of a denominator); what changes is how they are gathered, so the day
of the switch is stored per unit and package, and the charts mark it. A unit
whose processes slip goes back to full registration the same way. The latest
live switch of a unit and package says what holds now.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlmodel import Session, select

from db.audit import record_change
from db.engine import require_writing
from db.errors import NotFoundError
from db.models import Package, SamplingSwitch
from db.permissions import check_permission, rights_of
from db.soft_delete import SoftDeletable, delete_row, restore_row
from db.units import live_unit, lock_unit_for_writing
from db.validation import check_day, raise_if_any

SAMPLING_COLUMNS = ("id", "unit_id", "package", "date", "sampling", "deleted")
_SWITCHES = SoftDeletable(SamplingSwitch, right="sampling.write",
                          missing_da="Skiftet til stikprøver findes ikke.",
                          missing_en="The switch to sampling does not exist.")


def switch_sampling(unit_id: int, package_code: str, day: date, *, sampling: bool = True,
                    session: Session, actor: str, today: date) -> int:
    """Record that from day the unit samples the package's processes (or registers all again)."""
    require_writing(session)
    check_permission(session, actor=actor, action="sampling.write", unit_id=unit_id)
    package_id = session.exec(select(Package.id).where(Package.code == package_code)).first()
    if package_id is None:
        raise NotFoundError(f"Pakken {package_code!r} findes ikke.",
                            f"There is no package {package_code!r}.")
    live_unit(unit_id, session=session)
    raise_if_any(check_day(day, today=today))
    lock_unit_for_writing(unit_id, session=session)
    switch = SamplingSwitch(unit_id=unit_id, package_id=package_id, day=day, sampling=sampling)
    session.add(switch)
    record_change(session, actor=actor, action="add", row=switch, before=None, unit_id=unit_id)
    return switch.id


def delete_sampling_switch(switch_id: int, *, session: Session, actor: str) -> None:
    """Delete a switch softly (a mistake); restore_sampling_switch brings it back."""
    delete_row(_SWITCHES, switch_id, session=session, actor=actor)


def restore_sampling_switch(switch_id: int, *, session: Session, actor: str) -> None:
    """Bring back a deleted switch."""
    restore_row(_SWITCHES, switch_id, session=session, actor=actor)


def list_sampling_switches(*, session: Session, actor: str, unit_id: int | None = None,
                           include_deleted: bool = False) -> pd.DataFrame:
    """Return the switches (SAMPLING_COLUMNS; package is its code) by unit, day and id.

    Without unit_id: those of every unit actor may read.
    """
    query = select(SamplingSwitch, Package.code).join(Package)
    if unit_id is not None:
        check_permission(session, actor=actor, action="unit.read", unit_id=unit_id)
        query = query.where(SamplingSwitch.unit_id == unit_id)
    elif (readable := rights_of(actor, session=session).unit_ids) is not None:
        query = query.where(SamplingSwitch.unit_id.in_(sorted(readable)))
    if not include_deleted:
        query = query.where(SamplingSwitch.deleted_at.is_(None))
    rows = session.exec(query.order_by(SamplingSwitch.unit_id, SamplingSwitch.day,
                                       SamplingSwitch.id)).all()
    return pd.DataFrame([(s.id, s.unit_id, code, s.day, s.sampling, s.deleted_at is not None)
                         for s, code in rows], columns=list(SAMPLING_COLUMNS))


def sampling_since(switches: pd.DataFrame, *, today: date) -> dict[tuple[int, str], date]:
    """Return (unit id, package code) → the day sampling began, for those sampling on today."""
    live = switches[~switches["deleted"].astype(bool)] if len(switches) else switches
    live = live[live["date"] <= today] if len(live) else live
    since: dict[tuple[int, str], date] = {}
    for (unit_id, package), rows in live.groupby(["unit_id", "package"], sort=False):
        latest = rows.iloc[-1]  # rows are by day and id: the last one holds now
        if bool(latest["sampling"]):
            since[(int(unit_id), str(package))] = latest["date"]
    return since
