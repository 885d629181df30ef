"""Command line for the storage: `python -m db COMMAND`.

Exit codes: 0 done, 1 refused (nothing was written), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError

from db.backup import backup, restore
from db.demo import seed_demo
from db.engine import make_engine, read_session, write_session
from db.errors import StorageError
from db.exporter import export_file, format_for
from db.import_mapping import mapping_from_json
from db.importer import import_file, preview_import
from db.migrate import migrate
from db.redaction import redact_text
from db.sign_in import unlock_sign_in
from db.users import create_user

DEFAULT_URL = f"sqlite:///{Path(__file__).resolve().parent.parent / 'data' / 'tavle.db'}"
REFUSED, USAGE = 1, 2


def _init(engine: Engine, args: argparse.Namespace) -> str:
    migrate(engine)
    return f"Databasen er klar: {_shown(args.database_url)}"


def _seed_demo(engine: Engine, args: argparse.Namespace) -> str:
    migrate(engine)
    with write_session(engine) as session:
        seed_demo(session=session, actor=args.actor, today=args.today)
    return "Demokommunen er indlæst."


def _import(engine: Engine, args: argparse.Namespace) -> str:
    migrate(engine)
    content = args.file.read_bytes()
    mapping = (mapping_from_json(args.mapping.read_text(encoding="utf-8"))
               if args.mapping else None)
    options = {"filename": args.file.name, "today": args.today, "mapping": mapping,
               "unit": args.unit, "create_units": args.create_units}
    if args.save_mapping:  # the mapping as read or guessed, to check and edit for next time
        with read_session(engine) as session:
            used = preview_import(content, session=session, **options).mapping
        if used is not None:
            args.save_mapping.write_text(used.to_json() + "\n", encoding="utf-8")
    with write_session(engine) as session:
        plan = import_file(content, session=session, actor=args.actor,
                           add_to_board=args.add_to_board, **options)
    counts = plan.summary()
    lines = [notice.text(args.language) for notice in plan.notices]
    return "\n".join([*lines,
        f"Importeret: {counts['new_entries']} nye og {counts['corrected_entries']} rettede"
        f" registreringer, {counts['new_events']} hændelser"
        f" ({counts['corrected_events']} med rettet note),"
        f" {counts['new_annotations']} ændringer; {counts['unchanged_entries']} uændrede."])


def _export(engine: Engine, args: argparse.Namespace) -> str:
    with read_session(engine) as session:
        content = export_file(session=session, actor=args.actor,
                              file_format=args.format or format_for(args.file.name))
    args.file.write_bytes(content)
    return f"Eksporteret til {args.file}"


def _backup(engine: Engine, args: argparse.Namespace) -> str:
    backup(engine, args.file)
    return f"Backup gemt i {args.file}"


def _restore(engine: Engine, args: argparse.Namespace) -> str:
    safety = restore(engine, args.file, actor=args.actor)
    kept = f"; den erstattede database er gemt i {safety}" if safety else ""
    return f"Databasen er genskabt fra {args.file}{kept}"


def _redact(engine: Engine, args: argparse.Namespace) -> str:
    text = _read_secret("Teksten der skal fjernes: ")  # not an argument: no shell history
    with write_session(engine) as session:
        changed = redact_text(text, session=session, actor=args.actor)
    return f"Teksten er fjernet fra {changed} rækker (revisionsloggen medregnet)."


def _unlock(engine: Engine, args: argparse.Namespace) -> str:
    with write_session(engine) as session:
        unlock_sign_in(args.username, session=session, actor=args.actor, now=args.now)
    return f"{args.username} kan logge ind igen med det samme."


def _create_admin(engine: Engine, args: argparse.Namespace) -> str:
    password = _read_password()
    migrate(engine)
    with write_session(engine) as session:
        create_user(args.username, role="region" if args.region else "admin", password=password,
                    session=session, actor=args.actor)
    return f"Administratoren {args.username} er oprettet."


def _read_secret(prompt: str) -> str:
    """Read one line without echo at a terminal, else one line of stdin."""
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    return sys.stdin.readline().rstrip("\r\n")


def _read_password() -> str:
    """Read the password without echo at a terminal (asked twice), else one line of stdin."""
    if sys.stdin.isatty():
        first = getpass.getpass("Adgangskode: ")
        if getpass.getpass("Gentag adgangskoden: ") != first:
            raise StorageError("De to adgangskoder er forskellige.", "The passwords differ.")
        return first
    return sys.stdin.readline().rstrip("\r\n")


def _shown(url: str) -> str:
    """Return the URL with any password hidden."""
    return make_url(url).render_as_string(hide_password=True)


COMMANDS: dict[str, Callable[[Engine, argparse.Namespace], str]] = {
    "init": _init, "seed-demo": _seed_demo, "import": _import, "export": _export,
    "backup": _backup, "restore": _restore, "create-admin": _create_admin,
    "redact": _redact, "unlock": _unlock,
}


def build_parser() -> argparse.ArgumentParser:
    """Return the parser for the storage commands."""
    parser = argparse.ArgumentParser(prog="python -m db", description=__doc__)
    parser.add_argument("--database-url", default=os.environ.get("TAVLE_DATABASE_URL")
                        or DEFAULT_URL, help="default: $TAVLE_DATABASE_URL or data/tavle.db")
    parser.add_argument("--actor", default=f"cli:{getpass.getuser()}",
                        help="who the audit log names for changes (cli:NAME acts with every"
                             " right, a username with that user's)")
    parser.add_argument("--language", choices=("da", "en"), default="da")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("init", help="create the database or bring it up to date")
    demo = sub.add_parser("seed-demo", help="load the demo municipality into an empty database")
    demo.add_argument("--today", type=date.fromisoformat, default=date.today())
    imported = sub.add_parser("import", help="import a .csv or .xlsx file, all or nothing")
    imported.add_argument("file", type=Path)
    imported.add_argument("--create-units", action="store_true",
                          help="create units the file names that do not exist yet")
    imported.add_argument("--unit", help="the code of the unit a sheet without a unit column is for")
    imported.add_argument("--mapping", type=Path, metavar="PROFILE",
                          help="a mapping profile (JSON) saying what each column means")
    imported.add_argument("--save-mapping", type=Path, metavar="PROFILE",
                          help="write the mapping used (or guessed) to PROFILE, to edit and reuse")
    imported.add_argument("--add-to-board", action="store_true",
                          help="put the indicators the file brings data for on the unit's board")
    imported.add_argument("--today", type=date.fromisoformat, default=date.today())
    exported = sub.add_parser("export", help="export everything to a .csv or .xlsx file")
    exported.add_argument("file", type=Path)
    exported.add_argument("--format", choices=("danish-csv", "comma-csv", "xlsx"))
    sub.add_parser("backup", help="copy the SQLite database to a new file").add_argument(
        "file", type=Path)
    sub.add_parser("restore", help="replace the SQLite database with a backup").add_argument(
        "file", type=Path)
    sub.add_parser("redact", help="remove a text (read from stdin) everywhere it is stored,"
                              " the audit log included")
    unlock = sub.add_parser("unlock", help="let a user sign in again at once after failed tries")
    unlock.add_argument("username")
    unlock.set_defaults(now=datetime.now(UTC))
    admin = sub.add_parser("create-admin", help="create an administrator (password on stdin)")
    admin.add_argument("--username", required=True)
    admin.add_argument("--region", action="store_true",
                       help="the region's administrator, above every municipality")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the storage command named in argv and return the exit code."""
    args = build_parser().parse_args(argv)
    if args.command == "import" and not args.file.is_file():
        print(f"{args.file} findes ikke.", file=sys.stderr)
        return USAGE
    try:
        engine = make_engine(args.database_url)
        try:
            print(COMMANDS[args.command](engine, args))
        finally:
            engine.dispose()
    except StorageError as refused:
        print(refused.text(args.language), file=sys.stderr)
        return REFUSED
    except ArgumentError as error:
        print(f"Databasens adresse kan ikke bruges: {error}", file=sys.stderr)
        return USAGE
    except OperationalError as error:
        print(f"Databasen kan ikke bruges: {error.orig}", file=sys.stderr)
        return REFUSED
    return 0


if __name__ == "__main__":
    sys.exit(main())
