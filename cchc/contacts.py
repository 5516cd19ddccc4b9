"""Contact values checked and normalised once: e-mail syntax, VN phone as +84…, Zalo user id.

Pure functions used by the units file schema, the units import and the contacts service entry.
"""

from __future__ import annotations

import re

from cchc.errors import ValidationError
from cchc.wording import contacts as say

EMAIL_MAX, PHONE_MAX, ZALO_MAX = 254, 16, 64
_EMAIL = re.compile(r"^[^@\s,;<>\"]+@[^@\s,;<>\"]+\.[^@\s,;<>\".]{2,}$")
_ZALO = re.compile(r"^[0-9A-Za-z_-]+$")
_PHONE_PUNCT = re.compile(r"[\s.\-()]")
# Subscriber number after the country code: 9 digits (mobile 3/5/7/8/9…, landline 2xx + 8 = 10).
_NATIONAL = re.compile(r"^(?:[35789]\d{8}|2\d{9})$")


def clean_email(value: str) -> str:
    """The e-mail address trimmed and checked (ValidationError when it is not one)."""
    value = value.strip()
    if len(value) > EMAIL_MAX:
        raise ValidationError(say.too_long("email", EMAIL_MAX))
    if not _EMAIL.match(value):
        raise ValidationError(say.bad_email(value))
    return value


def clean_phone(value: str) -> str:
    """A Vietnamese phone number as +84… (0912 345 678, 84912345678 and +84 912… all accepted)."""
    raw = value.strip()
    if len(raw) > 32:
        raise ValidationError(say.too_long("phone", 32))
    digits = _PHONE_PUNCT.sub("", raw)
    if digits.startswith("+84"):
        national = digits[3:]
    elif digits.startswith("84") and len(digits) >= 11:
        national = digits[2:]
    elif digits.startswith("0"):
        national = digits[1:]
    else:
        national = ""
    national = national.removeprefix("0")  # "+84 0912…" is written too
    if not _NATIONAL.match(national):
        raise ValidationError(say.bad_phone(raw))
    return "+84" + national


def clean_zalo(value: str) -> str:
    """A Zalo user id trimmed and checked."""
    value = value.strip()
    if len(value) > ZALO_MAX:
        raise ValidationError(say.too_long("zalo", ZALO_MAX))
    if not _ZALO.match(value):
        raise ValidationError(say.bad_zalo(value))
    return value


CLEANERS = {"email": clean_email, "phone": clean_phone, "zalo": clean_zalo}


def clean_contacts(values: dict[str, str | None]) -> dict[str, str | None]:
    """Each given contact cleaned; blank means none (every problem reported together)."""
    out: dict[str, str | None] = {}
    problems: list[str] = []
    for field, value in values.items():
        if value is None or not value.strip():
            out[field] = None
            continue
        try:
            out[field] = CLEANERS[field](value)
        except ValidationError as exc:
            problems.append(str(exc))
    if problems:
        raise ValidationError(problems[0], problems=problems)
    return out
