"""The app's pages and their order in the navigation."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from app.board_page import board_page
from app.language import text

VIEWS = Path(__file__).resolve().parent / "views"

# (file under views/, string key of its title, Material icon, url path)
PAGES: list[tuple[str, str, str, str]] = [
    ("home.py", "nav.home", ":material/home:", "forside"),
    ("entry.py", "nav.entry", ":material/edit_note:", "registrer"),
    ("board.py", "nav.board", ":material/dashboard:", "tavle"),
    ("overview.py", "nav.overview", ":material/grid_view:", "overblik"),
    ("analysis.py", "nav.analysis", ":material/monitoring:", "diagrammer"),
    ("report_page.py", "nav.reports", ":material/picture_as_pdf:", "rapporter"),
    ("admin.py", "nav.admin", ":material/settings:", "administration"),
]


BOARD_PAGE = "board.py"
KIOSK_PATH = "vaegskaerm"


def build_navigation(*, kiosk: bool = False) -> st.navigation:
    """Return the navigation with every page titled in the visitor's language.

    A wall screen (kiosk) gets the board alone, whatever the path, and no menu.
    """
    if kiosk:
        filename, key, icon, url_path = next(p for p in PAGES if p[0] == BOARD_PAGE)
        # The board answers both at its own path and at the root (Streamlit serves the
        # default page at "/" only, and one file cannot be two pages).
        board = st.Page(VIEWS / filename, title=text(key), icon=icon, url_path=url_path)
        root = st.Page(board_page, title=text(key), icon=icon, url_path=KIOSK_PATH,
                       default=True)
        return st.navigation([root, board], position="hidden")
    pages = [
        st.Page(VIEWS / filename, title=text(key), icon=icon, url_path=url_path,
                default=(filename == "home.py"))
        for filename, key, icon, url_path in PAGES
    ]
    return st.navigation(pages)
