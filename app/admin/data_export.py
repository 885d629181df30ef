"""Export everything (Danish CSV, comma CSV, XLSX) and download a backup of a SQLite database."""

from __future__ import annotations

import tempfile
from pathlib import Path

import streamlit as st

from app.access.identity import current_actor
from app.language import text
from app.resources import database, today
from db import backup, export_file, read_session

KEY = "admin.export"
# (format for db.export_file, string key of the button, file suffix, MIME type)
EXPORTS = (
    ("danish-csv", "admin.export.danish_csv", "csv", "text/csv"),
    ("comma-csv", "admin.export.comma_csv", "csv", "text/csv"),
    ("xlsx", "admin.export.xlsx", "xlsx",
     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
)


def exported(file_format: str) -> bytes:
    """Return every live entry, event and annotation in file_format."""
    with read_session(database()) as session:
        return export_file(session=session, actor=current_actor(), file_format=file_format)


def backup_bytes() -> bytes:
    """Return a consistent copy of the SQLite database, taken while the app runs."""
    with tempfile.TemporaryDirectory(prefix="tavle-backup-") as folder:
        target = Path(folder) / "tavle.db"
        backup(database(), target)
        return target.read_bytes()


def export_panel() -> None:
    """Offer the export in three formats and, for SQLite, the backup."""
    st.caption(text("admin.export.help"))
    row = st.container(horizontal=True)
    stamp = today().isoformat()
    for file_format, label, suffix, mime in EXPORTS:
        # Built when the button is pressed, not on every visit to the page.
        row.download_button(text(label), lambda f=file_format: exported(f),
                            file_name=f"tavle-{file_format}-{stamp}.{suffix}", mime=mime,
                            key=f"{KEY}.{file_format}", icon=":material/download:")
    st.markdown(f"**{text('admin.backup.title')}**")
    if database().dialect.name != "sqlite":
        st.info(text("admin.backup.postgres"))
        return
    st.caption(text("admin.backup.help"))
    st.download_button(text("admin.backup.download"), backup_bytes,
                       file_name=f"tavle-backup-{stamp}.db", mime="application/x-sqlite3",
                       key=f"{KEY}.backup", icon=":material/backup:")
