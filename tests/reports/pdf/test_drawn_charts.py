"""Charts drawn across processes make the same report as charts drawn in one."""

from datetime import datetime

import pytest

from db import read_session
from reports.content.forked_work import usable_processes
from reports.content.report_content import report_content
from reports.content.report_month import parse_month
from reports.content.report_scope import municipality_scope
from reports.pdf.drawn_charts import drawn_charts
from reports.pdf.fonts import report_fonts
from reports.pdf.monthly import monthly_report
from tests.conftest import DEMO_TODAY
from tests.reports.pdf_text import pdf_pages

MADE = datetime(2026, 11, 22, 14, 5)


@pytest.fixture(scope="module")
def municipality(demo_reading_engine):
    with read_session(demo_reading_engine) as session:
        return report_content(municipality_scope(session=session), parse_month("2026-10"),
                              session=session, actor="system", today=DEMO_TODAY)


@pytest.mark.parametrize("shared", [False, True])
def test_a_report_drawn_by_three_processes_equals_the_one_drawn_by_one(municipality, shared):
    fonts = report_fonts()
    alone, together = (monthly_report(municipality, generated_at=MADE, shared=shared, fonts=fonts,
                                      invariant=True, processes=processes) for processes in (1, 3))
    alone_pages, together_pages = pdf_pages(alone), pdf_pages(together)
    assert len(alone_pages) == len(together_pages) > 10
    assert together_pages == alone_pages
    assert together == alone  # invariant bytes: the very same document


def test_every_chart_comes_back_to_its_own_place(municipality):
    fonts = report_fonts()
    alone = drawn_charts(municipality, fonts=fonts, language="da", shared=False, processes=1)
    together = drawn_charts(municipality, fonts=fonts, language="da", shared=False, processes=2)
    assert [len(unit.charts) for unit in municipality.units] == [len(p) for p in together.pictures]
    assert together.pictures == alone.pictures and together.rows == alone.rows
    assert sum(picture is not None for unit in together.pictures for picture in unit) > 10


def test_a_process_with_other_threads_draws_alone(monkeypatch):
    monkeypatch.setattr("threading.active_count", lambda: 3)  # a server's threads: no fork
    assert usable_processes() == 1
