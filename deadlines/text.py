"""Fold Vietnamese text for matching while keeping a 1:1 map back to the original characters."""

from __future__ import annotations

import unicodedata

# đ/Đ do not decompose under NFD, so they are folded by hand.
_SPECIAL = {"đ": "d", "Đ": "d"}


def _fold_char(char: str) -> str:
    """Return one lower-case ASCII-ish character standing for `char`."""
    if char in _SPECIAL:
        return _SPECIAL[char]
    base = unicodedata.normalize("NFD", char)[0]
    if unicodedata.combining(base):  # a stray combining mark: keep the length, drop the mark
        return " "
    return base.lower()[0]


def normalise(text: str) -> str:
    """Return `text` in NFC form, so that one visible letter is one character."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Strip diacritics and case from NFC `text`; the result has exactly the same length."""
    return "".join(_fold_char(c) for c in text)
