"""The Rapporter page in a region's database: a report per municipality, each for its own people."""

from app.access.identity import USER_KEY
from db import SignedIn, create_unit, create_user, make_engine, write_session
from tests.app.app_pages import button, elements, open_page


def _second_municipality(database_url: str) -> None:
    engine = make_engine(database_url)
    with write_session(engine) as session:
        top = create_unit("Nabo Kommune", kind="municipality", parent_id=None, session=session,
                          actor="system:test", code="nabo-kommune")
        create_unit("Nabo Plejecenter", kind="unit", parent_id=top, session=session,
                    actor="system:test", code="nabo-pc")
        create_user("region-user", role="region", session=session, actor="system:test")
    engine.dispose()


def test_a_municipalitys_administrator_gets_their_own_municipalitys_report(monkeypatch,
                                                                          demo_database_url):
    _second_municipality(demo_database_url)
    app = open_page("report_page.py", monkeypatch, demo_database_url)
    app.radio(key="report.scope").set_value("municipality").run()
    assert not [box for box in app.selectbox if box.key == "report.municipality"]
    button(app, "Lav rapporten").click().run()
    assert not app.exception and not app.error
    assert elements(app.main, "download_button")[0].proto.label == "Hent PDF (2026-10-demo-kommune.pdf)"


def test_the_region_chooses_among_every_municipality(monkeypatch, demo_database_url):
    _second_municipality(demo_database_url)
    app = open_page("report_page.py", monkeypatch, demo_database_url)
    # The region's user is no demo account: signed in in its place, on the same page.
    app.session_state[USER_KEY] = SignedIn("region-user", "Region", "region", False, "password")
    app.run()
    app.radio(key="report.scope").set_value("municipality").run()
    assert app.selectbox(key="report.municipality").options == ["Demo Kommune", "Nabo Kommune"]
    app.selectbox(key="report.municipality").select_index(1).run()
    button(app, "Lav rapporten").click().run()
    assert not app.exception and not app.error
    assert elements(app.main, "download_button")[0].proto.label == "Hent PDF (2026-10-nabo-kommune.pdf)"
