"""FINESS numbers of care establishments: 9 characters, the département first (2A/2B for Corsica)."""

from __future__ import annotations

import re

# Département (01–19, 21–95, 2A, 2B, or 97/98 overseas), then 7 digits, the last one a key.
_FINESS = re.compile(r"(0[1-9]|1\d|2[1-9AB]|[3-8]\d|9[0-5]|9[78])\d{7}")


def normalize_finess(text: str) -> str:
    """What was typed or read, without spaces and in capitals."""
    return "".join(text.split()).upper()


def is_finess(text: str) -> bool:
    """True when `text` is shaped as a FINESS number (the key is not checked: (verify))."""
    return _FINESS.fullmatch(text) is not None


def luhn_key(digits: str) -> str:
    """The Luhn key of a string of digits, as the FINESS numbers of the demo data carry."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        value = int(ch) * (2 if i % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return str((10 - total % 10) % 10)
