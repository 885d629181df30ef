"""Every golden case computed by qicharts2 0.8.1 is reproduced, through the API and the command line.

The cases live in tests/indicators/reference/qicharts2/ (copied from the project's
reference data): each folder holds input.csv, the exact qic() call, its return data
(output.csv) and its summary; cases.json gives the command-line arguments. Numbers
must agree to 1e-9 relative and every signal must be equal. No deliberate
differences from qicharts2 are needed for these cases.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from indicators import analyze
from indicators.cli import run

REFERENCE = Path(__file__).parent / "reference" / "qicharts2"
CASES = json.loads((REFERENCE / "cases.json").read_text(encoding="utf-8"))
RELATIVE_TOLERANCE = 1e-9

NUMBER_COLUMNS = {
    "y": "y", "n": "n", "cl": "cl", "lcl": "lcl", "ucl": "ucl", "lcl_95": "lcl.95", "ucl_95": "ucl.95",
    "part": "part", "n_obs": "n.obs", "n_useful": "n.useful", "longest_run": "longest.run",
    "longest_run_max": "longest.run.max", "n_crossings": "n.crossings", "n_crossings_min": "n.crossings.min",
    "target": "target",
}
FLAG_COLUMNS = {"runs_signal": "runs.signal", "sigma_signal": "sigma.signal", "include": "include"}


def _arguments(args: list[str]) -> dict[str, str | bool]:
    options: dict[str, str | bool] = {}
    position = 0
    while position < len(args):
        name = args[position][2:]
        if name in ("no-y-neg", "no-screen-mr"):
            options[name] = True
            position += 1
        else:
            options[name] = args[position + 1]
            position += 2
    return options


def _api_model(case: str):
    """Build the call the way an app would: a frame with x, y, n, notes, facet columns."""
    options = _arguments(CASES[case]["args"])
    raw = pd.read_csv(REFERENCE / case / "input.csv")
    frame = pd.DataFrame({"x": raw[options["x"]], "y": raw[options["y"]]})
    for role in ("n", "notes", "facet"):
        if role in options:
            frame[role] = raw[options[role]].astype(object).where(raw[options[role]].notna(), None)
    if "as.Date" in CASES[case]["qicharts2_call"]:
        frame["x"] = pd.to_datetime(frame["x"])
    positions = {key: [int(value) for value in str(options[key]).split(",")] for key in ("part", "exclude")
                 if key in options}
    return analyze(
        frame,
        chart=str(options.get("chart", "run")),
        freeze=int(options["freeze"]) if "freeze" in options else None,
        multiply=float(options.get("multiply", 1)),
        cl=float(options["cl"]) if "cl" in options else None,
        target=float(options["target"]) if "target" in options else None,
        y_neg="no-y-neg" not in options,
        **positions,
    )


def _reference(case: str) -> pd.DataFrame:
    return pd.read_csv(REFERENCE / case / "output.csv")


def _assert_numbers_equal(ours: np.ndarray, theirs: np.ndarray, column: str) -> None:
    same = np.isclose(ours, theirs, rtol=RELATIVE_TOLERANCE, atol=0.0, equal_nan=True) | ((ours == 0) & (theirs == 0))
    assert same.all(), f"{column}: first difference at row {np.flatnonzero(~same)[0]}: " \
                       f"{ours[~same][0]!r} vs qicharts2 {theirs[~same][0]!r}"


def _x_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)[:10]


def _assert_points_match(points: pd.DataFrame, reference: pd.DataFrame, notes: list[object] | None = None) -> None:
    assert len(points) == len(reference)
    assert [_x_text(x) for x in points["x"]] == [_x_text(x) for x in reference["x"]]
    for ours, theirs in NUMBER_COLUMNS.items():
        values = pd.to_numeric(points[ours], errors="coerce").to_numpy(dtype=float)
        _assert_numbers_equal(values, reference[theirs].to_numpy(dtype=float), ours)
    for ours, theirs in FLAG_COLUMNS.items():
        assert points[ours].astype(bool).tolist() == reference[theirs].astype(bool).tolist(), ours
    expected_notes = [None if isinstance(note, float) and math.isnan(note) else note for note in reference["notes"]]
    assert (list(points["notes"]) if notes is None else notes) == expected_notes


@pytest.mark.parametrize("case", sorted(CASES))
def test_api_reproduces_qicharts2(case):
    _assert_points_match(_api_model(case).points, _reference(case))


@pytest.mark.parametrize("case", sorted(CASES))
def test_phase_summaries_reproduce_qicharts2_summary(case):
    phases = _api_model(case).phases
    summary = pd.read_csv(REFERENCE / case / "summary.csv")
    assert len(phases) == len(summary)
    for phase, (_, row) in zip(phases, summary.iterrows(), strict=True):
        assert phase.part == row["part"]
        assert phase.runs_signal == bool(row["runs.signal"])
        assert phase.sigma_signal_count == row["sigma.signal"]
        for ours, theirs in (("average_lcl", "aLCL"), ("average_lcl_95", "aLCL.95"), ("centre_line", "CL"),
                             ("average_ucl_95", "aUCL.95"), ("average_ucl", "aUCL")):
            value = getattr(phase, ours)
            _assert_numbers_equal(np.array([np.nan if value is None else value]), np.array([row[theirs]]), ours)


@pytest.mark.parametrize("case", sorted(CASES))
def test_command_line_reproduces_qicharts2(case, capsys, monkeypatch):
    monkeypatch.chdir(REFERENCE / case)
    assert run(["analyze", "input.csv", *CASES[case]["args"], "--json"]) == 0
    output = json.loads(capsys.readouterr().out)
    points = pd.DataFrame(output["points"])
    assert set(points.columns) >= {
        "x", "facet", "y", "n", "cl", "lcl", "ucl", "lcl_95", "ucl_95", "part", "include", "notes", "n_obs",
        "n_useful", "longest_run", "longest_run_max", "n_crossings", "n_crossings_min", "runs_signal",
        "sigma_signal", "signal", "signal_kind",
    }
    _assert_points_match(points, _reference(case), notes=[point["notes"] for point in output["points"]])
