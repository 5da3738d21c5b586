"""Start-up: process start → main window painted, the app against a bare Qt window.

    python benchmarks/run.py startup [--runs 7] [--members 200]

The app runs with `--demo-login` on a temporary seeded embedded database (prepared once,
before timing) and ADVISOR_DESK_STARTUP_MARK=1: it prints `painted <ms>` at its first paint
and `ready <ms>` once the logged-in home is painted, then quits. The bare reference
(`python benchmarks/startup.py --bare`) is PySide6 + qt-material, a QMainWindow with a
QTableView, printing the same `painted` mark. Runs alternate; times are measured here, from
just before the process is spawned to the line being read, and the medians are reported.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
MARK_ENV = "ADVISOR_DESK_STARTUP_MARK"


def bare_window() -> int:
    """The reference: what any PySide6 + qt-material table app pays to show its window."""
    import qt_material
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication(sys.argv[:1])
    qt_material.apply_stylesheet(app, "light_blue.xml", invert_secondary=True)
    window = QMainWindow()
    table = QTableView(window)
    table.setModel(QStandardItemModel(20, 6, window))
    window.setCentralWidget(table)
    window.resize(1280, 800)

    class Probe(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, painted)
            return False

    def painted() -> None:
        print("painted", flush=True)
        app.quit()

    probe = Probe()
    window.installEventFilter(probe)
    window.show()
    return app.exec()


def _prepare(tmp: Path, members: int) -> tuple[str, str]:
    """A seeded embedded database (through the command line, as a user would) and a login."""
    url = f"sqlite:///{tmp / 'bench.db'}"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "advisor_desk",
            "db",
            "seed",
            "--db",
            url,
            "--members",
            str(members),
            "--quiet",
        ],
        check=True,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    from advisor_desk.backend.demo_accounts import DEMO_ACCOUNTS

    return url, DEMO_ACCOUNTS[0].login


def _env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env[MARK_ENV] = "1"
    # Settings, logs and theme files of the runs stay in the temporary folder.
    env["ADVISOR_DESK_DATA_DIR"] = str(tmp / "data")
    env["XDG_CONFIG_HOME"] = str(tmp / "config")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _timed(command: list[str], env: dict[str, str], marks: tuple[str, ...]) -> dict[str, float]:
    """Milliseconds from spawning the process to reading each mark on its output."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    found: dict[str, float] = {}
    assert proc.stdout is not None
    for line in proc.stdout:
        word = line.split(" ", 1)[0].strip()
        if word in marks and word not in found:
            found[word] = (time.perf_counter() - start) * 1000
            if len(found) == len(marks):
                break
    proc.stdout.close()
    if proc.wait(timeout=60) != 0 or len(found) != len(marks):
        raise RuntimeError(f"{' '.join(command)} exited {proc.returncode}, marks {found}")
    return found


def main(argv: list[str]) -> dict[str, Any]:
    parser = argparse.ArgumentParser(prog="run.py startup")
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each (at least 5)")
    parser.add_argument("--members", type=int, default=200, help="members in the demo database")
    args = parser.parse_args(argv)
    runs = max(5, args.runs)
    with tempfile.TemporaryDirectory(prefix="advisor-desk-bench-") as tmp_name:
        tmp = Path(tmp_name)
        url, login = _prepare(tmp, args.members)
        env = _env(tmp)
        app_cmd = [sys.executable, "-m", "advisor_desk", "--db", url, "--demo-login", login]
        bare_cmd = [sys.executable, str(Path(__file__).resolve()), "--bare"]
        # One untimed run of each: the first start also writes caches (bytecode, fonts, icons).
        _timed(app_cmd, env, ("painted", "ready"))
        _timed(bare_cmd, env, ("painted",))
        app_painted: list[float] = []
        app_ready: list[float] = []
        bare: list[float] = []
        for _ in range(runs):
            marks = _timed(app_cmd, env, ("painted", "ready"))
            app_painted.append(marks["painted"])
            app_ready.append(marks["ready"])
            bare.append(_timed(bare_cmd, env, ("painted",))["painted"])
    app_ms = statistics.median(app_painted)
    bare_ms = statistics.median(bare)
    ready_ms = statistics.median(app_ready)
    return {
        "scenario": "startup",
        "app_ms": round(app_ms, 1),
        "bare_ms": round(bare_ms, 1),
        "ratio": round(app_ms / bare_ms, 3),
        "app_ready_ms": round(ready_ms, 1),
        "ready_ratio": round(ready_ms / bare_ms, 3),
        "runs": runs,
    }


if __name__ == "__main__":
    if sys.argv[1:] == ["--bare"]:
        sys.exit(bare_window())
    import json

    print(json.dumps(main(sys.argv[1:])))
