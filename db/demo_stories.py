"""The demo municipality's two years of data, as plain records (no database here).

Every figure comes from one seeded random generator, so the same seed and
`today` give the same data. The stories a newcomer should see on the boards:

- Plejecenter Solbakken: pressure ulcers come every few weeks until a PDSA
  change (new repositioning plan, daily skin check); after it the days between
  them lengthen. Falls per 1000 bed-days halve after fall-risk screening at
  moving in.
- Hjemmeplejen Nord: the share of citizens triaged daily rises from about 80 %
  to 97 % once triage moves to the morning meeting.
- Akutteamet: action plans for red and yellow citizens become routine after a
  checklist is introduced.

One source per fact: a harm that is also charted as a rate or count per month
(pressure ulcers, falls, infections, pneumonias, medication errors) is drawn
once, as events; its monthly entries hold only the exposure, and the count is
read from the events (see db.event_counts).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from db.periods import period_start

DEMO_SEED = 2013  # the year I sikre hænder began; any fixed number would do
DEMO_DAYS = 730  # two years
MUNICIPALITY = "Demo Kommune"
# (unit name, area name, unit code, indicator codes in board order)
UNITS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("Plejecenter Solbakken", "Område Nord", "solbakken", (
        "tryksaar_dage_mellem", "tryksaar_pr_1000_sengedage", "tryksaar_bundt",
        "tryksaar_risikovurdering", "fald_pr_1000_sengedage", "fald_dage_mellem", "fald_bundt",
        "triage_dagligt")),
    ("Hjemmeplejen Nord", "Område Nord", "hjemmeplejen-nord", (
        "triage_dagligt", "triage_roed_handleplan", "triage_gul_handleplan",
        "forebyggelige_indlaeggelser_dage_mellem", "medicinfejl_dage_mellem",
        "medicinfejl_pr_maaned", "medicinafstemning", "haandhygiejne")),
    ("Akutteamet", "Område Syd", "akutteamet", (
        "triage_roed_handleplan", "triage_gul_handleplan",
        "forebyggelige_indlaeggelser_dage_mellem", "kateter_uvi_pr_1000_kateterdage",
        "kateter_uvi_dage_mellem", "kateter_indikation", "lungebetaendelse_pr_1000_sengedage",
        "mundpleje_screenet")),
)
NURSING_HOME_BEDS = 40
# What each unit's rates count as exposure: a care home's resident days, home care's citizens
# served; the acute team's temporary beds keep the catalogue's bed-days.
EXPOSURES = {"solbakken": "beboerdoegn", "hjemmeplejen-nord": "borgere"}


@dataclass(frozen=True)
class Story:
    """How one indicator behaves at one unit: before and after a dated change."""

    unit: str  # unit code
    indicator: str  # indicator code
    before: float  # share, rate per 1000, count per period, or mean days between events
    after: float
    change_day: int  # days after the start of the two years
    ramp_days: int = 1  # how long the change takes to settle
    note: str | None = None  # the annotation written on the change day
    new_phase: bool = False  # the team saved a new phase from the change day


@dataclass(frozen=True)
class DemoData:
    """Records for the demo: entries, events, annotations and phases, keyed by codes."""

    entries: tuple[tuple[str, str, date, float | None, float | None], ...]  # unit, indicator, ...
    events: tuple[tuple[str, str, date, str | None], ...]
    annotations: tuple[tuple[str, str | None, date, str], ...]
    phases: tuple[tuple[str, str, date, str], ...]


STORIES: tuple[Story, ...] = (
    Story("solbakken", "tryksaar_dage_mellem", 24, 120, 300, note=(
        "PDSA: ny lejringsplan og daglig hudinspektion")),
    # A rate or count counted from events keeps its old levels only so the generator draws
    # what it drew before (the other stories stay as they were); its counts are the events'.
    Story("solbakken", "tryksaar_pr_1000_sengedage", 1.4, 0.3, 300),
    Story("solbakken", "tryksaar_bundt", 0.72, 0.985, 300, ramp_days=70),
    Story("solbakken", "tryksaar_risikovurdering", 0.85, 0.985, 300, ramp_days=40),
    Story("solbakken", "fald_pr_1000_sengedage", 9.0, 4.5, 365, ramp_days=30, note=(
        "PDSA: faldrisikovurdering ved indflytning"), new_phase=True),
    Story("solbakken", "fald_dage_mellem", 3.5, 7.0, 365),
    Story("solbakken", "fald_bundt", 0.6, 0.92, 365, ramp_days=60),
    Story("solbakken", "triage_dagligt", 0.9, 0.97, 200, ramp_days=30),
    Story("hjemmeplejen-nord", "triage_dagligt", 0.80, 0.97, 330, ramp_days=60, note=(
        "PDSA: triage på morgenmødet kl. 8")),
    Story("hjemmeplejen-nord", "triage_roed_handleplan", 0.75, 0.93, 330, ramp_days=60),
    Story("hjemmeplejen-nord", "triage_gul_handleplan", 0.65, 0.9, 330, ramp_days=90),
    Story("hjemmeplejen-nord", "forebyggelige_indlaeggelser_dage_mellem", 18, 40, 330),
    Story("hjemmeplejen-nord", "medicinfejl_dage_mellem", 53, 120, 420, note=(
        "PDSA: dobbeltkontrol ved dosisdispensering")),
    Story("hjemmeplejen-nord", "medicinfejl_pr_maaned", 0.7, 0.28, 420),
    Story("hjemmeplejen-nord", "medicinafstemning", 0.7, 0.94, 420, ramp_days=60),
    Story("hjemmeplejen-nord", "haandhygiejne", 0.88, 0.88, 0),
    Story("akutteamet", "triage_roed_handleplan", 0.8, 0.985, 250, ramp_days=45, note=(
        "PDSA: tjekliste til handleplaner")),
    Story("akutteamet", "triage_gul_handleplan", 0.7, 0.98, 250, ramp_days=60),
    Story("akutteamet", "forebyggelige_indlaeggelser_dage_mellem", 12, 25, 250),
    Story("akutteamet", "kateter_uvi_pr_1000_kateterdage", 6.0, 3.0, 480, ramp_days=30, note=(
        "PDSA: daglig vurdering af kateterbehov")),
    Story("akutteamet", "kateter_uvi_dage_mellem", 40, 80, 480),
    Story("akutteamet", "kateter_indikation", 0.7, 0.95, 480, ramp_days=45),
    Story("akutteamet", "lungebetaendelse_pr_1000_sengedage", 3.0, 2.2, 540, ramp_days=60),
    Story("akutteamet", "mundpleje_screenet", 0.5, 0.85, 540, ramp_days=90),
    # Last, so the stories above draw what they always drew. Not on Akutteamet's board,
    # but its pneumonias are counted per 1000 bed-days from them.
    Story("akutteamet", "lungebetaendelse_dage_mellem", 37, 50, 540, ramp_days=60),
)
# Exposure and how many citizens a share is counted over, per unit.
_CITIZENS_PER_DAY = {"solbakken": 38, "hjemmeplejen-nord": 24, "akutteamet": 14}
_EXPOSURE_PER_DAY = {"solbakken": NURSING_HOME_BEDS * 0.95, "hjemmeplejen-nord": 0.0,
                     "akutteamet": 9.0}
_EVENT_NOTES = ("hæl", "korsben", "om natten", "ved toiletbesøg", None, None, None)
_CHANGES_FOR_ALL = (("solbakken", 150, "Ny teamleder og ugentligt tavlemøde"),)


def confirmed_days(today: date, events: list[tuple[str, str, date, str | None]],
                   event_indicators: dict[str, tuple[str, ...]]) -> list[tuple[str, str, date]]:
    """Return the (unit, indicator, day) a team confirmed without the event on its calendar.

    The demo teams began keeping the calendar on the first of last month and confirm each
    day at the next shift's start: every day up to yesterday without an event, today not yet.
    """
    first = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    with_events = {(unit, indicator, day) for unit, indicator, day, _ in events}
    return [(unit, indicator, first + timedelta(days=offset))
            for unit, codes in event_indicators.items() for indicator in codes
            for offset in range((today - first).days)
            if (unit, indicator, first + timedelta(days=offset)) not in with_events]


def demo_start(today: date) -> date:
    """Return the first day of the demo's two years (the units began measuring then)."""
    return today - timedelta(days=DEMO_DAYS - 1)


def build_demo(*, today: date, measures: dict[str, tuple[str, str]],
               seed: int = DEMO_SEED, counted: frozenset[str] = frozenset()) -> DemoData:
    """Generate the demo's two years up to today; measures maps code → (measure, period).

    counted: the codes whose count comes from events; their entries hold only the exposure.
    """
    rng = np.random.default_rng(seed)
    start = demo_start(today)
    entries: list = []
    events: list = []
    annotations: list = []
    phases: list = []
    for story in STORIES:
        measure, period = measures[story.indicator]
        change = start + timedelta(days=story.change_day)
        if measure == "events":
            events += _events(story, rng, start=start, today=today)
        else:
            entries += _entries(story, rng, measure, period, start=start, today=today,
                                counted=story.indicator in counted)
        if story.note:
            annotations.append((story.unit, story.indicator, change, story.note))
            if story.new_phase:
                phases.append((story.unit, story.indicator, change, story.note))
    for unit, day, text in _CHANGES_FOR_ALL:
        annotations.append((unit, None, start + timedelta(days=day), text))
    return DemoData(tuple(entries), tuple(events), tuple(annotations), tuple(phases))


def _level(story: Story, day_number: float) -> float:
    """Return the story's level on a day: before, after, or part way during the ramp."""
    progress = min(max((day_number - story.change_day) / story.ramp_days, 0.0), 1.0)
    return story.before + (story.after - story.before) * progress


def _events(story: Story, rng: np.random.Generator, *, start: date, today: date) -> list:
    """Draw events whose gaps average `before` days, then `after` days."""
    found = []
    day_number = float(rng.exponential(story.before))
    while day_number < (today - start).days:
        day = start + timedelta(days=int(day_number))
        found.append((story.unit, story.indicator, day, _EVENT_NOTES[rng.integers(len(
            _EVENT_NOTES))] if story.indicator.startswith("tryksaar") else None))
        day_number += max(1.0, float(rng.exponential(_level(story, day_number))))
    return found


def _entries(story: Story, rng: np.random.Generator, measure: str, period: str, *,
             start: date, today: date, counted: bool = False) -> list:
    """Draw one entry per completed period from the story's level (only exposure if counted)."""
    found = []
    periods = sorted({period_start(start + timedelta(days=n), period)
                      for n in range(DEMO_DAYS)})
    for first in periods:
        length = _period_length(first, period)
        if first < start or first + timedelta(days=length) > today:
            continue  # only whole periods inside the two years
        level = _level(story, (first - start).days + length / 2)
        citizens = _CITIZENS_PER_DAY[story.unit]
        if measure == "proportion":
            size = max(3, int(rng.poisson(citizens if period == "day" else citizens / 2)))
            found.append((story.unit, story.indicator, first,
                          float(rng.binomial(size, min(level, 1.0))), float(size)))
        elif measure == "rate":
            exposure = float(round(length * _EXPOSURE_PER_DAY[story.unit] * rng.uniform(0.9, 1.0)))
            drawn = float(rng.poisson(level * exposure / 1000))  # drawn even if counted (above)
            found.append((story.unit, story.indicator, first, None if counted else drawn,
                          exposure))
        elif counted:  # the month is covered; its count comes from the events
            rng.poisson(level)  # drawn, not used: see the levels of counted stories above
            found.append((story.unit, story.indicator, first, None, None))
        else:  # count per period
            found.append((story.unit, story.indicator, first, float(rng.poisson(level)), None))
    return found


def _period_length(first: date, period: str) -> int:
    """Return how many days the period starting on first lasts."""
    if period == "day":
        return 1
    if period == "week":
        return 7
    following = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
    return (following - first).days
