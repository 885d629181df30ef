"""A municipality's report made by two processes, a half of its units each, is the report one process makes."""

import multiprocessing
import threading
from datetime import datetime

import pytest

from db import PermissionDeniedError, read_session
from reports.content import stored_charts
from reports.content.report_content import report_content
from reports.content.report_month import parse_month
from reports.content.report_scope import municipality_scope
from reports.pdf import forked_report, report_split
from reports.pdf.fonts import report_fonts
from reports.pdf.forked_report import monthly_report_of
from reports.pdf.monthly import monthly_report
from reports.pdf.report_parts import PartFailedError
from reports.pdf.report_split import split_at
from tests.conftest import DEMO_TODAY
from tests.reports.pdf_text import pdf_pages

MADE = datetime(2026, 11, 22, 14, 5)
MONTH = parse_month("2026-10")


@pytest.fixture
def halved(monkeypatch):
    """The demo's three units are few: split them anyway."""
    monkeypatch.setattr(report_split, "MIN_UNITS_TO_SPLIT", 2)


def made(session, *, processes, language="da", shared=False, actor="system"):
    return monthly_report_of(municipality_scope(session=session), MONTH, session=session,
                               actor=actor, today=DEMO_TODAY, generated_at=MADE,
                               language=language, shared=shared, invariant=True,
                               fonts=report_fonts(), processes=processes)


@pytest.mark.parametrize(("language", "shared"), [("da", False), ("en", True)])
def test_two_processes_make_the_bytes_one_process_makes_of_the_whole_content(
        demo_reading_engine, halved, language, shared):
    with read_session(demo_reading_engine) as session:
        scope = municipality_scope(session=session)
        assert 1 <= split_at(len(scope.units)) < len(scope.units)
        content = report_content(scope, MONTH, session=session, actor="system", today=DEMO_TODAY,
                                 processes=1)
        whole = monthly_report(content, generated_at=MADE, language=language, shared=shared,
                               invariant=True, fonts=report_fonts(), processes=1)
        assert made(session, processes=2, language=language, shared=shared) == whole
        assert made(session, processes=1, language=language, shared=shared) == whole
    assert not multiprocessing.active_children()
    pages = pdf_pages(whole)
    # The cover's count and the summary name the second half's units too (their charts came
    # from the other process as their latest points only).
    second = content.units[split_at(len(content.units))]
    summary = "".join(pages[:3])
    assert second.unit.name in summary


def test_the_cover_and_summary_of_latest_points_are_those_of_whole_charts(demo_reading_engine):
    with read_session(demo_reading_engine) as session:
        content = report_content(municipality_scope(session=session), MONTH, session=session,
                                 actor="system", today=DEMO_TODAY, processes=1)
    for chart in content.charts:
        light = stored_charts.latest_only(chart)
        assert len(light.model.points) <= 1 and light.series.empty
        row = stored_charts.latest_row(chart)
        assert (stored_charts.latest_row(light) is None) == (row is None)
        if row is not None:
            assert light.model.points.iloc[0].equals(chart.model.points.iloc[row])
        assert (light.model.verdict, light.goal, light.model.annotations) == (
            chart.model.verdict, chart.goal, chart.model.annotations)


def test_a_refusal_comes_from_this_process_in_the_words_one_process_uses(demo_reading_engine,
                                                                         halved):
    with read_session(demo_reading_engine) as session:
        with pytest.raises(PermissionDeniedError) as alone:
            report_content(municipality_scope(session=session), MONTH, session=session,
                           actor="demo-teamleder", today=DEMO_TODAY)
        with pytest.raises(PermissionDeniedError) as halves:
            made(session, processes=2, actor="demo-teamleder")
    assert (halves.value.danish, halves.value.english) == (alone.value.danish, alone.value.english)
    assert not multiprocessing.active_children()


def test_a_failure_in_the_other_process_says_why_and_leaves_no_process_behind(
        demo_reading_engine, halved, monkeypatch):
    def broken(chart):
        raise ValueError("det seneste punkt kunne ikke tages ud")

    monkeypatch.setattr(forked_report, "latest_only", broken)  # used in the forked process only
    with read_session(demo_reading_engine) as session, \
            pytest.raises(PartFailedError, match="det seneste punkt kunne ikke tages ud"):
        made(session, processes=2)
    assert not multiprocessing.active_children()


def test_in_a_server_s_thread_everything_is_made_in_that_thread(demo_reading_engine, halved):
    results = []

    def in_thread():
        with read_session(demo_reading_engine) as session:
            results.append(made(session, processes=None))

    with read_session(demo_reading_engine) as session:
        expected = made(session, processes=1)
    worker = threading.Thread(target=in_thread)
    worker.start()
    worker.join()
    assert results == [expected]
