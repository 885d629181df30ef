"""The monthly report's English words."""

TEXTS: dict[str, str] = {
    "report.title": "Monthly report",
    "units.one": "{count} unit",
    "units.many": "{count} units",
    "points.one": "{count} point",
    "points.many": "{count} points",
    "areas.one": "{count} area",
    "areas.many": "{count} areas",
    # Cover
    "cover.kicker": "TAVLE · IMPROVEMENT DATA FOR IN SAFE HANDS",
    "cover.organisation": "Organisation",
    "cover.scope": "The report covers",
    "cover.scope.unit": "{name} (unit)",
    "cover.scope.area": "{name} (area), {units}",
    "cover.scope.municipality": "The whole municipality, {units}",
    "cover.scope.counted": "{head} in {areas} (see the overview)",
    "cover.period": "Period",
    "cover.period_value": "{first}–{last} {month}",
    "cover.as_of": "(figures up to and including {date})",
    "cover.rules": "Rules for signals",
    "cover.generated": "Made",
    "cover.generated_value": "{date} at {time}",
    "cover.sharing": "Sharing",
    "cover.internal": "For the team and management: every figure is shown.",
    "cover.shared": ("For sharing beyond the team: counts from 1 to 4 are shown as <5, and the "
                     "shares and rates computed from them are hidden."),
    "cover.summary": "Status for {month}",
    "cover.goals": ("Goals met: {met} of {total} indicators with a goal. "
                    "Changes (PDSA) noted in {month}: {changes}."),
    "cover.list.deterioration": "Signs of deterioration",
    "cover.list.improvement": "Signs of improvement",
    "cover.list.more": "… and {count} more (see the overview)",
    "cover.how_to_read.title": "How to read this report",
    "cover.how_to_read.anhoej": (
        "Each chart shows the indicator's figures over time. Run charts have the median as "
        "their centre line; control charts have the mean and control limits (3 sigma; for shares near 0 or 100 %,"
        " limits of the same probability from the binomial distribution). "
        "The Anhøj rules tell random from non-random variation: an unusually long run of "
        "points on one side of the centre line, or unusually few crossings of it, is a signal, "
        "and on control charts so is a point outside the control limits. "
        "▲ is a sign of improvement, ▼ of deterioration and ◆ a special cause without a "
        "direction. A dashed vertical line is a change (PDSA) the team noted."),
    "cover.how_to_read.ihi": (
        "Each chart shows the indicator's figures over time. Run charts have the median as the "
        "centre line; control charts have the mean and control limits (3 sigma; for shares near 0 or 100 %,"
        " limits of the same probability from the binomial distribution). The IHI rules "
        "signal a shift (six points in a row on one side of the centre line), a trend (five points in a row going up or down), too "
        "few or too many runs, and a point outside the control limits. "
        "▲ is a sign of improvement, ▼ of deterioration and ◆ a special cause without a "
        "direction. A dashed vertical line is a change (PDSA) the team noted."),
    "cover.how_to_read.nhs": (
        "Each chart shows the indicator's figures over time with the mean and process limits. "
        "Making Data Count signals a point outside the limits, seven points in a row going up "
        "or down, seven points in a row on one side of the mean, or two of three points near a "
        "limit. ▲ is a sign of improvement, ▼ of deterioration and ◆ a special cause without a "
        "direction. A dashed vertical line is a change (PDSA)."),
    "rules.anhoej": "The Anhøj rules (run charts) and 3-sigma limits (control charts)",
    "rules.ihi": "The IHI rules (Perla, Provost and Murray 2011)",
    "rules.nhs": "NHS Making Data Count",
    # Overview
    "summary.title": "Overview",
    "summary.intro": ("One row per unit and indicator. Latest is the last period with figures up "
                       "to and including {date}; the verdict covers the whole chart up to then."),
    "summary.empty": "The report's units have no active indicators.",
    "summary.column.indicator": "Indicator",
    "summary.column.period": "Latest period",
    "summary.column.latest": "Latest",
    "summary.column.verdict": "Verdict",
    "summary.column.goal": "Goal",
    "summary.column.days_since": "Days since event",
    "goal.met": "Met",
    "goal.not_met": "Not met",
    "goal.no_goal": "No goal",
    "goal.no_data": "No data",
    "value.hidden": "hidden (<5)",
    "value.hidden_short": "hidden",
    # Charts
    "charts.title": "Charts",
    "charts.none": "The unit has no active indicators.",
    "chart.no_data": "No figures yet.",
    "chart.pattern_period": "The pattern runs from {first} to {last}, not into the latest points.",
    "chart.hidden": ("Small numbers hidden: {points} rest on counts from 1 to 4 and are not "
                     "shown. Centre line, limits and verdict rest on all figures."),
    "chart.changes": "Changes in {month}",
    "chart.notes": "Notes in {month}",
    "chart.goal": "goal {target}",
    "chart.days_since.one": "{days} day since the last event",
    "chart.days_since": "{days} days since the last event",
    "chart.days_without.one": "{days} day without {event}, since measuring began on {date}",
    "chart.days_without": "{days} days without {event}, since measuring began on {date}",
    "summary.days_without": "{days} without",
    "chart.type.run": "run chart",
    "chart.type.p": "P chart (proportion)",
    "chart.type.pp": "P′ chart (proportion)",
    "chart.type.u": "U chart (rate)",
    "chart.type.up": "U′ chart (rate)",
    "chart.type.c": "C chart (count)",
    "chart.type.i": "I chart (individual values)",
    "chart.type.mr": "MR chart (moving range)",
    "chart.type.xbar": "X̄ chart (average)",
    "chart.type.s": "S chart (standard deviation)",
    "chart.type.g": "G chart (days between events)",
    "chart.type.t": "T chart (time between events)",
    "chart.type.ip": "I chart",
    "indicator.kind.result": "result indicator",
    "indicator.kind.process": "process indicator",
    "indicator.kind.balancing": "adverse-effect indicator",
    "axis.days_between": "Days between events",
    # Patient-safety calendar
    "calendar.title": "Patient-safety calendar, {month}",
    "calendar.intro": ("One box a day, as on the board: green (✓) is a day confirmed without the event, "
                       "red (✗) a day with the event, white a day nobody confirmed."),
    "calendar.weekdays": "Mo Tu We Th Fr Sa Su",
    "calendar.summary": "{safe} confirmed without · {event} with the event · {blank} not confirmed",
    "days.one": "{count} day",
    "days.many": "{count} days",
    # The måleplan ("About the measure")
    "plan.title": "About the measure",
    "plan.counts": "What is counted",
    "plan.source": "Data source",
    "plan.collection": "Collection",
    "plan.sample": "Sample",
    "plan.owner": "Data owner",
    # Appendix
    "appendix.title": "Appendix: the figures behind the charts",
    "appendix.intro": ("Each chart's points as a table, in the order the chart plots them. "
                       "The symbol in the last column is the point's signal on the chart."),
    "appendix.shared": "Counts from 1 to 4 are shown as <5; shares and rates computed from them are hidden.",
    "appendix.column.period": "Period",
    "appendix.column.date": "Date",
    "appendix.column.numerator": "Numerator",
    "appendix.column.denominator": "Denominator",
    "appendix.column.proportion": "Share",
    "appendix.column.rate": "Rate",
    "appendix.column.count": "Count",
    "appendix.column.days": "Days",
    "appendix.column.value": "Value",
    "appendix.note.share": "Numerator: {numerator} · Denominator: {denominator} · Share in %",
    "appendix.note.rate": "Numerator: {numerator} · Denominator: {denominator} · Rate {unit}",
    "appendix.note.events": "Days since the previous {event}; ○ is the days since the latest (open)",
    # Page header and footer
    "footer.period": "Period {first} – {last}",
    "footer.shared": "for sharing, small numbers hidden",
    "footer.page": "Page {page} of {pages}",
}
