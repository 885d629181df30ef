"""The app's CSS: touch targets for tablets, the board read from 3 metres, kiosk without chrome.

Streamlit gives every container made with `key=` the class `st-key-<key>`; the
grids below hang on those classes, so the layout answers the screen's width
(two cards or counters side by side where they fit, one where they do not).
Charts stand in Streamlit's own columns instead: Vega measures its container,
and a CSS grid cell has no width yet when it does.
"""

from __future__ import annotations

import streamlit as st

from reports import palette

# WCAG 2.1 success criterion 2.5.5 asks 44 × 44 CSS px for a target; platform guidelines
# (Material, Apple) ask 48, which also suits gloved or hurried fingers on a ward tablet.
TOUCH_TARGET_PX = 48
# Captions' grey: 7.0:1 on white (the palette's control-limit grey).
CAPTION_GREY = palette.LIMIT.colour
# The "✓ i dag" mark on a card already filled: dark green on pale green, 8.9:1.
DONE_TEXT = "#1B5E20"
DONE_BACKGROUND = "#E8F5E9"
# The smallest text on the board and the wall screen, read from 3 metres (20 px).
WALL_TEXT = "1.25rem"
# Containers the CSS lays out as grids (their keys).
ENTRY_CARDS = "entry-cards"
BOARD_COUNTERS = "board-counters"

# Streamlit fades captions (opacity 0.6) to 2.8:1 on white; WCAG 2.1 success criterion 1.4.3
# (AA) asks 4.5:1 for text, so captions are drawn solid in the palette's darker grey.
_READABLE = f"""
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p {{
  color: {CAPTION_GREY} !important; opacity: 1 !important;
}}
/* A heading's hidden link icon is a tab stop that leads nowhere useful: out of the page. */
[data-testid="stHeaderActionElements"] {{ display: none !important; }}
"""

_TOUCH = f"""
[data-testid="stMainBlockContainer"] {{ padding-top: 3rem; }}
.stButton button, .stFormSubmitButton button, .stDownloadButton button,
[data-testid="stPageLink"] a {{
  min-height: {TOUCH_TARGET_PX}px; min-width: {TOUCH_TARGET_PX}px; font-size: 1.1rem;
}}
.stNumberInput input, .stTextInput input, .stDateInput input {{
  min-height: {TOUCH_TARGET_PX}px; font-size: 1.25rem;
}}
[data-testid="stNumberInputStepUp"], [data-testid="stNumberInputStepDown"] {{
  min-width: {TOUCH_TARGET_PX}px; min-height: {TOUCH_TARGET_PX}px;
}}
.stSelectbox input, .stSelectbox button, [data-testid="stDateInputCalendarButton"] {{
  min-height: {TOUCH_TARGET_PX}px; font-size: 1.1rem;
}}
/* Streamlit fixes its fields' frames at 40 px; let them grow round the taller targets. */
.stNumberInput > div, [data-testid="stNumberInputContainer"],
[data-testid="stNumberInputContainer"] > div, .stSelectbox > div, .stSelectbox > div > div,
.stDateInput > div, [data-testid="stDateInputField"] {{
  height: auto !important; min-height: {TOUCH_TARGET_PX}px; align-items: center;
}}
.stButton button p, .stFormSubmitButton button p, [data-testid="stPageLink"] a p {{
  font-size: 1.15rem;
}}
.stSelectbox button, [data-testid="stDateInputCalendarButton"] {{ min-width: {TOUCH_TARGET_PX}px; }}
.stNumberInput label p, .stTextInput label p, .stDateInput label p, .stSelectbox label p {{
  font-size: 1.05rem;
}}
/* The name buttons of the tablet's PIN sign-in, the show-password eye, the expander's
   heading and the arrow that opens the menu: each a whole target, not a 16-28 px glyph. */
[data-testid="stButtonGroup"] button {{
  min-height: {TOUCH_TARGET_PX}px; min-width: {TOUCH_TARGET_PX * 2}px; padding: 0.4rem 1.2rem;
}}
[data-testid="stButtonGroup"] button p {{ font-size: 1.2rem; }}
.stTextInput button, [data-testid="stExpandSidebarButton"], [data-testid="stSidebarCollapseButton"] button,
[data-testid="stBaseButton-headerNoPadding"] {{
  min-width: {TOUCH_TARGET_PX}px !important; min-height: {TOUCH_TARGET_PX}px !important;
}}
[data-testid="stExpander"] summary {{ min-height: {TOUCH_TARGET_PX}px; }}
.st-key-{ENTRY_CARDS} {{
  display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 1rem;
}}
.st-key-{ENTRY_CARDS} > div {{ width: auto !important; }}
.stMarkdown p.tavle-done {{
  display: inline-block; margin: 0; padding: 0.1rem 0.7rem; border-radius: 999px;
  background: {DONE_BACKGROUND}; color: {DONE_TEXT}; font-weight: 700; font-size: 1.05rem;
}}
"""

_BOARD = f"""
.stMarkdown p.tavle-date {{ font-size: 1.5rem; color: #262626; margin: 0; }}
.st-key-{BOARD_COUNTERS} {{
  display: grid; grid-template-columns: repeat(auto-fit, minmax(360px, 1fr)); gap: 1rem;
}}
.st-key-{BOARD_COUNTERS} > div {{ width: auto !important; }}
.tavle-counter {{
  display: flex; align-items: center; gap: 1.2rem; border: 3px solid currentColor;
  border-radius: 12px; padding: 0.3rem 1.2rem; background: #FFFFFF;
}}
.tavle-counter-number {{ font-size: 4.8rem; font-weight: 700; line-height: 1.1; min-width: 2ch; }}
.tavle-counter-label {{ font-size: 1.3rem; color: #262626; line-height: 1.3; }}
.tavle-counter-event {{ font-size: 1.6rem; font-weight: 700; color: #262626; line-height: 1.3; }}
.tavle-counter-goal {{ font-size: 1.3rem; font-weight: 700; line-height: 1.4; }}
.stMarkdown h3.tavle-chart-title {{ font-size: 1.75rem; font-weight: 700; padding: 0; margin: 0.6rem 0 0 0; color: #262626; }}
.stMarkdown p.tavle-verdict {{ font-size: 1.35rem; line-height: 1.35; margin: 0.15rem 0 0 0; }}
.stMarkdown p.tavle-latest {{ font-size: 1.25rem; color: #262626; margin: 0.1rem 0 0 0; }}
.tavle-legend {{
  list-style: none; display: flex; flex-wrap: wrap; gap: 0.3rem 1.4rem; padding: 0;
  margin: 0.4rem 0 0 0; font-size: {WALL_TEXT}; color: #262626;
}}
.stMarkdown .tavle-legend li {{ display: flex; align-items: center; gap: 0.4rem; margin: 0; font-size: {WALL_TEXT}; }}
.stMarkdown ol.tavle-changes {{
  list-style: none; padding: 0; margin: -0.6rem 0 0 0; color: {palette.ANNOTATION.colour};
  display: flex; flex-wrap: wrap; gap: 0 1.4rem;
}}
.stMarkdown ol.tavle-changes li {{ font-size: {WALL_TEXT}; line-height: 1.3; margin: 0; padding: 0; }}
.tavle-change-number {{
  display: inline-block; min-width: 1.6em; font-weight: 700; text-align: center;
  border: 2px solid currentColor; border-radius: 6px; margin-right: 0.3rem;
}}
/* The board page's own controls and notes, read from across the meeting room. */
.stMarkdown p.tavle-date, [data-testid="stCaptionContainer"] p {{ font-size: {WALL_TEXT}; }}
.stButton button p, [data-testid="stPageLink"] a p {{ font-size: {WALL_TEXT}; }}
.stButton button, [data-testid="stPageLink"] a {{ min-height: 48px; }}
.tavle-sr-only {{
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap;
}}
.tavle-new {{
  display: inline-block; background: {palette.IMPROVEMENT.colour}; color: #FFFFFF;
  border-radius: 6px; padding: 0 0.5rem; margin-left: 0.6rem; font-size: {WALL_TEXT};
  vertical-align: middle; letter-spacing: 0.05em;
}}
"""

# Streamlit's wide layout keeps 5 rem on each side; a matrix of 20-odd columns needs them.
_WIDE = """
[data-testid="stMainBlockContainer"] { padding-left: 1.5rem !important; padding-right: 1.5rem !important; }
"""

# Everything Streamlit draws around the content: header, toolbar, sidebar and its handle.
_KIOSK = """
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], [data-testid="stStatusWidget"], footer {
  display: none !important;
}
[data-testid="stMainBlockContainer"] { padding: 0.5rem 1.5rem 0 1.5rem !important; max-width: 100% !important; }
.stMarkdown h1, [data-testid="stHeading"] h1 { padding: 0 !important; }
[data-testid="stAppViewContainer"], [data-testid="stMain"] { overflow: hidden !important; }
"""


def use_touch_targets() -> None:
    """Make every button and input at least TOUCH_TARGET_PX tall and lay the cards out."""
    st.html(f"<style>{_READABLE}{_TOUCH}</style>")


def use_readable_captions() -> None:
    """Draw captions in a grey that reads at 4.5:1 (pages without touch targets or the board)."""
    st.html(f"<style>{_READABLE}</style>")


def use_board_styles() -> None:
    """Style the board for a wall screen read from 3 metres."""
    st.html(f"<style>{_READABLE}{_BOARD}</style>")


def use_wide_page() -> None:
    """Give a wide table the page's side margins too (the overview matrix at 1440 px)."""
    st.html(f"<style>{_READABLE}{_WIDE}</style>")


def hide_chrome() -> None:
    """Hide Streamlit's header, toolbar and sidebar and keep the page from scrolling (kiosk)."""
    st.html(f"<style>{_KIOSK}</style>")
