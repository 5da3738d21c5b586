"""Health directory: professionals and establishments, filters, distance order, checks, who may search."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from sqlalchemy import Engine, select, update
from sqlalchemy.exc import IntegrityError

from advisor_desk.backend.engine import session_scope
from advisor_desk.backend.orm import Office, Professional
from advisor_desk.backend.orm.professionals import HealthEstablishment
from advisor_desk.domain.enums import EstablishmentKind as K
from advisor_desk.domain.enums import EstablishmentStatus as S
from advisor_desk.domain.enums import Role, Sector
from advisor_desk.domain.errors import NotFound, PermissionDenied, ValidationError
from advisor_desk.domain.slots import distance_km

if TYPE_CHECKING:
    from conftest import AuditLog, Transport

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


def test_professional_rows_carry_their_hours(
    transport: Transport, engine: Engine, professionals: int
) -> None:
    with session_scope(engine) as s:
        s.execute(
            update(Professional)
            .where(Professional.last_name == "Durand")
            .values(hours="Mo-Fr 08:30-12:00,14:00-19:00; Sa 09:00-12:00")
        )
    found = transport.open_session(Role.COUNTER).professionals.search(None, [], "lyon")
    hours = {r.name: r.hours for r in found.rows}
    assert hours["DURAND Jean"] == "Mo-Fr 08:30-12:00,14:00-19:00; Sa 09:00-12:00"
    assert hours["ZOLA Jean"] == ""  # not published


# (finess, name, kind, status, emergency, postcode, city, latitude, longitude, hours)
PLACES = [
    ("690781810", "Hôpital Édouard Herriot", K.CHU, S.PUBLIC, True, "69003", "Lyon", 45.7424, 4.8818, "24/7"),
    ("690023153", "Clinique du Parc", K.CLINIC, S.PRIVATE_FOR_PROFIT, False, "69006", "Lyon", 45.7727, 4.852, "Mo-Fr 07:30-19:30"),
    ("690044464", "Pharmacie de la Mairie", K.PHARMACY, S.PRIVATE_FOR_PROFIT, False, "69003", "Lyon", 45.761, 4.851, "Mo-Sa 08:30-19:30"),
    ("380780080", "CHU Grenoble Alpes", K.CHU, S.PUBLIC, True, "38700", "La Tronche", 45.20, 5.75, "24/7"),
    ("690000880", "Centre hospitalier de Givors", K.HOSPITAL, S.PUBLIC, True, "69700", "Givors", 45.5901, 4.762, "24/7"),
    ("2A0000014", "Centre hospitalier d'Ajaccio", K.HOSPITAL, S.PUBLIC, True, "20000", "Ajaccio", 41.93, 8.74, ""),
    ("690036577", "Laboratoire Biogroup", K.LABORATORY, S.PRIVATE_FOR_PROFIT, False, "69100", "Villeurbanne", 45.77, 4.88, ""),
    ("690051121", "Centre de santé mutualiste", K.HEALTH_CENTRE, S.PRIVATE_NON_PROFIT, False, "69100", "Villeurbanne", 45.768, 4.875, "Mo-Fr 08:00-19:00"),
]  # fmt: skip


def _establishment(row: tuple[object, ...]) -> HealthEstablishment:
    finess, name, kind, status, emergency, postcode, city, lat, lon, hours = row
    return HealthEstablishment(
        finess=finess,
        name=name,
        kind=kind,
        status=status,
        address_line="1 place de Test",
        postcode=postcode,
        city=city,
        latitude=lat,
        longitude=lon,
        phone="04 72 00 00 00",
        emergency=emergency,
        hours=hours,
    )


@pytest.fixture
def establishments(engine: Engine, professionals: int) -> int:
    """The directory's establishments, beside its professionals; returns the test office's id."""
    with session_scope(engine) as s:
        s.add_all(_establishment(row) for row in PLACES)
    return professionals


def test_establishments_by_name_with_filters(transport: Transport, establishments: int) -> None:
    agent = transport.open_session(Role.BACKOFFICE)
    everything = agent.professionals.establishments()
    assert everything.total == len(PLACES) == len(everything.rows) and everything.origin is None
    # By name (accents aside), no distances.
    assert [r.name for r in everything.rows] == [
        "Centre de santé mutualiste",
        "Centre hospitalier d'Ajaccio",
        "Centre hospitalier de Givors",
        "CHU Grenoble Alpes",
        "Clinique du Parc",
        "Hôpital Édouard Herriot",
        "Laboratoire Biogroup",
        "Pharmacie de la Mairie",
    ]
    assert all(r.distance_km is None for r in everything.rows)
    herriot = everything.rows[5]
    assert (herriot.finess, herriot.kind, herriot.status) == ("690781810", K.CHU, S.PUBLIC)
    assert herriot.emergency and herriot.hours == "24/7" and herriot.phone == "04 72 00 00 00"
    assert (herriot.address, herriot.postcode, herriot.city) == ("1 place de Test", "69003", "Lyon")
    # One kind; emergency departments only; words of the name or commune, accents aside.
    chus = agent.professionals.establishments(K.CHU)
    assert [r.name for r in chus.rows] == ["CHU Grenoble Alpes", "Hôpital Édouard Herriot"]
    urgent = agent.professionals.establishments(emergency_only=True)
    assert urgent.total == 4 and all(r.emergency for r in urgent.rows)
    assert agent.professionals.establishments(K.CLINIC, emergency_only=True).total == 0
    assert [r.name for r in agent.professionals.establishments(None, "EDOUARD").rows] == [
        "Hôpital Édouard Herriot"
    ]
    villeurbanne = agent.professionals.establishments(None, "villeur")
    assert {r.kind for r in villeurbanne.rows} == {K.LABORATORY, K.HEALTH_CENTRE}
    assert agent.professionals.establishments(None, "centre givors").total == 1
    # The limit keeps the first by name and still counts them all.
    two = agent.professionals.establishments(limit=2)
    assert [r.name for r in two.rows] == [r.name for r in everything.rows[:2]] and two.total == 8


def test_establishments_nearest_first_from_an_office(
    transport: Transport, engine: Engine, establishments: int
) -> None:
    counter = transport.open_session(Role.COUNTER)
    found = counter.professionals.establishments(near_office_id=establishments)
    assert found.origin == "Accueil de test" and found.total == len(PLACES)
    distances = [r.distance_km for r in found.rows]
    assert None not in distances and distances == sorted(distances)  # type: ignore[type-var]
    assert found.rows[0].name == "Pharmacie de la Mairie" and found.rows[-1].name.endswith(
        "Ajaccio"
    )
    with session_scope(engine) as s:
        office = s.get(Office, establishments)
        assert office is not None
        exact = {
            e.name: round(
                distance_km(office.latitude, office.longitude, e.latitude, e.longitude), 1
            )
            for e in s.scalars(select(HealthEstablishment))
        }
    assert {r.name: r.distance_km for r in found.rows} == exact
    # The emergency departments around the office: Lyon, then Givors, Grenoble, Ajaccio.
    urgent = counter.professionals.establishments(None, "", establishments, None, True)
    assert [r.city for r in urgent.rows] == ["Lyon", "Givors", "La Tronche", "Ajaccio"]
    nearest = counter.professionals.establishments(None, "", establishments, None, True, 1)
    assert [r.name for r in nearest.rows] == ["Hôpital Édouard Herriot"] and nearest.total == 4
    with pytest.raises(NotFound):
        counter.professionals.establishments(near_office_id=establishments + 999)


def test_establishments_around_a_postcode(transport: Transport, establishments: int) -> None:
    counter = transport.open_session(Role.COUNTER)
    givors = counter.professionals.establishments(near_postcode="69700")
    assert givors.origin == "69700"
    assert givors.rows[0].city == "Givors" and givors.rows[0].distance_km == 0.0
    # A postcode where only professionals practise is still a place to start from.
    around = counter.professionals.establishments(K.CHU, near_postcode="42000")
    assert around.origin == "42000" and [r.name for r in around.rows] == [
        "Hôpital Édouard Herriot",
        "CHU Grenoble Alpes",
    ]
    for wrong in ("697", "69A00", "690030"):
        with pytest.raises(ValidationError) as err:
            counter.professionals.establishments(near_postcode=wrong)
        assert str(err.value) == "Le code postal doit comporter 5 chiffres."
        assert err.value.field == "near_postcode"
    with pytest.raises(ValidationError) as err:
        counter.professionals.establishments(near_postcode="99999")
    assert str(err.value) == (
        "Aucun établissement ni professionnel de santé au code postal 99999 : vérifiez-le."
    )
    assert err.value.field == "near_postcode"
    with pytest.raises(ValidationError) as err:
        counter.professionals.establishments(near_office_id=establishments, near_postcode="69003")
    assert str(err.value) == "Choisissez un bureau ou un code postal, pas les deux."
    for limit in (0, 501):
        with pytest.raises(ValidationError) as err:
            counter.professionals.establishments(limit=limit)
        assert err.value.field == "limit"


def test_establishments_are_for_the_advisors_not_the_admin_and_not_audited(
    transport: Transport, establishments: int, audit_log: AuditLog
) -> None:
    for role in (Role.COUNTER, Role.BACKOFFICE, Role.SUPERVISOR):
        bound = transport.open_session(role)
        mark = audit_log.mark()
        assert bound.professionals.establishments(emergency_only=True).total == 4
        assert audit_log.since(mark) == []  # public reference data: no audit row
    admin = transport.open_session(Role.ADMIN)
    with pytest.raises(PermissionDenied):
        admin.professionals.establishments()


def test_the_database_keeps_establishments_consistent(engine: Engine) -> None:
    row = PLACES[2]  # a pharmacy
    with pytest.raises(IntegrityError), session_scope(engine) as s:
        s.add(_establishment((*row[:4], True, *row[5:])))  # a pharmacy with urgences
    with pytest.raises(IntegrityError), session_scope(engine) as s:
        s.add(_establishment(("69004446", *row[1:])))  # 8 characters
    with session_scope(engine) as s:
        s.add(_establishment(row))
    with pytest.raises(IntegrityError), session_scope(engine) as s:
        s.add(_establishment((row[0], "Pharmacie bis", *row[2:])))  # the same FINESS
    with session_scope(engine) as s:
        stored = s.scalars(select(HealthEstablishment)).one()
        assert stored.search_key == "pharmacie de la mairie lyon"
        assert stored.kind is K.PHARMACY and stored.emergency is False


def test_nearest_first_through_the_box_is_the_true_nearest(
    transport: Transport, engine: Engine, professionals: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Many candidates: the database hands over only those in a box around the origin,
    widened until nothing nearer can be outside. The result is the brute-force ranking."""
    import random

    from advisor_desk.backend import professionals as service

    rng = random.Random(5)
    with session_scope(engine) as s:
        for i in range(400):
            # Dense around Lyon, sparse farther out (up to ~150 km).
            spread = 0.02 if i < 150 else 1.2
            s.add(
                Professional(
                    rpps=f"2{i:010d}",
                    last_name=f"Nom{i:03d}",
                    first_name="Anne",
                    specialty="Kinésithérapie" if i % 3 else "Cardiologie",
                    sector=Sector.SECTOR_1,
                    consultation_fee_cents=2000,
                    address_line="1 rue",
                    postcode="69000",
                    city="Ailleurs",
                    latitude=45.76 + rng.uniform(-spread, spread),
                    longitude=4.85 + rng.uniform(-spread, spread),
                )
            )
    with session_scope(engine) as s:
        places = [(p.id, p.last_name, p.specialty, p.latitude, p.longitude)
                  for p in s.scalars(select(Professional))]  # fmt: skip

    def brute(lat: float, lon: float, limit: int, specialty: str | None) -> list[int]:
        ranked = sorted(
            (distance_km(lat, lon, la, lo), last, pid)
            for pid, last, spec, la, lo in places
            if specialty in (None, spec)
        )
        return [pid for _km, _last, pid in ranked[:limit]]

    counter = transport.open_session(Role.COUNTER)
    monkeypatch.setattr(service, "RANK_ALL_UP_TO", 0)  # always through the box here
    monkeypatch.setattr(service, "FIRST_RADIUS_KM", 0.5)
    for limit, specialty in ((10, None), (100, None), (30, "Cardiologie"), (300, None)):
        found = counter.professionals.search(specialty, near_office_id=professionals, limit=limit)
        assert [r.id for r in found.rows] == brute(45.76, 4.85, limit, specialty)
        assert found.total == len(brute(45.76, 4.85, 10_000, specialty))
        km = [r.distance_km for r in found.rows]
        assert km == sorted(km)  # type: ignore[type-var]
    # From a postcode far from the dense part: the box has to widen several times.
    far = counter.professionals.search(near_postcode="42000", limit=50)
    assert [r.id for r in far.rows] == brute(45.44, 4.39, 50, None)
