"""Fill French translations from a JSON file: {"English source": "French text", ...}.

Only unfinished or empty entries are filled, so a reviewed translation is never
overwritten; the file is then normalized by lupdate (scripts/update_translations.py).
Prints the source strings still unfinished afterwards.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from update_translations import TS_FILES, run_lupdate  # noqa: E402


def fill(ts_file: Path, mapping: dict[str, str]) -> list[str]:
    tree = ET.parse(ts_file)
    missing: list[str] = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            continue
        unfinished = translation.get("type") == "unfinished" or not (translation.text or "")
        if not unfinished:
            continue
        if source in mapping:
            translation.text = mapping[source]
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    tree.write(ts_file, encoding="utf-8", xml_declaration=True)
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("json_file", type=Path)
    args = parser.parse_args(argv)
    mapping = json.loads(args.json_file.read_text(encoding="utf-8"))
    lock_path = ROOT / "resources" / "translations" / ".lock"
    with lock_path.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # several people editing the catalogue at once
        for ts_file in TS_FILES:
            run_lupdate(ts_file)
            missing = fill(ts_file, mapping)
            run_lupdate(ts_file)
            for source in missing:
                print(f"still unfinished: {source!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
