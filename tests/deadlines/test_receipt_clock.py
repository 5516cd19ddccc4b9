"""A unit's due counted in working days from its receipt, never before the plan's."""

from __future__ import annotations

from datetime import date

import pytest

from deadlines import calendar_for, due_from_receipt, end_of

CAL = calendar_for((2026,), None)


def test_due_is_the_nth_working_day_after_receipt_at_day_end():
    # received Friday 06/03/2026: 3 working days skip the weekend → Wednesday 11/03
    due = due_from_receipt(date(2026, 3, 6), 3, plan_due=end_of(date(2026, 3, 1)), cal=CAL)
    assert due == end_of(date(2026, 3, 11))


def test_an_early_receipt_never_shortens_the_plans_due():
    plan_due = end_of(date(2026, 4, 30))
    assert due_from_receipt(date(2026, 3, 6), 3, plan_due=plan_due, cal=CAL) == plan_due


def test_a_clock_of_no_days_is_refused():
    with pytest.raises(ValueError, match="working_days"):
        due_from_receipt(date(2026, 3, 6), 0, plan_due=end_of(date(2026, 3, 1)), cal=CAL)
