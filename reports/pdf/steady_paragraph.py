"""A paragraph that breaks its lines once for a width, however often the layout asks its size.

reportlab's Paragraph breaks its lines anew on every wrap(), and the layout asks a
paragraph more than once: a KeepTogether measures its contents, the frame measures
each again as it places it, a table measures its cells to size the rows and again
to draw them. A municipality's report has some thousand paragraphs, the måleplan
under each of its 400 tables and the calendars' titles among them.
"""

from __future__ import annotations

from reportlab.platypus import Paragraph


class SteadyParagraph(Paragraph):
    """A Paragraph whose wrap() at the width it last wrapped to returns what it returned then."""

    _wrapped: tuple[float, tuple[float, float]] | None = None  # (width, what wrap returned)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (reportlab's names)
        """Return the paragraph's width and height at availWidth: its lines do not depend on the height."""
        # split() deletes blPara when the paragraph moves on whole: then it is broken again.
        if self._wrapped is not None and self._wrapped[0] == availWidth and hasattr(self, "blPara"):
            return self._wrapped[1]
        size = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, size)
        return size
