"""Ask a tablet for its numeric keypad on a PIN field (Streamlit's text input has no option).

A small script in the page sets `inputmode="numeric"` on the inputs inside the keyed
containers, and again whenever Streamlit draws them anew (a MutationObserver).
"""

from __future__ import annotations

import json

import streamlit as st

from app.focus import focus_selector

_SCRIPT = """
<script>
(() => {
  const selectors = %s;
  const mark = () => selectors.forEach(selector =>
    document.querySelectorAll(selector).forEach(input => {
      if (input.getAttribute("inputmode") !== "numeric") {
        input.setAttribute("inputmode", "numeric");
        input.setAttribute("pattern", "[0-9]*");
      }
    }));
  mark();
  if (window.tavleKeypad) window.tavleKeypad.disconnect();
  window.tavleKeypad = new MutationObserver(mark);
  window.tavleKeypad.observe(document.body, {childList: true, subtree: true});
})();
</script>
"""


def keypad_selectors(keys: list[str]) -> list[str]:
    """Return the CSS selectors of the inputs of the widgets with these keys."""
    return [focus_selector(key, "input") for key in keys]


def numeric_keypad(*keys: str) -> None:
    """Make the text inputs with these widget keys open the numeric keypad on a tablet."""
    st.html(_SCRIPT % json.dumps(keypad_selectors(list(keys))), unsafe_allow_javascript=True)
