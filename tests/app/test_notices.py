"""One notice per change, shown where it was made, with an Undo that reverses it and says so."""

from streamlit.testing.v1 import AppTest


def counter_page():
    """A page with a counter: "Add one" can be undone, the other buttons say things elsewhere."""
    from functools import partial

    import streamlit as st

    from app.notices import Notice, Reversal, announce, forget_notice, show_notice
    from db import NotFoundError

    def take_back(amount: int) -> None:
        st.session_state["count"] -= amount

    def refuse() -> None:
        raise NotFoundError("Tallet findes ikke længere.", "The number is gone.")

    st.session_state.setdefault("count", 0)
    show_notice("counter")
    st.text_input("Name", key="name")
    st.markdown(f"count {st.session_state['count']}")
    if st.button("Add one"):
        st.session_state["count"] += 1
        announce("counter", Notice("Added one."),
                 undo=Reversal(partial(take_back, 1), Notice("Took one back.", tone="info")))
        st.rerun()
    if st.button("Add the name's one"):
        st.session_state["count"] += 1
        announce("counter", Notice("Added the name's one."), clear=["name"],
                 undo=Reversal(partial(take_back, 1), Notice("Took one back.", tone="info")))
        st.rerun()
    if st.button("Add one that cannot be undone"):
        st.session_state["count"] += 1
        announce("counter", Notice("Added one for good."),
                 undo=Reversal(refuse, Notice("Never said.")))
        st.rerun()
    if st.button("Save the name"):
        announce("counter", Notice("Name saved."), clear=["name"])
        st.rerun()
    if st.button("Change elsewhere"):
        announce("elsewhere", Notice("Changed elsewhere."))
        st.rerun()
    if st.button("Start another change"):
        forget_notice()
    st.button("Nothing")
    with st.sidebar:
        show_notice("elsewhere")


def opened() -> AppTest:
    app = AppTest.from_function(counter_page, default_timeout=30)
    return app.run()


def press(app: AppTest, label: str) -> AppTest:
    (button,) = [b for b in app.button if b.label == label]
    return button.click().run()


def undo_buttons(app: AppTest, label: str = "Fortryd") -> list:
    return [b for b in app.button if b.label == label]


def count(app: AppTest) -> str:
    return next(m.value for m in app.markdown if m.value.startswith("count"))


def test_a_change_announced_with_an_undo_shows_its_sentence_and_one_undo_button():
    app = press(opened(), "Add one")
    assert not app.exception
    assert [s.value for s in app.success] == ["Added one."]
    assert len(undo_buttons(app)) == 1
    assert count(app) == "count 1"


def test_pressing_undo_reverses_the_change_says_so_and_takes_the_button_away():
    app = press(press(opened(), "Add one"), "Fortryd")
    assert count(app) == "count 0"
    assert [i.value for i in app.info] == ["Took one back."]
    assert not app.success and not undo_buttons(app)


def test_the_undo_stays_over_other_runs_until_it_is_pressed():
    app = press(press(press(opened(), "Add one"), "Nothing"), "Nothing")
    assert [s.value for s in app.success] == ["Added one."]
    assert len(undo_buttons(app)) == 1


def test_a_notice_without_undo_is_shown_once():
    app = press(opened(), "Save the name")
    assert [s.value for s in app.success] == ["Name saved."]
    assert not undo_buttons(app)
    assert not press(app, "Nothing").success


def test_a_notice_is_shown_only_where_its_change_was_made():
    app = press(opened(), "Change elsewhere")
    assert [s.value for s in app.sidebar.success] == ["Changed elsewhere."]
    assert not app.main.success


def test_the_next_change_replaces_the_last_ones_undo():
    app = press(press(opened(), "Add one"), "Save the name")
    assert [s.value for s in app.success] == ["Name saved."]
    assert not undo_buttons(app)


def test_starting_another_change_forgets_the_last_ones_undo():
    app = press(press(opened(), "Add one"), "Start another change")
    app = press(app, "Nothing")
    assert not app.success and not undo_buttons(app)
    assert count(app) == "count 1"


def test_a_refused_undo_says_why_and_changes_nothing():
    app = press(press(opened(), "Add one that cannot be undone"), "Fortryd")
    assert [e.value for e in app.error] == ["Tallet findes ikke længere."]
    assert count(app) == "count 1"
    assert not undo_buttons(app)


def test_a_refused_undo_says_why_in_the_readers_language_only():
    app = AppTest.from_function(counter_page, default_timeout=30)
    app.query_params["lang"] = "en"
    app = press(press(app.run(), "Add one that cannot be undone"), "Undo")
    assert [e.value for e in app.error] == ["The number is gone."]
    assert not undo_buttons(app, "Undo")


def test_fields_named_to_clear_are_emptied_before_they_are_drawn():
    app = opened()
    app.text_input(key="name").input("Anna")
    app = press(app, "Save the name")
    assert app.text_input(key="name").value == ""


def test_a_field_is_emptied_once_while_its_changes_undo_stays():
    app = opened()
    app.text_input(key="name").input("Anna")
    app = press(app, "Add the name's one")
    assert app.text_input(key="name").value == ""
    app.text_input(key="name").input("Bo")
    app = press(app, "Nothing")
    assert app.text_input(key="name").value == "Bo"  # what is typed next is kept
    assert len(undo_buttons(app)) == 1
