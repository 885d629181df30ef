"""Storage: models, engine, migrations, repositories, import/export, backup.

    engine = make_engine(url)           # nothing is created at import time
    migrate(engine)                     # schema + built-in catalogue, at app start
    with write_session(engine) as s:    # BEGIN IMMEDIATE on SQLite; commits at the end
        add_entry(unit_id, indicator_id, day, numerator=23, denominator=25,
                  session=s, actor="anna", today=today)
    with read_session(engine) as s:
        series = read_series(unit_id, indicator_id, session=s)

Every write takes `actor` and passes `check_permission`; every change writes
its audit row in the same transaction; deletes are soft and can be restored.
"""

from db.annotations import (
    add_annotation,
    correct_annotation,
    delete_annotation,
    list_annotations,
    restore_annotation,
)
from db.audit import read_audit
from db.backup import backup, restore
from db.baselines import add_baseline, delete_baseline, list_baselines, restore_baseline
from db.board_meetings import delete_board_meeting, last_board_meeting, record_board_meeting
from db.catalogue import (
    StoredIndicator,
    create_indicator,
    create_package,
    find_indicator,
    get_indicator,
    list_indicators,
    list_packages,
    list_unit_indicators,
    set_indicator_deleted,
    set_unit_indicators,
    update_indicator,
)
from db.cpr import looks_like_cpr
from db.demo import DEMO_PASSWORD, DEMO_USERS, seed_demo
from db.engine import make_engine, read_session, write_session
from db.entries import add_entry, correct_entry, delete_entry, list_entries, restore_entry
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
from db.import_plan import ImportPlan
from db.importer import import_file, preview_import
from db.migrate import migrate, schema_revision
from db.overview_series import OverviewSeries, read_overview_series
from db.periods import period_start
from db.permissions import ACTIONS, check_permission
from db.sampling import (
    delete_sampling_switch,
    list_sampling_switches,
    restore_sampling_switch,
    sampling_since,
    switch_sampling,
)
from db.series import empty_series, read_series, read_unit_series
from db.units import (
    create_unit,
    descendant_ids,
    find_unit,
    list_units,
    move_unit,
    rename_unit,
    set_unit_deleted,
)
from db.users import (
    Account,
    add_membership,
    create_user,
    find_user,
    has_admin,
    hash_password,
    member_unit_ids,
    remove_membership,
    set_password,
    set_user_deleted,
    verify_password,
)

__all__ = [
    "ACTIONS",
    "Account",
    "DEMO_PASSWORD",
    "DEMO_USERS",
    "BackupError",
    "ImportPlan",
    "NotFoundError",
    "OverviewSeries",
    "PermissionDeniedError",
    "Problem",
    "ReadOnlySessionError",
    "StorageError",
    "StoredIndicator",
    "ValidationError",
    "add_annotation",
    "add_baseline",
    "add_entry",
    "add_event",
    "add_membership",
    "backup",
    "check_permission",
    "correct_annotation",
    "correct_entry",
    "correct_event",
    "create_indicator",
    "create_package",
    "create_unit",
    "create_user",
    "delete_annotation",
    "delete_baseline",
    "delete_board_meeting",
    "delete_entry",
    "delete_event",
    "delete_sampling_switch",
    "descendant_ids",
    "empty_series",
    "export_file",
    "export_rows",
    "find_indicator",
    "find_unit",
    "find_user",
    "get_indicator",
    "has_admin",
    "hash_password",
    "holds_demo_data",
    "import_file",
    "last_board_meeting",
    "list_annotations",
    "list_baselines",
    "list_entries",
    "list_events",
    "list_indicators",
    "list_packages",
    "list_sampling_switches",
    "list_unit_indicators",
    "list_units",
    "looks_like_cpr",
    "make_engine",
    "member_unit_ids",
    "migrate",
    "move_unit",
    "period_start",
    "preview_import",
    "read_audit",
    "read_overview_series",
    "read_series",
    "read_session",
    "read_unit_series",
    "record_board_meeting",
    "remove_membership",
    "rename_unit",
    "restore",
    "restore_annotation",
    "restore_baseline",
    "restore_entry",
    "restore_event",
    "restore_sampling_switch",
    "sampling_since",
    "schema_revision",
    "seed_demo",
    "set_indicator_deleted",
    "set_password",
    "set_unit_deleted",
    "set_unit_indicators",
    "set_user_deleted",
    "switch_sampling",
    "update_indicator",
    "verify_password",
    "write_session",
]
