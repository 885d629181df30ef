"""The audit log's rows in words: local time and what changed."""

from datetime import UTC, datetime

from app.admin.audit_table import MAX_FIELDS_SHOWN, change_summary, local_time


def test_times_are_stored_in_utc_and_read_in_danish_time_summer_and_winter():
    assert local_time(datetime(2026, 11, 22, 9, 5, tzinfo=UTC)) == "22-11-2026 10:05"
    assert local_time(datetime(2026, 7, 1, 9, 5)) == "01-07-2026 11:05"  # naive means UTC


def test_a_correction_names_each_changed_field_with_old_and_new_value():
    before = {"id": 7, "numerator": 20.0, "denominator": 25.0, "note": None,
              "recorded_at": "2026-11-21T08:00:00"}
    after = {**before, "numerator": 23.0, "note": "efter tjek", "recorded_at": "2026-11-22"}
    assert change_summary(before, after) == "numerator: 20.0 → 23.0; note: – → efter tjek"


def test_a_new_deleted_or_restored_row_is_told_by_what_it_holds():
    row = {"id": 9, "unit_id": 3, "day": "2026-11-22", "note": "Hæl", "deleted_at": None}
    assert change_summary(None, row) == "unit_id: 3; day: 2026-11-22; note: Hæl"
    deleted = {**row, "deleted_at": "2026-11-22T10:00:00"}
    assert change_summary(row, deleted) == "unit_id: 3; day: 2026-11-22; note: Hæl"


def test_a_long_change_is_cut_after_a_few_fields():
    row = {f"field_{n}": n for n in range(1, 10)}
    assert change_summary(None, row).count(";") == MAX_FIELDS_SHOWN
    assert change_summary(None, row).endswith("…")
