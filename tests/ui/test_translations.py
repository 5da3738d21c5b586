"""The French catalogue: every tr() string translated, and the .ts up to date with the code."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "advisor_desk_fr.ts"
sys.path.insert(0, str(ROOT / "scripts"))
import update_translations  # noqa: E402

Message = tuple[str, str]  # (context, source)


def _messages(path: Path) -> dict[Message, ET.Element]:
    result: dict[Message, ET.Element] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            if translation.get("type") in ("obsolete", "vanished"):
                continue
            result[(name, message.findtext("source") or "")] = translation
    return result


def test_every_string_has_a_finished_french_translation() -> None:
    messages = _messages(TS)
    assert messages
    missing = [
        key
        for key, translation in messages.items()
        if translation.get("type") == "unfinished" or not (translation.text or "").strip()
    ]
    assert not missing, f"untranslated in {TS.name}: {missing}"


def test_placeholders_are_kept_in_translations() -> None:
    for (context, source), translation in _messages(TS).items():
        if not translation.text:
            continue  # untranslated: the test above reports it
        for token in ("{name}", "{login}", "{path}", "{message}", "{count}", "{role}", "{title}"):
            if token in source:
                assert token in (translation.text or ""), (context, source)


def test_the_committed_catalogue_lists_every_tr_string(tmp_path: Path) -> None:
    if (
        shutil.which("pyside6-lupdate") is None
        and not Path(sys.executable).with_name("pyside6-lupdate").exists()
    ):
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "advisor_desk_fr.ts"
    try:
        update_translations.run_lupdate(fresh)
    except subprocess.CalledProcessError as exc:  # pragma: no cover - shown on failure
        pytest.fail(f"lupdate failed: {exc}")
    in_code = set(_messages(fresh))
    committed = set(_messages(TS))
    assert in_code - committed == set(), "run scripts/update_translations.py and translate"
    assert committed - in_code == set(), "run scripts/update_translations.py (stale strings)"


def test_the_catalogue_compiles_cleanly(tmp_path: Path) -> None:
    """lrelease is stricter than XML: a translation holding markup fails the build."""
    lrelease = shutil.which("pyside6-lrelease") or str(
        Path(sys.executable).with_name("pyside6-lrelease")
    )
    if not Path(lrelease).exists():
        pytest.skip("pyside6-lrelease is not installed")
    proc = subprocess.run(
        [lrelease, str(TS), "-qm", str(tmp_path / "fr.qm")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for translation in _messages(TS).values():
        assert len(translation) == 0, "a translation must hold text only"
