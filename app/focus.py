"""Move the keyboard focus to where the action went (Streamlit draws a new element unfocused).

After "Nyt tryksår" opens its confirmation, focus would drop to the page and a keyboard
user would Tab through every card again to reach "Ja, registrér"; a small script puts
the focus in the confirmation's first field instead.
"""

from __future__ import annotations

import json
import re

import streamlit as st

_SCRIPT = """
<script>
(() => {
  const selector = %s;
  let tries = 0;
  const focus = () => {  // the element may be drawn a moment after this script runs
    const element = document.querySelector(selector);
    if (element) { element.focus(); return; }
    if (++tries < 40) setTimeout(focus, 50);
  };
  focus();
})();
</script>
"""


def focus_selector(key: str, element: str = "input") -> str:
    """Return the CSS selector of the element (input, button) of the widget with this key."""
    # Streamlit's own rule for the class a keyed widget's container gets.
    return f".st-key-{re.sub(r'[^a-zA-Z0-9_-]', '-', key.strip())} {element}"


def focus_on(key: str, element: str = "input") -> None:
    """Put the keyboard focus on the widget with this key once it is drawn."""
    st.html(_SCRIPT % json.dumps(focus_selector(key, element)), unsafe_allow_javascript=True)
