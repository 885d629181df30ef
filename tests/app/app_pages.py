"""Open a page of the app in Streamlit's AppTest on a fresh copy of the demo municipality."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from app.access.identity import USER_KEY
from db import DEMO_USERS, SignedIn
from tests.conftest import DEMO_TODAY

MAIN = Path(__file__).resolve().parents[2] / "app" / "main.py"
VIEWS = MAIN.parent / "views"


def signed_in(app: AppTest, username: str = "demo-admin") -> AppTest:
    """Sign a demo user in to app's session, as the sign-in page does (default: the admin)."""
    role, name = next((role, name) for user, role, name, _ in DEMO_USERS if user == username)
    app.session_state[USER_KEY] = SignedIn(username, name, role, True, "password")
    return app


def open_page(page: str, monkeypatch, database_url: str, *, as_user: str | None = "demo-admin",
              **parameters: str) -> AppTest:
    """Run the app on page ("entry.py", "board.py", ...) with URL parameters, as on DEMO_TODAY.

    as_user: the demo user signed in (None: nobody, so the sign-in page shows).
    """
    monkeypatch.setenv("TAVLE_DATABASE_URL", database_url)
    monkeypatch.setenv("TAVLE_TODAY", DEMO_TODAY.isoformat())
    app = AppTest.from_file(str(MAIN), default_timeout=60)
    if as_user is not None:
        signed_in(app, as_user)
    for name, value in parameters.items():
        app.query_params[name] = value
    if page == "home.py":  # the default page, and a kiosk URL's only one
        return app.run()
    # The navigation registers the pages on the first run; then a page can be switched to.
    with monkeypatch.context() as first_run:
        first_run.setenv("TAVLE_DATABASE_URL", database_url)
        app.run()
    app.switch_page(str(VIEWS / page))
    return app.run()


def open_kiosk(monkeypatch, database_url: str, **parameters: str) -> AppTest:
    """Run the app at a wall-screen URL: the board is its only page, shown at once."""
    return open_page("home.py", monkeypatch, database_url, **parameters)


def elements(node, kind: str) -> list:
    """Return every element of a kind ("vega_lite_chart", "error", ...) below node, in order."""
    found = []
    for child in getattr(node, "children", {}).values():
        if child.type == kind:
            found.append(child)
        found += elements(child, kind)
    return found


def block_holding(node, label: str, kind: str = "number_input", index: int = 0):
    """Return the index-th innermost block whose own children include the input labelled label."""
    return _blocks_holding(node, label, kind)[index]


def _blocks_holding(node, label: str, kind: str) -> list:
    found = []
    for child in getattr(node, "children", {}).values():
        found += _blocks_holding(child, label, kind)
    own = getattr(node, "children", {}).values()
    if any(child.type == kind and getattr(child, "label", None) == label for child in own):
        found.append(node)
    return found


def button(app: AppTest, label: str, index: int = 0):
    """Return the index-th button (or form submit button) with this label."""
    return [b for b in app.button if b.label == label][index]


def number_input(app: AppTest, label: str, index: int = 0):
    """Return the index-th number input with this label."""
    return [n for n in app.number_input if n.label == label][index]
