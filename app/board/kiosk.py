"""The wall-screen board: what the kiosk URL asks for, and which screen shows when.

    ?enhed=solbakken&kiosk=1                  one unit's board, refreshed every 5 minutes
    ?enheder=solbakken,akutteamet&roter=60    several units, a new screen every 60 seconds
    ?adgang=TOKEN                             a read-only board link: its unit, nobody signed in

A screen holds the unit's "days since" counters and CHARTS_PER_SCREEN charts;
a unit with more indicators than that gets several screens, shown in turn. A unit
with event indicators gets one more: its counters over this month's patient-safety
calendars, as large as the charts, since the wall is where the team reads them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

KIOSK_PARAMETER = "kiosk"
UNIT_PARAMETER = "enhed"
UNITS_PARAMETER = "enheder"
ROTATE_PARAMETER = "roter"
# The secret of a wall screen's read-only board link (db.board_links).
ACCESS_PARAMETER = "adgang"
# The "refreshes itself, e.g. every 5 minutes": new entries reach the wall that soon.
REFRESH_SECONDS = 300
# When a board needs several screens and the URL names no pace, each stays this long.
DEFAULT_ROTATE_SECONDS = 60
# Shorter than this and nobody at the meeting can read a chart before it goes.
MIN_ROTATE_SECONDS = 10
# Two rows of two charts under the counters fill a 1920 × 1080 screen at board font sizes.
CHARTS_PER_SCREEN = 4


@dataclass(frozen=True)
class KioskRequest:
    """What a kiosk URL asks for: the units in turn and the seconds per screen (None: default)."""

    unit_codes: tuple[str, ...]
    rotate_seconds: int | None = None


@dataclass(frozen=True)
class Screen:
    """One screen of the rotation: a unit (its index in the request) and a page of its charts."""

    unit_index: int
    first_chart: int
    chart_count: int
    calendars: bool = False  # the unit's safety calendars instead of charts


def is_kiosk(parameters: Mapping[str, str]) -> bool:
    """Tell whether the URL asks for the wall-screen board."""
    return parameters.get(KIOSK_PARAMETER, "").lower() in ("1", "true", "ja", "yes") or bool(
        parameters.get(UNITS_PARAMETER)) or ACCESS_PARAMETER in parameters


def kiosk_request(parameters: Mapping[str, str]) -> KioskRequest:
    """Read the units and the rotation pace from the URL's parameters."""
    listed = parameters.get(UNITS_PARAMETER, "") or parameters.get(UNIT_PARAMETER, "")
    codes = tuple(dict.fromkeys(code.strip() for code in listed.split(",") if code.strip()))
    seconds = parameters.get(ROTATE_PARAMETER, "")
    rotate = max(MIN_ROTATE_SECONDS, int(seconds)) if seconds.strip().isdigit() else None
    return KioskRequest(codes, rotate)


def screens(chart_counts: list[int], *, per_screen: int = CHARTS_PER_SCREEN,
            with_calendars: Sequence[bool] = ()) -> list[Screen]:
    """Return the screens that show every chart of every unit, unit by unit.

    with_calendars says, unit by unit, whether it has event indicators: those units
    get a calendar screen after their charts.
    """
    result = []
    for unit_index, count in enumerate(chart_counts):
        pages = max(1, math.ceil(count / per_screen))
        for page in range(pages):
            first = page * per_screen
            result.append(Screen(unit_index, first, max(0, min(per_screen, count - first))))
        if unit_index < len(with_calendars) and with_calendars[unit_index]:
            result.append(Screen(unit_index, 0, 0, calendars=True))
    return result


def seconds_per_screen(request: KioskRequest, screen_count: int) -> int:
    """Return how often the kiosk moves on (several screens) or refreshes (one screen)."""
    if screen_count <= 1:
        return request.rotate_seconds or REFRESH_SECONDS
    return request.rotate_seconds or DEFAULT_ROTATE_SECONDS
