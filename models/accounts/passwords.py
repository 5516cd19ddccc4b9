"""Passwords: argon2id hashes, first-time passwords, and the length rule."""

from __future__ import annotations

import secrets
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from cchc.errors import ValidationError
from cchc.settings import get_settings

_hasher = PasswordHasher()
# Letters and digits that cannot be misread on a printed handout (no 0/O, 1/l/I).
_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def hash_password(password: str) -> str:
    """Return the argon2id hash stored in place of the password."""
    return _hasher.hash(password)


@cache
def _dummy() -> str:
    """A hash verified when the user name is unknown, so both refusals take the same time.

    Made on first use, not at import: a hash costs about a second on a loaded machine, and
    every CLI command imports this module.
    """
    return _hasher.hash("cchc-no-such-user")


def check_password(stored: str | None, password: str) -> bool:
    """Tell whether `password` matches the stored hash (None: compare against a dummy, refuse)."""
    try:
        return _hasher.verify(stored or _dummy(), password) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    """Tell whether the hash was made with weaker parameters than today's."""
    return _hasher.check_needs_rehash(stored)


def first_time_password(length: int = 12) -> str:
    """Return a random password easy to copy from paper."""
    return "".join(secrets.choice(_ALPHABET) for _ in range(length))


def require_strong(password: str) -> None:
    """Refuse a password shorter than the configured minimum."""
    shortest = get_settings().auth.password_min_length
    if len(password) < shortest:
        raise ValidationError(f"mật khẩu phải có ít nhất {shortest} ký tự")
