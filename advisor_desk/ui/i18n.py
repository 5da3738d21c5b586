"""French by default: Qt's own qtbase translation plus the app's, compiled on the fly if missing."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from advisor_desk.paths import resources_dir

log = logging.getLogger(__name__)

APP_CATALOG = "advisor_desk"
DEFAULT_LANGUAGE = "fr"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def _lrelease() -> str | None:
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    if beside.exists():
        return str(beside)
    return shutil.which("pyside6-lrelease")


def compiled_catalog(language: str = DEFAULT_LANGUAGE) -> Path | None:
    """The app's .qm; compiled from the .ts when missing or older (a fresh checkout has none)."""
    ts = translations_dir() / f"{APP_CATALOG}_{language}.ts"
    qm = ts.with_suffix(".qm")
    if qm.exists() and (not ts.exists() or qm.stat().st_mtime >= ts.stat().st_mtime):
        return qm
    if not ts.exists():
        log.warning("No translation catalogue for %r in %s", language, ts.parent)
        return None
    tool = _lrelease()
    if tool is None:
        log.warning("%s is not compiled and pyside6-lrelease is not available", ts.name)
        return qm if qm.exists() else None
    target = qm if os.access(ts.parent, os.W_OK) else Path(tempfile.gettempdir()) / qm.name
    try:
        subprocess.run([tool, "-silent", str(ts), "-qm", str(target)], check=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        log.warning("Could not compile %s", ts, exc_info=True)
        return qm if qm.exists() else None
    return target


def install_translators(
    app: QCoreApplication, language: str = DEFAULT_LANGUAGE
) -> list[QTranslator]:
    """Install Qt's and the app's translators; returns them (keep them alive with the app)."""
    QLocale.setDefault(QLocale(language))
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator(app)
    if qtbase.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qtbase)
        installed.append(qtbase)
    else:
        log.warning("Qt's own translation qtbase_%s not found in %s", language, qt_dir)
    catalog = compiled_catalog(language)
    own = QTranslator(app)
    if catalog is not None and own.load(str(catalog)):
        app.installTranslator(own)
        installed.append(own)
    else:
        log.warning("The %s translation of the app could not be loaded", language)
    return installed
