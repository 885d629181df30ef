"""`python -m db`: each command, and its exit codes (0 done, 1 refused, 2 usage)."""

import io
import subprocess
import sys
from pathlib import Path

import pytest

from db.__main__ import main
from db.engine import make_engine, read_session
from db.users import find_user, verify_password
from tests.db.conftest import table_contents

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def url(tmp_path):
    return f"sqlite:///{tmp_path / 'tavle.db'}"


def run(url, *args, stdin=""):
    sys.stdin = io.StringIO(stdin)
    try:
        return main(["--database-url", url, "--actor", "cli:test", *map(str, args)])
    finally:
        sys.stdin = sys.__stdin__


def test_init_creates_the_database_and_running_it_again_is_fine(url, tmp_path):
    assert run(url, "init") == 0
    assert run(url, "init") == 0
    assert (tmp_path / "tavle.db").is_file()


def test_python_dash_m_db_init_runs_as_a_program(url):
    done = subprocess.run([sys.executable, "-m", "db", "--database-url", url, "init"],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0 and "klar" in done.stdout


def test_seed_demo_loads_once_and_is_refused_the_second_time(url, capsys):
    assert run(url, "seed-demo", "--today", "2026-11-22") == 0
    assert run(url, "seed-demo", "--today", "2026-11-22") == 1
    assert "allerede" in capsys.readouterr().err


def test_export_then_import_of_the_same_file_changes_nothing(url, tmp_path, capsys):
    run(url, "seed-demo", "--today", "2026-11-22")
    assert run(url, "export", tmp_path / "alt.xlsx") == 0
    assert run(url, "import", tmp_path / "alt.xlsx", "--today", "2026-11-22") == 0
    assert "0 nye og 0 rettede" in capsys.readouterr().out


def test_a_refused_import_exits_1_lists_the_problems_and_writes_nothing(url, tmp_path, capsys):
    run(url, "seed-demo", "--today", "2026-11-22")
    bad = tmp_path / "bad.csv"
    bad.write_text("enhed;indikator;dato;tæller;nævner\nsolbakken;triage_dagligt;01-11-2026;9;4\n"
                   "solbakken;triage_dagligt;30-11-2026;1;4\n", encoding="cp1252")
    engine = make_engine(url)
    before = table_contents(engine)
    assert run(url, "import", bad, "--today", "2026-11-22") == 1
    assert table_contents(engine) == before
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("Række 2: tæller") and err[1].startswith("Række 3: dato")


def test_backup_and_restore_from_the_command_line(url, tmp_path):
    run(url, "init")
    assert run(url, "backup", tmp_path / "b.db") == 0
    assert run(url, "backup", tmp_path / "b.db") == 1  # never overwrites
    assert run(url, "restore", tmp_path / "b.db") == 0
    assert run(url, "restore", tmp_path / "missing.db") == 1


def test_create_admin_reads_the_password_from_stdin_and_never_prints_it(url, capsys):
    assert run(url, "create-admin", "--username", "boss", stdin="hemmeligt-ord\n") == 0
    assert run(url, "create-admin", "--username", "boss", stdin="hemmeligt-ord\n") == 1
    assert run(url, "create-admin", "--username", "kort", stdin="kort\n") == 1
    output = capsys.readouterr()
    assert "hemmeligt-ord" not in output.out + output.err
    with read_session(make_engine(url)) as session:
        admin = find_user("boss", session=session)
        assert admin.role == "admin" and verify_password(admin.password_hash, "hemmeligt-ord")
        assert "hemmeligt-ord" not in str(table_contents(make_engine(url)))


def test_create_admin_with_region_makes_the_administrator_of_every_municipality(url):
    assert run(url, "create-admin", "--username", "region", "--region",
               stdin="hemmeligt-ord\n") == 0
    with read_session(make_engine(url)) as session:
        assert find_user("region", session=session).role == "region"


def test_a_wrong_command_or_missing_file_is_a_usage_error(url, tmp_path):
    with pytest.raises(SystemExit) as stopped:
        run(url, "bogus")
    assert stopped.value.code == 2
    with pytest.raises(SystemExit) as stopped:
        run(url, "create-admin")
    assert stopped.value.code == 2
    assert run(url, "import", tmp_path / "missing.csv") == 2


def test_years_of_old_sheets_load_from_a_script_with_a_mapping_profile(url, tmp_path, capsys):
    from tests.db.sheets import boegely_workbook

    run(url, "seed-demo", "--today", "2026-11-22")
    sheet = tmp_path / "bøgely.xlsx"
    sheet.write_bytes(boegely_workbook())
    profile = tmp_path / "bøgely.json"
    # Unmapped count columns: refused, but the guessed mapping is written to edit.
    assert run(url, "import", sheet, "--unit", "solbakken", "--save-mapping", profile,
               "--today", "2026-11-22") == 1
    assert "'Antal triagerede'" in capsys.readouterr().err
    edited = profile.read_text(encoding="utf-8").replace(
        '"Antal triagerede": "unknown"', '"Antal triagerede": "numerator:triage_dagligt"').replace(
        '"Antal borgere": "unknown"', '"Antal borgere": "denominator:triage_dagligt"')
    profile.write_text(edited, encoding="utf-8")
    assert run(url, "import", sheet, "--mapping", profile, "--today", "2026-11-22") == 0
    out = capsys.readouterr().out
    assert "importeres ikke" in out and "registreringer, 2 hændelser" in out
    assert run(url, "import", sheet, "--mapping", profile, "--today", "2026-11-22") == 0
    assert "0 nye og 0 rettede registreringer, 0 hændelser" in capsys.readouterr().out
