"""Short texts in a few styles, broken into lines that fit a width: the words around a report's charts.

A chart's title, subtitle, verdict and lists of changes are a handful of
words in two or three styles (a bold coloured label, then plain text). Set as
reportlab paragraphs, 400 charts cost a markup parse and two line breakings
each; set here, they become Text shapes of the chart's own picture.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reports.pdf.picture import Text

NEW_LINE = "\n"


@dataclass(frozen=True, slots=True)
class Run:
    """Text in one font, size and colour ("#RRGGBB"); a new line character forces a break."""

    text: str
    font: str
    size: float
    colour: str


@dataclass(frozen=True, slots=True)
class Lines:
    """Runs broken into lines: each line's pieces as (x, run), left to right."""

    lines: tuple[tuple[tuple[float, Run], ...], ...]

    def texts(self, *, top: float, first_baseline: float, leading: float) -> list[Text]:
        """Return the pieces as Text shapes, the first baseline first_baseline below top."""
        return [Text(x, top - first_baseline - index * leading, run.text, run.font, run.size, run.colour)
                for index, line in enumerate(self.lines) for x, run in line]


def break_lines(runs: Sequence[Run], width: float,
                measure: Callable[[str, str, float], float]) -> Lines:
    """Break runs into lines no wider than width, between words; a word longer than width stands alone.

    measure(text, font, size) returns a text's printed width.
    """
    lines: list[list[tuple[float, Run]]] = [[]]
    x = 0.0
    for run in runs:
        for number, part in enumerate(run.text.split(NEW_LINE)):
            if number:
                lines.append([])
                x = 0.0
            for word_number, word in enumerate(part.split(" ")):
                # The space before a word belongs to it, except at the start of a line.
                spaced = (" " if word_number else "") + word
                if not spaced:
                    continue
                wide = measure(spaced, run.font, run.size)
                if x > 0 and x + wide > width and word:
                    lines.append([])
                    x, spaced = 0.0, word
                    wide = measure(word, run.font, run.size)
                line = lines[-1]
                if line and line[-1][1].font == run.font and line[-1][1].colour == run.colour \
                        and line[-1][1].size == run.size:
                    start, last = line[-1]
                    line[-1] = (start, Run(last.text + spaced, run.font, run.size, run.colour))
                else:
                    line.append((x, Run(spaced, run.font, run.size, run.colour)))
                x += wide
    return Lines(tuple(tuple(line) for line in lines))
