"""A paragraph that breaks its lines once per width.

A chart's texts are kept on the chart's page: reportlab measures them once to
see whether the block fits and again to place them, each time breaking every
line anew. At 400 charts a report, the second breaking is worth skipping.
"""

from __future__ import annotations

from reportlab.platypus import Paragraph


class SteadyParagraph(Paragraph):
    """A Paragraph that remembers its last wrap and answers a second one at the same width."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        """Return the width and height at availWidth (a paragraph is as tall whatever the room)."""
        if getattr(self, "_wrapped_at", None) == availWidth:
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        self._wrapped_at = availWidth
        return size
