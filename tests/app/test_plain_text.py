"""Text people typed is shown as text: no link, image, emphasis or HTML from a unit name or a URL."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.plain_text import as_text
from db import find_unit, make_engine, rename_unit, write_session
from tests.app.app_pages import open_kiosk, open_page

HOSTILE = "![x](https://sporpixel.example/p.png) [Klik](https://ondt.example) **fed** <b>:red[rød]</b>"
# A character Markdown, HTML or Streamlit's shortcodes read, not escaped by a backslash.
UNESCAPED = re.compile(r"(?<!\\)(?:\\\\)*[\[\]()!*_<>:`#|~$&]")


def unescaped(markdown: str) -> list[str]:
    return UNESCAPED.findall(markdown)


@given(st.text())
def test_escaped_text_reads_back_as_typed_on_one_line(typed):
    shown = as_text(typed)
    assert not unescaped(shown)
    assert re.sub(r"\\(.)", r"\1", shown) == " ".join(typed.splitlines())


def test_an_unknown_kiosk_code_is_shown_as_text(monkeypatch, demo_database_url):
    app = open_kiosk(monkeypatch, demo_database_url, enheder=f"solbakken,{HOSTILE}")
    message = app.error[0].value
    assert "sporpixel" in message and not unescaped(message.split("Enheden ", 1)[1]
                                                       .split(" findes ikke")[0])


@pytest.mark.parametrize("page", ["home.py", "board.py"])
def test_a_unit_name_with_markdown_is_shown_as_text(monkeypatch, demo_database_url, page):
    engine = make_engine(demo_database_url)
    with write_session(engine) as session:
        rename_unit(find_unit("solbakken", session=session), HOSTILE, session=session,
                    actor="system:test")
    engine.dispose()
    app = open_page(page, monkeypatch, demo_database_url, as_user="demo-admin",
                    enhed="solbakken")
    shown = [e.value for e in [*app.markdown, *app.title] if "sporpixel" in e.value]
    assert shown
    for value in shown:
        assert "](https" not in value and "\\!\\[x\\]" in value
