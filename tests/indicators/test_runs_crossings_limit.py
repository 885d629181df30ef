"""The crossings limit from its growing table equals the direct binomial quantile, and is cheap."""

from __future__ import annotations

import math
import threading

import pytest

from indicators import runs
from indicators.constants import CROSSINGS_QUANTILE
from indicators.runs import binomial_quantile, crossings_limit


def _direct(n_useful: int) -> int:
    """The limit as it was computed before the table: a whole row of coefficients per n."""
    return binomial_quantile.__wrapped__(CROSSINGS_QUANTILE, max(n_useful - 1, 0))


def test_the_table_equals_the_direct_quantile_for_every_n_up_to_500():
    assert [crossings_limit(n) for n in range(1, 501)] == [_direct(n) for n in range(1, 501)]


@pytest.mark.parametrize("n_useful", [731, 1096, 1461, 2557, 3653])  # 2, 3, 4, 7 and 10 years daily
def test_the_table_equals_the_direct_quantile_for_years_of_daily_points(n_useful):
    assert crossings_limit(n_useful) == _direct(n_useful)


def test_a_fresh_table_reaches_20_years_of_daily_points_without_a_binomial_coefficient(
        monkeypatch):
    table = runs._CrossingsLimits(CROSSINGS_QUANTILE)

    def no_comb(*_args):
        raise AssertionError("math.comb called: the table should step, not sum a row")

    monkeypatch.setattr(math, "comb", no_comb)
    assert table(7304) == 3582  # what binomial_quantile(0.05, 7304) sums to, in 5 s
    assert table(7305) == 3582 and table(0) == 0


def test_threads_asking_at_once_get_one_table():
    table = runs._CrossingsLimits(CROSSINGS_QUANTILE)
    answers: list[list[int]] = []

    def ask() -> None:
        answers.append([table(n) for n in range(2000, 0, -97)])

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(answers) == 4 and all(answer == answers[0] for answer in answers)
    assert answers[0][0] == crossings_limit(2001)


def test_no_useful_points_has_no_limit():
    with pytest.raises(ValueError):
        crossings_limit(0)
