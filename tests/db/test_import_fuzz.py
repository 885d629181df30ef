"""Fuzzing the importer: any file either imports (and again changes nothing) or is refused
with messages, leaving the database exactly as it was. It never crashes or half-writes."""

import csv
import io

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from db.engine import write_session
from db.errors import ValidationError
from db.importer import import_file
from tests.db.conftest import TODAY, table_contents

units = st.sampled_from(["solbakken", "Demo Kommune / Område Nord / Solbakken", "Akutteamet",
                         "ukendt", "", "Ny / Enhed", " / "]) | st.text(max_size=12)
indicators = st.sampled_from(["triage_dagligt", "tryksaar_dage_mellem", "fald_pr_1000_sengedage",
                              "medicinfejl_pr_maaned", "alle", "Fald pr. 1000 sengedage",
                              "x"]) | st.text(max_size=8)
dates = st.sampled_from(["01-11-2026", "2026-11-02", "22.11.2026", "23-11-2026", "31-02-2026",
                         "01-01-1900", "", "i går"]) | st.dates().map(lambda d: d.strftime("%d-%m-%Y"))
numbers = (st.sampled_from(["", "0", "1", "-1", "2,5", "1.234,5", "1e3", "nan", "∞"])
           | st.integers(-5, 3000).map(str)
           | st.floats(allow_nan=True, allow_infinity=True).map(lambda x: str(x).replace(".", ",")))
notes = st.sampled_from(["", "hæl", "=1+1", "-x", "@a", "010190-1234", "'+a"]) | st.text(max_size=20)
kinds = st.sampled_from(["", "registrering", "hændelse", "ændring", "event", "x"])
messy_rows = st.tuples(units, indicators, dates, numbers, numbers, numbers, notes, kinds)
days = st.integers(1, 22).map(lambda day: f"{day:02d}-11-2026")
share_rows = st.tuples(st.just("solbakken"), st.just("triage_dagligt"), days,
                       st.integers(0, 30), st.integers(30, 40)).map(
    lambda r: (*r[:3], str(r[3]), str(r[4]), "", "", ""))
event_rows = st.tuples(st.just("akutteamet"), st.just("tryksaar_dage_mellem"), days,
                       st.text("abcæøå ", max_size=6)).map(
    lambda r: (*r[:3], "", "", "", r[3], "hændelse"))
rows = st.lists(messy_rows | share_rows | event_rows, min_size=0, max_size=6)
headers = st.sampled_from([
    ["enhed", "indikator", "dato", "tæller", "nævner", "værdi", "note", "art"],
    ["unit", "indicator", "date", "numerator", "denominator", "value", "note", "type"],
    ["Enhed", "Indikator", "Dato", "Taeller", "Naevner", "Vaerdi", "Note", "Art"],
    ["enhed", "indikator", "dato", "tæller", "nævner", "værdi", "note", "ukendt"],
    ["enhed", "enhed", "dato", "tæller", "nævner", "værdi", "note", "art"],
])


def encode(header, body, form) -> tuple[bytes, str]:
    """Write the cells as one of the formats the importer reads."""
    if form == "xlsx":
        workbook = Workbook()
        for row in [header, *body]:  # a workbook cannot hold control characters or formulas
            cells = [ILLEGAL_CHARACTERS_RE.sub("", cell) for cell in map(str, row)]
            workbook.active.append(["'" + c if c.startswith("=") else c for c in cells])
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue(), "fil.xlsx"
    text = io.StringIO()
    writer = csv.writer(text, delimiter="," if form == "comma" else ";")
    writer.writerows([header, *body])
    encoding = {"utf8-bom": "utf-8-sig", "cp1252": "cp1252"}.get(form, "utf-8")
    return text.getvalue().encode(encoding, errors="replace"), "fil.csv"


def contents_without_audit(engine):
    return {name: rows for name, rows in table_contents(engine).items() if name != "audit_log"}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(header=headers, body=rows, form=st.sampled_from(["utf8-bom", "utf8", "cp1252", "comma",
                                                         "xlsx"]),
       create_units=st.booleans())
def test_an_imported_file_either_all_goes_in_or_nothing_does(engine, place, header, body, form,
                                                           create_units):
    content, filename = encode(header, body, form)
    before = table_contents(engine)
    try:
        with write_session(engine) as session:
            import_file(content, filename=filename, session=session, actor="system:fuzz", today=TODAY,
                        create_units=create_units)
    except ValidationError as refused:
        assert refused.problems
        assert all(p.message_da and p.message_en for p in refused.problems)
        assert table_contents(engine) == before
        event("refused")
        return
    event("imported")
    imported = contents_without_audit(engine)
    with write_session(engine) as session:
        again = import_file(content, filename=filename, session=session, actor="system:fuzz",
                            today=TODAY, create_units=create_units)
    changed = {k: v for k, v in again.summary().items() if not k.startswith("unchanged")}
    assert set(changed.values()) == {0}
    assert contents_without_audit(engine) == imported


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(max_size=300), filename=st.sampled_from(["a.csv", "a.xlsx", "a.txt"]))
def test_arbitrary_bytes_are_refused_with_a_message_or_imported_whole(engine, place, content,
                                                                     filename):
    before = table_contents(engine)
    try:
        with write_session(engine) as session:
            import_file(content, filename=filename, session=session, actor="system:fuzz", today=TODAY)
    except ValidationError as refused:
        assert refused.problems and refused.text("da") and refused.text("en")
        assert table_contents(engine) == before
