"""The overview's spread lists: prototypes, ready for sampling, sampling, not ready, with evidence.

Each unit and package is listed with what it rests on: for every process
indicator the last six complete months (which reached 95 %, which did not,
which lack figures) and any deterioration signal; for every result indicator its
signal and whether it meets its goal. A unit ready for sampling can be switched
to samples from here; a sampling unit can go back to full registration.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd
import streamlit as st

from app.access.identity import current_actor, may
from app.indicator_labels import indicator_label
from app.language import text
from app.notices import Notice, announce
from app.overview.state import forget_overview
from app.plain_text import as_text
from app.resources import database
from db import switch_sampling, write_session
from indicators import IndicatorDefinition, ProcessEvidence, Readiness, ResultEvidence
from reports import Overview, format_axis_date, format_date, format_percent, palette

LISTS = ("prototype", "ready", "sampling", "not_ready")
NOTICE_PLACE = "overview"  # the switch's notice shows at the top of the page


def grouped(readiness: Sequence[Readiness]) -> dict[str, list[Readiness]]:
    """The readiness of units and packages in the four lists a manager acts on.

    A prototype is also ready for sampling: spreading a practice and sampling it are
    two decisions, so it is listed under both. The not-ready list starts with the
    closest (fewest months or indicators short).
    """
    lists: dict[str, list[Readiness]] = {name: [] for name in LISTS}
    for item in readiness:
        if item.prototype:
            lists["prototype"].append(item)
        if item.ready_for_sampling:
            lists["ready"].append(item)
        if item.sampling_since is not None:
            lists["sampling"].append(item)
        elif item.state == "not_ready":
            lists["not_ready"].append(item)
    lists["not_ready"].sort(key=lambda item: sum(
        len(p.months_below) + len(p.months_missing) + (p.verdict == "deterioration")
        for p in item.process))
    return lists


def _months(months: Sequence[date], language: str) -> str:
    return ", ".join(format_axis_date(month, unit="month", language=language) for month in months)


def process_lines(evidence: ProcessEvidence, definition: IndicatorDefinition,
                  language: str) -> list[str]:
    """The evidence of one process indicator, as short sentences with ✓ or ✗."""
    name = indicator_label(definition, "name", language)
    lines = []
    numerator, denominator = evidence.pooled
    if denominator:
        # The pooled six months decide (indicators.readiness); a single month under 95 % is shown, not judged.
        share = format_percent(numerator / denominator, language=language)
        key = "overview.spread.process_pooled" if evidence.stable or not evidence.clearly_below else \
            "overview.spread.process_pooled_below"
        mark = "✓ " if evidence.stable else "✗ "
        lines.append(mark + text(key, indicator=name, share=share, numerator=f"{numerator:.0f}",
                                 denominator=f"{denominator:.0f}"))
    if evidence.months_below:
        lines.append("· " + text("overview.spread.process_below", indicator=name,
                                 months=_months(evidence.months_below, language)))
    if evidence.months_missing:
        lines.append("✗ " + text("overview.spread.process_missing", indicator=name,
                                 months=_months(evidence.months_missing, language)))
    if evidence.verdict == "deterioration":
        lines.append("✗ " + text("overview.spread.process_deteriorating", indicator=name))
    if not lines:
        lines.append("✓ " + text("overview.spread.process_ok", indicator=name))
    return lines


def month_line(evidence: ProcessEvidence, language: str) -> str:
    """The six months side by side: maj 26: 97 % · jun. 26: 94 % · …"""
    return " · ".join(
        f"{format_axis_date(month.month, unit='month', language=language)}: "
        f"{'–' if month.share is None else format_percent(month.share, language=language)}"
        for month in evidence.months)


def result_line(evidence: ResultEvidence, definition: IndicatorDefinition, language: str) -> str:
    """The evidence of one result indicator: its signal, or that it meets its goal."""
    name = indicator_label(definition, "name", language)
    mark = palette.VERDICT_MARKS[evidence.verdict]
    if evidence.verdict == "improvement":
        return f"{mark.glyph} " + text("overview.spread.result_improves", indicator=name,
                                       verdict=mark.word(language))
    if evidence.goal_met:
        return "✓ " + text("overview.spread.result_goal", indicator=name)
    return f"{mark.glyph} " + text("overview.spread.result_flat", indicator=name,
                                   verdict=mark.word(language).lower())


def _item(item: Readiness, overview: Overview, definitions: dict[str, IndicatorDefinition],
          names: pd.Series, list_name: str, language: str, today: date) -> None:
    unit = overview.units.set_index("id").loc[item.unit]
    package = str(names.get(item.package, item.package))
    title = text("overview.spread.item", unit=as_text(unit["name"]), package=as_text(package))
    if item.process:
        title += " — " + text("overview.spread.summary", total=len(item.process),
                              stable=sum(evidence.stable for evidence in item.process))
    with st.expander(title, expanded=list_name in ("prototype", "ready")):
        if item.sampling_since is not None:
            st.markdown(text("overview.spread.sampling_since",
                             day=format_date(item.sampling_since, language=language)))
            if item.sampling_at_risk:
                st.warning(text("overview.spread.at_risk"))
        for evidence in item.process:
            definition = definitions[evidence.indicator]
            st.markdown("  \n".join(process_lines(evidence, definition, language)))
            st.caption(month_line(evidence, language))
        if item.results:
            st.markdown("  \n".join(result_line(result, definitions[result.indicator], language)
                                    for result in item.results))
        else:
            st.caption(text("overview.spread.no_result"))
        if not may("sampling.write", int(item.unit)):
            return  # the unit's own team leader (or an administrator) decides the switch
        if list_name == "ready":
            _switch_form(item, unit, package, today, sampling=True)
        elif list_name == "sampling":
            _switch_form(item, unit, package, today, sampling=False)


def _switch_form(item: Readiness, unit: pd.Series, package: str, today: date, *,
                 sampling: bool) -> None:
    key = f"switch-{item.unit}-{item.package}-{sampling}"
    day = st.date_input(text("overview.spread.switch"), value=today, max_value=today,
                        format="DD-MM-YYYY", key=key + "-day")
    label = (text("overview.spread.switch_button", unit=unit["name"], package=package) if sampling
             else text("overview.spread.back_button"))
    if st.button(label, key=key):
        with write_session(database()) as session:
            switch_sampling(int(item.unit), item.package, day, sampling=sampling, session=session,
                            actor=current_actor(), today=today)
        forget_overview()
        done = "overview.spread.switched" if sampling else "overview.spread.back_done"
        announce(NOTICE_PLACE, Notice(text(done, unit=unit["name"], package=package,
                                           day=format_date(day)), icon=None))
        st.rerun()


def show_spread(overview: Overview, *, units: pd.DataFrame, packages: Sequence[str],
                language: str, today: date) -> None:
    """Render the four lists for the chosen units and packages."""
    chosen = [item for item in overview.readiness
              if item.unit in set(units["id"]) and item.package in set(packages)]
    definitions = {definition.code: definition for definition in overview.matrix.indicators}
    names = overview.packages.set_index("code")["name_en" if language == "en" else "name_da"]
    for list_name, items in grouped(chosen).items():
        st.subheader(text(f"overview.spread.{list_name}") + f" ({len(items)})")
        if not items:
            st.caption(text("overview.spread.empty"))
        for item in items:
            _item(item, overview, definitions, names, list_name, language, today)
