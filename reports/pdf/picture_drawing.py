"""Turn a Picture into a reportlab Drawing: the same shapes, as reportlab's own Group, Path and String."""

from __future__ import annotations

from functools import lru_cache

from reportlab.graphics.shapes import Drawing, Group, Path, Rect, String
from reportlab.lib.colors import Color, HexColor

from reports.pdf.picture import Box, Layer, Outline, Picture, Text


@lru_cache(maxsize=256)
def colour(hex_colour: str) -> Color:
    """Return reportlab's colour for "#RRGGBB"."""
    return HexColor(hex_colour)


def picture_drawing(picture: Picture) -> Drawing:
    """Return the picture as a Drawing whose named layers are attributes (drawing.panel_0.points)."""
    drawing = Drawing(picture.width, picture.height)
    for item in picture.items:
        drawing.add(layer_group(item) if isinstance(item, Layer) else shape(item), name=item.name)
    return drawing


def layer_group(layer: Layer) -> Group:
    """Return a layer as a Group, its named shapes reachable by name."""
    group = Group()
    if layer.offset != (0.0, 0.0):
        group.translate(*layer.offset)
    for item in layer.items:
        group.add(layer_group(item) if isinstance(item, Layer) else shape(item), name=item.name)
    return group


def shape(item: Outline | Box | Text) -> Path | Rect | String | Group:
    """Return one shape as reportlab draws it."""
    if isinstance(item, Box):
        return Rect(item.x, item.y, item.width, item.height, fillColor=colour(item.fill),
                    strokeColor=None)
    if isinstance(item, Text):
        return text_shape(item)
    path = Path(points=list(item.points), operators=list(item.operators),
                fillColor=colour(item.fill) if item.fill else None)
    pen = item.pen
    if pen is None:
        path.strokeColor = None
        return path
    path.strokeColor = colour(pen.colour)
    path.strokeWidth = pen.width
    path.strokeDashArray = list(pen.dash) if pen.dash else None
    path.strokeLineCap = pen.cap
    path.strokeLineJoin = pen.join
    return path


def text_shape(item: Text) -> String | Group:
    """Return a text as a String, or a turned one as a Group rotated about its anchor."""
    string = String(0 if item.turned else item.x, 0 if item.turned else item.y, item.text,
                    fontName=item.font, fontSize=item.size, fillColor=colour(item.colour),
                    textAnchor=item.anchor)
    if not item.turned:
        return string
    return Group(string, transform=(0, 1, -1, 0, item.x, item.y))
