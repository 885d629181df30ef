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
    # Each line's pieces as (x, (font, size, colour), words): a piece's Run is made once, when
    # the lines are done, not anew for every word it gains (400 charts, some sixty words each).
    lines: list[list[tuple[float, tuple[str, float, str], list[str]]]] = [[]]
    x = 0.0
    for run in runs:
        style = (run.font, run.size, run.colour)
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
                if line and line[-1][1] == style:
                    line[-1][2].append(spaced)
                else:
                    line.append((x, style, [spaced]))
                x += wide
    return Lines(tuple(tuple((start, Run("".join(words), *style)) for start, style, words in line)
                       for line in lines))
