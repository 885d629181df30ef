"""The board's "days since the last …" counters, coloured against the goal and saying it in words."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from app.indicator_labels import indicator_label
from app.language import translate
from reports import StoredChart, event_after_last, format_number, palette

# A counter's state and the colour it is drawn in; the word and symbol carry it too (WCAG 1.4.1).
STATUS_COLOURS: dict[str, str] = {
    "reached": palette.TARGET.colour,
    "below": palette.DETERIORATION.colour,
    "no_goal": palette.NO_SIGNAL.colour,
    "no_events": palette.NO_SIGNAL.colour,
}


@dataclass(frozen=True)
class Counter:
    """One event indicator's counter: days since its last event and how that meets the goal."""

    event: str  # what is counted, e.g. "nyt tryksår"
    days: int | None  # None: nothing recorded yet
    goal_days: float | None  # at least this many days between events; None: no goal
    status: str  # one of STATUS_COLOURS
    without_events: bool = False  # no event yet: days counted from when measuring began

    @property
    def remaining(self) -> int:
        """Return the days left until the goal is met (0 once it is)."""
        if self.goal_days is None or self.days is None:
            return 0
        return max(0, int(self.goal_days) - self.days)


def counter_status(days: int | None, goal_days: float | None) -> str:
    """Return "reached", "below", "no_goal" or "no_events" for days against the goal."""
    if days is None:
        return "no_events"
    if goal_days is None:
        return "no_goal"
    return "reached" if days >= goal_days else "below"


def board_counters(charts: list[StoredChart], language: str) -> list[Counter]:
    """Return a counter for every event indicator among the charts, in board order."""
    counters = []
    for chart in charts:
        definition = chart.indicator.definition
        if definition.measure != "events":
            continue
        goal = definition.goal
        goal_days = goal.value if goal is not None and goal.kind == "min_days_between" else None
        days = chart.days_since_last_event
        without_events = days is None and chart.days_without_event is not None
        if without_events:  # "N dage uden tryksår", counted from the measurement start
            days = chart.days_without_event
        counters.append(Counter(indicator_label(definition, "numerator", language)
                                or indicator_label(definition, "name", language),
                                days, goal_days, counter_status(days, goal_days),
                                without_events))
    return counters


def counter_html(counter: Counter, language: str) -> str:
    """Return the counter as HTML: the big number, what it counts and the goal in words."""
    colour = STATUS_COLOURS[counter.status]
    number = "–" if counter.days is None else format_number(counter.days, language=language)
    goal = format_number(counter.goal_days or 0, language=language)
    words = {
        "reached": translate("board.counter.reached", language, goal=goal),
        "below": translate("board.counter.below", language, goal=goal,
                           remaining=format_number(counter.remaining, language=language)),
        "no_goal": translate("board.counter.no_goal", language),
        "no_events": translate("board.counter.no_events", language),
    }[counter.status]
    since = translate("board.counter.without" if counter.without_events else
                      "board.counter.since", language)
    return (
        f'<div class="tavle-counter tavle-counter--{counter.status}" style="color: {colour}">'
        f'<div class="tavle-counter-number">{number}</div><div>'
        f'<div class="tavle-counter-label">{escape(since)}</div>'
        f'<div class="tavle-counter-event">{escape(event_after_last(counter.event, language))}</div>'
        f'<div class="tavle-counter-goal">{escape(words)}</div></div></div>'
    )
