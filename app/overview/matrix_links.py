"""The overview matrix on the page, where a click on a cell opens its chart in the same session.

A plain link would load the Diagrammer page anew: a new Streamlit session, so a
signed-in manager would be asked to sign in again. The matrix is therefore shown
by a small custom component that keeps the cells' real links (a middle click or
"open in new tab" still works, and a screen reader announces links) but turns an
ordinary click, or Enter on a focused cell, into a trigger Python reads after
mounting; the page then switches to the chart in the same session.
"""

from __future__ import annotations

from collections.abc import Collection

import streamlit as st

from app.analysis.choices import INDICATOR_PARAMETER
from app.language import DEFAULT_LANGUAGE
from app.navigation import VIEWS
from app.overview.matrix_table import MATRIX_CSS
from app.unit_picker import UNIT_PARAMETER

OPEN_TRIGGER = "open"
MATRIX_KEY = "overview_matrix"

# Runs in the browser each time the matrix's HTML arrives (a filter changed). A click
# with a modifier key is left to the browser (new tab or window); the middle button
# fires no click at all. Enter on a focused link fires a click, so the keyboard is covered.
OPEN_ON_CLICK = f"""
export default function ({{ data, parentElement, setTriggerValue }}) {{
  let root = parentElement.querySelector(":scope > .tavle-overview-root");
  if (!root) {{
    root = document.createElement("div");
    root.className = "tavle-overview-root";
    parentElement.appendChild(root);
  }}
  if (root.tavleHtml !== data.html) {{  // redraw only what changed, keeping the scroll position
    root.innerHTML = data.html;
    root.tavleHtml = data.html;
  }}
  const open = (event) => {{
    const link = event.target.closest("a[data-unit][data-indicator]");
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey
        || event.altKey) {{
      return;
    }}
    event.preventDefault();
    setTriggerValue("{OPEN_TRIGGER}", {{unit: link.dataset.unit, indicator: link.dataset.indicator}});
  }};
  root.addEventListener("click", open);
  return () => root.removeEventListener("click", open);
}}
"""

# Declared once, at import: a registration, not state. Not style-isolated, so the
# matrix takes the app's fonts and table styles as the plain HTML did.
_matrix_component = st.components.v2.component(
    "tavle_overview_matrix", css=MATRIX_CSS, js=OPEN_ON_CLICK, isolate_styles=False)


def _read_after_mounting() -> None:
    """Nothing: the page reads the trigger from the mounted result (no page switch in a callback)."""


def chosen_cell(payload: object, *, linked: Collection[tuple[str, str]]) -> tuple[str, str] | None:
    """The (unit code, indicator code) a click sent, if the matrix shows that cell; else None."""
    # The browser sends whatever its script (or a crafted request) says: check it at the door.
    if not isinstance(payload, dict):
        return None
    cell = (payload.get("unit"), payload.get("indicator"))
    if not all(isinstance(code, str) for code in cell):
        return None
    return cell if cell in linked else None


def show_matrix(html: str, *, linked: Collection[tuple[str, str]], language: str) -> None:
    """Show the matrix; when a shown cell was clicked, open its chart on the Diagrammer page."""
    result = _matrix_component(key=MATRIX_KEY, data={"html": html},
                               on_open_change=_read_after_mounting)
    cell = chosen_cell(getattr(result, OPEN_TRIGGER), linked=linked)
    if cell is None:
        return
    unit, indicator = cell
    parameters = {UNIT_PARAMETER: unit, INDICATOR_PARAMETER: indicator}
    if language != DEFAULT_LANGUAGE:
        parameters["lang"] = language
    st.switch_page(VIEWS / "analysis.py", query_params=parameters)
