"""benchmarks/run.py dispatch and the start-up scenario's timing helpers (not the benchmark)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # benchmarks/ is a folder of scripts beside the package

from benchmarks import run, startup  # noqa: E402


def test_scenarios_are_the_modules_beside_run() -> None:
    assert "startup" in run.scenarios()
    assert "run" not in run.scenarios()


def test_unknown_scenario_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert run.main(["no_such_scenario"]) == 2
    assert "unknown scenario" in capsys.readouterr().err


def test_the_result_is_printed_as_the_last_json_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(startup, "main", lambda argv: {"scenario": "startup", "argv": argv})
    assert run.main(["startup", "--runs", "5"]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert json.loads(last) == {"scenario": "startup", "argv": ["--runs", "5"]}


def test_marks_are_timed_from_the_spawn() -> None:
    script = "print('noise'); print('painted 12', flush=True); print('ready 34')"
    marks = startup._timed([sys.executable, "-c", script], dict(os.environ), ("painted", "ready"))
    assert set(marks) == {"painted", "ready"}
    assert 0 < marks["painted"] <= marks["ready"]


def test_a_missing_mark_is_an_error() -> None:
    with pytest.raises(RuntimeError):
        startup._timed([sys.executable, "-c", "print('nothing')"], dict(os.environ), ("painted",))


def test_the_bare_window_prints_its_mark() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "startup.py"), "--bare"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    assert out.strip().splitlines()[-1] == "painted"


def test_the_seed_baseline_writes_the_very_rows_the_seed_wrote(tmp_path: Path) -> None:
    from advisor_desk.backend import migrate
    from advisor_desk.backend.engine import make_engine
    from advisor_desk.backend.seed import seed_database
    from benchmarks import seed

    seeded = make_engine(f"sqlite:///{tmp_path}/seeded.db")
    raw = make_engine(f"sqlite:///{tmp_path}/raw.db")
    try:
        migrate.upgrade(seeded)
        migrate.upgrade(raw)
        seed_database(seeded, members=12, seed=3, workers=0)
        rows = seed.member_rows(seeded)
        assert len(rows["members"]) == 12 and rows["reimbursements"]
        assert seed.write_raw(raw, rows) > 0
        assert seed.member_rows(raw) == rows
    finally:
        seeded.dispose()
        raw.dispose()
