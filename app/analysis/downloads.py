"""A chart's data as a table to download: CSV (Danish: semicolons, decimal comma) or XLSX."""

from __future__ import annotations

import io

import pandas as pd

from app.language import translate
from db import neutralise_cell
from indicators import ChartModel
from reports import chart_geometry, palette

# Lines are stored to full precision; four decimals is more than any chart prints.
DECIMALS = 4
# Excel opens a UTF-8 CSV with Danish letters only when the file starts with a byte-order mark.
CSV_ENCODING = "utf-8-sig"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_MIME = "text/csv"
# (points column, string key of its heading); values are printed as the chart prints them.
VALUE_COLUMNS = (("y", "value"), ("cl", "centre"), ("lcl", "lcl"), ("ucl", "ucl"),
                 ("target", "target"))


def signal_words(model: ChartModel, language: str) -> list[str]:
    """Return each point's signal in words ("Forbedring"), or "" for a point without one."""
    words = []
    frame = model.points
    for signal, kind, censored in zip(frame["signal"], frame["signal_kind"], frame["censored"],
                                      strict=True):
        parts = []
        if bool(signal):
            parts.append(palette.SIGNAL_MARKS.get(kind, palette.NEUTRAL).word(language))
        if bool(censored):
            parts.append(palette.CENSORED.word(language))
        words.append("; ".join(parts))
    return words


def whole_if_possible(column: pd.Series) -> pd.Series:
    """Return counts as whole numbers (23, not 23,0), keeping gaps empty; other figures as they are."""
    values = column.astype(float)
    known = values.dropna()
    if len(known) and (known == known.round()).all():
        return values.astype("Int64").reset_index(drop=True)
    return values.reset_index(drop=True)


def chart_table(model: ChartModel, *, language: str = "da") -> pd.DataFrame:
    """Return one row per plotted point: period, value, numerator/denominator, lines, signal, note."""
    frame = model.points
    factor = chart_geometry(model, language=language).values.factor

    def heading(key: str) -> str:
        return translate(f"download.column.{key}", language)

    table = pd.DataFrame()
    if frame["facet"].notna().any():
        table[heading("unit")] = frame["facet"].astype(str)
    x = frame["x"]
    table[heading("period")] = x
    for column, key in VALUE_COLUMNS:
        if column in ("lcl", "ucl") and frame[column].isna().all():
            continue  # a run chart has no limits: no empty columns
        if column == "target" and frame[column].isna().all():
            continue
        table[heading(key)] = (frame[column].to_numpy(dtype=float) * factor).round(DECIMALS)
        if column == "y":
            table[heading("numerator")] = whole_if_possible(frame["numerator"])
            if frame["n"].notna().any():
                table[heading("denominator")] = whole_if_possible(frame["n"])
    table[heading("phase")] = frame["part"].to_numpy()
    table[heading("signal")] = signal_words(model, language)
    table[heading("note")] = frame["notes"].where(frame["notes"].notna(), "").astype(str)
    return table


def without_formulas(table: pd.DataFrame) -> pd.DataFrame:
    """Return the table with every text cell and heading neutralised, so Excel runs no formula."""
    safe = table.copy()
    safe.columns = [neutralise_cell(column) for column in table.columns]
    for column in safe.select_dtypes(exclude=["number", "datetime", "bool"]).columns:
        safe[column] = safe[column].map(neutralise_cell)
    return safe


def csv_bytes(table: pd.DataFrame, *, language: str = "da") -> bytes:
    """Return the table as CSV: Danish Excel's semicolons and decimal comma, or plain in English."""
    danish = language == "da"
    table = without_formulas(table)
    text = table.to_csv(index=False, sep=";" if danish else ",", decimal="," if danish else ".",
                        date_format="%d-%m-%Y" if danish else "%Y-%m-%d")
    return text.encode(CSV_ENCODING)


def xlsx_bytes(table: pd.DataFrame, *, sheet: str) -> bytes:
    """Return the table as an Excel workbook of one sheet, columns wide enough to read."""
    table = without_formulas(table)
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl", date_format="DD-MM-YYYY",
                        datetime_format="DD-MM-YYYY") as writer:
        table.to_excel(writer, index=False, sheet_name=sheet)
        worksheet = writer.sheets[sheet]
        for index, column in enumerate(table.columns, start=1):
            longest = max([len(str(column)), *(len(str(v)) for v in table[column].head(200))])
            letter = worksheet.cell(1, index).column_letter
            worksheet.column_dimensions[letter].width = min(longest + 2, 60)
    return buffer.getvalue()
