"""Demo establishments and hours: deterministic for a seed, valid, and around the offices."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from sqlalchemy import Engine, select

from advisor_desk.backend import migrate
from advisor_desk.backend.engine import make_engine, session_scope
from advisor_desk.backend.facade import Backend
from advisor_desk.backend.orm import Office, Professional
from advisor_desk.backend.orm.professionals import HealthEstablishment
from advisor_desk.backend.seed import seed_database
from advisor_desk.backend.seeding.reference import OFFICES, build_reference
from advisor_desk.domain.enums import EMERGENCY_KINDS, EstablishmentKind, Role
from advisor_desk.domain.finess import is_finess
from advisor_desk.domain.opening_hours import format_hours, parse_hours
from advisor_desk.domain.slots import distance_km

TODAY = date(2026, 3, 16)
ROOT = Path(__file__).resolve().parents[2]

_DUMP = """
import json, sys
from datetime import date
from advisor_desk.backend.seeding.reference import build_reference
ref = build_reference(int(sys.argv[1]), date(2026, 3, 16), password_hash="-")
rows = {t: ref.rows[t] for t in ("health_establishments", "professionals")}
print(json.dumps(rows, default=str, sort_keys=True))
"""


def _directory_rows(seed: int) -> dict[str, object]:
    ref = build_reference(seed, TODAY, password_hash="-")
    rows = {t: ref.rows[t] for t in ("health_establishments", "professionals")}
    return json.loads(json.dumps(rows, default=str, sort_keys=True))  # type: ignore[no-any-return]


def test_same_seed_same_directory_in_another_process() -> None:
    here = _directory_rows(7)
    # Another interpreter, with other string hashes: nothing may depend on a set's order.
    env = dict(os.environ, PYTHONHASHSEED="4321")
    out = subprocess.run(
        [sys.executable, "-c", _DUMP, "7"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    assert json.loads(out) == here
    other = _directory_rows(8)
    assert [r["finess"] for r in other["health_establishments"]] != [  # type: ignore[index]
        r["finess"]
        for r in here["health_establishments"]  # type: ignore[index]
    ]


def test_the_mix_is_valid_and_realistic() -> None:
    ref = build_reference(7, TODAY, password_hash="-")
    rows = ref.rows["health_establishments"]
    kinds = Counter(r["kind"] for r in rows)
    assert set(kinds) == set(EstablishmentKind)
    assert kinds[EstablishmentKind.PHARMACY] > len(rows) / 3  # the most numerous, as in life
    assert len({r["finess"] for r in rows}) == len(rows)
    assert all(is_finess(r["finess"]) and r["finess"].startswith("69") for r in rows)
    emergency = [r for r in rows if r["emergency"]]
    assert 5 <= len(emergency) <= 20
    assert all(r["kind"] in EMERGENCY_KINDS and r["hours"] == "24/7" for r in emergency)
    for r in rows:
        assert format_hours(parse_hours(r["hours"])) == r["hours"]  # canonical, or ""
    # Around every office: a pharmacy within 3 km, an emergency department within 25 km.
    for office in OFFICES:
        lat, lon = office[5], office[6]

        def km(r: dict[str, object], lat: float = lat, lon: float = lon) -> float:
            return distance_km(lat, lon, float(r["latitude"]), float(r["longitude"]))  # type: ignore[arg-type]

        pharmacies = [r for r in rows if r["kind"] is EstablishmentKind.PHARMACY]
        assert min(map(km, pharmacies)) < 3, office[1]
        assert min(map(km, emergency)) < 25, office[1]
    # Professionals: most publish their hours, all are readable.
    pros = ref.rows["professionals"]
    assert 0.85 < sum(1 for r in pros if r["hours"]) / len(pros) < 0.99
    assert all(format_hours(parse_hours(r["hours"])) == r["hours"] for r in pros)


def test_a_seeded_database_lists_them(tmp_path: Path) -> None:
    engine: Engine = make_engine(f"sqlite:///{tmp_path / 'seed.db'}")
    try:
        migrate.upgrade(engine)
        seed_database(engine, members=20, seed=7, today=TODAY, workers=0)
        with session_scope(engine, readonly=True) as s:
            stored = s.scalars(select(HealthEstablishment.finess).order_by(HealthEstablishment.id))
            expected = [
                r["finess"]
                for r in build_reference(7, TODAY, password_hash="-").rows["health_establishments"]
            ]
            assert list(stored) == expected
            assert s.scalar(select(Professional.hours).where(Professional.hours != "").limit(1))
            office_id = s.scalar(select(Office.id).where(Office.code == "LYO3"))
        bound = Backend(engine).login("conseiller", "demo-cpam-2026")
        assert bound.advisor.role is Role.COUNTER
        urgent = bound.professionals.establishments(near_office_id=office_id, emergency_only=True)
        assert [r.name for r in urgent.rows[:2]] == [
            "Hôpital Saint Joseph Saint Luc",  # 2.0 km from the Part-Dieu office
            "Hôpital Édouard Herriot (HCL)",  # 2.6 km
        ]
        assert all(r.emergency for r in urgent.rows)
        assert urgent.rows[0].distance_km is not None and urgent.rows[0].distance_km < 3
    finally:
        engine.dispose()
