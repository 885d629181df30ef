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


# The audit's 13 spellings and more, all of 1 January 1990, serial 1234.
SPELLINGS = {
    "together": "0101901234",
    "hyphen": "010190-1234",
    "space": "010190 1234",
    "pairs of digits": "01 01 90 12 34",
    "dots and a hyphen": "01.01.90-1234",
    "en dash (Word, Excel)": "010190\u20131234",
    "em dash": "010190\u20141234",
    "minus sign": "010190\u22121234",
    "non-breaking hyphen": "010190\u20111234",
    "two spaces": "010190  1234",
    "slashes": "01/01/90-1234",
    "zero-width space": "010190\u200b1234",
    "zero-width space inside the date": "0101\u200b90-1234",
    "full-width digits": "\uff10\uff11\uff10\uff11\uff19\uff10\uff0d\uff11\uff12\uff13\uff14",
    "non-breaking space": "010190\u00a01234",
    "narrow non-breaking space": "010190\u202f1234",
    "hyphens throughout": "01-01-90-1234",
    "spaces around a hyphen": "010190 - 1234",
    "date with spaces, then the serial": "01 01 90 1234",
    "soft hyphen": "010190\u00ad1234",
    "in a sentence": "Borger (cpr 01.01.90\u20131234) faldt.",
}
ORDINARY_FIGURES = [
    "23 af 25", "3 af 4 borgere triageret", "22-11-2026", "22.11.2026", "22/11/2026",
    "01.01.2026 12:30", "22/11/2026 kl. 12.30", "+45 12 34 56 78", "12 34 56 78",
    "tlf. 20 30 40 50", "tlf. 2030 4050", "0045 20 30 40 50", "uge 47: 12 af 14", "0,75",
    "1234567890",  # month 34
    "320190-1234", "011390-1234", "ID 12345678901", "10.000 kr. i 2026", "1.234.567",
    "kl. 07-15 den 01-01-2026", "2026-11-22", "nr. 5010190 1234",
]


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_a_cpr_number_is_found_in_every_spelling(spelling):
    assert looks_like_cpr(SPELLINGS[spelling])


@pytest.mark.parametrize("text", ORDINARY_FIGURES)
def test_ordinary_figures_dates_and_phone_numbers_are_no_false_alarm(text):
    assert not looks_like_cpr(text)
