"""Text helpers shared by name matching and parsing."""
from __future__ import annotations

import re
import unicodedata

_PREFIXES = ("tinh ", "thanh pho ", "tp ", "tp. ", "province ", "city ")


def fold(text: str) -> str:
    """Lower-case and strip Vietnamese diacritics (đ -> d)."""
    text = unicodedata.normalize("NFD", str(text).replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def name_key(text: str) -> str:
    """Key under which spellings of a place name compare equal.

    Ignores case, diacritics (and old/new tone placement such as Hoà/Hòa),
    spacing, hyphens, dots and an administrative prefix ("Tỉnh", "TP.").
    """
    t = fold(text).strip()
    t = re.sub(r"\s+", " ", t)
    for p in _PREFIXES:
        if t.startswith(p) and len(t) > len(p) + 2:
            t = t[len(p):]
            break
    return re.sub(r"[^a-z0-9]", "", t)


# Control characters (C0 but tab and newline, DEL, C1) and the bidirectional
# overrides: a terminal would run them as escape sequences or show text
# reordered, so data printed on a terminal carries them escaped.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` with control characters written as escapes (ESC -> \\x1b,
    U+202E -> \\u202e); tab and newline kept."""
    return _CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                         else f"\\u{ord(m.group()):04x}", text)


class PrintableStream:
    """A text stream that writes through `printable`: the command line's
    stdout and stderr, so no value from a data file reaches the terminal
    as an escape sequence."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, s: str) -> int:
        self._stream.write(printable(s))
        return len(s)

    def __getattr__(self, name):
        return getattr(self._stream, name)
