"""Health-professionals directory: filters, distance order, postcode checks, who may search."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from sqlalchemy import Engine, select

from advisor_desk.backend.engine import session_scope
from advisor_desk.backend.orm import Office, Professional
from advisor_desk.domain.enums import Role, Sector
from advisor_desk.domain.errors import PermissionDenied, ValidationError
from advisor_desk.domain.slots import distance_km

if TYPE_CHECKING:
    from conftest import Transport

# (last name, specialty, sector, fee, postcode, city, latitude, longitude)
PEOPLE = [
    ("Zola", "Cardiologie", Sector.SECTOR_1, 5000, "69003", "Lyon", 45.80, 4.90),
    ("Aubert", "Cardiologie", Sector.SECTOR_1, 5000, "69001", "Lyon", 45.77, 4.84),
    ("Émery", "Cardiologie", Sector.SECTOR_2, 8000, "69003", "Lyon", 45.761, 4.851),
    ("Bernard", "Cardiologie", Sector.OPTAM, 6000, "38000", "Grenoble", 45.19, 5.72),
    ("Colin", "Cardiologie", Sector.SECTOR_1, 5000, "69100", "Villeurbanne", 45.77, 4.88),
    ("Durand", "Médecine générale", Sector.SECTOR_1, 3000, "69003", "Lyon", 45.76, 4.85),
    ("Favre", "Pharmacie", Sector.SECTOR_1, 0, "42000", "Saint-Étienne", 45.44, 4.39),
]


@pytest.fixture
def professionals(engine: Engine) -> int:
    """The directory rows; returns the test office's id (Lyon, 45.76 / 4.85)."""
    with session_scope(engine) as s:
        for i, (last, spec, sector, fee, postcode, city, lat, lon) in enumerate(PEOPLE):
            s.add(
                Professional(
                    rpps=f"1000000000{i}",
                    last_name=last,
                    first_name="Jean",
                    specialty=spec,
                    sector=sector,
                    consultation_fee_cents=fee,
                    address_line=f"{i} rue Test",
                    postcode=postcode,
                    city=city,
                    latitude=lat,
                    longitude=lon,
                )
            )
        office_id = s.scalar(select(Office.id).where(Office.code == "T01"))
        assert office_id is not None
        return office_id


def test_specialties_are_distinct_and_sorted(transport: Transport, professionals: int) -> None:
    counter = transport.open_session(Role.COUNTER)
    assert counter.professionals.specialties() == ["Cardiologie", "Médecine générale", "Pharmacie"]
    assert [o.name for o in counter.professionals.offices()] == ["Accueil de test"]


def test_specialty_and_sector_filter(transport: Transport, professionals: int) -> None:
    agent = transport.open_session(Role.BACKOFFICE)
    found = agent.professionals.search("Cardiologie", [Sector.SECTOR_1, Sector.OPTAM])
    assert found.total == 4 == len(found.rows)
    assert {r.specialty for r in found.rows} == {"Cardiologie"}
    assert {r.sector for r in found.rows} == {Sector.SECTOR_1, Sector.OPTAM}
    # No origin: by name, no distances.
    assert [r.name for r in found.rows] == [
        "AUBERT Jean",
        "BERNARD Jean",
        "COLIN Jean",
        "ZOLA Jean",
    ]
    assert all(r.distance_km is None for r in found.rows) and found.origin is None
    # Every sector when none is given; words match name or city, accents and case aside.
    assert agent.professionals.search("Cardiologie", []).total == 5
    assert [r.name for r in agent.professionals.search(None, [], "EMERY").rows] == ["ÉMERY Jean"]
    assert agent.professionals.search(None, [], "saint etienne").rows[0].fee_cents == 0
    assert agent.professionals.search(None, [], "lyon jean").total == 4


def test_nearest_first_from_an_office(
    transport: Transport, engine: Engine, professionals: int
) -> None:
    counter = transport.open_session(Role.COUNTER)
    found = counter.professionals.search("Cardiologie", [], "", near_office_id=professionals)
    assert found.origin == "Accueil de test" and found.total == 5
    distances = [r.distance_km for r in found.rows]
    assert all(d is not None for d in distances)
    assert distances == sorted(distances)  # type: ignore[type-var]
    with session_scope(engine) as s:
        office = s.get(Office, professionals)
        assert office is not None
        exact = {
            p.rpps: distance_km(office.latitude, office.longitude, p.latitude, p.longitude)
            for p in s.scalars(select(Professional).where(Professional.specialty == "Cardiologie"))
        }
    assert found.rows[0].rpps == min(exact, key=exact.__getitem__)
    assert found.rows[0].name == "ÉMERY Jean"
    assert found.rows[-1].name == "BERNARD Jean"
    assert found.rows[-1].distance_km == round(exact[found.rows[-1].rpps], 1)
    # The limit keeps the nearest and still counts them all.
    two = counter.professionals.search("Cardiologie", [], "", professionals, None, 2)
    assert [r.rpps for r in two.rows] == [r.rpps for r in found.rows[:2]] and two.total == 5


def test_around_a_postcode(transport: Transport, professionals: int) -> None:
    counter = transport.open_session(Role.COUNTER)
    found = counter.professionals.search(None, [], "", None, "38000")
    assert found.origin == "38000"
    assert found.rows[0].name == "BERNARD Jean" and found.rows[0].distance_km == 0.0
    for wrong in ("3800", "38A00", "380000"):
        with pytest.raises(ValidationError) as err:
            counter.professionals.search(None, [], "", None, wrong)
        assert str(err.value) == "Le code postal doit comporter 5 chiffres."
        assert err.value.field == "near_postcode"
    with pytest.raises(ValidationError) as err:
        counter.professionals.search(None, [], "", None, "99999")
    assert str(err.value) == "Aucun professionnel n'exerce au code postal 99999 : vérifiez-le."
    with pytest.raises(ValidationError):
        counter.professionals.search(None, [], "", None, None, 501)
    with pytest.raises(ValidationError):
        counter.professionals.search(None, [], "", None, None, 0)


def test_admin_is_refused(transport: Transport, professionals: int) -> None:
    admin = transport.open_session(Role.ADMIN)
    with pytest.raises(PermissionDenied):
        admin.professionals.search("Cardiologie", [], "")
    with pytest.raises(PermissionDenied):
        admin.professionals.specialties()
    for role in (Role.SUPERVISOR, Role.BACKOFFICE, Role.COUNTER):
        assert "directory.read" in transport.open_session(role).permissions
