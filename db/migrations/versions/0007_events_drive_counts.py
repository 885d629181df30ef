"""Events drive the counts: a rate or count may take its count per period from registered events.

The built-in rates and counts of harms that are also registered as events (new
pressure ulcers, falls, catheter infections, pneumonias, medication errors)
now count those events; only the exposure stays entered per period. Existing
entries lose their stored count: every stored count goes to the audit log
(action "migrate"), and each one the events disagree with is printed, so
nothing is dropped silently. The events stand.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

from datetime import UTC, date, datetime, timedelta

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

# Written out here, not imported: a migration keeps doing what it did when it was written.
COUNTED_FROM = {
    "tryksaar_pr_1000_sengedage": "tryksaar_dage_mellem",
    "fald_pr_1000_sengedage": "fald_dage_mellem",
    "kateter_uvi_pr_1000_kateterdage": "kateter_uvi_dage_mellem",
    "lungebetaendelse_pr_1000_sengedage": "lungebetaendelse_dage_mellem",
    "medicinfejl_pr_maaned": "medicinfejl_dage_mellem",
}
ACTOR = "system:migration-0005"

_indicator = sa.table("indicator", sa.column("id", sa.Integer), sa.column("code", sa.String),
                      sa.column("period", sa.String), sa.column("builtin", sa.Boolean),
                      sa.column("counted_from", sa.String))
_unit = sa.table("unit", sa.column("id", sa.Integer), sa.column("code", sa.String))
_entry = sa.table("entry", sa.column("id", sa.Integer), sa.column("unit_id", sa.Integer),
                  sa.column("indicator_id", sa.Integer), sa.column("period_start", sa.Date),
                  sa.column("numerator", sa.Float), sa.column("denominator", sa.Float),
                  sa.column("deleted_at", sa.DateTime(timezone=True)))
_event = sa.table("event", sa.column("unit_id", sa.Integer), sa.column("indicator_id", sa.Integer),
                  sa.column("day", sa.Date), sa.column("deleted_at", sa.DateTime(timezone=True)))
_audit = sa.table("audit_log", sa.column("at", sa.DateTime(timezone=True)),
                  sa.column("actor", sa.String), sa.column("action", sa.String),
                  sa.column("table_name", sa.String), sa.column("row_id", sa.Integer),
                  sa.column("unit_id", sa.Integer), sa.column("before", sa.JSON),
                  sa.column("after", sa.JSON))


def _period_start(day: date, period: str) -> date:
    """The first day of the period that day falls in."""
    if period == "week":
        return day - timedelta(days=day.weekday())
    if period == "month":
        return day.replace(day=1)
    return day


def _as_date(value: object) -> date:
    """A date as SQLite (ISO text) or PostgreSQL (date) hands it over."""
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def upgrade() -> None:
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.add_column(sa.Column('counted_from', sa.String(), nullable=False,
                                      server_default=''))
    connection = op.get_bind()
    for derived, source in COUNTED_FROM.items():
        connection.execute(sa.update(_indicator).where(_indicator.c.code == derived,
                                                       _indicator.c.builtin.is_(True))
                           .values(counted_from=source))
    for line in move_counts_to_events(connection):
        print(line)


def move_counts_to_events(connection: sa.Connection) -> list[str]:
    """Clear the stored counts of derived indicators, auditing each; return the disagreements."""
    indicators = {row.code: row for row in connection.execute(sa.select(_indicator))}
    units = dict(connection.execute(sa.select(_unit.c.id, _unit.c.code)).all())
    now = datetime.now(UTC)
    lines: list[str] = []
    audit_rows: list[dict] = []
    for derived_code, source_code in sorted(COUNTED_FROM.items()):
        derived, source = indicators.get(derived_code), indicators.get(source_code)
        if derived is None or derived.counted_from != source_code or source is None:
            continue
        counts: dict[tuple[int, date], int] = {}
        for unit_id, day in connection.execute(
                sa.select(_event.c.unit_id, _event.c.day).where(
                    _event.c.indicator_id == source.id, _event.c.deleted_at.is_(None))):
            key = (unit_id, _period_start(_as_date(day), derived.period))
            counts[key] = counts.get(key, 0) + 1
        entries = connection.execute(sa.select(_entry).where(
            _entry.c.indicator_id == derived.id, _entry.c.numerator.is_not(None))
            .order_by(_entry.c.unit_id, _entry.c.period_start)).all()
        for entry in entries:
            start = _as_date(entry.period_start)
            events = counts.get((entry.unit_id, start), 0)
            audit_rows.append({
                "at": now, "actor": ACTOR, "action": "migrate", "table_name": "entry",
                "row_id": entry.id, "unit_id": entry.unit_id,
                "before": {"numerator": entry.numerator, "denominator": entry.denominator,
                           "period_start": start.isoformat(), "indicator": derived_code},
                "after": {"numerator": None, "counted_from": source_code,
                          "events_in_period": events}})
            if entry.deleted_at is None and entry.numerator != events:
                lines.append(
                    f"{units.get(entry.unit_id, entry.unit_id)} · {derived_code} · "
                    f"{start.isoformat()}: stored count {entry.numerator:g}, "
                    f"{events} registered {source_code} events; the events stand "
                    f"(entry {entry.id}, old count kept in the audit log)")
        connection.execute(sa.update(_entry).where(_entry.c.indicator_id == derived.id)
                           .values(numerator=None))
    if audit_rows:
        connection.execute(sa.insert(_audit), audit_rows)
    return lines


def downgrade() -> None:
    # The cleared counts stay in the audit log (action "migrate"); they are not written back.
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.drop_column('counted_from')
