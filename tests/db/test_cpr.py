"""Text that looks like a CPR number: ddmmyy-xxxx or ten digits beginning with a real date."""

import pytest

from db.cpr import looks_like_cpr


@pytest.mark.parametrize("text", [
    "010190-1234", "0101901234", "010190 1234", "borger 311299-4321 faldt i nat",
    "290200-1234",  # 29 February 2000 existed
    "CPR:0101901234.",
])
def test_a_real_date_followed_by_four_digits_is_taken_for_a_cpr_number(text):
    assert looks_like_cpr(text)


@pytest.mark.parametrize("text", [
    "320190-1234",  # no 32nd day
    "011390-1234",  # no 13th month
    "290201-1234",  # no 29 February in 1901 or 2001
    "01019012345",  # eleven digits: not a CPR number
    "tlf. 12345678", "22-11-2026", "23 af 25 triageret", "uge 47", "",
])
def test_other_numbers_and_dates_are_not_taken_for_cpr_numbers(text):
    assert not looks_like_cpr(text)


@pytest.mark.parametrize("text", [
    "1010190-1234",  # "010190-1234" with a digit before it
    "10101901234",  # "0101901234" with a digit before it
    "nr. 5010190 1234",  # "010190 1234" with a digit before it
])
def test_a_cpr_looking_number_with_a_digit_directly_before_it_is_part_of_a_longer_number(text):
    assert not looks_like_cpr(text)


@pytest.mark.parametrize("text", [
    "010190-1234", "0101901234",  # at the start of the text
    "1 010190-1234", "1 0101901234",  # a space, not a digit, before it
    "x0101901234", "nr.010190 1234",  # a letter or a full stop before it
])
def test_a_cpr_looking_number_after_the_start_a_space_or_another_non_digit_is_refused(text):
    assert looks_like_cpr(text)
