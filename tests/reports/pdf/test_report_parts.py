"""A report laid out in parts, side by side, reads page for page as the report laid out whole."""

import io
import multiprocessing
import re
from collections import Counter
from datetime import datetime

import pytest
from pypdf import PdfReader
from reportlab.platypus import PageBreak, Paragraph

from db import read_session
from reports.content.errors import ReportError
from reports.content.forked_work import usable_processes
from reports.content.report_content import report_content
from reports.content.report_month import parse_month
from reports.content.report_scope import municipality_scope
from reports.pdf import report_split
from reports.pdf.fonts import report_fonts
from reports.pdf.monthly import monthly_report
from reports.pdf.page_layout import PageTexts
from reports.pdf.report_parts import Part, PartFailedError, build_in_parts
from reports.pdf.report_split import split_at
from reports.pdf.report_styles import report_styles
from reports.wording.texts import report_text
from tests.conftest import DEMO_TODAY
from tests.reports.pdf_text import pdf_pages

MADE = datetime(2026, 11, 22, 14, 5)
TEXTS = PageTexts(header="Månedsrapport · Prøve", footer="Prøve Kommune · oktober 2026",
                  page="Side {page} af {pages}", title="Prøverapport", language="da-DK")


@pytest.fixture(scope="module")
def styles():
    return report_styles(report_fonts())


def pages_of(name: str, count: int, styles) -> Part:
    """A part of count pages, each saying which part and page it is."""
    def story():
        flowables = []
        for page in range(count):
            if page:
                flowables.append(PageBreak())
            flowables.append(Paragraph(f"{name} side {page + 1}", styles.body))
        return flowables
    return Part(story, cover=name == "A")


def footer_numbers(pdf: bytes) -> list[tuple[int, int]]:
    return [tuple(map(int, re.search(r"Side (\d+) af (\d+)", page).groups()))
            for page in pdf_pages(pdf)]


@pytest.mark.parametrize("processes", [1, 2, 3])
def test_the_parts_are_numbered_as_one_document_in_their_order(styles, processes):
    parts = [pages_of("A", 2, styles), pages_of("B", 3, styles), pages_of("C", 1, styles)]
    pdf = build_in_parts(parts, TEXTS, styles, invariant=True, processes=processes)
    pages = pdf_pages(pdf)
    assert [re.search(r"[ABC] side \d", page).group() for page in pages] == [
        "A side 1", "A side 2", "B side 1", "B side 2", "B side 3", "C side 1"]
    assert footer_numbers(pdf) == [(page, 6) for page in range(1, 7)]
    assert "Månedsrapport · Prøve" not in pages[0]  # the first part opens with the cover
    assert all("Månedsrapport · Prøve" in page for page in pages[1:])
    document = PdfReader(io.BytesIO(pdf))
    assert document.metadata.title == "Prøverapport"
    assert document.trailer["/Root"]["/Lang"] == "da-DK"


def test_the_bytes_are_the_same_however_many_processes_lay_the_parts_out(styles):
    parts = [pages_of("A", 3, styles), pages_of("B", 4, styles)]
    alone, two = (build_in_parts(parts, TEXTS, styles, invariant=True, processes=processes)
                  for processes in (1, 2))
    assert alone == two


def failing_part() -> Part:
    def story():
        raise ValueError("diagrammet kunne ikke tegnes")
    return Part(story)


def test_a_part_that_fails_in_its_process_says_why_and_leaves_no_process_behind(styles):
    with pytest.raises(PartFailedError, match="diagrammet kunne ikke tegnes"):
        build_in_parts([pages_of("A", 1, styles), failing_part()], TEXTS, styles, processes=2)
    assert multiprocessing.active_children() == []


def test_a_refusal_in_a_part_s_process_reaches_the_user_in_both_languages(styles):
    def story():
        raise ReportError("Enheden findes ikke.", "There is no such unit.")
    with pytest.raises(PartFailedError) as failed:
        build_in_parts([pages_of("A", 1, styles), Part(story)], TEXTS, styles, processes=2)
    assert (failed.value.text("da"), failed.value.text("en")) == (
        "Enheden findes ikke.", "There is no such unit.")
    assert isinstance(failed.value, ReportError)


def test_a_part_that_fails_in_this_process_raises_its_own_error(styles):
    with pytest.raises(ValueError, match="diagrammet kunne ikke tegnes"):
        build_in_parts([pages_of("A", 1, styles), failing_part()], TEXTS, styles, processes=1)


def test_a_process_with_other_threads_lays_every_part_out_itself(monkeypatch):
    monkeypatch.setattr("threading.active_count", lambda: 3)  # a server's threads: no fork
    assert usable_processes() == 1


# The monthly report in two parts


@pytest.fixture(scope="module")
def municipality(demo_reading_engine):
    with read_session(demo_reading_engine) as session:
        return report_content(municipality_scope(session=session), parse_month("2026-10"),
                              session=session, actor="system", today=DEMO_TODAY)


@pytest.mark.parametrize("shared", [False, True])
def test_a_municipality_report_in_halves_reads_as_the_whole(municipality, shared, monkeypatch):
    fonts = report_fonts()
    whole = pdf_pages(monthly_report(municipality, generated_at=MADE, shared=shared, fonts=fonts))
    monkeypatch.setattr(report_split, "MIN_UNITS_TO_SPLIT", 2)  # the demo is small: split it
    assert 1 <= split_at(len(municipality.units)) < len(municipality.units)
    parted = [monthly_report(municipality, generated_at=MADE, shared=shared, fonts=fonts,
                             invariant=True, processes=processes) for processes in (1, 2)]
    assert parted[0] == parted[1]
    assert len(whole) > 10
    halves = pdf_pages(parted[1])
    # The same text in the same order; only the appendix's second half starts on a page of
    # its own, so at most one page more.
    assert len(whole) <= len(halves) <= len(whole) + 1
    # Up to the appendix, page for page the same; the appendix's tables hold the same rows
    # (pdftotext may pair the rows of side-by-side column groups otherwise, so: words).
    appendix = next(i for i, page in enumerate(whole) if report_text("appendix.title", "da") in page)
    assert unnumbered(halves[:appendix]) == unnumbered(whole[:appendix])
    assert Counter(words(halves[appendix:])) == Counter(words(whole[appendix:]))
    assert footer_numbers(parted[1]) == [(page, len(halves)) for page in range(1, len(halves) + 1)]
    # The second half's tables start on a page of their own, the first under the page's header.
    second = municipality.units[split_at(len(municipality.units))]
    title = f"{second.unit.name} · {second.charts[0].indicator.definition.name_da}"
    starts = [next((line for line in page.splitlines() if line.strip() and "Side " not in line
                    and not line.startswith("Månedsrapport · ")), "")
              for page in halves[appendix:]]
    assert title in starts


def unnumbered(pages: list[str]) -> list[str]:
    """The pages without their "Side N af M"."""
    return [re.sub(r"Side \d+ af \d+", "", page) for page in pages]


def words(pages: list[str]) -> list[str]:
    """The words of pages, without what a page repeats: its header and number, and a table's
    title, note and column headers where it goes on over a page."""
    header = pages[1].splitlines()[0]
    kept, repeating = [], False
    for page in pages:
        for line in page.splitlines():
            if line.endswith(" …"):
                repeating = True  # up to the column headers
            elif repeating:
                repeating = not line.startswith(("Periode", "Dato"))
            elif line != header and not re.search(r"Side \d+ af \d+", line):
                kept += line.split()
    return kept


# Where the report splits


def test_a_small_report_or_a_single_unit_stays_whole():
    assert split_at(1) == 1
    assert split_at(report_split.MIN_UNITS_TO_SPLIT - 1) == report_split.MIN_UNITS_TO_SPLIT - 1


def test_a_municipality_splits_its_units_leaving_the_first_half_room_for_the_cover_and_summary():
    for units in (report_split.MIN_UNITS_TO_SPLIT, 7, 50, 51, 400):
        split = split_at(units)
        assert 1 <= split < units
        assert abs(split - units * report_split.FIRST_HALF_SHARE) <= 0.5
        assert split <= units - split  # the first half never takes more

