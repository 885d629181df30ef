"""Read a PDF's text back, page by page, in the order it was written."""

from __future__ import annotations

import shutil
import subprocess


def pdf_pages(pdf: bytes) -> list[str]:
    """Return the text of every page of a PDF in the order it was written (poppler's pdftotext).

    pypdf reads the same text but takes seconds over pages full of chart paths.
    """
    assert shutil.which("pdftotext"), "pdftotext (Debian poppler-utils) reads the PDF back"
    text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", "-", "-"], input=pdf,
                          capture_output=True, check=True).stdout.decode("utf-8")
    return text.split("\f")[:-1]  # a form feed ends every page
