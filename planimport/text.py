"""Text helpers: fold Vietnamese for matching, and clean markup out of copied cells."""

from __future__ import annotations

import html
import re

from deadlines.text import fold, normalise  # the same 1:1 folding the deadline parser uses

_TAG = re.compile(r"</?(?:b|i|u|em|strong|span|p|font|sup|sub)\b[^>]*>", re.IGNORECASE)
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_EMPH = re.compile(r"(\*\*|__|\*|(?<!\w)_(?=\S)|(?<=\S)_(?!\w))")
_SPACES = re.compile(r"[ \t\u00a0\u200b]+")


def nfc(text: str) -> str:
    """Return `text` in NFC form, so one visible letter is one character."""
    return normalise(text)


def clean(text: str) -> str:
    """Drop HTML-ish and Markdown emphasis, keep line breaks, collapse spaces."""
    text = _BR.sub("\n", nfc(html.unescape(text)))
    text = _EMPH.sub("", _TAG.sub("", text))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def one_line(text: str) -> str:
    """Return `text` cleaned and joined on one line."""
    return " ".join(clean(text).split("\n"))


def fold_clean(text: str) -> str:
    """Return the folded one-line form of `text`."""
    return fold(one_line(text))
