"""The command line refuses bad input with one line and a non-zero exit, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from indicators.cli import EXIT_REFUSED, EXIT_USAGE, run

ROOT = Path(__file__).resolve().parents[2]


def _write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "data.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


def _refused(capsys, argv, code=EXIT_REFUSED) -> str:
    try:
        assert run(argv) == code
    except SystemExit as stop:  # argparse stops on usage errors
        assert stop.code == code
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert "Traceback" not in captured.err
    return lines[0]


@pytest.mark.parametrize(
    ("text", "extra", "fragment"),
    [
        ("x,y\n1,2\n2,3\n", ["--y", "z"], "'z'"),
        ("x,y\n1,2\n2,abc\n3,4\n", ["--y", "y"], "abc"),
        ("x,y,n\n1,2,5\n2,3,0\n", ["--y", "y", "--n", "n", "--chart", "p"], "n = 0"),
        ("x,y,n\n1,2,5\n2,6,5\n", ["--y", "y", "--n", "n", "--chart", "p"], "6 af 5"),
        ("x,y\n1,2\n", ["--y", "y"], "mindst være 2 punkter"),
        ("x,y\n1,\n2,\n", ["--y", "y"], "mindst være 2 punkter"),
        ("x,y\n1,2\n2,3\n", ["--y", "y", "--chart", "p"], "nævner"),
        ("x,y\n1,2\n2,0\n3,4\n", ["--y", "y", "--chart", "t"], "større end nul"),
        ("x,y\n", ["--y", "y"], "ingen datarækker"),
        ("x;y\n", ["--y", "y"], "ingen datarækker"),
    ],
    ids=["missing column", "text in numeric column", "n is zero", "y above n", "one point", "no values",
         "p chart without n", "t chart with zero", "header only", "header only, semicolons"],
)
def test_bad_input_exits_non_zero_with_one_line(tmp_path, capsys, text, extra, fragment):
    line = _refused(capsys, ["analyze", _write(tmp_path, text), "--x", "x", *extra, "--json"])
    assert fragment in line


def test_messages_are_available_in_english(tmp_path, capsys):
    line = _refused(capsys, ["analyze", _write(tmp_path, "x,y\n1,2\n"), "--x", "x", "--y", "y", "--language", "en"])
    assert line == "At least 2 points with values are needed, but there are 1."


def test_a_missing_file_is_refused_with_one_line(tmp_path, capsys):
    assert "Kan ikke læse filen" in _refused(capsys, ["analyze", str(tmp_path / "nope.csv"), "--x", "x", "--y", "y"])


def test_an_unknown_chart_is_a_usage_error_on_one_line(tmp_path, capsys):
    _refused(capsys, ["analyze", _write(tmp_path, "x,y\n1,2\n"), "--x", "x", "--y", "y", "--chart", "zz"],
             code=EXIT_USAGE)


def test_danish_csv_with_semicolons_and_decimal_commas_is_read(tmp_path, capsys):
    path = _write(tmp_path, "uge;værdi\n2026-01-05;1,5\n2026-01-12;2,5\n")
    assert run(["analyze", path, "--x", "uge", "--y", "værdi", "--json"]) == 0
    points = json.loads(capsys.readouterr().out)["points"]
    assert [(point["x"], point["y"]) for point in points] == [("2026-01-05", 1.5), ("2026-01-12", 2.5)]


def test_without_json_the_verdict_is_printed(tmp_path, capsys):
    assert run(["analyze", _write(tmp_path, "x,y\n1,2\n2,3\n"), "--x", "x", "--y", "y"]) == 0
    assert capsys.readouterr().out.startswith("For få punkter til at vurdere")


def test_python_dash_m_indicators_runs_the_contract_end_to_end(tmp_path):
    path = _write(tmp_path, "x,y\n" + "".join(f"{i},{i % 4}\n" for i in range(1, 15)))
    done = subprocess.run([sys.executable, "-m", "indicators", "analyze", path, "--x", "x", "--y", "y", "--json"],
                          cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    output = json.loads(done.stdout)
    assert len(output["points"]) == 14 and output["verdict"]["kind"] in ("no_signal", "neutral")


def test_python_dash_m_indicators_refuses_without_a_traceback(tmp_path):
    path = _write(tmp_path, "x,y\n1,2\n2,abc\n")
    done = subprocess.run([sys.executable, "-m", "indicators", "analyze", path, "--x", "x", "--y", "y", "--json"],
                          cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == EXIT_REFUSED
    assert done.stdout == "" and len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr


def test_json_lists_faceted_phases_in_qicharts2_order(tmp_path, capsys):
    rows = "".join(f"{unit},{x},{x % 3}\n" for unit in ("A", "B") for x in range(1, 7))
    path = _write(tmp_path, "unit,x,y\n" + rows)
    assert run(["analyze", path, "--x", "x", "--y", "y", "--facet", "unit", "--part", "3", "--json"]) == 0
    points = json.loads(capsys.readouterr().out)["points"]
    assert [(point["part"], point["facet"], point["x"]) for point in points] == [
        (1, "A", 1), (1, "A", 2), (1, "A", 3), (1, "B", 1), (1, "B", 2), (1, "B", 3),
        (2, "A", 4), (2, "A", 5), (2, "A", 6), (2, "B", 4), (2, "B", 5), (2, "B", 6),
    ]


def test_numeric_facets_are_ordered_as_numbers(tmp_path, capsys):
    rows = "".join(f"{unit},{x},{x}\n" for unit in (10, 2) for x in range(1, 3))
    assert run(["analyze", _write(tmp_path, "unit,x,y\n" + rows), "--x", "x", "--y", "y", "--facet", "unit",
                "--json"]) == 0
    assert [point["facet"] for point in json.loads(capsys.readouterr().out)["points"]] == [2, 2, 10, 10]


@pytest.mark.parametrize("option", ["--target", "--cl", "--multiply"])
def test_a_number_in_scientific_notation_is_taken_also_when_negative(tmp_path, capsys, option):
    value = "2e-05" if option == "--multiply" else "-1e-05"
    assert run(["analyze", _write(tmp_path, "x,y\n1,2\n2,3\n3,4\n"), "--x", "x", "--y", "y",
                option, value, "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["verdict"]["kind"] == "too_few"
    if option == "--target":
        assert printed["target"] == -1e-05


def test_an_option_without_its_number_is_still_a_usage_error(tmp_path, capsys):
    line = _refused(capsys, ["analyze", _write(tmp_path, "x,y\n1,2\n2,3\n"), "--x", "x", "--y", "y",
                             "--target", "--json"], code=EXIT_USAGE)
    assert "--target" in line
