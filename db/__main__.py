"""Command line for the storage: `python -m db init`."""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from pathlib import Path

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "tavle.db"


def main(argv: list[str] | None = None) -> int:
    """Run the storage command named in argv and return the exit code."""
    parser = argparse.ArgumentParser(prog="python -m db")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("init", help="create the database if it is missing")
    args = parser.parse_args(argv)
    if args.command == "init":
        if os.environ.get("TAVLE_DATABASE_URL"):
            return 0
        DEFAULT_PATH.parent.mkdir(parents=True, exist_ok=True)
        sqlite3.connect(DEFAULT_PATH).close()
        print(f"Databasen er klar: {DEFAULT_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
