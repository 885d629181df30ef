"""The monthly report read back from the PDF: cover, overview rows, verdicts, appendix, sharing."""

import io
import re
import shutil
import subprocess
from datetime import date, datetime

import numpy as np
import pandas as pd
import pytest
from PIL import Image
from pypdf import PdfReader

from db import (
    add_annotation,
    add_event,
    create_unit,
    find_indicator,
    find_unit,
    list_units,
    read_session,
    set_unit_indicators,
    write_session,
)
from reports.content.report_content import report_content
from reports.content.report_month import parse_month
from reports.content.report_scope import find_scope, municipality_scope
from reports.content.stored_charts import latest_row, period_unit
from reports.content.suppression import hidden_points, small_counts
from reports.pdf.appendix import _count, table_rows
from reports.pdf.fonts import report_fonts
from reports.pdf.monthly import monthly_report, report_file_name
from reports.wording.formats import format_period
from reports.wording.value_text import count_text, value_text
from tests.browser import artefact
from tests.conftest import DEMO_TODAY
from tests.reports.pdf_text import pdf_pages

MADE = datetime(2026, 11, 22, 14, 5)
NOVEMBER = parse_month("2026-11")


def flat(text: str) -> str:
    """Return text with every run of white space as one space, as a reader sees it."""
    return " ".join(text.split())


@pytest.fixture(scope="module")
def municipality(demo_reading_engine):
    with read_session(demo_reading_engine) as session:
        return report_content(municipality_scope(session=session), NOVEMBER, session=session, actor="system",
                              today=DEMO_TODAY)


@pytest.fixture(scope="module")
def unit_content(municipality):
    return municipality.for_unit(municipality.scope.units[0])  # Hjemmeplejen Nord


@pytest.fixture(scope="module")
def unit_pages(unit_content) -> list[str]:
    return pdf_pages(monthly_report(unit_content, generated_at=MADE, invariant=True))


@pytest.fixture(scope="module")
def internal_pdf(municipality) -> bytes:
    return monthly_report(municipality, generated_at=MADE, invariant=True)


@pytest.fixture(scope="module")
def shared_pdf(municipality) -> bytes:
    return monthly_report(municipality, generated_at=MADE, shared=True, invariant=True)


@pytest.fixture(scope="module")
def internal_pages(internal_pdf) -> list[str]:
    return pdf_pages(internal_pdf)


@pytest.fixture(scope="module")
def shared_pages(shared_pdf) -> list[str]:
    return pdf_pages(shared_pdf)


def test_the_cover_names_organisation_unit_period_and_when_it_was_made(unit_pages):
    cover = flat(unit_pages[0])
    for expected in ("Månedsrapport", "Hjemmeplejen Nord · november 2026", "Organisation Demo Kommune",
                     "Hjemmeplejen Nord (enhed) · Område Nord",
                     "1.–30. november 2026 (tal til og med 22. november 2026)",
                     "Dannet 22-11-2026 kl. 14:05", "Til teamet og ledelsen: alle tal vises."):
        assert expected in cover


def test_every_page_is_numbered_out_of_the_total_and_carries_the_period(unit_pages):
    total = len(unit_pages)
    for number, text in enumerate(unit_pages, start=1):
        assert f"Side {number} af {total}" in flat(text)
        assert "Periode 01-11-2026 – 30-11-2026" in flat(text)


def overview_cells(chart) -> str:
    """Return the first cells of a chart's overview row as the report should print them."""
    definition = chart.indicator.definition
    row = latest_row(chart)
    period = format_period(chart.model.points["x"].iloc[row], unit=period_unit(chart), language="da")
    latest = value_text(float(chart.model.points["y"].iloc[row]), definition,
                        with_unit=definition.measure != "rate")
    return f"{period} {latest}"


def test_the_overview_has_a_row_per_indicator_with_latest_value_verdict_and_goal(unit_content,
                                                                                 unit_pages):
    overview = flat(unit_pages[1])
    assert "Månedsrapport · Hjemmeplejen Nord · november 2026" in overview and "Oversigt" in overview
    words = {"improvement": "▲ Forbedring", "deterioration": "▼ Forværring",
             "neutral": "◆ Særlig årsag", "no_signal": "● Intet signal", "too_few": "– For få data"}
    for chart in unit_content.charts:
        name = chart.indicator.definition.name_da
        assert flat(f"{name} {overview_cells(chart)} {words[chart.model.verdict.kind]}") in overview
    days = {c.indicator.definition.code: c.days_since_last_event for c in unit_content.charts}
    assert f"Intet mål {days['forebyggelige_indlaeggelser_dage_mellem']}" in overview
    assert f"Ikke nået ≥ 300 dage {days['medicinfejl_dage_mellem']}" in overview


def test_each_chart_page_prints_the_verdict_sentence_under_the_chart(unit_content, unit_pages):
    chart_text = flat(" ".join(unit_pages[2:]))
    for chart in unit_content.charts:
        assert flat(chart.model.verdict.da) in chart_text
        assert chart.indicator.definition.name_da in chart_text


def test_the_appendix_lists_every_point_of_every_chart(unit_content, unit_pages):
    start = next(i for i, text in enumerate(unit_pages) if "Bilag: tallene bag diagrammerne" in text)
    appendix = flat(" ".join(unit_pages[start:]))
    for chart in unit_content.charts:
        assert chart.indicator.definition.name_da in appendix
        points = chart.model.points
        for index in (0, len(points) - 1):
            assert format_period(points["x"].iloc[index], unit=period_unit(chart)) in appendix


def small_share_point(content):
    """Return a unit name, chart and point index of a share whose numerator is 1 to 4."""
    for unit in content.units:
        for chart in unit.charts:
            if chart.indicator.definition.measure == "proportion":
                points = chart.model.points
                small = np.flatnonzero(small_counts(points["numerator"])
                                       & (points["n"].to_numpy() >= 5))
                if len(small):
                    return unit.unit.name, chart, int(small[0])
    raise AssertionError("the demo has a share with a small numerator")


def appendix_line(pages: list[str], title: str, period: str) -> str:
    """Return the appendix line that starts with period in the table titled title."""
    start = next(i for i, text in enumerate(pages) if "Bilag:" in text)
    text = "\n".join(pages[start:])
    table = text[text.index(title):]
    return next(line for line in table.splitlines() if line.startswith(period + " "))


def test_a_shared_report_prints_small_counts_as_under_five_and_hides_their_share(
        municipality, internal_pages, shared_pages):
    unit_name, chart, index = small_share_point(municipality)
    points = chart.model.points
    title = f"{unit_name} · {chart.indicator.definition.name_da}"
    period = format_period(points["x"].iloc[index], unit=period_unit(chart))
    share = value_text(float(points["y"].iloc[index]), chart.indicator.definition, with_unit=False)
    numerator, denominator = int(points["numerator"].iloc[index]), int(points["n"].iloc[index])

    internal = appendix_line(internal_pages, title, period)
    assert flat(internal).startswith(flat(f"{period} {numerator} {denominator} {share}"))
    shared = appendix_line(shared_pages, title, period)
    assert flat(shared).startswith(f"{period} <5 {denominator} skjult")
    assert flat(share) not in flat(shared)


def test_a_shared_report_says_so_and_counts_the_points_it_leaves_out_of_each_chart(
        municipality, shared_pages):
    pages = shared_pages
    assert "Til deling uden for teamet: antal fra 1 til 4 vises som <5" in flat(pages[0])
    assert all("til deling, små tal skjult" in flat(page) for page in pages)
    text = flat(" ".join(pages))
    counts = [int(hidden_points(c.model.points, c.indicator.definition.measure).sum())
              for c in municipality.charts]
    assert any(counts)
    for hidden in set(counts) - {0}:
        points = "1 punkt" if hidden == 1 else f"{hidden} punkter"
        assert f"Små tal skjult: {points} bygger på antal fra 1 til 4" in text


def test_a_count_of_one_to_four_in_the_overview_prints_as_under_five(municipality, shared_pages,
                                                                      internal_pages):
    for chart in municipality.charts:
        definition = chart.indicator.definition
        row = latest_row(chart)
        if definition.measure == "count" and 1 <= chart.model.points["y"].iloc[row] <= 4:
            latest = value_text(float(chart.model.points["y"].iloc[row]), definition)
            break
    else:
        raise AssertionError("the demo has a monthly count of 1 to 4")
    name = definition.name_da
    shared_overview = flat(" ".join(shared_pages[1:3]))
    internal_overview = flat(" ".join(internal_pages[1:3]))
    assert re.search(re.escape(name) + r" \w+ \d{4} <5 ", shared_overview)
    assert re.search(re.escape(name) + r" \w+ \d{4} " + re.escape(latest), internal_overview)


def test_the_same_content_makes_the_same_bytes_and_a_unit_split_from_the_municipality_matches(
        demo_reading_engine, unit_content):
    first = monthly_report(unit_content, generated_at=MADE, invariant=True)
    assert monthly_report(unit_content, generated_at=MADE, invariant=True) == first
    assert monthly_report(unit_content, generated_at=datetime(2026, 11, 22, 14, 6),
                          invariant=True) != first
    with read_session(demo_reading_engine) as session:
        alone = report_content(find_scope("hjemmeplejen-nord", kind="unit", session=session),
                               NOVEMBER, session=session, actor="system", today=DEMO_TODAY)
    assert monthly_report(alone, generated_at=MADE, invariant=True) == first
    assert report_file_name(alone) == "2026-11-hjemmeplejen-nord.pdf"


def test_dejavu_sans_is_embedded_so_danish_letters_and_symbols_print(unit_content):
    reader = PdfReader(io.BytesIO(monthly_report(unit_content, generated_at=MADE, invariant=True)))
    fonts = {str(font["/BaseFont"]) for page in reader.pages[:3]
             for font in page["/Resources"]["/Font"].values()}
    assert any(name.endswith("DejaVuSans") for name in fonts)
    assert all(font.get_object().get("/FontDescriptor") is None or
               "/FontFile2" in font.get_object()["/FontDescriptor"]
               for page in reader.pages[:1] for font in page["/Resources"]["/Font"].values()
               if "DejaVu" in str(font.get_object()["/BaseFont"]))


def test_without_dejavu_sans_the_report_prints_in_helvetica_and_says_why(unit_content, tmp_path):
    fallback = report_fonts(folder=tmp_path)
    assert (fallback.regular, fallback.symbols) == ("Helvetica", False)
    assert "fonts-dejavu-core" in fallback.warning("da") and "fonts-dejavu-core" in fallback.warning("en")
    pages = pdf_pages(monthly_report(unit_content, generated_at=MADE, fonts=fallback, invariant=True))
    assert "fonts-dejavu-core" in flat(pages[0])
    assert "Forbedring" in flat(pages[1]) and "▲" not in flat(pages[1])


def test_the_english_report_speaks_english_throughout(unit_content):
    pages = pdf_pages(monthly_report(unit_content, generated_at=MADE, language="en", invariant=True))
    assert "Monthly report" in pages[0] and "22-11-2026 at 14:05" in flat(pages[0])
    assert "1–30 November 2026" in flat(pages[0])
    assert f"Page 2 of {len(pages)}" in flat(pages[1]) and "Overview" in pages[1]
    for chart in unit_content.charts:
        assert flat(chart.model.verdict.en) in flat(" ".join(pages))
    assert "Appendix: the figures behind the charts" in flat(" ".join(pages))


def test_a_report_for_an_earlier_month_sees_nothing_after_it(demo_reading_engine):
    june = parse_month("2025-06")
    with read_session(demo_reading_engine) as session:
        content = report_content(find_scope("solbakken", kind="unit", session=session), june,
                                 session=session, actor="system", today=DEMO_TODAY)
    assert content.as_of == date(2025, 6, 30)
    for chart in content.charts:
        assert chart.model.points["x"].max().date() <= june.last
    cover = flat(pdf_pages(monthly_report(content, generated_at=MADE, invariant=True))[0])
    assert "1.–30. juni 2025" in cover and "tal til og med" not in cover


def test_the_months_changes_and_notes_are_listed_under_the_chart_and_notes_stay_in_the_team(
        demo_engine):
    with write_session(demo_engine) as session:
        unit_id = find_unit("solbakken", session=session)
        ulcers = find_indicator("tryksaar_dage_mellem", session=session)
        add_event(unit_id, ulcers.id, date(2026, 11, 12), note="hæl, venstre fod", session=session,
                  actor="system:test", today=DEMO_TODAY)
        add_annotation(unit_id, date(2026, 11, 16), "PDSA: trykaflastende madras på alle stuer",
                       indicator_id=ulcers.id, session=session, actor="system:test", today=DEMO_TODAY)
    with read_session(demo_engine) as session:
        content = report_content(find_scope("solbakken", kind="unit", session=session), NOVEMBER,
                                 session=session, actor="system", today=DEMO_TODAY)
    internal = flat(" ".join(pdf_pages(monthly_report(content, generated_at=MADE))))
    assert ("Ændringer i november 2026 16-11-2026: PDSA: trykaflastende madras på alle stuer"
            in internal)
    assert "Noter i november 2026 12-11-2026: hæl, venstre fod" in internal
    assert "Ændringer (PDSA) noteret i november 2026: 1." in internal
    shared = flat(" ".join(pdf_pages(monthly_report(content, generated_at=MADE, shared=True))))
    assert "PDSA: trykaflastende madras på alle stuer" in shared
    assert "hæl, venstre fod" not in shared


def test_pages_render_to_images_that_show_the_cover_and_a_chart(shared_pdf, tmp_path):
    assert shutil.which("pdftoppm"), "pdftoppm (Debian poppler-utils) renders the pages"
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "4", "-", str(tmp_path / "page")],
                   input=shared_pdf, check=True)
    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) == 4
    for image in images:
        shutil.copyfile(image, artefact(f"monthly-shared-{image.name}"))
        with Image.open(image) as page:
            width, height = page.size
            assert abs(height / width - 297 / 210) < 0.01  # A4 portrait
            ink = np.asarray(page.convert("L")) < 200
            assert ink.mean() > 0.01  # something is printed
    with Image.open(images[3]) as chart_page:  # the chart's blue and orange signals are in colour
        pixels = np.asarray(chart_page.convert("RGB")).reshape(-1, 3).astype(int)
        coloured = (np.abs(pixels[:, 0] - pixels[:, 2]) > 60).mean()
        assert coloured > 0.001


def test_days_between_events_are_dated_by_event_whatever_their_spacing(demo_engine):
    with write_session(demo_engine) as session:
        unit_id = find_unit("solbakken", session=session)
        ulcers = find_indicator("tryksaar_dage_mellem", session=session)
        # A new ulcer a month after the last: gaps that look monthly are still dates of events.
        add_event(unit_id, ulcers.id, date(2026, 11, 12), session=session, actor="system:test",
                  today=DEMO_TODAY)
    with read_session(demo_engine) as session:
        content = report_content(find_scope("solbakken", kind="unit", session=session), NOVEMBER,
                                 session=session, actor="system", today=DEMO_TODAY)
    chart_page = next(page for page in pdf_pages(monthly_report(content, generated_at=MADE))
                      if "Dage siden sidste hændelse (åben)" in page)
    assert "Hændelsesdato" in chart_page


def test_each_event_indicator_has_the_months_calendar_red_on_the_days_of_its_events(municipality):
    for unit in municipality.units:
        events = [chart for chart in unit.charts if chart.indicator.definition.measure == "events"]
        assert [calendar.chart for calendar in unit.calendars] == events
        for calendar in unit.calendars:
            dates = pd.to_datetime(calendar.chart.series["date"]).dt.date
            assert {box.day for box in calendar.days if box.state == "event"} == {
                day for day in dates if NOVEMBER.contains(day)}
            assert len(calendar.days) == 30


def test_the_internal_report_prints_the_calendars_and_the_shared_one_leaves_them_out(
        internal_pages, shared_pages, municipality):
    with_events = sum(bool(unit.calendars) for unit in municipality.units)
    assert with_events > 0
    assert sum("Patientsikkerhedskalender, november 2026" in page
               for page in internal_pages) == with_events
    assert not any("Patientsikkerhedskalender" in page for page in shared_pages)
    # Solbakken's falls: one day with a fall this month, counted in the singular.
    assert any("1 dag med hændelse" in flat(page) for page in internal_pages)


def test_each_calendar_box_prints_its_day_and_mark_under_the_weekdays(internal_pages,
                                                                     municipality):
    pages = [flat(page) for page in internal_pages if "Patientsikkerhedskalender" in page]
    for unit, page in zip([u for u in municipality.units if u.calendars], pages, strict=True):
        assert unit.unit.name in page
        assert "ma ti on to fr lø sø" in page
        for calendar in unit.calendars:
            for box in calendar.days:
                mark = {"safe": " ✓", "event": " ✗"}.get(box.state, "")
                assert f"{box.day.day}{mark}" in page


def test_a_unit_without_an_ulcer_since_it_began_measuring_reads_n_days_without_in_the_report(
        demo_engine):
    with write_session(demo_engine) as session:
        units = list_units(session=session).set_index("code")
        unit_id = create_unit("Plejecenter Havbrisen", kind="unit",
                              parent_id=int(units.at["solbakken", "parent_id"]),
                              session=session, actor="system:test", code="havbrisen")
        set_unit_indicators(unit_id, [find_indicator("tryksaar_dage_mellem", session=session).id],
                            session=session, actor="system:test", today=date(2026, 10, 23))
    with read_session(demo_engine) as session:
        content = report_content(find_scope("havbrisen", kind="unit", session=session), NOVEMBER,
                                 session=session, actor="system", today=DEMO_TODAY)
    pages = [flat(page) for page in pdf_pages(monthly_report(content, generated_at=MADE,
                                                             invariant=True))]
    assert any("Ikke nået ≥ 300 dage 30 uden" in page for page in pages)  # the summary row
    assert any("30 dage uden nyt tryksår, siden målingen begyndte 23-10-2026" in page
               for page in pages)


def test_the_appendix_prints_what_each_harm_counts_from_its_measure_plan(unit_pages):
    appendix = " ".join(flat(page) for page in unit_pages)
    assert ("Om målingen: Hvad tælles: En fejl i ordination, dosering eller givning, der gør "
            "lægekontakt nødvendig") in appendix


@pytest.mark.parametrize("shared", [False, True])
def test_the_appendixs_tables_print_what_they_print_alone_when_they_share_what_was_printed(
        municipality, shared):
    charts = [chart for unit in municipality.units for chart in unit.charts]
    said: dict = {}
    together = [table_rows(chart, language="da", shared=shared, symbols=True, said=said)
                for chart in charts]
    alone = [table_rows(chart, language="da", shared=shared, symbols=True) for chart in charts]
    assert together == alone
    assert sum(map(len, together)) > 100 and said  # the demo's tables do share texts


def test_a_count_of_minus_zero_prints_its_sign_after_a_count_of_zero():
    counts: dict = {}
    assert _count(0.0, counts, "da") == count_text(0.0, language="da")
    assert _count(-0.0, counts, "da") == count_text(-0.0, language="da")
    assert _count(12.0, counts, "da") == _count(12.0, counts, "da") == "12"


def test_missing_counts_print_as_missing_and_are_not_kept():
    counts: dict = {}
    assert _count(float("nan"), counts, "da") == _count(float("nan"), counts, "da") == count_text(None)
    assert counts == {}
