"""Measurement start per unit and indicator, so a unit without events gets "N dage uden …".

Existing links get the earliest of: the day the indicator went on the unit's board (its
audit row), the unit's first entry of it, and its first event.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03
"""

from datetime import date, datetime

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

_link = sa.table("unit_indicator", sa.column("unit_id", sa.Integer),
                 sa.column("indicator_id", sa.Integer), sa.column("measuring_since", sa.Date))
_audit = sa.table("audit_log", sa.column("at", sa.DateTime(timezone=True)),
                  sa.column("table_name", sa.String), sa.column("unit_id", sa.Integer),
                  sa.column("action", sa.String), sa.column("after", sa.JSON))


def _as_date(value: object) -> date:
    """A date or time as SQLite (ISO text) or PostgreSQL hands it over."""
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def upgrade() -> None:
    with op.batch_alter_table('unit_indicator', schema=None) as batch_op:
        batch_op.add_column(sa.Column('measuring_since', sa.Date(), nullable=True))
    connection = op.get_bind()
    earliest: dict[tuple[int, int], date] = {}

    def seen(unit_id: int, indicator_id: int, value: object) -> None:
        day = _as_date(value)
        key = (unit_id, indicator_id)
        earliest[key] = min(day, earliest.get(key, day))

    for at, unit_id, after in connection.execute(sa.select(_audit.c.at, _audit.c.unit_id,
                                                           _audit.c.after).where(
            _audit.c.table_name == "unit_indicator", _audit.c.action == "add")):
        if isinstance(after, dict) and unit_id is not None and "indicator_id" in after:
            seen(unit_id, after["indicator_id"], at)
    for table, column in (("entry", "period_start"), ("event", "day")):
        rows = connection.execute(sa.text(
            f"SELECT unit_id, indicator_id, MIN({column}) FROM {table} "
            "WHERE deleted_at IS NULL GROUP BY unit_id, indicator_id"))
        for unit_id, indicator_id, first in rows:
            seen(unit_id, indicator_id, first)
    for (unit_id, indicator_id), day in earliest.items():
        connection.execute(sa.update(_link).where(_link.c.unit_id == unit_id,
                                                  _link.c.indicator_id == indicator_id)
                           .values(measuring_since=day))


def downgrade() -> None:
    with op.batch_alter_table('unit_indicator', schema=None) as batch_op:
        batch_op.drop_column('measuring_since')
