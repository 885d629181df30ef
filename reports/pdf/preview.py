"""A picture of a report's first page, for a preview before it is downloaded.

Poppler's pdftoppm (Debian poppler-utils) draws the page; without it there is
no preview, and the report itself is unaffected.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

PREVIEW_RESOLUTION = 80  # dots per inch: an A4 page 661 pixels wide, sharp enough on screen
RENDER_SECONDS = 30  # a first page renders in well under a second; this only stops a hang


def first_page_png(pdf: bytes, *, resolution: int = PREVIEW_RESOLUTION) -> bytes | None:
    """Return the PDF's first page as PNG bytes, or None when pdftoppm is not installed."""
    program = shutil.which("pdftoppm")
    if program is None:
        return None
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "page"
        subprocess.run([program, "-png", "-r", str(resolution), "-f", "1", "-l", "1", "-singlefile",
                        "-", str(root)], input=pdf, check=True, capture_output=True,
                       timeout=RENDER_SECONDS)
        return root.with_suffix(".png").read_bytes()
