"""Command line for the reports: `python -m reports monthly ...`.

    python -m reports monthly --unit "Plejecenter Solbakken" --month 2026-11 --out solbakken.pdf
    python -m reports monthly --area "Område Nord" --month 2026-11 --out nord.pdf --shared
    python -m reports monthly --all --month 2026-11 --out rapporter/ --lang en
    python -m reports monthly --municipality "Aarby Kommune" --month 2026-11 --out aarby/
    python -m reports monthly --unit solbakken --month 2026-11 --out solbakken.pdf --full-history

With --all (the database's one municipality) or --municipality NAME (one of
several in a region's database) and a folder as --out, one report per unit and
the municipality's report are written there (2026-11-solbakken.pdf, ...). The charts show
the last --history-years years (default $TAVLE_HISTORY_YEARS or 2); --full-history shows
everything. Exit codes: 0 done,
1 the report could not be made, 2 wrong usage.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError

from db import make_engine, read_session
from indicators import RULE_SETS, TavleError
from reports.content.errors import ReportError
from reports.content.forked_work import frozen_heap
from reports.content.history_window import DEFAULT_HISTORY_YEARS
from reports.content.report_content import report_content
from reports.content.report_month import ReportMonth, parse_month
from reports.content.report_scope import find_scope, municipality_scope
from reports.pdf.fonts import ReportFonts, report_fonts
from reports.pdf.forked_report import monthly_report_of
from reports.pdf.monthly import monthly_report, report_file_name

DEFAULT_URL = f"sqlite:///{Path(__file__).resolve().parent.parent / 'data' / 'tavle.db'}"
REFUSED, USAGE = 1, 2


def month_argument(text: str) -> ReportMonth:
    """Parse --month for argparse, which turns the error into a usage message."""
    try:
        return parse_month(text)
    except ReportError as error:
        raise argparse.ArgumentTypeError(error.text("en")) from error


def history_years_argument(text: str) -> int:
    """Parse --history-years for argparse: a whole number of years, at least 1."""
    try:
        years = int(text)
    except ValueError:
        years = 0
    if years < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of years, at least 1, not {text!r}")
    return years


def build_parser() -> argparse.ArgumentParser:
    """Return the parser for the report commands."""
    parser = argparse.ArgumentParser(prog="python -m reports", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=os.environ.get("TAVLE_DATABASE_URL") or DEFAULT_URL,
                        help="default: $TAVLE_DATABASE_URL or data/tavle.db")
    parser.add_argument("--actor", default=f"cli:{getpass.getuser()}",
                        help="who reads (cli:NAME reads every unit, a username that user's)")
    sub = parser.add_subparsers(dest="command", required=True)
    monthly = sub.add_parser("monthly", help="the monthly PDF report of a unit, an area or all")
    scope = monthly.add_mutually_exclusive_group(required=True)
    scope.add_argument("--unit", metavar="NAME|CODE", help="one unit, by name or code (solbakken)")
    scope.add_argument("--area", metavar="NAME|CODE", help="an area's units, by name or code")
    scope.add_argument("--all", action="store_true", help="the whole municipality")
    scope.add_argument("--municipality", metavar="NAME",
                       help="a whole municipality of several, by name or code")
    monthly.add_argument("--month", type=month_argument, required=True, metavar="YYYY-MM")
    monthly.add_argument("--out", required=True, metavar="PATH",
                         help="the PDF file; with --all or --municipality a folder gets one report per unit too")
    monthly.add_argument("--lang", choices=("da", "en"), default="da")
    monthly.add_argument("--shared", action="store_true",
                         help="for sharing beyond the team: counts of 1-4 shown as <5")
    monthly.add_argument("--rules", choices=RULE_SETS, default="anhoej")
    history = monthly.add_mutually_exclusive_group()
    # No default here: argparse would take a given value equal to it for "not given".
    history.add_argument("--history-years", type=history_years_argument, metavar="N",
                         help="years of history charted (default: $TAVLE_HISTORY_YEARS or "
                              f"{DEFAULT_HISTORY_YEARS})")
    history.add_argument("--full-history", action="store_true",
                         help="chart the whole history (vis hele historikken): more pages, slower")
    monthly.add_argument("--today", type=date.fromisoformat,
                         default=os.environ.get("TAVLE_TODAY") or date.today().isoformat(),
                         help="the day the report is made (default: $TAVLE_TODAY or the clock)")
    return parser


def history_years(args: argparse.Namespace) -> int | None:
    """The years the report charts: --history-years, $TAVLE_HISTORY_YEARS or 2; None for --full-history."""
    if args.full_history:
        return None
    if args.history_years is not None:
        return args.history_years
    configured = os.environ.get("TAVLE_HISTORY_YEARS", "").strip()
    if not configured:
        return DEFAULT_HISTORY_YEARS
    if not configured.isdigit() or int(configured) < 1:
        raise ReportError(f"TAVLE_HISTORY_YEARS skal være et helt antal år, mindst 1, ikke {configured!r}.",
                          f"TAVLE_HISTORY_YEARS must be a whole number of years, at least 1, not {configured!r}.")
    return int(configured)


def wants_folder(args: argparse.Namespace) -> bool:
    """Return True when --all writes a folder: the path is a folder or ends with a slash."""
    whole = args.all or args.municipality is not None
    return whole and (Path(args.out).is_dir() or args.out.endswith(("/", os.sep)))


def reports_to_write(args: argparse.Namespace, *, generated_at: datetime,
                     fonts: ReportFonts) -> Iterator[tuple[Path, bytes]]:
    """Read the database once and yield each report's path and PDF bytes."""
    pdf = {"generated_at": generated_at, "language": args.lang, "shared": args.shared,
           "fonts": fonts}
    engine = make_engine(args.database_url)
    try:
        with read_session(engine) as session:
            if args.all:
                scope = municipality_scope(session=session)
            elif args.municipality is not None:
                scope = find_scope(args.municipality, kind="municipality", session=session)
            else:
                kind, name = ("unit", args.unit) if args.unit else ("area", args.area)
                scope = find_scope(name, kind=kind, session=session)
            asked = {"session": session, "actor": args.actor, "today": args.today,
                     "rules": args.rules, "history_years": history_years(args)}
            if not wants_folder(args):  # one report: read, charted and laid out by halves
                yield Path(args.out), monthly_report_of(scope, args.month, **asked, **pdf)
                return
            content = report_content(scope, args.month, **asked)
    finally:
        engine.dispose()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for unit in content.scope.units:
        single = content.for_unit(unit)
        yield out / report_file_name(single), monthly_report(single, **pdf)
    yield out / report_file_name(content), monthly_report(content, **pdf)


def main(argv: list[str] | None = None) -> int:
    """Run the report command named in argv and return the exit code."""
    args = build_parser().parse_args(argv)
    language = args.lang
    try:
        make_url(args.database_url)
    except ArgumentError as error:
        print(f"Databasens adresse kan ikke bruges: {error}", file=sys.stderr)
        return USAGE
    database = make_url(args.database_url)
    if database.get_backend_name() == "sqlite" and database.database not in (None, "", ":memory:") \
            and not Path(database.database).is_file():
        print(_say(language, f"Databasen findes ikke: {database.database} (kør python -m db init).",
                   f"There is no database at {database.database} (run python -m db init)."),
              file=sys.stderr)
        return REFUSED
    folder = Path(args.out).parent
    if not wants_folder(args) and not folder.is_dir():
        print(_say(language, f"Mappen {folder} findes ikke.",
                   f"The folder {folder} does not exist."), file=sys.stderr)
        return REFUSED
    # What is loaded by now outlives the reports: leave it out of the cyclic collector's
    # passes, which otherwise walk it again for every batch of new objects. Thawed when
    # they are written, for a caller that goes on in this process.
    with frozen_heap():
        return _write_reports(args, language)


def _write_reports(args: argparse.Namespace, language: str) -> int:
    """Write the reports asked for and say where; return the exit code."""
    fonts = report_fonts()
    if fonts.warning(language):
        print(fonts.warning(language), file=sys.stderr)
    generated_at = datetime.now(UTC)  # printed in Danish time on the cover
    try:
        for path, pdf in reports_to_write(args, generated_at=generated_at, fonts=fonts):
            path.write_bytes(pdf)
            print(_say(language, f"Skrev {path}", f"Wrote {path}"))
    except TavleError as refused:
        print(refused.text(language), file=sys.stderr)
        return REFUSED
    except OperationalError as error:
        print(_say(language, f"Databasen kan ikke bruges: {error.orig}",
                   f"The database cannot be used: {error.orig}"), file=sys.stderr)
        return REFUSED
    except OSError as error:
        print(_say(language, f"Rapporten kan ikke gemmes: {error}",
                   f"The report cannot be saved: {error}"), file=sys.stderr)
        return REFUSED
    return 0


def _say(language: str, danish: str, english: str) -> str:
    """Return the message in the chosen language."""
    return english if language == "en" else danish


if __name__ == "__main__":
    sys.exit(main())
