"""Decoding text tables as Excel and other programs write them.

Excel's "CSV UTF-8" is UTF-8 with a BOM, plain "CSV" on a Vietnamese
Windows is Windows-1258, and "Unicode Text" (.txt) is UTF-16 little-endian
with a BOM, tab-separated. Files typed in older Vietnamese software use
TCVN3 (ABC) or VNI fonts: their bytes decode as some 8-bit text without
error but spell nonsense, so they are recognised by the byte patterns
their Vietnamese letters make and refused with the advice to save as UTF-8.
"""
from __future__ import annotations

import codecs
import re

from .model import FileRejected, issue

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))

# TCVN3 puts its Vietnamese letters on 0xA1-0xBF (e.g. 0xB5 à, 0xB8 á, 0xAE đ,
# 0xA7 Đ, 0xA9 â, 0xAA ê, 0xAB ô, 0xAC ơ, 0xAD ư); in Windows-1258 and VNI
# those bytes are symbols (µ ¸ ® § © ª « ¬) that never touch a letter.
# A word that opens with Đ/đ (0xA7/0xAE) and goes on with an accented
# letter ("Định" is 0xA7 0xDE n h) has no plain letter beside either byte;
# TCVN3's ì (0xD7) and ò (0xDF) are × and ß elsewhere, never inside a word
# of Vietnamese ("Bình" is B 0xD7 n h, "Hòa" H 0xDF a).
_TCVN3 = re.compile(rb"[A-Za-z][\xa1-\xbf\xd7\xdf]|[\xa1-\xbf\xd7\xdf][A-Za-z]|[\xa7\xae][\xb5-\xfe]")
# VNI writes a base letter followed by a mark byte; some of its marks are
# letters no Vietnamese spelling uses in Windows-1258 (ø ï û ö ñ ë ä å ü æ î
# and their capitals), which tells the two apart.
_VNI = re.compile(rb"[A-Za-z][\xf8\xef\xfb\xf6\xf1\xeb\xe4\xe5\xfc\xe6\xee\xd8\xcf\xdb\xd6\xd1\xcb\xc4\xc5\xdc\xc6\xce]"
                  rb"|[\xf1\xd1][A-Za-z]")
# Windows-1258: a letter then a precomposed vowel (à á â ă ê ô ơ ư đ …) or a
# combining tone byte (0xCC grave, 0xEC acute, 0xD2 hook, 0xDE tilde, 0xF2 dot).
_CP1258 = re.compile(rb"[A-Za-z\xe2\xea\xf4\xe3\xf5\xfd][\xc0-\xc3\xc8-\xca\xcc\xcd\xd2-\xd5\xd9\xda\xdd\xde"
                     rb"\xe0-\xe3\xe8-\xea\xec\xed\xf0\xf2-\xf5\xf9\xfa\xfd]|[\xd0\xf0][A-Za-z\xe2\xea\xf4\xe3\xf5\xfd]")


def encoding_of(raw: bytes) -> str | None:
    """The Python codec of a Unicode text file (from its BOM, or a UTF-16
    file without one), or None when the bytes are not Unicode text."""
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            return enc
    head = raw[:4000]
    if len(head) >= 4 and head.count(b"\x00") > len(head) // 4:
        # UTF-16 without a BOM: ASCII letters alternate with zero bytes
        return "utf-16-le" if head[1::2].count(b"\x00") > head[0::2].count(b"\x00") else "utf-16-be"
    try:
        raw.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return None


def is_unicode_text(raw: bytes) -> bool:
    """A BOM or UTF-16: text even though it holds zero bytes."""
    return any(raw.startswith(b) for b, _ in _BOMS) or (
        encoding_of(raw) in ("utf-16-le", "utf-16-be") and b"\x00\x00" not in raw[:64])


def legacy_encoding(raw: bytes) -> str | None:
    """Which legacy Vietnamese encoding the bytes look like, if any."""
    tcvn, vni = len(_TCVN3.findall(raw)), len(_VNI.findall(raw))
    if tcvn or vni:
        return "TCVN3 (ABC)" if tcvn >= vni else "VNI"
    # 8-bit Vietnamese that is neither: what Excel's plain "CSV" writes on Windows
    return "Windows-1258" if _CP1258.search(raw) else None


def decode(raw: bytes, file_name: str) -> str:
    """The text of a table file, or FileRejected: a legacy Vietnamese
    encoding named with the advice to save as UTF-8, anything else not
    Unicode as an encoding error."""
    enc = encoding_of(raw)
    if enc is None:
        legacy = legacy_encoding(raw)
        if legacy:
            raise FileRejected(issue("encoding_legacy", file_name, encoding=legacy))
        raise FileRejected(issue("encoding", file_name))
    try:
        return raw.decode(enc)
    except UnicodeDecodeError:
        raise FileRejected(issue("encoding", file_name)) from None
