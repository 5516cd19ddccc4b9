"""The users' timezone is declared once, in Settings, and the one clock reads it."""

from __future__ import annotations

import pydantic
import pytest

from cchc.clock import LOCAL_TZ
from cchc.settings import Settings, get_settings


def test_clock_shows_instants_in_the_settings_timezone():
    assert LOCAL_TZ.key == get_settings().timezone == "Asia/Ho_Chi_Minh"


def test_settings_refuse_an_unknown_timezone():
    with pytest.raises(pydantic.ValidationError, match="timezone"):
        Settings(timezone="Asia/Hanoi_Nowhere")
