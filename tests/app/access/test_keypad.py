"""The PIN field asks the tablet for its numeric keypad."""

from app.access.keypad import keypad_selectors


def test_a_widget_key_becomes_the_class_streamlit_gives_its_container():
    assert keypad_selectors(["signin.pin_field"]) == [".st-key-signin-pin_field input"]
    assert keypad_selectors(["a b/c"]) == [".st-key-a-b-c input"]
