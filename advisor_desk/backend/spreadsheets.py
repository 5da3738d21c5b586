"""The spreadsheet files the backend hands over: CSV as French spreadsheets open it."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence


def csv_bytes(table: Iterable[Sequence[object]]) -> bytes:
    """`;`-separated lines ending in CRLF, UTF-8 with a BOM (so Excel reads the accents)."""
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(table)
    return out.getvalue().encode("utf-8-sig")
