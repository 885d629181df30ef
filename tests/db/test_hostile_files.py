"""Hostile workbooks and CSV files, built here: one clear sentence, exit 1, nothing written, fast."""

import io
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from db.engine import make_engine, write_session
from db.errors import ValidationError
from db.file_limits import MAX_CELL_CHARACTERS, MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS
from db.importer import import_file
from db.migrate import migrate
from tests.db.conftest import TODAY, table_contents

ROOT = Path(__file__).resolve().parents[2]
SHEET = "xl/worksheets/sheet1.xml"
SHEET_START = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')


def workbook_with(sheet_xml: bytes) -> bytes:
    """An honest workbook from openpyxl whose first sheet is replaced by sheet_xml."""
    book = Workbook()
    book.active.append(["enhed", "indikator", "dato", "tæller", "nævner"])
    buffer = io.BytesIO()
    book.save(buffer)
    honest = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as hostile:
        for member in honest.infolist():
            content = sheet_xml if member.filename == SHEET else honest.read(member)
            hostile.writestr(member.filename, content, compresslevel=9)
    return out.getvalue()


def zip_bomb() -> bytes:
    """Some 1 MB that unpacks to 200 MB of cells (the audit's was 1.3 MB and never finished)."""
    row = b'<row><c t="inlineStr"><is><t>ha</t></is></c></row>'
    return workbook_with(SHEET_START + b"<sheetData>" + row * (200_000_000 // len(row))
                         + b"</sheetData></worksheet>")


def billion_laughs() -> bytes:
    entities = [b'<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">'.encode() for i in range(1, 10)]
    return workbook_with(b'<?xml version="1.0"?>\n<!DOCTYPE worksheet [' + b"".join(entities)
                         + b"]>" + SHEET_START[SHEET_START.index(b"<worksheet"):]
                         + b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t>'
                           b"</is></c></row></sheetData></worksheet>")


def external_entity() -> bytes:
    return workbook_with(b'<?xml version="1.0"?>\n<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM'
                         b' "file:///etc/passwd">]>' + SHEET_START[SHEET_START.index(b"<worksheet"):]
                         + b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t>'
                           b"</is></c></row></sheetData></worksheet>")


def utf16_entity() -> bytes:
    """The external entity again, in UTF-16, where a search for "<!DOCTYPE" in bytes looks in vain."""
    xml = external_entity()
    text = zipfile.ZipFile(io.BytesIO(xml)).read(SHEET).decode().replace('"1.0"?>', '"1.0" encoding="UTF-16"?>')
    return workbook_with(text.encode("utf-16"))


def too_many_rows() -> bytes:
    rows = b"".join(b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (n, n)
                    for n in range(1, MAX_ROWS + 3))
    return workbook_with(SHEET_START + b"<sheetData>" + rows + b"</sheetData></worksheet>")


def too_many_columns() -> bytes:
    return workbook_with(SHEET_START + b'<sheetData><row r="1"><c r="ZZ1"><v>1</v></c></row>'
                         b"</sheetData></worksheet>")


def long_cell_workbook() -> bytes:
    text = b"x" * (MAX_CELL_CHARACTERS + 1)
    return workbook_with(SHEET_START + b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
                         + text + b"</t></is></c></row></sheetData></worksheet>")


def damaged_part() -> bytes:
    """An honest workbook whose sheet's checksum is wrong: it fails only once unpacked."""
    content = bytearray(workbook_with(SHEET_START + b'<sheetData><row r="1"><c r="A1"><v>1</v>'
                                      b"</c></row></sheetData></worksheet>"))
    entry = content.index(b"PK\x01\x02")  # the central directory's first entry
    while content[entry + 46:entry + 46 + len(SHEET)] != SHEET.encode():
        entry = content.index(b"PK\x01\x02", entry + 4)
    content[entry + 16] ^= 0xFF  # the central directory's CRC-32 of the sheet
    return bytes(content)


HOSTILE = {
    "zip bomb": (zip_bomb, "data.xlsx", "zip-bombe"),
    "billion laughs": (billion_laughs, "data.xlsx", "DTD"),
    "external entity (XXE)": (external_entity, "data.xlsx", "DTD"),
    "external entity in UTF-16": (utf16_entity, "data.xlsx", "UTF-8"),
    "too many rows": (too_many_rows, "data.xlsx", "rækker"),
    "too many columns": (too_many_columns, "data.xlsx", "kolonner"),
    "a cell too long in a workbook": (long_cell_workbook, "data.xlsx", "tegn"),
    "a part that does not unpack": (damaged_part, "data.xlsx", "beskadiget"),
    "a file too big": (lambda: b"enhed;indikator\n" + b"x" * MAX_FILE_BYTES, "data.csv", "MB"),
    "CSV with too many rows": (lambda: b"enhed;indikator\n" + b"a;b\n" * (MAX_ROWS + 2),
                               "data.csv", "rækker"),
    "CSV with too many columns": (lambda: (";".join(["a"] * (MAX_COLUMNS + 1)) + "\n").encode(),
                                  "data.csv", "kolonner"),
    "CSV with a cell too long": (lambda: b"enhed;note\nsolbakken;" + b"x" * (MAX_CELL_CHARACTERS + 1),
                                 "data.csv", "tegn"),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_file_is_refused_in_one_sentence_in_seconds_and_nothing_is_written(
        engine, place, name):
    build, filename, words = HOSTILE[name]
    content = build()
    before = table_contents(engine)
    started = time.perf_counter()
    with pytest.raises(ValidationError) as refused, write_session(engine) as session:
        import_file(content, filename=filename, session=session, actor="system:admin",
                    today=TODAY)
    assert time.perf_counter() - started < 5
    assert len(refused.value.problems) == 1 and words in refused.value.text("da")
    assert "\n" not in refused.value.text("da")
    assert table_contents(engine) == before


def test_the_command_line_refuses_a_zip_bomb_with_exit_1_in_seconds(tmp_path):
    url = f"sqlite:///{tmp_path / 'tavle.db'}"
    engine = make_engine(url)
    migrate(engine)
    engine.dispose()
    (tmp_path / "bomb.xlsx").write_bytes(zip_bomb())
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "db", "--database-url", url, "import",
                           str(tmp_path / "bomb.xlsx")], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 1 and time.perf_counter() - started < 30
    assert done.stderr.strip().count("\n") == 0 and "zip-bombe" in done.stderr
