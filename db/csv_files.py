"""CSV as Danish Excel writes it (semicolon, decimal comma, UTF-8 or Windows-1252) and plain CSV."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date

import numpy as np

from db.errors import ValidationError
from db.formulas import neutralise, unneutralise  # noqa: F401 (the readers' and writers' rule)
from db.validation import problem

UTF8_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class RawTable:
    """The cells of a file as read: a header and rows, and how its numbers are written."""

    header: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]  # row i of the file is rows[i - 2] (row 1 is the header)
    decimal_comma: bool


def decode(content: bytes) -> str:
    """Decode UTF-8 (with or without BOM), else Windows-1252, as Danish Excel saves CSV."""
    if content.startswith(UTF8_BOM):
        content = content[len(UTF8_BOM):]
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return content.decode("cp1252")
    except UnicodeDecodeError as error:
        raise ValidationError([problem(
            None, "filen er hverken UTF-8 eller Windows-1252; gem den som CSV igen",
            "the file is neither UTF-8 nor Windows-1252; save it as CSV again", row=None)],
        ) from error


def read_csv(content: bytes) -> RawTable:
    """Read CSV text into cells; the header line decides between ';' (Danish) and ','."""
    text = decode(content)
    if "\x00" in text:
        raise ValidationError([problem(None, "filen ligner ikke en CSV-fil",
                                       "the file does not look like CSV", row=None)])
    first_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise ValidationError([problem(None, f"filen kan ikke læses som CSV ({error})",
                                       f"the file cannot be read as CSV ({error})", row=None)],
                              ) from error
    if not rows:
        return RawTable(header=(), rows=(), decimal_comma=delimiter != ",")
    return RawTable(header=tuple(rows[0]), rows=tuple(tuple(row) for row in rows[1:]),
                    decimal_comma=delimiter != ",")


def write_csv(header: list[str], rows: list[list[object]], *, danish: bool = True) -> bytes:
    """Write cells as Danish Excel CSV (';', decimal comma, UTF-8 with BOM) or plain CSV."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";" if danish else ",", lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell_text(cell, danish=danish) for cell in row])
    encoded = buffer.getvalue().encode("utf-8")
    return UTF8_BOM + encoded if danish else encoded


def _cell_text(cell: object, *, danish: bool) -> str:
    """Write one cell: numbers round-trip exactly, text is neutralised."""
    if cell is None:
        return ""
    if isinstance(cell, float):
        text = np.format_float_positional(cell, trim="-")  # shortest exact, never 1e-05
        return text.replace(".", ",") if danish else text
    if isinstance(cell, int):
        return str(cell)
    if isinstance(cell, date):
        return f"{cell:%d-%m-%Y}" if danish else cell.isoformat()
    return neutralise(str(cell))
