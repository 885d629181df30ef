"""The chart's "Om målingen": its måleplan (what is counted, source, collection, sample, owner)."""

from __future__ import annotations

import streamlit as st

from app.language import translate
from app.plain_text import as_text
from indicators import IndicatorDefinition
from reports import measure_plan


def show_measure_plan(definition: IndicatorDefinition, *, language: str) -> None:
    """Show the indicator's måleplan folded under the chart, when it has one."""
    plan = measure_plan(definition, language=language)
    if not plan:
        return
    with st.expander(translate("chart.plan", language), icon=":material/info:"):
        st.markdown("\n".join(f"- **{as_text(label)}:** {as_text(text)}" for label, text in plan))
