"""A colour as the PDF code reportlab's canvas writes for it, for drawing code written by hand.

The painter, the calendars' day boxes and the pens write their changes of colour as
literals made once a report; each must be byte for byte what setFillColor (rg) or
setStrokeColor (RG) would have written.
"""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.lib.rl_accel import fp_str


def fill_code(colour: Color) -> str:
    """Return what canvas.setFillColor(colour) writes for an RGB colour."""
    return f"{fp_str((colour.red, colour.green, colour.blue))} rg"


def stroke_code(colour: Color) -> str:
    """Return what canvas.setStrokeColor(colour) writes for an RGB colour."""
    return f"{fp_str((colour.red, colour.green, colour.blue))} RG"
