"""The PDF's streams compressed at zlib's fastest level.

reportlab compresses each page's stream at zlib's default level (6): a
municipality's report of some 480 pages spent a tenth of its layout there. Level
1 takes a third of that time for a file about 18 % larger (3.4 MB rather than
2.9 MB), which mail and printers do not notice. reportlab has no setting for the
level; its filter is a module-level object looked up whenever a stream is
written, so Tavle, the only user of reportlab in its processes, puts its own there.
"""

from __future__ import annotations

import zlib

from reportlab.pdfbase import pdfdoc

FLATE_LEVEL = 1


class _FastFlate(pdfdoc.PDFStreamFilterZCompress):
    """reportlab's Flate filter at FLATE_LEVEL."""

    def encode(self, text: str | bytes) -> bytes:
        """Return text compressed (str as UTF-8, as reportlab's own filter does)."""
        return zlib.compress(text.encode("utf8") if isinstance(text, str) else text, FLATE_LEVEL)


def use_fast_flate() -> None:
    """Have reportlab compress the streams it writes from now on at FLATE_LEVEL."""
    if not isinstance(pdfdoc.PDFZCompress, _FastFlate):
        pdfdoc.PDFZCompress = _FastFlate()
