"""The report command line: python -m reports monthly, its files, messages and exit codes."""

import gc
import subprocess
import sys
from pathlib import Path

import pytest

from reports.__main__ import main
from tests.conftest import DEMO_TODAY
from tests.reports.pdf_text import pdf_pages

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def demo_environment(monkeypatch, demo_database_url) -> str:
    """The demo database and its day as the command line finds them in the environment."""
    monkeypatch.setenv("TAVLE_DATABASE_URL", demo_database_url)
    monkeypatch.setenv("TAVLE_TODAY", DEMO_TODAY.isoformat())
    return demo_database_url


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_unit_report_is_written_to_the_file_named(demo_environment, tmp_path, capsys):
    out = tmp_path / "solbakken.pdf"
    code, printed, errors = run(["monthly", "--unit", "Plejecenter Solbakken", "--month", "2026-11",
                                 "--out", str(out)], capsys)
    assert (code, printed, errors) == (0, f"Skrev {out}\n", "")
    cover = " ".join(pdf_pages(out.read_bytes())[0].split())
    assert "Plejecenter Solbakken · november 2026" in cover
    assert "(tal til og med 22. november 2026)" in cover  # TAVLE_TODAY is the command's today


def test_the_command_run_in_this_process_leaves_the_heap_as_it_found_it(demo_environment, tmp_path,
                                                                      capsys):
    assert gc.get_freeze_count() == 0
    code, _, _ = run(["monthly", "--all", "--month", "2026-10", "--out", str(tmp_path / "all.pdf")],
                     capsys)
    assert code == 0
    assert gc.get_freeze_count() == 0  # frozen while it works, thawed for the caller after


def test_all_with_a_folder_writes_each_unit_and_the_municipality(demo_environment, tmp_path, capsys):
    folder = tmp_path / "rapporter"
    code, printed, _ = run(["monthly", "--all", "--month", "2026-10", "--out", f"{folder}/"], capsys)
    names = ["2026-10-hjemmeplejen-nord.pdf", "2026-10-solbakken.pdf", "2026-10-akutteamet.pdf",
             "2026-10-demo-kommune.pdf"]
    assert code == 0
    assert printed.splitlines() == [f"Skrev {folder / name}" for name in names]
    assert sorted(path.name for path in folder.iterdir()) == sorted(names)
    assert "Hele kommunen, 3 enheder" in " ".join(
        pdf_pages((folder / "2026-10-demo-kommune.pdf").read_bytes())[0].split())


def test_all_with_a_file_writes_the_municipality_report_alone(demo_environment, tmp_path, capsys):
    folder = tmp_path / "ud"
    folder.mkdir()
    out = folder / "kommune.pdf"
    assert run(["monthly", "--all", "--month", "2026-10", "--out", str(out)], capsys)[0] == 0
    assert list(folder.iterdir()) == [out]


def test_an_area_report_shared_beyond_the_team_in_english(demo_environment, tmp_path, capsys):
    out = tmp_path / "nord.pdf"
    code, printed, _ = run(["monthly", "--area", "omraade-nord", "--month", "2026-11", "--out",
                            str(out), "--lang", "en", "--shared"], capsys)
    assert (code, printed) == (0, f"Wrote {out}\n")
    cover = " ".join(pdf_pages(out.read_bytes())[0].split())
    assert "Område Nord (area), 2 units: Hjemmeplejen Nord, Plejecenter Solbakken" in cover
    assert "For sharing beyond the team: counts from 1 to 4 are shown as <5" in cover


def test_an_unknown_unit_is_refused_in_one_line_naming_the_known_units(demo_environment, tmp_path,
                                                                      capsys):
    code, printed, errors = run(["monthly", "--unit", "Solgården", "--month", "2026-11", "--out",
                                 str(tmp_path / "x.pdf")], capsys)
    assert (code, printed) == (1, "")
    assert errors == ("Der er ingen enhed der hedder 'Solgården'. Kendte: Hjemmeplejen Nord "
                      "(hjemmeplejen-nord), Plejecenter Solbakken (solbakken), Akutteamet "
                      "(akutteamet).\n")
    assert not (tmp_path / "x.pdf").exists()


def test_a_month_that_has_not_begun_is_refused(demo_environment, tmp_path, capsys):
    code, _, errors = run(["monthly", "--all", "--month", "2026-12", "--out", str(tmp_path / "x.pdf"),
                           "--lang", "en"], capsys)
    assert (code, errors) == (1, "The month 2026-12 has not begun yet (today is 2026-11-22).\n")


@pytest.mark.parametrize("month", ["2026-13", "11-2026", "november"])
def test_a_month_not_written_yyyy_mm_is_wrong_usage(demo_environment, tmp_path, capsys, month):
    with pytest.raises(SystemExit) as stopped:
        main(["monthly", "--all", "--month", month, "--out", str(tmp_path / "x.pdf")])
    assert stopped.value.code == 2
    assert "--month" in capsys.readouterr().err


def test_a_scope_is_required_and_only_one(demo_environment, tmp_path, capsys):
    for argv in (["monthly", "--month", "2026-11", "--out", "x.pdf"],
                 ["monthly", "--all", "--unit", "solbakken", "--month", "2026-11", "--out", "x.pdf"]):
        with pytest.raises(SystemExit) as stopped:
            main(argv)
        assert stopped.value.code == 2


def test_a_missing_database_or_folder_is_refused_without_writing(tmp_path, capsys):
    missing = tmp_path / "none.db"
    code, _, errors = run(["--database-url", f"sqlite:///{missing}", "monthly", "--all", "--month",
                           "2026-11", "--out", str(tmp_path / "x.pdf")], capsys)
    assert (code, errors) == (1, f"Databasen findes ikke: {missing} (kør python -m db init).\n")
    assert not missing.exists()


def test_a_folder_that_does_not_exist_is_refused(demo_environment, tmp_path, capsys):
    code, _, errors = run(["monthly", "--all", "--month", "2026-11", "--out",
                           str(tmp_path / "nowhere" / "x.pdf")], capsys)
    assert (code, errors) == (1, f"Mappen {tmp_path / 'nowhere'} findes ikke.\n")


def test_python_dash_m_reports_runs_the_command(demo_database_url, tmp_path):
    out = tmp_path / "akut.pdf"
    finished = subprocess.run(
        [sys.executable, "-m", "reports", "--database-url", demo_database_url, "monthly", "--unit",
         "akutteamet", "--month", "2026-11", "--today", "2026-11-22", "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, check=False)
    assert (finished.returncode, finished.stderr) == (0, "")
    assert out.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("unit", ["solbakken", "SOLBAKKEN", " Plejecenter Solbakken "])
def test_a_unit_is_found_by_its_code_or_name_in_any_case(demo_environment, tmp_path, capsys, unit):
    out = tmp_path / "x.pdf"
    code, printed, _ = run(["monthly", "--unit", unit, "--month", "2026-11", "--out", str(out)],
                           capsys)
    assert (code, printed) == (0, f"Skrev {out}\n") and out.exists()


def test_full_history_charts_what_the_window_leaves_out(demo_environment, tmp_path, capsys):
    window, whole = tmp_path / "window.pdf", tmp_path / "whole.pdf"
    common = ["monthly", "--unit", "solbakken", "--month", "2026-10"]
    assert run([*common, "--out", str(window), "--history-years", "1"], capsys)[0] == 0
    assert run([*common, "--out", str(whole), "--full-history"], capsys)[0] == 0
    # One year back is Monday 29-9-2025 (the Monday before 1-10-2025); the demo's two years
    # reach into 2024, which only the whole history charts and lists in the appendix.
    window_text, whole_text = (" ".join(pdf_pages(path.read_bytes())) for path in (window, whole))
    assert "uge 48, 2024" in whole_text and "december 2024" in whole_text
    assert "2024" not in window_text and "uge 40, 2025" in window_text
    assert len(pdf_pages(whole.read_bytes())) > len(pdf_pages(window.read_bytes()))


def test_full_history_and_a_number_of_years_exclude_each_other(demo_environment, tmp_path, capsys):
    with pytest.raises(SystemExit) as usage:
        main(["monthly", "--unit", "solbakken", "--month", "2026-10", "--out",
              str(tmp_path / "x.pdf"), "--full-history", "--history-years", "2"])
    assert usage.value.code == 2
    with pytest.raises(SystemExit):
        main(["monthly", "--unit", "solbakken", "--month", "2026-10", "--out",
              str(tmp_path / "x.pdf"), "--history-years", "0"])
    assert "at least 1" in capsys.readouterr().err
