"""A region's database: a report per municipality, on the page, the command line and in content."""

from __future__ import annotations

from datetime import date

import pytest

from db import (
    add_entry,
    add_membership,
    create_unit,
    create_user,
    find_indicator,
    make_engine,
    migrate,
    read_session,
    set_unit_indicators,
    write_session,
)
from reports import ReportError, find_scope, municipality_scope, parse_month, report_content
from reports.__main__ import main

TODAY = date(2026, 11, 22)


@pytest.fixture
def region_url(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'region.db'}"
    engine = make_engine(url)
    migrate(engine)
    with write_session(engine) as session:
        triage = find_indicator("triage_dagligt", session=session).id
        for town in ("Aarby", "Boeby"):
            top = create_unit(f"{town} Kommune", kind="municipality", parent_id=None,
                              session=session, actor="system:test", code=town.lower())
            unit = create_unit(f"{town} Plejecenter", kind="unit", parent_id=top, session=session,
                               actor="system:test", code=f"{town.lower()}-pc")
            set_unit_indicators(unit, [triage], session=session, actor="system:test")
            add_entry(unit, triage, date(2026, 10, 5), numerator=3, denominator=4,
                      session=session, actor="system:test", today=TODAY)
            leder = create_user(f"leder-{town.lower()}", role="leder", session=session,
                                actor="system:test")
            add_membership(leder, top, session=session, actor="system:test")
    engine.dispose()
    return url


def test_the_whole_database_is_no_longer_one_municipality(region_url):
    engine = make_engine(region_url)
    with read_session(engine) as session, pytest.raises(ReportError) as refused:
        municipality_scope(session=session)
    engine.dispose()
    assert "Aarby Kommune, Boeby Kommune" in refused.value.text("da")


def test_a_leder_makes_their_municipalitys_report_and_not_the_other(region_url):
    engine = make_engine(region_url)
    with read_session(engine) as session:
        scope = find_scope("Aarby Kommune", kind="municipality", session=session)
        content = report_content(scope, parse_month("2026-10"), session=session,
                                 actor="leder-aarby", today=TODAY)
        other = find_scope("boeby", kind="municipality", session=session)
        with pytest.raises(Exception, match="må ikke lave rapporter"):
            report_content(other, parse_month("2026-10"), session=session, actor="leder-aarby",
                           today=TODAY)
    engine.dispose()
    assert [unit.unit.name for unit in content.units] == ["Aarby Plejecenter"]


def test_the_command_line_writes_one_municipalitys_reports_to_a_folder(region_url, tmp_path):
    out = tmp_path / "aarby"
    code = main(["--database-url", region_url, "monthly", "--municipality", "Aarby Kommune",
                 "--month", "2026-10", "--out", f"{out}/", "--today", "2026-11-22"])
    assert code == 0
    assert sorted(path.name for path in out.iterdir()) == ["2026-10-aarby-pc.pdf",
                                                          "2026-10-aarby.pdf"]
    assert main(["--database-url", region_url, "monthly", "--all", "--month", "2026-10",
                 "--out", str(tmp_path / "all.pdf"), "--today", "2026-11-22"]) == 1
