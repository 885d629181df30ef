"""Tables of the storage (SQLModel).

Rows are never removed: `deleted_at` marks a soft delete that can be undone.
Timestamps are UTC. Units form a tree through `parent_id`; data points
refer to the unit's id, so moving or renaming a unit keeps its history, and
the same holds for indicators, whose `code` never changes.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import JSON, Column, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

UNIT_KINDS = ("municipality", "area", "unit")
ROLES = ("registrant", "teamleder", "leder", "admin", "region")
BASELINE_KINDS = ("freeze", "new_phase")


def utc_now() -> datetime:
    """Return the current time in UTC (timestamps are stored and returned in UTC)."""
    return datetime.now(UTC)


class Unit(SQLModel, table=True):
    """A municipality, an area or a care unit; `parent_id` builds the tree."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, index=True)  # short, stable, used in URLs (?enhed=...)
    name: str
    kind: str  # one of UNIT_KINDS
    parent_id: int | None = Field(default=None, foreign_key="unit.id", index=True)
    # What its rates count as exposure (a code of indicators' EXPOSURES, e.g. "beboerdoegn");
    # "" takes the parent's, and the top's default keeps the catalogue's "sengedage".
    exposure: str = Field(default="", sa_column_kwargs={"server_default": ""})
    created_at: datetime = Field(default_factory=utc_now)
    deleted_at: datetime | None = None


class Package(SQLModel, table=True):
    """A clinical package; built-in ones come from indicators.catalogue."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, index=True)
    name_da: str
    name_en: str
    builtin: bool = False


class Indicator(SQLModel, table=True):
    """An indicator: what is measured, how it is charted, and the organisation's goal."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, index=True)
    package_id: int = Field(foreign_key="package.id", index=True)
    name_da: str
    name_en: str
    kind: str  # result, process, balancing
    measure: str  # events, proportion, rate, count, measurement
    improvement: str  # up, down
    goal_kind: str | None = None  # min_days_between, min_share, reduce_by
    goal_value: float | None = None
    chart: str
    period: str  # day, week, month
    multiply: float = 1.0
    unit_da: str = ""
    unit_en: str = ""
    numerator_da: str = ""
    numerator_en: str = ""
    denominator_da: str = ""
    denominator_en: str = ""
    # Code of the events indicator whose events are this indicator's count per period ("": entered)
    counted_from: str = Field(default="", sa_column_kwargs={"server_default": ""})
    # The måleplan (see indicators.catalogue.IndicatorDefinition)
    counts_da: str = Field(default="", sa_column_kwargs={"server_default": ""})
    counts_en: str = Field(default="", sa_column_kwargs={"server_default": ""})
    source_da: str = Field(default="", sa_column_kwargs={"server_default": ""})
    source_en: str = Field(default="", sa_column_kwargs={"server_default": ""})
    collection_da: str = Field(default="", sa_column_kwargs={"server_default": ""})
    collection_en: str = Field(default="", sa_column_kwargs={"server_default": ""})
    sample_da: str = Field(default="", sa_column_kwargs={"server_default": ""})
    sample_en: str = Field(default="", sa_column_kwargs={"server_default": ""})
    owner_da: str = Field(default="", sa_column_kwargs={"server_default": ""})
    owner_en: str = Field(default="", sa_column_kwargs={"server_default": ""})
    builtin: bool = False
    created_at: datetime = Field(default_factory=utc_now)
    deleted_at: datetime | None = None


class UnitIndicator(SQLModel, table=True):
    """An indicator a unit works with; it appears on the unit's entry page and board."""

    __tablename__ = "unit_indicator"

    unit_id: int = Field(foreign_key="unit.id", primary_key=True)
    indicator_id: int = Field(foreign_key="indicator.id", primary_key=True)
    position: int = 0  # order on the board
    active: bool = True
    # The day the unit began measuring it: "N dage uden tryksår" counts from here until the
    # first event. Earlier data (an import of history) moves it back when it is read.
    measuring_since: date | None = None


class Entry(SQLModel, table=True):
    """One figure for one unit, indicator and period (a second one corrects the first)."""

    __table_args__ = (UniqueConstraint("unit_id", "indicator_id", "period_start"),)

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="unit.id")
    indicator_id: int = Field(foreign_key="indicator.id")
    period_start: date  # the first day of the indicator's period (day, Monday, 1st of month)
    numerator: float | None = None
    denominator: float | None = None  # the exposure (e.g. bed-days) for rates
    value: float | None = None
    note: str | None = None
    recorded_at: datetime = Field(default_factory=utc_now)
    deleted_at: datetime | None = None


class Event(SQLModel, table=True):
    """One rare event (a new pressure ulcer), charted as days between events."""

    __table_args__ = (Index("ix_event_unit_indicator_day", "unit_id", "indicator_id", "day"),)

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="unit.id")
    indicator_id: int = Field(foreign_key="indicator.id")
    day: date
    note: str | None = None
    recorded_at: datetime = Field(default_factory=utc_now)
    deleted_at: datetime | None = None


class SafeDay(SQLModel, table=True):
    """A day confirmed without the event ("ingen tryksår i dag"): a green box in the calendar."""

    __tablename__ = "safe_day"
    __table_args__ = (UniqueConstraint("unit_id", "indicator_id", "day"),)

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="unit.id")
    indicator_id: int = Field(foreign_key="indicator.id")
    day: date
    recorded_at: datetime = Field(default_factory=utc_now)
    deleted_at: datetime | None = None


class Annotation(SQLModel, table=True):
    """A dated change (PDSA) on a unit's chart; no indicator means all its charts."""

    __table_args__ = (Index("ix_annotation_unit_day", "unit_id", "day"),)

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="unit.id")
    indicator_id: int | None = Field(default=None, foreign_key="indicator.id")
    day: date
    text: str
    recorded_at: datetime = Field(default_factory=utc_now)
    deleted_at: datetime | None = None


class Baseline(SQLModel, table=True):
    """A saved baseline setting: freeze the centre line at a day, or start a new phase there."""

    __table_args__ = (Index("ix_baseline_unit_indicator", "unit_id", "indicator_id"),)

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="unit.id")
    indicator_id: int = Field(foreign_key="indicator.id")
    kind: str  # one of BASELINE_KINDS
    day: date  # freeze: last day of the baseline; new_phase: first day of the new phase
    reason: str
    recorded_at: datetime = Field(default_factory=utc_now)
    deleted_at: datetime | None = None


class BoardMeeting(SQLModel, table=True):
    """A board meeting (tavlemøde) a unit held on a day; signals after it are new."""

    __tablename__ = "board_meeting"
    __table_args__ = (UniqueConstraint("unit_id", "day"),)

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="unit.id")
    day: date
    recorded_at: datetime = Field(default_factory=utc_now)
    deleted_at: datetime | None = None


class SamplingSwitch(SQLModel, table=True):
    """A unit switched a package's process indicators to samples (stikprøver) or back, from day."""

    __tablename__ = "sampling_switch"
    __table_args__ = (Index("ix_sampling_switch_unit_package", "unit_id", "package_id"),)

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="unit.id")
    package_id: int = Field(foreign_key="package.id")
    day: date  # the first day of sampling (or of full registration again)
    sampling: bool = True  # False: back to full registration
    recorded_at: datetime = Field(default_factory=utc_now)
    deleted_at: datetime | None = None


class User(SQLModel, table=True):
    """A local account; `role` is one of ROLES, memberships say for which units."""

    __tablename__ = "app_user"  # "user" is a reserved word in PostgreSQL

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(unique=True, index=True)
    display_name: str = ""
    password_hash: str | None = None
    pin_hash: str | None = None  # argon2 hash of a 4-8 digit PIN for a unit's shared tablet
    role: str = "registrant"
    is_demo: bool = False
    active: bool = True
    created_at: datetime = Field(default_factory=utc_now)
    deleted_at: datetime | None = None


class Membership(SQLModel, table=True):
    """A user belongs to a unit or an area (a leader reads all units below the area)."""

    __table_args__ = (UniqueConstraint("user_id", "unit_id"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="app_user.id", index=True)
    unit_id: int = Field(foreign_key="unit.id", index=True)


class SignInAttempt(SQLModel, table=True):
    """One try to sign in (password or PIN) under a username; recent failures lock it out."""

    __tablename__ = "sign_in_attempt"
    __table_args__ = (Index("ix_sign_in_attempt_username_at", "username", "at"),
                      Index("ix_sign_in_attempt_source_at", "source", "at"))

    id: int | None = Field(default=None, primary_key=True)
    username: str  # as typed (lower case), known or not: unknown names lock out alike
    at: datetime
    method: str  # password, pin (any: an administrator's unlock)
    outcome: str  # signed_in, wrong, locked, unlocked
    source: str | None = None  # where the try came from (a tablet, an address), if known


class BoardLink(SQLModel, table=True):
    """A read-only link to one unit's board for a wall screen; only the token's hash is kept."""

    __tablename__ = "board_link"

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="unit.id", index=True)
    token_hash: str = Field(unique=True, index=True)  # SHA-256 of the secret in the URL
    label: str = ""  # where the screen hangs, e.g. "Personalestuen"
    created_at: datetime = Field(default_factory=utc_now)
    revoked_at: datetime | None = None


class AuditLog(SQLModel, table=True):
    """Who changed what and when, with the row before and after, written with the change."""

    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_unit_at", "unit_id", "at"),
        Index("ix_audit_log_table_row", "table_name", "row_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utc_now)  # ids grow with time: newest first by id
    actor: str = Field(index=True)
    action: str  # add, correct, delete, restore, import, ...
    table_name: str
    row_id: int | None = None
    unit_id: int | None = None
    before: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    after: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))


class Setting(SQLModel, table=True):
    """A named setting of this database, e.g. that it holds demo data."""

    key: str = Field(primary_key=True)
    value: str


class ImportMappingProfile(SQLModel, table=True):
    """How a unit's sheets of one shape are read (db.import_mapping as JSON), kept for the next file."""

    __tablename__ = "import_mapping_profile"
    __table_args__ = (UniqueConstraint("unit_id", "shape"),)

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="unit.id")
    shape: str  # ImportMapping.shape(): the sheets and their headings
    mapping: str  # ImportMapping.to_json()
    saved_at: datetime = Field(default_factory=utc_now)
    saved_by: str = ""


class BrowserSession(SQLModel, table=True):
    """A signed-in browser, kept across reloads and servers; only hashes of its secrets are kept."""

    __tablename__ = "browser_session"

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(index=True)
    method: str  # how the user signed in: password, pin, single-sign-on
    # SHA-256 of the one-time secret the page hands to the cookie route; gone once exchanged.
    handover_hash: str | None = Field(default=None, unique=True, index=True)
    handover_until: datetime | None = None
    token_hash: str | None = Field(default=None, unique=True, index=True)  # SHA-256 of the cookie's
    created_at: datetime = Field(default_factory=utc_now)
    # Indexed: rows unseen for KEEP_DAYS are deleted at each sign-in (db.browser_sessions).
    last_seen_at: datetime = Field(default_factory=utc_now, index=True)
    ended_at: datetime | None = None
    ended_why: str = ""  # by_hand, idle, gone (the user was deactivated or deleted)
