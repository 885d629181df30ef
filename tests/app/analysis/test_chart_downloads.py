"""A chart's data downloads as Danish CSV and as an Excel workbook, as the chart shows it."""

import io

import openpyxl
import pandas as pd

from app.analysis.downloads import chart_table, csv_bytes, xlsx_bytes
from indicators import analyze


def triage_model():
    """Return a P chart of weekly shares, plotted in per cent."""
    numerators = [20, 21, 19, 22, 23, 20, 24, 23, 22, 21, 23, 24]
    return analyze(pd.DataFrame({"x": pd.date_range("2026-01-05", periods=12, freq="7D"),
                                 "y": numerators, "n": [25] * 12}),
                   chart="p", multiply=100)


def test_table_has_a_row_per_point_with_value_numerator_denominator_and_limits():
    model = triage_model()
    table = chart_table(model, language="da")
    assert len(table) == len(model.points)
    assert list(table.columns[:4]) == ["Periode", "Værdi", "Tæller", "Nævner"]
    assert table.loc[0, "Værdi"] == 80.0  # 20 of 25, in per cent as on the chart
    assert table.loc[0, "Tæller"] == 20 and table.loc[0, "Nævner"] == 25
    assert {"Nedre kontrolgrænse", "Øvre kontrolgrænse"} <= set(table.columns)


def test_danish_csv_uses_semicolons_decimal_commas_and_day_first_dates():
    table = chart_table(triage_model(), language="da")
    content = csv_bytes(table, language="da")
    assert content.startswith("\ufeff".encode())  # Excel reads the Danish letters as UTF-8
    lines = content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Periode;Værdi;Tæller;Nævner")
    assert lines[1].startswith("05-01-2026;80,0;20;25;")
    back = pd.read_csv(io.BytesIO(content), sep=";", decimal=",", encoding="utf-8-sig")
    assert back["Værdi"].tolist() == table["Værdi"].tolist()


def test_english_csv_uses_commas_and_decimal_points():
    table = chart_table(triage_model(), language="en")
    lines = csv_bytes(table, language="en").decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Period,Value,Numerator,Denominator")
    assert lines[1].startswith("2026-01-05,80.0,20,25,")


def test_workbook_holds_the_same_table_with_dates_and_numbers_as_cells():
    table = chart_table(triage_model(), language="da")
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(table, sheet="Diagramdata")))["Diagramdata"]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == list(table.columns)
    assert len(rows) == len(table) + 1
    assert rows[1][0].date().isoformat() == "2026-01-05"
    assert rows[1][1] == 80.0
