"""Limits on an imported file, checked before the work, and a workbook read without XML tricks.

A file someone uploads may be made to hurt: a small zip that unpacks to
gigabytes (a zip bomb), XML entities that expand a billion times ("billion
laughs"), or an entity that reads a file off the server (XXE). So, before any
parsing:

    the file's size                          MAX_FILE_BYTES
    a workbook's parts, as they unpack       MAX_UNCOMPRESSED_BYTES (counted while
                                             unpacking: a zip's stated sizes may lie)
    any DTD (<!DOCTYPE, <!ENTITY) in a part  refused: Excel never writes one
    a part not in UTF-8                      refused: Excel never writes one
    a part that does not unpack (bad CRC)    refused as damaged
    rows and columns of the sheets           MAX_ROWS, MAX_COLUMNS (counted in the XML)

and after the cells are read, before they are planned: rows, columns and each
cell's length (MAX_CELL_CHARACTERS). Every refusal is one ValidationError
sentence; nothing is written.
"""

from __future__ import annotations

import io
import re
import zipfile

from db.errors import ValidationError
from db.validation import problem

MAX_FILE_BYTES = 20_000_000
MAX_UNCOMPRESSED_BYTES = 100_000_000
MAX_ZIP_MEMBERS = 1_000
MAX_ROWS = 100_000
MAX_COLUMNS = 100
MAX_CELL_CHARACTERS = 10_000
_CHUNK = 1 << 20
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_ROW = re.compile(rb"<(?:\w+:)?row[\s>/]")
_CELL_REFERENCE = re.compile(rb"<(?:\w+:)?c\s[^>]*?\br=\"([A-Z]{1,3})[0-9]+\"")
_WORKSHEET = re.compile(r"xl/worksheets/[^/]+\.xml", re.IGNORECASE)
_NOT_UTF8_STARTS = (b"\xff\xfe", b"\xfe\xff", b"\x00", b"<\x00")


def check_file(content: bytes, *, workbook: bool) -> None:
    """Refuse a file that is too big, or a workbook that unpacks too far or holds a DTD."""
    if len(content) > MAX_FILE_BYTES:
        _refuse(f"filen fylder {_megabytes(len(content))}; højst {_megabytes(MAX_FILE_BYTES)}"
                " kan indlæses",
                f"the file is {_megabytes(len(content))}; at most"
                f" {_megabytes(MAX_FILE_BYTES)} can be imported")
    if workbook:
        _check_workbook(content)
    elif content.count(b"\n") > MAX_ROWS + 1:
        _refuse_rows()


def check_cells(header: tuple[object, ...], rows: tuple[tuple[object, ...], ...]) -> None:
    """Refuse a table with too many rows or columns, or a cell longer than MAX_CELL_CHARACTERS."""
    if len(rows) > MAX_ROWS:
        _refuse_rows()
    for number, row in enumerate((header, *rows), start=1):
        if len(row) > MAX_COLUMNS:
            _refuse_columns()
        for cell in row:
            if isinstance(cell, str) and len(cell) > MAX_CELL_CHARACTERS:
                _refuse(f"række {number} har en celle med {len(cell)} tegn; højst"
                        f" {MAX_CELL_CHARACTERS} tegn pr. celle",
                        f"row {number} has a cell of {len(cell)} characters; at most"
                        f" {MAX_CELL_CHARACTERS} per cell")


def _check_workbook(content: bytes) -> None:
    """Unpack every XML part once, counting bytes, rows and columns and looking for a DTD."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a zip: the workbook reader says so in its own words
    if len(members) > MAX_ZIP_MEMBERS or sum(m.file_size for m in members) > MAX_UNCOMPRESSED_BYTES:
        _refuse_unpacked()
    unpacked = 0
    for member in members:
        if not member.filename.lower().endswith((".xml", ".rels", ".vml")):
            continue
        try:
            unpacked = _scan_part(archive, member, unpacked)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError,
                RuntimeError) as error:  # RuntimeError: an encrypted part
            raise ValidationError([problem(
                None, "projektmappen er beskadiget og kan ikke læses; gem den igen i Excel",
                "the workbook is damaged and cannot be read; save it again in Excel",
                row=None)]) from error


def _scan_part(archive: zipfile.ZipFile, member: zipfile.ZipInfo, unpacked: int) -> int:
    """Read one part in chunks; refuse at the first sign of trouble; return the bytes so far."""
    worksheet = bool(_WORKSHEET.fullmatch(member.filename))
    rows, widest, carry, first = 0, 0, b"", True
    with archive.open(member) as part:
        while chunk := part.read(_CHUNK):
            unpacked += len(chunk)
            if unpacked > MAX_UNCOMPRESSED_BYTES:
                _refuse_unpacked()
            if first and chunk.startswith(_NOT_UTF8_STARTS):
                _refuse("projektmappen er ikke gemt som UTF-8, som Excel gemmer",
                        "the workbook is not saved in UTF-8, as Excel saves it")
            first = False
            text = carry + chunk
            cut = text.rfind(b">") + 1  # whole tags only; the rest waits for the next chunk
            whole, carry = text[:cut], text[cut:]
            if len(carry) > 4 * MAX_CELL_CHARACTERS + _CHUNK:
                _refuse(f"en celle er længere end {MAX_CELL_CHARACTERS} tegn",
                        f"a cell is longer than {MAX_CELL_CHARACTERS} characters")
            if _DTD.search(whole):
                _refuse("projektmappen indeholder en DTD (<!DOCTYPE/<!ENTITY>), som Excel aldrig"
                        " skriver; den indlæses ikke",
                        "the workbook holds a DTD (<!DOCTYPE/<!ENTITY>), which Excel never"
                        " writes; it is not imported")
            if worksheet:
                rows += len(_ROW.findall(whole))
                widest = max([widest, *map(_column_number, _CELL_REFERENCE.findall(whole))])
                if rows > MAX_ROWS + 1:
                    _refuse_rows()
                if widest > MAX_COLUMNS:
                    _refuse_columns()
    if _DTD.search(carry):
        _refuse("projektmappen indeholder en DTD, som Excel aldrig skriver; den indlæses ikke",
                "the workbook holds a DTD, which Excel never writes; it is not imported")
    return unpacked


def _column_number(letters: bytes) -> int:
    """Return the number of a column named in letters (A is 1, AA is 27)."""
    number = 0
    for letter in letters:
        number = number * 26 + letter - ord("A") + 1
    return number


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.0f} MB".replace(".", ",")


def _refuse(danish: str, english: str) -> None:
    raise ValidationError([problem(None, danish, english, row=None)])


def _refuse_unpacked() -> None:
    _refuse(f"projektmappen fylder mere end {_megabytes(MAX_UNCOMPRESSED_BYTES)} udpakket; den"
            " ligner en zip-bombe og indlæses ikke",
            f"the workbook unpacks to more than {_megabytes(MAX_UNCOMPRESSED_BYTES)}; it looks"
            " like a zip bomb and is not imported")


def _refuse_rows() -> None:
    _refuse(f"filen har mere end {MAX_ROWS} rækker; del den op",
            f"the file has more than {MAX_ROWS} rows; split it up")


def _refuse_columns() -> None:
    _refuse(f"filen har mere end {MAX_COLUMNS} kolonner",
            f"the file has more than {MAX_COLUMNS} columns")
