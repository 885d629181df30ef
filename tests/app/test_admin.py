"""Administration through Streamlit's AppTest, on a fresh copy of the demo municipality."""

import sqlite3
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from db import (
    export_rows,
    find_indicator,
    find_unit,
    list_events,
    list_unit_indicators,
    list_units,
    read_session,
    unit_exposure,
)
from tests.app.app_pages import signed_in
from tests.conftest import DEMO_TODAY

PAGE = str(Path(__file__).resolve().parents[2] / "app" / "views" / "admin.py")
# Row 2 has more citizens triaged than there were; row 3 has no date a calendar knows.
BAD_FILE = ("enhed;indikator;dato;tæller;nævner\n"
            "solbakken;tryksaar_bundt;02-11-2026;30;20\n"
            "solbakken;tryksaar_bundt;99-99-2026;20;20\n").encode()
GOOD_FILE = ("enhed;indikator;dato;note;art\n"
             "solbakken;tryksaar_dage_mellem;20-11-2026;Hæl, kategori 2;hændelse\n"
             "solbakken;alle;21-11-2026;Ny madras på alle stuer;ændring\n").encode()


@pytest.fixture
def admin(monkeypatch, demo_database_url) -> AppTest:
    """Return the administration page, opened on the demo municipality."""
    monkeypatch.setenv("TAVLE_DATABASE_URL", demo_database_url)
    monkeypatch.setenv("TAVLE_TODAY", DEMO_TODAY.isoformat())
    app = signed_in(AppTest.from_file(PAGE, default_timeout=30)).run()
    assert not app.exception
    return app


def button(app: AppTest, label: str):
    """Return the one button with this label."""
    matches = [b for b in app.button if b.label == label]
    assert len(matches) == 1, [b.label for b in app.button]
    return matches[0]


def unit_names(engine) -> list[str]:
    """Return the names of the live units."""
    with read_session(engine) as session:
        return list_units(session=session)["name"].tolist()


def test_a_new_unit_is_created_under_an_area_and_shown_in_the_tree(admin, demo_engine):
    admin.text_input(key="admin.units.create.name").input("Plejecenter Havbrisen")
    button(admin, "Opret").click().run()
    assert admin.success[0].value == "Plejecenter Havbrisen er oprettet."
    with read_session(demo_engine) as session:
        units = list_units(session=session).set_index("code")
    assert units.at["plejecenter-havbrisen", "path"] == \
        "Demo Kommune / Område Nord / Plejecenter Havbrisen"
    assert "Plejecenter Havbrisen · enhed" in admin.markdown[1].value


def test_a_unit_without_a_name_is_refused_under_the_name_field(admin, demo_engine):
    before = unit_names(demo_engine)
    button(admin, "Opret").click().run()
    assert [error.value for error in admin.error] == ["navn: mangler"]
    assert unit_names(demo_engine) == before
    assert not admin.run().error  # said once, like the page's other notices


def test_a_renamed_unit_keeps_its_code_and_data(admin, demo_engine):
    with read_session(demo_engine) as session:
        unit_id = find_unit("solbakken", session=session)
    admin.selectbox(key="admin.units.pick").set_value(unit_id).run()
    admin.text_input(key=f"admin.units.rename.{unit_id}.name").input("Solbakken Plejecenter")
    button(admin, "Omdøb").click().run()
    assert "Solbakken Plejecenter" in unit_names(demo_engine)
    with read_session(demo_engine) as session:
        assert find_unit("solbakken", session=session) == unit_id


def test_a_deleted_unit_comes_back_with_undo(admin, demo_engine):
    with read_session(demo_engine) as session:
        unit_id = find_unit("akutteamet", session=session)
    admin.selectbox(key="admin.units.pick").set_value(unit_id).run()
    button(admin, "Slet enheden").click().run()
    assert "Akutteamet" not in unit_names(demo_engine)
    assert "~~Akutteamet~~" in admin.markdown[1].value
    button(admin, "Fortryd").click().run()
    assert "Akutteamet" in unit_names(demo_engine)


def test_an_acute_team_switched_to_resident_days_goes_back_with_undo(admin, demo_engine):
    with read_session(demo_engine) as session:
        unit_id = find_unit("akutteamet", session=session)
    admin.selectbox(key="admin.units.pick").set_value(unit_id).run()
    choice = admin.selectbox(key=f"admin.units.exposure.{unit_id}.choice")
    assert choice.options[:2] == ["Som ovenover (sengedage)", "sengedage"]
    choice.set_value("beboerdoegn")
    button(admin, "Gem nævneren").click().run()
    assert admin.success[0].value == "Akutteamet tæller nu rater pr. 1000 beboerdøgn."

    def exposure():
        with read_session(demo_engine) as session:
            return unit_exposure(unit_id, session=session)
    assert exposure() == "beboerdoegn"
    button(admin, "Fortryd").click().run()
    assert exposure() == "sengedage"


def test_an_indicator_ticked_for_a_unit_joins_its_board(admin, demo_engine):
    with read_session(demo_engine) as session:
        unit_id = find_unit("solbakken", session=session)
        oral = find_indicator("mundpleje_screenet", session=session).id
        before = [i.id for i in list_unit_indicators(unit_id, session=session)]
    admin.selectbox(key="admin.unit_indicators.unit").set_value(unit_id).run()
    admin.checkbox(key=f"admin.unit_indicators.{unit_id}.{oral}").check()
    button(admin, "Gem valget").click().run()
    with read_session(demo_engine) as session:
        after = [i.id for i in list_unit_indicators(unit_id, session=session)]
    assert after == [*before, oral]  # kept in board order, the new one last


def test_a_goal_typed_in_per_cent_is_stored_as_a_share(admin, demo_engine):
    with read_session(demo_engine) as session:
        bundle = find_indicator("tryksaar_bundt", session=session)
    admin.selectbox(key="admin.indicators.pick").set_value(bundle.id).run()
    assert admin.number_input(key=f"admin.indicators.edit.{bundle.id}.goal_value").value == 95
    admin.number_input(key=f"admin.indicators.edit.{bundle.id}.goal_value").set_value(90)
    button(admin, "Gem").click().run()
    with read_session(demo_engine) as session:
        goal = find_indicator("tryksaar_bundt", session=session).definition.goal
    assert (goal.kind, goal.value) == ("min_share", pytest.approx(0.9))


def test_an_own_indicator_is_created_in_a_package(admin, demo_engine):
    admin.selectbox(key="admin.indicators.new.measure").set_value("events").run()
    form = "admin.indicators.new.events"
    admin.text_input(key=f"{form}.code").input("dehydrering_dage_mellem")
    admin.text_input(key=f"{form}.name_da").input("Dage mellem dehydrering")
    button(admin, "Opret indikator").click().run()
    assert admin.success[0].value.startswith("Dage mellem dehydrering er oprettet.")
    with read_session(demo_engine) as session:
        made = find_indicator("dehydrering_dage_mellem", session=session)
    assert (made.builtin, made.definition.measure, made.definition.package) == (
        False, "events", "tryksaar")


def test_an_own_indicators_measure_plan_is_typed_in_and_undone_and_a_builtins_is_shown(
        admin, demo_engine):
    admin.selectbox(key="admin.indicators.new.measure").set_value("events").run()
    admin.text_input(key="admin.indicators.new.events.code").input("dehydrering_dage_mellem")
    admin.text_input(key="admin.indicators.new.events.name_da").input("Dage mellem dehydrering")
    button(admin, "Opret indikator").click().run()
    with read_session(demo_engine) as session:
        made = find_indicator("dehydrering_dage_mellem", session=session)
    admin.selectbox(key="admin.indicators.pick").set_value(made.id).run()
    form = f"admin.indicators.plan.{made.id}"
    admin.text_input(key=f"{form}.counts").input("Dehydrering konstateret af sygeplejerske")
    admin.text_input(key=f"{form}.owner").input("Teamleder")
    button(admin, "Gem måleplan").click().run()
    assert admin.success[0].value == "Måleplanen for Dage mellem dehydrering er gemt."
    with read_session(demo_engine) as session:
        plan = find_indicator("dehydrering_dage_mellem", session=session).definition
    assert (plan.counts_da, plan.counts_en, plan.owner_da) == (
        "Dehydrering konstateret af sygeplejerske", "Dehydrering konstateret af sygeplejerske",
        "Teamleder")
    button(admin, "Fortryd").click().run()
    with read_session(demo_engine) as session:
        assert find_indicator("dehydrering_dage_mellem", session=session).definition.counts_da == ""
    with read_session(demo_engine) as session:
        ulcers = find_indicator("tryksaar_dage_mellem", session=session)
    admin.selectbox(key="admin.indicators.pick").set_value(ulcers.id).run()
    assert "Gem måleplan" not in [b.label for b in admin.button]
    assert any(m.value.startswith("- **Hvad tælles:** Nyt tryksår kategori 2") for m in admin.markdown)


def test_import_preview_lists_every_problem_with_its_row_and_writes_nothing(admin, demo_engine):
    with read_session(demo_engine) as session:
        before = export_rows(session=session, actor="system")
    admin.file_uploader[0].set_value(("gammelt ark.csv", BAD_FILE, "text/csv")).run()
    assert "2 problemer. Intet er skrevet" in admin.error[0].value
    problems = admin.table[-1].value
    assert problems["Række"].tolist() == ["2", "3"]
    assert problems["Problem"].str.startswith(("tæller:", "dato:")).all()
    assert "Importér" not in [b.label for b in admin.button]
    with read_session(demo_engine) as session:
        assert export_rows(session=session, actor="system") == before


def test_a_good_file_is_previewed_then_imported(admin, demo_engine):
    with read_session(demo_engine) as session:
        unit_id = find_unit("solbakken", session=session)
        events_before = len(list_events(unit_id, session=session, actor="system", limit=10_000))
    admin.file_uploader[0].set_value(("nye.csv", GOOD_FILE, "text/csv")).run()
    summary = admin.table[-1].value.set_index("Hvad")["Antal"]
    assert summary["Nye hændelser"] == 1 and summary["Nye ændringer (PDSA)"] == 1
    with read_session(demo_engine) as session:  # the preview wrote nothing
        assert len(list_events(unit_id, session=session, actor="system", limit=10_000)) == events_before
    button(admin, "Importér").click().run()
    assert admin.success[0].value == \
        "nye.csv er importeret: 0 registreringer, 1 hændelser og 1 ændringer."
    with read_session(demo_engine) as session:
        assert len(list_events(unit_id, session=session, actor="system", limit=10_000)) == events_before + 1


def test_export_offers_three_formats_and_a_backup(admin):
    labels = [b.proto.label for b in admin.get("download_button")
              if b.proto.label != "Hent skabelon"]  # the import tab's template
    assert labels == ["Dansk CSV (semikolon)", "CSV med komma", "Excel (XLSX)", "Hent backup"]


def test_the_backup_is_a_sqlite_copy_with_every_unit(monkeypatch, demo_database_url, demo_engine,
                                                     tmp_path):
    from app.admin.data_export import backup_bytes

    monkeypatch.setenv("TAVLE_DATABASE_URL", demo_database_url)
    copy = tmp_path / "backup.db"
    copy.write_bytes(backup_bytes())
    with sqlite3.connect(copy) as connection:
        names = {row[0] for row in connection.execute("SELECT name FROM unit")}
    assert names == set(unit_names(demo_engine))


def selectbox(app: AppTest, label: str):
    """Return the one selectbox with this label."""
    matches = [s for s in app.selectbox if s.label == label]
    assert len(matches) == 1, [s.label for s in app.selectbox]
    return matches[0]


def test_a_title_row_two_sheet_workbook_is_mapped_previewed_as_read_and_imported(
        admin, demo_engine):
    from tests.db.sheets import boegely_workbook

    admin.file_uploader[0].set_value(("bøgely.xlsx", boegely_workbook(), "application/xlsx")).run()
    heading_rows = [n.value for n in admin.number_input if n.label == "Overskrifterne står i række"]
    assert heading_rows == [2, 1]  # found below the title row; the ulcers' sheet has none
    selectbox(admin, "Enheden filen er for").set_value("solbakken").run()
    problems = admin.table[-1].value  # a table: each sentence whole, not cut off in a grid
    assert "'Antal triagerede'" in problems["Problem"].iloc[0]
    assert problems["Kolonne"].tolist() == ["C", "D"]
    selectbox(admin, "C: Antal triagerede").set_value("numerator:triage_dagligt").run()
    selectbox(admin, "D: Antal borgere").set_value("denominator:triage_dagligt").run()
    assert not admin.exception and not admin.error
    assert "'Andel triageret (%)' er beregnet" in admin.warning[0].value
    assert "række 5, kolonne E: Andel triageret (%) er 80" in admin.warning[0].value
    as_read = admin.dataframe[-2].value  # triage, as read: Danish dates, weeks and figures
    assert as_read["Dato"].tolist()[:2] == ["26-10-2026", "02-11-2026"]
    assert as_read["Uge"].tolist()[0] == "uge 44, 2026"
    ulcers = admin.dataframe[-1].value
    assert ulcers["Dato"].tolist() == ["03-09-2026", "14-10-2026"]
    button(admin, "Importér").click().run()
    assert admin.success[0].value.startswith("bøgely.xlsx er importeret:")
    with read_session(demo_engine) as session:
        unit_id = find_unit("solbakken", session=session)
        events = list_events(unit_id, session=session, actor="system", limit=10_000)
    assert {"hæl", "sacrum"} <= set(events["note"].dropna())
    # The next file of the same shape for the unit: the mapping is remembered.
    admin.file_uploader[0].set_value(("bøgely 2.xlsx", boegely_workbook(), "application/xlsx")).run()
    selectbox(admin, "Enheden filen er for").set_value("solbakken").run()
    assert selectbox(admin, "C: Antal triagerede").value == "numerator:triage_dagligt"
    assert admin.success[0].value.replace("\\", "").startswith("bøgely 2.xlsx er gennemgået uden problemer")


def test_a_units_template_is_offered_for_download_and_imports_without_mapping(admin, demo_engine):
    import io

    from openpyxl import load_workbook

    from db import build_template

    unit_id = find_unit_id(demo_engine, "solbakken")
    selectbox(admin, "Skabelon for enheden").set_value(unit_id).run()
    assert [b.proto.label for b in admin.get("download_button")].count("Hent skabelon") == 1
    with read_session(demo_engine) as session:
        content = build_template(unit_id, session=session, actor="system", today=DEMO_TODAY)
    workbook = load_workbook(io.BytesIO(content))
    sheet = workbook.worksheets[0]  # week 1 filled in: 1 of 2, or a value of 1
    for column, heading in enumerate(next(sheet.iter_rows(min_row=2, max_row=2,
                                                          values_only=True)), start=1):
        figure = {"tæller": 1, "nævner": 2, "værdi": 1}.get(str(heading).rpartition(": ")[2])
        if figure is not None:
            sheet.cell(3, column, figure)
    buffer = io.BytesIO()
    workbook.save(buffer)
    admin.file_uploader[0].set_value(("skabelon.xlsx", buffer.getvalue(), "application/xlsx")).run()
    assert selectbox(admin, "Enheden filen er for").value == "solbakken"
    assert not admin.error
    assert admin.success[0].value.replace("\\", "").startswith("skabelon.xlsx er gennemgået uden problemer")


def find_unit_id(engine, code: str) -> int:
    with read_session(engine) as session:
        return find_unit(code, session=session)


def test_the_indicator_form_shows_which_indicators_hold_data_even_off_the_board(
        admin, demo_engine):
    from db import add_entry, write_session

    with write_session(demo_engine) as session:  # data for an indicator not on the board
        unit_id = find_unit("solbakken", session=session)
        oral = find_indicator("mundpleje_screenet", session=session).id
        add_entry(unit_id, oral, DEMO_TODAY, numerator=3, denominator=4, session=session,
                  actor="system", today=DEMO_TODAY)
    admin.selectbox(key="admin.unit_indicators.unit").set_value(unit_id).run()
    box = admin.checkbox(key=f"admin.unit_indicators.{unit_id}.{oral}")
    assert box.label.endswith("· har data") and not box.value
