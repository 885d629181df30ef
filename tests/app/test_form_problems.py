"""A refused save's problems: kept per form, each under the field it names, the rest apart."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def form_page() -> None:
    """A form with a name field whose save is refused once, on the first run, in two ways."""
    import streamlit as st

    from app.form_problems import (
        remember_problems,
        show_field_problems,
        show_other_problems,
        show_other_problems_once,
    )
    from db import NotFoundError, Problem, ValidationError

    language = st.session_state.get("language", "da")
    if not st.session_state.get("refused"):
        st.session_state["refused"] = True
        remember_problems("unit", ValidationError([
            Problem(None, "name", "navn: mangler", "name: missing"),
            Problem(None, "kind", "type: ukendt", "kind: unknown")]))
        remember_problems("link", NotFoundError("Linket findes ikke.", "The link does not exist."))
    with st.container(key="name"):
        st.text_input("Navn")
        show_field_problems("unit", "name", language)
    with st.container(key="rest"):
        show_other_problems("unit", ("name",), language)
    with st.container(key="link"):
        show_other_problems_once("link", (), language)


def test_each_problem_shows_under_the_field_it_names_and_the_rest_apart():
    app = AppTest.from_function(form_page).run()
    assert [e.value for e in app.main.children[0].get("error")] == ["navn: mangler"]
    assert [e.value for e in app.main.children[1].get("error")] == ["type: ukendt"]


def test_a_refusal_about_no_field_is_one_problem_in_the_language_asked():
    app = AppTest.from_function(form_page)
    app.session_state["language"] = "en"
    app.run()
    assert [e.value for e in app.main.children[2].get("error")] == ["The link does not exist."]
    assert [e.value for e in app.main.children[0].get("error")] == ["name: missing"]


def test_problems_are_kept_across_runs_unless_shown_once():
    app = AppTest.from_function(form_page).run().run()
    assert [e.value for e in app.main.children[0].get("error")] == ["navn: mangler"]
    assert app.main.children[2].get("error") == []
