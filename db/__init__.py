"""Storage: models, engine, migrations, repositories, import/export, backup.

    engine = make_engine(url)           # nothing is created at import time
    migrate(engine)                     # schema + built-in catalogue, at app start
    with write_session(engine) as s:    # BEGIN IMMEDIATE on SQLite; commits at the end
        add_entry(unit_id, indicator_id, day, numerator=23, denominator=25,
                  session=s, actor="anna", today=today)
    register_entry(engine, EntryRequest(unit_id, indicator_id, day, "anna", today,
                                        numerator=23, denominator=25))  # a tablet's registration:
                                        # written together with those arriving at once
    with read_session(engine) as s:
        series = read_series(unit_id, indicator_id, session=s)

Every write and every read of a unit's data takes `actor` (who acts: a username,
"board-link:ID" or the program's "system"/"cli:NAME") and passes `check_permission`
(db/permissions.py holds the role x action matrix); every change writes its audit
row in the same transaction; deletes are soft and can be restored.

    with write_session(engine) as s:    # sign-ins are written down (lockout)
        user = sign_in("anna", password, session=s, now=now)
"""

from db.annotations import (
    add_annotation,
    correct_annotation,
    delete_annotation,
    list_annotations,
    restore_annotation,
)
from db.audit import audit_actors, insert_audited, read_audit
from db.backup import backup, restore
from db.baselines import (
    add_baseline,
    delete_baseline,
    list_baselines,
    list_unit_baselines,
    restore_baseline,
)
from db.board_extras import BoardExtras, read_board_extras
from db.board_links import (
    NewBoardLink,
    board_link_actor,
    board_link_unit,
    create_board_link,
    list_board_links,
    revoke_board_link,
)
from db.board_meetings import (
    delete_board_meeting,
    last_board_meeting,
    record_board_meeting,
    restore_board_meeting,
)
from db.browser_sessions import (
    StartedBrowserSession,
    browser_session_ended,
    end_browser_session,
    end_browser_session_of_token,
    end_idle_browser_session,
    exchange_handover,
    resume_browser_session,
    start_browser_session,
    touch_browser_session,
)
from db.catalogue import (
    StoredIndicator,
    create_indicator,
    create_package,
    delete_indicator,
    find_indicator,
    get_indicator,
    in_exposure,
    list_indicators,
    list_packages,
    list_unit_indicators,
    restore_indicator,
    set_unit_indicators,
    update_indicator,
)
from db.cpr import looks_like_cpr
from db.demo import DEMO_PASSWORD, DEMO_PIN, DEMO_USERS, seed_demo
from db.demo_stories import UNITS, build_demo
from db.engine import make_engine, read_session, run_write, write_session
from db.entries import add_entry, correct_entry, delete_entry, list_entries, restore_entry
from db.entry_batches import EntryRequest, add_entries
from db.entry_registration import register_entry
from db.errors import (
    BackupError,
    NotFoundError,
    PermissionDeniedError,
    Problem,
    ReadOnlySessionError,
    StorageError,
    ValidationError,
)
from db.events import add_event, correct_event, delete_event, list_events, restore_event
from db.exporter import export_file, export_rows
from db.flags import holds_demo_data
from db.forked_reading import read_session_elsewhere, readable_elsewhere
from db.formulas import neutralise_cell
from db.import_mapping import INDICATOR_ROLES, ColumnRole, ImportMapping, SheetMapping
from db.import_plan import ImportPlan
from db.import_reading import (
    ImportFile,
    mapping_at_heading_row,
    open_import_file,
    proposed_mapping,
)
from db.import_templates import build_template
from db.importer import import_file, preview_import
from db.measurement_start import measuring_starts, set_measuring_since
from db.migrate import migrate, schema_revision
from db.models import ROLES, Annotation, Baseline, Entry, Event
from db.overview_series import OverviewSeries, read_overview_series
from db.periods import period_start
from db.permissions import (
    ACTIONS,
    ROLE_ACTIONS,
    SYSTEM_ACTOR,
    Rights,
    allowed,
    check_permission,
    is_system_actor,
    rights_of,
    role_may,
)
from db.redaction import REDACTED_TEXT, redact_text
from db.safety_calendar import (
    DAY_STATES,
    CalendarDay,
    DayEvent,
    confirm_safe_day,
    day_events,
    month_calendar,
    month_calendars,
    unconfirm_safe_day,
)
from db.sampling import (
    delete_sampling_switch,
    list_sampling_switches,
    restore_sampling_switch,
    sampling_since,
    switch_sampling,
)
from db.series import empty_series, read_series, read_unit_series
from db.sign_in import (
    FIRST_DELAY,
    LONGEST_DELAY,
    MAX_FAILED_SIGN_INS,
    LockedOutError,
    SignedIn,
    SignInError,
    locked_until,
    sign_in,
    sign_in_single,
    sign_in_with_pin,
    tablet_users,
    unlock_sign_in,
)
from db.undelete import is_deleted, restore_deleted
from db.unit_data import indicators_with_data
from db.unit_exposure import (
    INHERITED_EXPOSURE,
    chosen_exposures,
    set_unit_exposure,
    unit_exposure,
    unit_exposures,
)
from db.units import (
    create_unit,
    delete_unit,
    descendant_ids,
    find_unit,
    has_units,
    list_units,
    move_unit,
    rename_unit,
    restore_unit,
)
from db.users import (
    PIN_DIGITS,
    PIN_ROLES,
    Account,
    add_membership,
    create_user,
    delete_user,
    find_user,
    has_admin,
    hash_password,
    list_users,
    member_unit_ids,
    remove_membership,
    restore_user,
    set_password,
    set_pin,
    set_role,
    verify_password,
)

__all__ = [
    "BoardExtras",
    "INHERITED_EXPOSURE",
    "StartedBrowserSession",
    "end_browser_session",
    "end_browser_session_of_token",
    "end_idle_browser_session",
    "exchange_handover",
    "resume_browser_session",
    "start_browser_session",
    "touch_browser_session",
    "ACTIONS",
    "DAY_STATES",
    "CalendarDay",
    "DayEvent",
    "DEMO_PASSWORD",
    "DEMO_PIN",
    "FIRST_DELAY",
    "REDACTED_TEXT",
    "DEMO_USERS",
    "INDICATOR_ROLES",
    "LONGEST_DELAY",
    "MAX_FAILED_SIGN_INS",
    "PIN_DIGITS",
    "PIN_ROLES",
    "ROLES",
    "ROLE_ACTIONS",
    "SYSTEM_ACTOR",
    "UNITS",
    "Account",
    "Annotation",
    "BackupError",
    "Baseline",
    "ColumnRole",
    "Entry",
    "EntryRequest",
    "Event",
    "ImportFile",
    "ImportMapping",
    "ImportPlan",
    "LockedOutError",
    "NewBoardLink",
    "NotFoundError",
    "OverviewSeries",
    "PermissionDeniedError",
    "Problem",
    "ReadOnlySessionError",
    "Rights",
    "SheetMapping",
    "SignInError",
    "SignedIn",
    "StorageError",
    "StoredIndicator",
    "ValidationError",
    "add_annotation",
    "add_baseline",
    "add_entries",
    "add_entry",
    "add_event",
    "add_membership",
    "allowed",
    "audit_actors",
    "backup",
    "board_link_actor",
    "board_link_unit",
    "browser_session_ended",
    "build_demo",
    "build_template",
    "check_permission",
    "correct_annotation",
    "confirm_safe_day",
    "correct_entry",
    "correct_event",
    "chosen_exposures",
    "create_board_link",
    "day_events",
    "create_indicator",
    "create_package",
    "create_unit",
    "create_user",
    "delete_annotation",
    "delete_baseline",
    "delete_board_meeting",
    "delete_entry",
    "delete_event",
    "delete_indicator",
    "delete_sampling_switch",
    "delete_unit",
    "delete_user",
    "descendant_ids",
    "empty_series",
    "export_file",
    "export_rows",
    "find_indicator",
    "find_unit",
    "find_user",
    "get_indicator",
    "has_admin",
    "has_units",
    "hash_password",
    "holds_demo_data",
    "import_file",
    "insert_audited",
    "indicators_with_data",
    "is_deleted",
    "is_system_actor",
    "last_board_meeting",
    "list_annotations",
    "list_baselines",
    "list_board_links",
    "list_entries",
    "list_events",
    "list_indicators",
    "list_packages",
    "list_sampling_switches",
    "list_unit_baselines",
    "in_exposure",
    "list_unit_indicators",
    "list_units",
    "list_users",
    "locked_until",
    "looks_like_cpr",
    "make_engine",
    "mapping_at_heading_row",
    "member_unit_ids",
    "measuring_starts",
    "migrate",
    "month_calendar",
    "month_calendars",
    "move_unit",
    "open_import_file",
    "neutralise_cell",
    "period_start",
    "preview_import",
    "proposed_mapping",
    "read_audit",
    "read_board_extras",
    "read_overview_series",
    "read_series",
    "read_session",
    "read_session_elsewhere",
    "readable_elsewhere",
    "redact_text",
    "register_entry",
    "read_unit_series",
    "record_board_meeting",
    "remove_membership",
    "rename_unit",
    "restore",
    "restore_annotation",
    "restore_baseline",
    "restore_board_meeting",
    "restore_deleted",
    "restore_entry",
    "restore_event",
    "restore_indicator",
    "restore_sampling_switch",
    "restore_unit",
    "restore_user",
    "revoke_board_link",
    "rights_of",
    "role_may",
    "sampling_since",
    "schema_revision",
    "seed_demo",
    "set_password",
    "set_pin",
    "set_role",
    "set_measuring_since",
    "set_unit_exposure",
    "set_unit_indicators",
    "unit_exposure",
    "unit_exposures",
    "sign_in",
    "sign_in_single",
    "sign_in_with_pin",
    "switch_sampling",
    "tablet_users",
    "unlock_sign_in",
    "unconfirm_safe_day",
    "update_indicator",
    "verify_password",
    "run_write",
    "write_session",
]
