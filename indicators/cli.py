"""The command line: `python -m indicators analyze FILE.csv --x COL --y COL ... --json`.

A thin shell over `analyze`: read the file, call the library once, print the
model as JSON (or the verdict), and turn every refusal into one line and an exit code.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence

import numpy as np
import pandas as pd

from indicators.engine import analyze
from indicators.errors import (
    IndicatorError,
    InvalidDataError,
    InvalidOptionError,
    MissingColumnError,
)
from indicators.model_json import model_to_dict
from indicators.options import AGGREGATIONS, CHARTS, IMPROVEMENT_DIRECTIONS, RULE_SETS

EXIT_REFUSED = 1  # the data or an option cannot be charted as asked
EXIT_USAGE = 2  # the command line itself is wrong
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?$")
_MINIMUM_POINTS = 2


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error on one line."""

    def error(self, message: str) -> None:  # type: ignore[override]
        print(f"{self.prog}: fejl / error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def _positions(text: str) -> list[int]:
    try:
        return [int(part) for part in text.split(",") if part.strip()]
    except ValueError as error:
        raise InvalidOptionError(
            f"Positioner skal være hele tal adskilt af komma, fik {text!r}.",
            f"Positions must be whole numbers separated by commas, got {text!r}.",
        ) from error


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of `python -m indicators`."""
    parser = _Parser(prog="python -m indicators", description="Run charts and control charts (Tavle).")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    command = commands.add_parser("analyze", help="analyse one CSV file")
    command.add_argument("file")
    command.add_argument("--x", required=True)
    command.add_argument("--y", required=True)
    command.add_argument("--n")
    command.add_argument("--chart", choices=CHARTS, default="run")
    command.add_argument("--rules", choices=RULE_SETS, default="anhoej")
    command.add_argument("--freeze", type=int)
    command.add_argument("--part", type=_positions)
    command.add_argument("--exclude", type=_positions)
    command.add_argument("--multiply", type=float, default=1.0)
    command.add_argument("--agg", choices=AGGREGATIONS, default="mean")
    command.add_argument("--no-y-neg", dest="y_neg", action="store_false")
    command.add_argument("--cl", type=float)
    command.add_argument("--target", type=float)
    command.add_argument("--facet")
    command.add_argument("--notes")
    command.add_argument("--no-screen-mr", dest="screen_mr", action="store_false")
    command.add_argument("--improvement", choices=IMPROVEMENT_DIRECTIONS)
    command.add_argument("--language", choices=("da", "en"), default="da")
    command.add_argument("--json", action="store_true")
    return parser


def _x_values(text: pd.Series) -> pd.Series:
    """x as numbers, dates (YYYY-MM-DD) or categories, whichever all its values are."""
    present = text.dropna().astype(str).str.strip()
    numbers = pd.to_numeric(present, errors="coerce")
    if len(present) and numbers.notna().all():
        return pd.to_numeric(text, errors="coerce")
    if len(present) and present.str.match(_ISO_DATE).all():
        return pd.to_datetime(text, errors="coerce")
    return text.astype(object).where(text.notna(), None)


def read_chart_input(path: str, *, x: str, y: str, n: str | None = None, facet: str | None = None,
                     notes: str | None = None) -> pd.DataFrame:
    """Read a CSV file (comma, or semicolon with decimal comma) into the engine's input frame."""
    try:
        with open(path, encoding="utf-8-sig") as handle:
            header = handle.readline()
    except OSError as error:
        raise IndicatorError(f"Kan ikke læse filen {path}: {error.strerror}.",
                             f"Cannot read the file {path}: {error.strerror}.") from error
    semicolons = header.count(";") > header.count(",")
    try:
        raw = pd.read_csv(path, dtype=str, sep=";" if semicolons else ",", encoding="utf-8-sig")
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as error:
        raise IndicatorError(f"Filen {path} er ikke en læsbar CSV-fil.",
                             f"The file {path} is not a readable CSV file.") from error
    if raw.empty:
        raise InvalidDataError(f"Filen {path} har ingen datarækker, kun en overskrift.",
                               f"The file {path} has no data rows, only a header.")
    wanted = {"x": x, "y": y, "n": n, "facet": facet, "notes": notes}
    for role, column in wanted.items():
        if column is not None and column not in raw.columns:
            listed = ", ".join(map(str, raw.columns))
            raise MissingColumnError(
                f"Kolonnen '{column}' (--{role}) findes ikke i filen; den har: {listed}.",
                f"The column '{column}' (--{role}) is not in the file; it has: {listed}.",
            )
    frame = pd.DataFrame({"x": _x_values(raw[x])})
    for role in ("y", "n"):
        if wanted[role] is not None:
            values = raw[wanted[role]]
            frame[role] = values.str.replace(",", ".", regex=False) if semicolons else values
    if facet is not None:
        labels = _x_values(raw[facet])
        frame["facet"] = pd.Series([None if pd.isna(label) else label for label in labels], dtype=object)
    if notes is not None:
        frame["notes"] = raw[notes].astype(object).where(raw[notes].notna(), None)
    return frame


# Options that take one number, which may be negative in scientific notation.
_NUMBER_OPTIONS = ("--target", "--cl", "--multiply")


def _numbers_attached(argv: list[str]) -> list[str]:
    """Write "--target -1e-05" as "--target=-1e-05".

    argparse takes a negative number for a value only in plain notation (-0.5); in
    scientific notation (-1e-05) it reads an unknown option instead.
    """
    attached: list[str] = []
    index = 0
    while index < len(argv):
        if argv[index] in _NUMBER_OPTIONS and index + 1 < len(argv) and _is_number(argv[index + 1]):
            attached.append(f"{argv[index]}={argv[index + 1]}")
            index += 2
        else:
            attached.append(argv[index])
            index += 1
    return attached


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def run(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return its exit code."""
    arguments = build_parser().parse_args(_numbers_attached(sys.argv[1:] if argv is None else list(argv)))
    try:
        frame = read_chart_input(arguments.file, x=arguments.x, y=arguments.y, n=arguments.n,
                                 facet=arguments.facet, notes=arguments.notes)
        model = analyze(
            frame, chart=arguments.chart, rules=arguments.rules, freeze=arguments.freeze, part=arguments.part,
            exclude=arguments.exclude, target=arguments.target, cl=arguments.cl, multiply=arguments.multiply,
            agg=arguments.agg, y_neg=arguments.y_neg, screen_mr=arguments.screen_mr,
            improvement=arguments.improvement, minimum_points=_MINIMUM_POINTS,
        )
    except IndicatorError as error:
        print(error.text(arguments.language), file=sys.stderr)
        return EXIT_REFUSED
    if arguments.json:
        print(json.dumps(model_to_dict(model), ensure_ascii=False, allow_nan=False))
    else:
        print(model.verdict.text(arguments.language))
    return 0


def main() -> None:
    """Entry point of `python -m indicators`."""
    with np.errstate(all="ignore"):
        raise SystemExit(run())
