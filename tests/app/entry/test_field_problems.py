"""A refused card names the field as the nurse reads it, not the storage's word for it."""

from app.form_problems import as_read
from tests.app.app_pages import elements, number_input, open_page


def test_the_storage_field_name_gives_way_to_the_label():
    assert as_read("tæller: mangler", "Fik alle elementer i uge 49") == (
        "Fik alle elementer i uge 49: mangler")
    assert as_read("mangler", "Note") == "Note: mangler"


def test_a_weekly_card_saved_without_its_count_says_which_field_by_its_label(monkeypatch,
                                                                           demo_database_url):
    app = open_page("entry.py", monkeypatch, demo_database_url, enhed="solbakken")
    at_risk = number_input(app, "af borgere i risiko")
    at_risk.set_value(10)
    save = next(b for b in app.button if b.label == "Gem" and b.form_id == at_risk.form_id)
    app = save.click().run()
    errors = [e.value for e in elements(app.main, "error")]
    assert errors == ["Fik alle elementer i uge 47: mangler"]
    assert not any("tæller" in error for error in errors)
