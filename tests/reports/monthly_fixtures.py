"""Shared fixtures of the monthly report tests: one read-only copy of the demo per module."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from db import make_engine


@pytest.fixture(scope="module")
def demo_reading_engine(demo_template, tmp_path_factory) -> Iterator[Engine]:
    """An engine on a copy of the demo that a module's tests only read."""
    copy = tmp_path_factory.mktemp("report-demo") / "tavle.db"
    shutil.copyfile(demo_template, copy)
    engine = make_engine(f"sqlite:///{copy}")
    yield engine
    engine.dispose()


def pdf_pages(pdf: bytes) -> list[str]:
    """Return the text of every page of a PDF in the order it was written (poppler's pdftotext).

    pypdf reads the same text but takes seconds over pages full of chart paths.
    """
    assert shutil.which("pdftotext"), "pdftotext (Debian poppler-utils) reads the PDF back"
    text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", "-", "-"], input=pdf,
                          capture_output=True, check=True).stdout.decode("utf-8")
    return text.split("\f")[:-1]  # a form feed ends every page
