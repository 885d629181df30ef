"""Making Data Count through the command line (`--chart i --rules nhs`), at each rule's threshold.

Expected values follow NHSRplotthedots 0.2.2 (ptd_spc_standard.R, ptd_calculate_point_type.R).
"""

from __future__ import annotations

import json

import pytest

from indicators.cli import run


def _nhs(tmp_path, capsys, values, *extra):
    path = tmp_path / "series.csv"
    path.write_text("x,y\n" + "".join(f"{i + 1},{value}\n" for i, value in enumerate(values)), encoding="utf-8")
    assert run(["analyze", str(path), "--x", "x", "--y", "y", "--chart", "i", "--rules", "nhs", *extra, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def _signals(output):
    return [point["signal"] for point in output["points"]]


def test_limits_are_the_mean_plus_minus_2_66_mean_moving_ranges(tmp_path, capsys):
    point = _nhs(tmp_path, capsys, [1, 2, 3, 4, 5])["points"][0]
    assert point["cl"] == 3
    assert point["ucl"] == pytest.approx(3 + 2.66, rel=1e-12)
    assert point["lcl"] == pytest.approx(3 - 2.66, rel=1e-12)
    assert point["ucl_95"] == pytest.approx(3 + 2 * 2.66 / 3, rel=1e-12)


def test_moving_ranges_above_3_267_times_their_mean_are_screened_unless_switched_off(tmp_path, capsys):
    values = [1, 2, 1, 2, 1, 2, 1, 2, 20, 2]
    mean = sum(values) / len(values)
    screened = _nhs(tmp_path, capsys, values)["points"][0]
    assert screened["ucl"] == pytest.approx(mean + 2.66 * 1.0, rel=1e-12)
    unscreened = _nhs(tmp_path, capsys, values, "--no-screen-mr")["points"][0]
    assert unscreened["ucl"] == pytest.approx(mean + 2.66 * (7 + 18 + 18) / 9, rel=1e-12)


@pytest.mark.parametrize(("length", "signal"), [(6, False), (7, True)])
def test_seven_points_on_one_side_of_the_mean_signal_and_six_do_not(tmp_path, capsys, length, signal):
    values = [2, 0] * 6 + [1.5] * length + [0.5] * length  # mean exactly 1
    output = _nhs(tmp_path, capsys, values, "--improvement", "up")
    assert output["points"][0]["cl"] == pytest.approx(1.0)
    assert _signals(output) == [False] * 12 + [signal] * (2 * length)
    if signal:
        kinds = [point["signal_kind"] for point in output["points"][12:]]
        assert kinds == ["improvement"] * length + ["deterioration"] * length


@pytest.mark.parametrize(("length", "signal"), [(6, False), (7, True)])
def test_seven_points_rising_are_a_trend_and_six_are_not(tmp_path, capsys, length, signal):
    rising = [round(0.2 * step, 1) for step in range(1, length + 1)]
    output = _nhs(tmp_path, capsys, [0, 2] * 6 + rising + [0.1], "--improvement", "down")
    assert _signals(output)[12:12 + length] == [signal] * length
    if signal:
        assert {point["signal_kind"] for point in output["points"][12:12 + length]} == {"deterioration"}


def test_a_tie_inside_a_trend_breaks_it(tmp_path, capsys):
    output = _nhs(tmp_path, capsys, [0, 2] * 6 + [0.2, 0.4, 0.6, 0.6, 0.8, 1.0, 1.2, 1.4] + [0.1])
    assert not any(_signals(output))


def test_two_of_three_beyond_two_sigma_with_the_third_inside_on_the_same_side(tmp_path, capsys):
    output = _nhs(tmp_path, capsys, [0, 2] * 10 + [6.0, 2.0, 6.0], "--improvement", "up")
    last = output["points"][-3:]
    assert all(point["ucl_95"] < point["y"] < point["ucl"] for point in (last[0], last[2]))
    assert last[0]["cl"] < last[1]["y"] < last[1]["ucl_95"]
    assert [point["signal"] for point in last] == [True, False, True]
    assert last[0]["signal_kind"] == "improvement"


def test_two_of_three_needs_all_three_on_the_same_side_of_the_mean(tmp_path, capsys):
    output = _nhs(tmp_path, capsys, [0, 2] * 10 + [6.0, 0.0, 6.0])
    assert output["points"][-2]["y"] < output["points"][-2]["cl"]
    assert not any(_signals(output)[-3:])


def test_a_point_beyond_three_sigma_does_not_count_towards_two_of_three(tmp_path, capsys):
    output = _nhs(tmp_path, capsys, [0, 2] * 10 + [9.0, 2.0, 7.0])
    first, middle, last = output["points"][-3:]
    assert first["y"] > first["ucl"] and last["ucl_95"] < last["y"] < last["ucl"]
    assert [first["signal"], middle["signal"], last["signal"]] == [True, False, False]


def test_variation_of_the_last_point_and_assurance_against_the_target(tmp_path, capsys):
    values = [10, 11, 9, 10, 12, 10, 9, 11, 10, 11]
    output = _nhs(tmp_path, capsys, values, "--improvement", "up", "--target", "20")
    phase = output["phases"][-1]
    assert phase["variation"] == "common_cause"
    assert phase["assurance"] == "consistent_fail"  # the target lies above the upper limit
    output = _nhs(tmp_path, capsys, values, "--improvement", "up", "--target", "10")
    assert output["phases"][-1]["assurance"] == "inconsistent"  # hit and miss
    output = _nhs(tmp_path, capsys, values, "--improvement", "down", "--target", "20")
    assert output["phases"][-1]["assurance"] == "consistent_pass"


def test_without_a_direction_signals_are_neutral(tmp_path, capsys):
    output = _nhs(tmp_path, capsys, [2, 0] * 6 + [1.5] * 7 + [0.5] * 7)
    assert {point["signal_kind"] for point in output["points"] if point["signal"]} == {"neutral"}
    assert output["phases"][-1]["variation"] == "special_cause_neutral_low"
