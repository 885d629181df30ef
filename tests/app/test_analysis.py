"""Diagrammer through Streamlit's AppTest, on a fresh copy of the demo municipality."""

import json
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from db import find_indicator, find_unit, list_annotations, list_baselines, read_session
from reports import unit_chart
from tests.app.app_pages import signed_in
from tests.conftest import DEMO_TODAY

PAGE = str(Path(__file__).resolve().parents[2] / "app" / "views" / "analysis.py")


@pytest.fixture
def open_analysis(monkeypatch, demo_database_url):
    """Return a function that opens the page on a unit and an indicator."""
    monkeypatch.setenv("TAVLE_DATABASE_URL", demo_database_url)
    monkeypatch.setenv("TAVLE_TODAY", DEMO_TODAY.isoformat())

    def open_page(unit: str = "hjemmeplejen-nord", indicator: str = "triage_dagligt") -> AppTest:
        app = signed_in(AppTest.from_file(PAGE, default_timeout=30))
        app.query_params.update({"enhed": unit, "indikator": indicator})
        app.run()
        assert not app.exception
        return app

    return open_page


def stored_model(engine, unit: str, indicator: str, **options):
    """Return the chart model the storage gives for a unit and an indicator."""
    with read_session(engine) as session:
        return unit_chart(find_unit(unit, session=session),
                          find_indicator(indicator, session=session), session=session, actor="system",
                          today=DEMO_TODAY, **options).model


def spec_of(app: AppTest) -> dict:
    """Return the Vega-Lite spec of the page's chart."""
    return json.loads(app.get("vega_lite_chart")[0].proto.spec)


def layer(panel: dict, description: str) -> dict:
    """Return the layer of a panel with this description."""
    return next(part for part in panel["layer"] if part.get("description") == description)


def button(app: AppTest, label: str):
    """Return the one button with this label."""
    matches = [b for b in app.button if b.label == label]
    assert len(matches) == 1, [b.label for b in app.button]
    return matches[0]


def widget(app: AppTest, kind: str, *parts: str):
    """Return the one widget of a kind ("text_input", "button") whose key holds every part."""
    matches = [w for w in getattr(app, kind) if w.key and all(p in w.key for p in parts)]
    assert len(matches) == 1, [w.key for w in getattr(app, kind)]
    return matches[0]


def test_chart_of_the_demo_data_draws_every_point_with_the_stored_verdict(open_analysis,
                                                                           demo_engine):
    app = open_analysis()
    model = stored_model(demo_engine, "hjemmeplejen-nord", "triage_dagligt")
    points = layer(spec_of(app), "points")["data"]["values"]
    assert len(points) == model.points["y"].notna().sum()
    assert {"period", "value", "count", "note"} <= set(points[0])  # what the hover shows
    assert model.verdict.da in app.markdown[0].value
    assert app.table[0].value.shape[0] == len(model.phases)


def test_switching_the_rule_set_changes_the_verdict(open_analysis, demo_engine):
    unit, indicator = "akutteamet", "forebyggelige_indlaeggelser_dage_mellem"
    app = open_analysis(unit, indicator)
    anhoej = stored_model(demo_engine, unit, indicator, rules="anhoej").verdict.da
    ihi = stored_model(demo_engine, unit, indicator, rules="ihi").verdict.da
    assert anhoej != ihi
    assert anhoej in app.markdown[0].value
    app.segmented_control(key="analysis.rules").set_value("ihi").run()
    assert ihi in app.markdown[0].value
    assert any("**Regelsæt: IHI.**" in block.value for block in app.markdown)


def test_the_chart_type_can_be_overridden_with_a_type_that_suits_the_measure(open_analysis):
    app = open_analysis()
    chart = app.selectbox(key="analysis.chart.triage_dagligt")
    assert chart.options[0] == "P-kort (andel) (standard)"
    assert "C-kort (antal)" not in chart.options  # counts, not shares
    chart.set_value("run").run()
    assert "Median" in app.table[0].value.columns


def test_a_phase_without_a_reason_is_refused_next_to_the_field_and_not_saved(open_analysis,
                                                                              demo_engine):
    app = open_analysis()
    widget(app, "date_input", "baseline.", ".day").set_value(date(2025, 11, 3))
    button(app, "Gem").click().run()
    assert [error.value for error in app.error] == ["begrundelse: mangler"]
    with read_session(demo_engine) as session:
        saved = list_baselines(find_unit("hjemmeplejen-nord", session=session),
                               find_indicator("triage_dagligt", session=session).id,
                               session=session, actor="system")
    assert saved.empty


def test_a_phase_saved_with_a_reason_splits_the_chart_and_can_be_removed_and_undone(
        open_analysis, demo_engine):
    app = open_analysis()
    widget(app, "date_input", "baseline.", ".day").set_value(date(2025, 11, 3))
    widget(app, "text_input", "baseline.", ".reason").input("Triage flyttet til morgenmødet")
    button(app, "Gem").click().run()
    assert app.success[0].value == "Skift gemt: ny fase fra 03-11-2025."
    assert widget(app, "text_input", "baseline.", ".reason").value == ""  # ready for the next
    assert len(app.table[0].value) == 2  # two phases in the figures
    with read_session(demo_engine) as session:
        saved = list_baselines(find_unit("hjemmeplejen-nord", session=session),
                               find_indicator("triage_dagligt", session=session).id,
                               session=session, actor="system")
    assert saved[["kind", "date", "reason"]].values.tolist() == [
        ["new_phase", date(2025, 11, 3), "Triage flyttet til morgenmødet"]]

    widget(app, "button", "baseline.", ".remove.").click().run()
    assert len(app.table[0].value) == 1
    button(app, "Fortryd").click().run()
    assert len(app.table[0].value) == 2
    assert app.success[0].value == "Hentet tilbage: Skift fra 03-11-2025."


def test_a_frozen_baseline_is_saved_and_the_help_says_the_centre_line_is_frozen(open_analysis,
                                                                               demo_engine):
    app = open_analysis()
    widget(app, "radio", "baseline.", ".kind").set_value("freeze")
    widget(app, "date_input", "baseline.", ".day").set_value(date(2025, 10, 27))
    widget(app, "text_input", "baseline.", ".reason").input("Før triage på morgenmødet")
    button(app, "Gem").click().run()
    assert app.success[0].value == "Frys gemt: baseline til og med 27-10-2025."
    with read_session(demo_engine) as session:
        saved = list_baselines(find_unit("hjemmeplejen-nord", session=session),
                               find_indicator("triage_dagligt", session=session).id,
                               session=session, actor="system")
    assert saved["kind"].tolist() == ["freeze"]
    assert any("Midtlinjen er frosset" in block.value for block in app.markdown)


def test_a_change_is_added_corrected_and_removed(open_analysis, demo_engine):
    app = open_analysis("solbakken", "tryksaar_bundt")
    with read_session(demo_engine) as session:
        unit_id = find_unit("solbakken", session=session)
        before = len(list_annotations(unit_id, session=session, actor="system"))
    widget(app, "text_input", "annotation.", ".new.text").input("Ny madras-tjekliste")
    button(app, "Tilføj").click().run()
    assert app.success[0].value == f"Ændringen den {DEMO_TODAY:%d-%m-%Y} er tilføjet."
    labels = layer(spec_of(app), "annotations")["data"]["values"]
    assert "Ny madras-tjekliste" in [label["text"] for label in labels]
    with read_session(demo_engine) as session:
        notes = list_annotations(unit_id, session=session, actor="system")
    assert len(notes) == before + 1
    added = int(notes[notes["text"] == "Ny madras-tjekliste"]["id"].iloc[0])

    widget(app, "text_input", f".edit.{added}.text").input("Ny madras-tjekliste i alle stuer")
    widget(app, "button", f".edit.{added}").click().run()
    with read_session(demo_engine) as session:
        notes = list_annotations(unit_id, session=session, actor="system")
    assert "Ny madras-tjekliste i alle stuer" in notes["text"].tolist()

    widget(app, "button", "annotation.solbakken.", f".remove.{added}").click().run()
    with read_session(demo_engine) as session:
        assert len(list_annotations(unit_id, session=session, actor="system")) == before
    assert "Ny madras-tjekliste i alle stuer" in app.info[0].value
    button(app, "Fortryd").click().run()
    with read_session(demo_engine) as session:
        assert len(list_annotations(unit_id, session=session, actor="system")) == before + 1


def test_a_change_that_looks_like_a_cpr_number_is_refused_under_the_text(open_analysis,
                                                                         demo_engine):
    app = open_analysis()
    widget(app, "text_input", ".new.text").input("Borger 010203-1234 faldt")
    button(app, "Tilføj").click().run()
    assert ["tekst: ligner et CPR-nummer; personoplysninger hører ikke hjemme i Tavle"] == [
        error.value for error in app.error]
    with read_session(demo_engine) as session:
        notes = list_annotations(find_unit("hjemmeplejen-nord", session=session),
                                 session=session, actor="system")
    assert not notes["text"].str.contains("010203").any()


def test_several_units_are_compared_as_small_multiples_on_shared_axes(open_analysis):
    app = open_analysis()
    app.multiselect(key="analysis.units").set_value(["hjemmeplejen-nord", "solbakken"]).run()
    assert not app.exception
    panels = spec_of(app)["vconcat"][0]["concat"]
    assert [panel["title"]["text"] for panel in panels] == ["Hjemmeplejen Nord",
                                                            "Plejecenter Solbakken"]
    assert panels[0]["encoding"]["y"]["scale"] == panels[1]["encoding"]["y"]["scale"]
    assert set(app.table[0].value["Enhed"]) == {"Hjemmeplejen Nord", "Plejecenter Solbakken"}


def test_the_data_can_be_downloaded_as_csv_and_excel(open_analysis):
    app = open_analysis()
    labels = [b.proto.label for b in app.get("download_button")]
    assert labels == ["Hent data (CSV)", "Hent data (Excel)"]
