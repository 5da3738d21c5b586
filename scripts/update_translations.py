"""Refresh resources/translations/*.ts from the tr() strings of advisor_desk/ui and models."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIRS = (ROOT / "advisor_desk" / "ui", ROOT / "advisor_desk" / "models")
TS_FILES = (ROOT / "resources" / "translations" / "advisor_desk_fr.ts",)


def lupdate_command() -> str:
    beside = Path(sys.executable).with_name("pyside6-lupdate")
    if beside.exists():
        return str(beside)
    found = shutil.which("pyside6-lupdate")
    if found is None:
        sys.exit("pyside6-lupdate not found: install PySide6 in this environment")
    return found


def source_files() -> list[Path]:
    return sorted(p for d in SOURCE_DIRS if d.exists() for p in d.rglob("*.py"))


def run_lupdate(ts_file: Path, *, keep_obsolete: bool = False) -> None:
    """lupdate keeps the existing translations of strings still in the code."""
    language = ts_file.stem.rpartition("_")[2]
    command = [
        lupdate_command(),
        *(str(p.relative_to(ROOT)) for p in source_files()),
        "-ts",
        str(ts_file),
        "-source-language",
        "en",
        "-target-language",
        language,
        "-locations",
        "none",  # no line numbers: a moved line must not change the .ts
        "-silent",
    ]
    if not keep_obsolete:
        command.append("-no-obsolete")
    subprocess.run(command, check=True, cwd=ROOT)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--keep-obsolete", action="store_true", help="keep vanished strings")
    args = parser.parse_args(argv)
    for ts_file in TS_FILES:
        ts_file.parent.mkdir(parents=True, exist_ok=True)
        run_lupdate(ts_file, keep_obsolete=args.keep_obsolete)
        print(f"updated {ts_file.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
