"""The Rapporter page: choose scope, month and sharing, make the PDF, see its cover, download it."""

from tests.app.app_pages import button, elements, open_page
from tests.reports.pdf_text import pdf_pages


def cover(app) -> str:
    """Return the cover text of the report the page made."""
    _, _, pdf, _ = app.session_state["report.made"]
    return " ".join(pdf_pages(pdf)[0].split())


def test_the_page_offers_scope_month_and_sharing_with_last_month_chosen(monkeypatch,
                                                                         demo_database_url):
    app = open_page("report_page.py", monkeypatch, demo_database_url)
    assert not app.exception
    assert app.title[0].value == "Rapporter"
    scope = app.radio(key="report.scope")
    assert scope.options == ["En enhed", "Et område", "Hele kommunen"]
    assert app.selectbox(key="report.month").value.code == "2026-10"  # the demo's today is 22 Nov
    assert app.toggle(key="report.shared").value is False
    assert not elements(app.main, "download_button")


def test_making_a_unit_report_shows_its_cover_and_offers_the_pdf(monkeypatch, demo_database_url):
    app = open_page("report_page.py", monkeypatch, demo_database_url, enhed="solbakken")
    button(app, "Lav rapporten").click().run()
    assert not app.exception and not app.error
    downloads = elements(app.main, "download_button")
    assert [d.proto.label for d in downloads] == ["Hent PDF (2026-10-solbakken.pdf)"]
    assert len(elements(app.main, "image")) == 1  # the cover, drawn by pdftoppm
    assert "Plejecenter Solbakken · oktober 2026" in cover(app)
    assert "Til teamet og ledelsen: alle tal vises." in cover(app)


def test_a_shared_municipality_report_hides_small_numbers(monkeypatch, demo_database_url):
    app = open_page("report_page.py", monkeypatch, demo_database_url)
    app.radio(key="report.scope").set_value("municipality").run()
    app.toggle(key="report.shared").set_value(True).run()
    button(app, "Lav rapporten").click().run()
    assert not app.exception and not app.error
    assert elements(app.main, "download_button")[0].proto.label == "Hent PDF (2026-10-demo-kommune.pdf)"
    assert "Til deling uden for teamet: antal fra 1 til 4 vises som <5" in cover(app)


def test_changing_a_choice_withdraws_the_report_made_for_the_old_one(monkeypatch, demo_database_url):
    app = open_page("report_page.py", monkeypatch, demo_database_url)
    button(app, "Lav rapporten").click().run()
    assert elements(app.main, "download_button")
    app.toggle(key="report.shared").set_value(True).run()
    assert not elements(app.main, "download_button")


def test_an_area_report_in_english(monkeypatch, demo_database_url):
    app = open_page("report_page.py", monkeypatch, demo_database_url, lang="en")
    app.radio(key="report.scope").set_value("area").run()
    assert app.selectbox(key="report.area").options == ["Område Nord", "Område Syd"]
    app.selectbox(key="report.area").select_index(1).run()
    button(app, "Make the report").click().run()
    assert not app.exception and not app.error
    assert "Monthly report" in cover(app)
    assert "Område Syd (area), 1 unit: Akutteamet" in cover(app)
