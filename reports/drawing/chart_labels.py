"""Where a chart's texts go so that none covers another, decided once for screen and paper.

A renderer says how big one plot is and how big its letters are (a PlotRoom, in
its own units: points on paper, pixels on screen). From that, the labels of
changes (PDSA) go in rows above the plot, or become numbers with a list under
the plot when two rows would not hold them; and the values printed at the right
end of the lines are pushed at least a line apart, each as near its line as its
neighbours allow. Widths are measured with Helvetica's metrics, which Arial and
Liberation Sans share; the screen chart asks for those fonts (see app.charts.spec).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reportlab.pdfbase.pdfmetrics import stringWidth

LINE_SPACING = 1.2  # a line of text is 1.2 font sizes tall, CSS's "normal" line height
ANNOTATION_FONT_SCALE = 0.9  # labels of changes print a little smaller than the axes
ANNOTATION_TEXT_ROWS = 2  # rows of worded labels above a plot before they become numbers
ANNOTATION_LABEL_CHARS = 22  # a worded label is cut at a word boundary to this many characters
ANNOTATION_NOTE_CHARS = 48  # a numbered change's text under the plot is cut to this many
LABEL_SPACE = 0.6  # air between two labels in one row, in font sizes
LABEL_INSET = 0.25  # a label starts this far from its line, in font sizes
NOTE_SEPARATOR = " · "  # the screen's SVG text folds a run of spaces into one


@dataclass(frozen=True)
class PlotRoom:
    """The size of one plot and of its letters, in the renderer's units (points or pixels)."""

    width: float
    height: float
    font_size: float
    font_name: str = "Helvetica"
    # measure(text, font, size): reportlab's stringWidth, or a report's record of it that
    # measures each text once (a report places the labels of 400 charts).
    measure: Callable[[str, str, float], float] = field(default=stringWidth, compare=False,
                                                        repr=False)

    @property
    def line_height(self) -> float:
        """Return the height of one line of text."""
        return self.font_size * LINE_SPACING

    def text_width(self, text: str, scale: float = 1.0) -> float:
        """Return the printed width of text at scale times the font size."""
        return self.measure(text, self.font_name, self.font_size * scale)


# The PDF's default chart: 481 × 220 points with 7.5-point letters leaves a plot about this big.
DEFAULT_ROOM = PlotRoom(width=420.0, height=160.0, font_size=7.5)


@dataclass(frozen=True)
class AnnotationMarker:
    """A dated change drawn as a vertical line with a short label in one of a few rows."""

    x: float
    label: str  # printed above the plot: a few words, or a number explained under the plot
    text: str
    row: int
    align: str = "left"  # "right" when a left-aligned label would run past the plot


def annotation_row_height(font_size: float) -> float:
    """Return the height of one row of annotation labels above the plot."""
    return font_size * ANNOTATION_FONT_SCALE * LINE_SPACING


def spread_labels(values: Sequence[float], *, gap: float, low: float, high: float) -> list[float]:
    """Return where labels wanted at values go: at least gap apart, each as near its value as can be.

    Labels that would come too close form a block spaced gap apart, centred where its
    labels want to be on average (the least-squares place), then kept within low..high
    as far as the block fits there; a block taller than low..high rises above high.
    """
    order = sorted(range(len(values)), key=lambda i: values[i])
    blocks: list[list[int]] = []
    starts: list[float] = []

    def start_of(block: list[int]) -> float:
        wanted = sum(values[i] - k * gap for k, i in enumerate(block)) / len(block)
        return max(min(wanted, high - (len(block) - 1) * gap), low)

    for index in order:
        blocks.append([index])
        starts.append(start_of(blocks[-1]))
        while len(blocks) > 1 and starts[-2] + len(blocks[-2]) * gap > starts[-1] + 1e-12:
            merged = blocks[-2] + blocks.pop()
            starts.pop()
            blocks[-1] = merged
            starts[-1] = start_of(merged)
    places = [0.0] * len(values)
    for block, start in zip(blocks, starts, strict=True):
        for k, index in enumerate(block):
            places[index] = start + k * gap
    return places


def place_annotations(changes: Sequence[tuple[float, str]], *, domain: tuple[float, float],
                      room: PlotRoom, numbered: bool = False,
                      ) -> tuple[tuple[AnnotationMarker, ...], tuple[str, ...]]:
    """Return markers whose labels never overlap, and the lines that explain numbered labels.

    Worded labels are tried first, in at most ANNOTATION_TEXT_ROWS rows; when they do
    not fit, or numbered asks for it, every change gets its number instead and the list
    under the plot names them (in the order of change_list).
    Changes too close for a number each share one label ("2–4") at the first of them.
    """
    dated = sorted(((x, " ".join(text.split())) for x, text in changes if math.isfinite(x)),
                   key=lambda change: change[0])
    if not dated:
        return (), ()
    if not numbered:
        worded = rows_for(dated, [fitted_label(text, ANNOTATION_LABEL_CHARS, room)
                                  for _, text in dated], domain, room)
        if max(marker.row for marker in worded) < ANNOTATION_TEXT_ROWS:
            return worded, ()
    notes = [f"{number} {fitted_label(text, ANNOTATION_NOTE_CHARS, room)}"
             for number, (_, text) in enumerate(dated, start=1)]
    return rows_for(dated, number_labels(dated, domain, room), domain, room), note_lines(notes, room)


def number_labels(dated: list[tuple[float, str]], domain: tuple[float, float],
                  room: PlotRoom) -> list[str]:
    """Return each change's number, or one "2–4" for a run of changes too close for a number each."""
    per_unit = (domain[1] - domain[0]) / room.width
    labels: list[str] = []
    first = 0
    while first < len(dated):
        last = first
        label = str(first + 1)
        while last + 1 < len(dated):
            wide = room.text_width(label, ANNOTATION_FONT_SCALE) + (LABEL_INSET + LABEL_SPACE) * room.font_size
            if dated[last + 1][0] - dated[first][0] >= wide * per_unit:  # clear of the label so far
                break
            last += 1
            label = f"{first + 1}–{last + 1}"
        labels += [label] + [""] * (last - first)
        first = last + 1
    return labels


def rows_for(dated: list[tuple[float, str]], labels: list[str], domain: tuple[float, float],
             room: PlotRoom) -> tuple[AnnotationMarker, ...]:
    """Return the labels, each in the first row where it keeps clear, right of its line if it can."""
    per_unit = (domain[1] - domain[0]) / room.width  # data units per point or pixel
    inset = LABEL_INSET * room.font_size * per_unit
    space = LABEL_SPACE * room.font_size * per_unit
    rows: list[list[tuple[float, float]]] = []
    markers = []
    for (x, text), label in zip(dated, labels, strict=True):
        if not label:  # a change named in the label of the one before it
            markers.append(AnnotationMarker(x, label, text, markers[-1].row, markers[-1].align))
            continue
        width = room.text_width(label, ANNOTATION_FONT_SCALE) * per_unit + inset
        sides = {"left": (x, x + width), "right": (x - width, x)}
        # Right of the line unless it would run past the plot; left of it when that fits.
        aligns = [a for a, (start, end) in sides.items() if start >= domain[0] and end <= domain[1]]
        aligns = aligns or ["left" if domain[1] - x >= x - domain[0] else "right"]
        row, align = next(((r, a) for r, taken in enumerate(rows) for a in aligns
                           if clear(sides[a], taken, space)), (len(rows), aligns[0]))
        if row == len(rows):
            rows.append([])
        rows[row].append(sides[align])
        markers.append(AnnotationMarker(x, label, text, row, align))
    return tuple(markers)


def clear(box: tuple[float, float], taken: list[tuple[float, float]], space: float) -> bool:
    """Return True when box keeps at least space from every box taken."""
    return all(box[1] + space <= start or end + space <= box[0] for start, end in taken)


def fitted_label(text: str, max_chars: int, room: PlotRoom) -> str:
    """Return text cut to max_chars at a word, and further while it is wider than the plot."""
    chars = max_chars
    label = short_label(text, chars)
    while chars > 4 and room.text_width(label, ANNOTATION_FONT_SCALE) > room.width * 0.9:
        chars -= 2
        label = short_label(text, chars)
    return label


def short_label(text: str, max_chars: int) -> str:
    """Return text cut at a word boundary to at most max_chars, with … when cut."""
    if len(text) <= max_chars:
        return text
    cut = text[: max_chars - 1]
    if " " in cut[max_chars // 2:]:  # end on a whole word when one is near the end
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-") + "…"


def note_lines(notes: list[str], room: PlotRoom) -> tuple[str, ...]:
    """Return the notes set one after another in lines no wider than the plot."""
    lines: list[str] = []
    for note in notes:
        joined = f"{lines[-1]}{NOTE_SEPARATOR}{note}" if lines else note
        if lines and room.text_width(joined, ANNOTATION_FONT_SCALE) <= room.width:
            lines[-1] = joined
        else:
            lines.append(note)
    return tuple(lines)


def change_list(changes: Sequence[tuple[object, str]]) -> tuple[tuple[int, object, str], ...]:
    """Return (number, when, text) of each change, numbered as place_annotations numbers them.

    changes are (date or x, text); they are numbered in the order of their dates, and
    changes on one day in the order given.
    """
    dated = sorted(((when, " ".join(text.split())) for when, text in changes),
                   key=lambda change: change[0])
    return tuple((number, when, text) for number, (when, text) in enumerate(dated, start=1))
