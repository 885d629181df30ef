"""The audit log as a table a person reads: when, who, what was done to what, and what changed."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pandas as pd

from app.language import CATALOGUES, DEFAULT_LANGUAGE, translate

# The municipalities' clock: the log stores UTC, people read Danish time.
LOCAL_TIME = ZoneInfo("Europe/Copenhagen")
# Columns that change with every write and say nothing a reader needs.
_QUIET = frozenset({"id", "recorded_at", "created_at"})
# How many changed fields a row names before it says "…".
MAX_FIELDS_SHOWN = 4


def local_time(moment: datetime) -> str:
    """Return a stored UTC time as Danish local time, 22-11-2026 10:32."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone(LOCAL_TIME).strftime("%d-%m-%Y %H:%M")


def change_summary(before: dict[str, Any] | None, after: dict[str, Any] | None) -> str:
    """Return the fields that changed as "field: old → new", or the new row's fields."""
    after = after or {}
    changed = [] if before is None else [
        f"{key}: {_shown(before.get(key))} → {_shown(value)}" for key, value in after.items()
        if key not in _QUIET and not key.endswith("_at") and before.get(key) != value]
    # A new row, or one only deleted or restored: say what the row holds.
    fields = changed or [f"{key}: {_shown(value)}" for key, value in after.items()
                         if key not in _QUIET and not key.endswith("_at")
                         and value not in (None, "")]
    if len(fields) > MAX_FIELDS_SHOWN:
        fields = [*fields[:MAX_FIELDS_SHOWN], "…"]
    return "; ".join(fields)


def audit_rows(audit: pd.DataFrame, unit_names: dict[int, str], language: str) -> pd.DataFrame:
    """Return the audit rows in the reader's language: when, who, action, what, unit, change."""
    def word(kind: str, key: str) -> str:
        known = f"audit.{kind}.{key}" in CATALOGUES[DEFAULT_LANGUAGE]
        return translate(f"audit.{kind}.{key}", language) if known else key

    return pd.DataFrame({
        translate("audit.column.at", language): [local_time(at) for at in audit["at"]],
        translate("audit.column.actor", language): audit["actor"],
        translate("audit.column.action", language): [word("action", a) for a in audit["action"]],
        translate("audit.column.what", language): [
            word("table", table) + ("" if pd.isna(row_id) else f" #{int(row_id)}")
            for table, row_id in zip(audit["table_name"], audit["row_id"], strict=True)],
        translate("audit.column.unit", language): [
            "" if pd.isna(unit_id) else unit_names.get(int(unit_id), str(int(unit_id)))
            for unit_id in audit["unit_id"]],
        translate("audit.column.change", language): [
            change_summary(before, after)
            for before, after in zip(audit["before"], audit["after"], strict=True)],
    })


def _shown(value: Any) -> str:
    """Return a value as the table prints it (empty as –)."""
    return "–" if value is None or value == "" else str(value)
