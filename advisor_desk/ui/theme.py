"""qt-material themes (light by default, dark available) plus the app's own QSS overrides."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QDir
from PySide6.QtGui import QColor, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication

from advisor_desk.paths import data_dir, resources_dir

log = logging.getLogger(__name__)

THEME_FILES = {"light": "light_blue.xml", "dark": "dark_blue.xml"}
# Denser than qt-material's default: an advisor's screen holds forms and tables side by side.
_EXTRA = {"density_scale": "-1", "font_family": "Roboto"}


def _overrides(name: str) -> str:
    parts = []
    for file in ("app.qss", f"app-{name}.qss"):
        path = resources_dir() / "qss" / file
        if path.exists():
            parts.append(path.read_text(encoding="utf-8"))
    return "\n".join(parts)


def _qt_material_dir() -> Path | None:
    spec = importlib.util.find_spec("qt_material")  # locates it without importing it
    return Path(spec.origin).parent if spec is not None and spec.origin else None


def _cache_dir(name: str, package: Path) -> Path:
    """A folder per theme, qt-material version (its template) and options."""
    stamp = []
    for file in (package / "material.qss.template", package / "themes" / THEME_FILES[name]):
        stat = file.stat()
        stamp.append(f"{file.name}:{stat.st_size}:{stat.st_mtime_ns}")
    stamp.append(json.dumps(_EXTRA, sort_keys=True))
    digest = hashlib.sha1("|".join(stamp).encode()).hexdigest()[:12]
    return data_dir() / "theme-cache" / f"{name}-{digest}"


def _apply_cached(app: QApplication, cache: Path, package: Path) -> bool:
    """What qt-material's apply_stylesheet does, from the files it produced at a previous start.

    Rendering its template and rewriting its ~120 icon files costs a quarter of a second at
    every start; the result only changes with the theme or qt-material's version.
    """
    try:
        stylesheet = (cache / "material.qss").read_text(encoding="utf-8")
        meta = json.loads((cache / "theme.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not (cache / "icons" / "primary").is_dir():
        return False
    app.setStyle("Fusion")
    for font in sorted((package / "fonts" / "roboto").glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(font))
    QDir.setSearchPaths("icon", [str(cache / "icons")])
    QDir.addSearchPath("qt_material", str(package / "resources"))  # qt-material does so too
    palette = QApplication.palette()
    color = QColor(meta["primaryColor"])
    color.setAlpha(92)  # as qt-material does: placeholder text in the primary colour
    palette.setColor(QPalette.ColorRole.Text, color)
    QApplication.setPalette(palette)
    app.setStyleSheet(stylesheet)
    return True


def _build(app: QApplication, name: str, cache: Path) -> None:
    import qt_material  # deferred: it imports jinja2, and is only needed to build the cache

    qt_material.apply_stylesheet(
        app,
        theme=THEME_FILES[name],
        invert_secondary=(name != "dark"),
        extra=dict(_EXTRA),
        # qt-material writes its recoloured icons to disk: keep them in the cache folder.
        parent=str(cache / "icons"),
    )
    # qt-material adds its icon folder to the search path: keep only this theme's.
    QDir.setSearchPaths("icon", [str(cache / "icons")])
    meta = {"primaryColor": os.environ.get("QTMATERIAL_PRIMARYCOLOR", "#2979ff")}
    try:
        for file, text in (("material.qss", app.styleSheet()), ("theme.json", json.dumps(meta))):
            # Atomic: two instances starting together must not read a half-written file.
            fd, tmp = tempfile.mkstemp(dir=cache, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
            os.replace(tmp, cache / file)
    except OSError:
        log.warning("Could not cache the theme in %s", cache, exc_info=True)


def apply_theme(app: QApplication, name: str) -> None:
    """Apply the named theme ('light' or 'dark') to the whole application."""
    name = name if name in THEME_FILES else "light"
    package = _qt_material_dir()
    if package is None:
        log.warning("qt-material is not installed: default Qt style")
        app.setStyleSheet(_overrides(name))
        return
    cache = _cache_dir(name, package)
    if not _apply_cached(app, cache, package):
        cache.mkdir(parents=True, exist_ok=True)
        _build(app, name, cache)
    app.setStyleSheet(app.styleSheet() + "\n" + _overrides(name))
    app.setProperty("advisorDeskTheme", name)
