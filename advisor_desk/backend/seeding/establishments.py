"""Demo care establishments around the seed's communes, and the directory's opening hours.

Deterministic for a seed, and drawn from random generators of their own: adding this part
changed none of the rows the seed wrote before (members, professionals, agendas).
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Any

from advisor_desk.backend.orm.professionals import establishment_key
from advisor_desk.domain.enums import EstablishmentKind as K
from advisor_desk.domain.enums import EstablishmentStatus as S
from advisor_desk.domain.finess import luhn_key
from advisor_desk.domain.opening_hours import ALWAYS, Day, Week, format_hours

from . import data

Rows = dict[str, list[dict[str, Any]]]

# The area's hospitals and clinics: (name, kind, status, emergency 24/7, address, postcode,
# latitude, longitude, phone). Places are close to the real ones; FINESS numbers are made up.
HOSPITALS: tuple[tuple[str, K, S, bool, str, str, float, float, str], ...] = (
    (
        "Hôpital Édouard Herriot (HCL)",
        K.CHU,
        S.PUBLIC,
        True,
        "5 place d'Arsonval",
        "69003",
        45.7424,
        4.8818,
        "08 25 08 25 69",
    ),
    (
        "Hôpital de la Croix-Rousse (HCL)",
        K.CHU,
        S.PUBLIC,
        True,
        "103 grande rue de la Croix-Rousse",
        "69004",
        45.7818,
        4.8285,
        "04 26 73 20 00",
    ),
    (
        "Centre hospitalier Lyon Sud (HCL)",
        K.CHU,
        S.PUBLIC,
        True,
        "165 chemin du Grand Revoyet",
        "69310",
        45.6890,
        4.8170,
        "04 78 86 10 00",
    ),
    (
        "Hôpital Femme Mère Enfant (HCL)",
        K.CHU,
        S.PUBLIC,
        True,
        "59 boulevard Pinel",
        "69500",
        45.7445,
        4.9085,
        "04 27 85 55 55",
    ),
    (
        "Hôpital Louis Pradel (HCL)",
        K.CHU,
        S.PUBLIC,
        False,
        "28 avenue du Doyen Lépine",
        "69500",
        45.7423,
        4.9047,
        "04 72 35 70 00",
    ),
    (
        "Hôpital Nord-Ouest Villefranche",
        K.HOSPITAL,
        S.PUBLIC,
        True,
        "Plateau d'Ouilly",
        "69400",
        45.9860,
        4.6960,
        "04 74 09 29 29",
    ),
    (
        "Centre hospitalier de Givors",
        K.HOSPITAL,
        S.PUBLIC,
        True,
        "9 avenue Professeur Fleming",
        "69700",
        45.5901,
        4.7620,
        "04 78 07 30 30",
    ),
    (
        "Centre hospitalier de Tarare",
        K.HOSPITAL,
        S.PUBLIC,
        True,
        "1 boulevard Garibaldi",
        "69170",
        45.8980,
        4.4300,
        "04 74 05 46 46",
    ),
    (
        "Centre hospitalier Le Vinatier",
        K.HOSPITAL,
        S.PUBLIC,
        False,
        "95 boulevard Pinel",
        "69500",
        45.7470,
        4.8920,
        "04 37 91 55 55",
    ),
    (
        "Hôpital Saint Joseph Saint Luc",
        K.HOSPITAL,
        S.PRIVATE_NON_PROFIT,
        True,
        "20 quai Claude Bernard",
        "69007",
        45.7496,
        4.8390,
        "04 78 61 81 81",
    ),
    (
        "Centre Léon Bérard",
        K.HOSPITAL,
        S.PRIVATE_NON_PROFIT,
        False,
        "28 rue Laennec",
        "69008",
        45.7434,
        4.8826,
        "04 78 78 28 28",
    ),
    (
        "Hôpital privé Jean Mermoz",
        K.CLINIC,
        S.PRIVATE_FOR_PROFIT,
        True,
        "55 avenue Jean Mermoz",
        "69008",
        45.7379,
        4.8752,
        "04 37 53 88 88",
    ),
    (
        "Médipôle Lyon-Villeurbanne",
        K.CLINIC,
        S.PRIVATE_FOR_PROFIT,
        True,
        "158 rue Léon Blum",
        "69100",
        45.7601,
        4.9029,
        "04 87 65 00 00",
    ),
    (
        "Hôpital privé de l'Est lyonnais",
        K.CLINIC,
        S.PRIVATE_FOR_PROFIT,
        True,
        "12 rue Maryse Bastié",
        "69800",
        45.7010,
        4.9390,
        "04 78 21 32 32",
    ),
    (
        "Clinique de la Sauvegarde",
        K.CLINIC,
        S.PRIVATE_FOR_PROFIT,
        False,
        "480 avenue Ben Gourion",
        "69009",
        45.7870,
        4.8050,
        "04 72 17 26 26",
    ),
    (
        "Clinique Charcot",
        K.CLINIC,
        S.PRIVATE_FOR_PROFIT,
        False,
        "51 rue du Commandant Charcot",
        "69110",
        45.7340,
        4.7970,
        "04 78 59 86 86",
    ),
    (
        "Clinique du Val d'Ouest",
        K.CLINIC,
        S.PRIVATE_FOR_PROFIT,
        False,
        "39 chemin de la Vernique",
        "69130",
        45.7740,
        4.7700,
        "04 72 18 15 15",
    ),
    (
        "Hôpital privé Natécia",
        K.CLINIC,
        S.PRIVATE_FOR_PROFIT,
        False,
        "22 avenue Rockefeller",
        "69008",
        45.7390,
        4.8690,
        "04 78 77 32 32",
    ),
)

_PHARMACY_NAMES = (
    "du Centre",
    "de la Mairie",
    "de la Gare",
    "du Marché",
    "de la Place",
    "du Parc",
    "des Écoles",
    "de l'Église",
    "des Tilleuls",
    "du Rond-Point",
    "de la Poste",
    "des Platanes",
    "du Stade",
    "de la Fontaine",
    "des Lilas",
    "du Pont",
    "Pasteur",
    "Jean Jaurès",
    "Victor Hugo",
    "de la République",
)
_LAB_NETWORKS = ("Biogroup", "Cerballiance", "Eurofins Biomnis", "Unilians", "Dyomedea")
_IMAGING_NAMES = ("Centre d'imagerie médicale", "Cabinet de radiologie", "Imagerie Rhône")
_HEALTH_CENTRES = (
    ("Centre de santé municipal", S.PUBLIC),
    ("Centre de santé mutualiste", S.PRIVATE_NON_PROFIT),
    ("Centre de santé Filieris", S.PRIVATE_NON_PROFIT),
    ("Centre de santé associatif", S.PRIVATE_NON_PROFIT),
)


def _week(weekdays: Day = (), saturday: Day = (), sunday: Day = ()) -> Week:
    """The same ranges Monday to Friday, and Saturday's and Sunday's."""
    return (weekdays,) * 5 + (saturday, sunday)


def _hm(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def _r(start: str, end: str) -> tuple[int, int]:
    return (_hm(start), _hm(end))


def _office_hours(
    rng: random.Random,
    mornings: tuple[str, ...],
    noons: tuple[str, ...],
    afternoons: tuple[str, ...],
    evenings: tuple[str, ...],
    *,
    saturday: float,
    half_day_off: float,
    continuous: float = 0.0,
) -> str:
    """A practice's week: mornings and afternoons Monday to Friday, sometimes a half day off
    or Saturday morning, sometimes without the lunch break."""
    morning, evening = rng.choice(mornings), rng.choice(evenings)
    if rng.random() < continuous:
        day: Day = (_r(morning, evening),)
    else:
        day = (_r(morning, rng.choice(noons)), _r(rng.choice(afternoons), evening))
    week: list[Day] = [day] * 5 + [(), ()]
    if rng.random() < half_day_off:
        off = rng.choice((2, 3))  # Wednesday or Thursday afternoon
        week[off] = day[:1]
    if rng.random() < saturday:
        week[5] = (_r(rng.choice(mornings), rng.choice(("12:00", "12:30"))),)
    return format_hours(tuple(week))


def professional_hours(rng: random.Random, kind: str) -> str:
    """Consultation hours of a professional of `kind` (see reference.PROFESSIONAL_SPECIALTIES);
    some do not publish theirs ("")."""
    if kind in ("hospital", "transport"):
        return ALWAYS
    if rng.random() < 0.07:
        return ""
    if kind == "gp":
        return _office_hours(
            rng,
            ("08:00", "08:30", "09:00"),
            ("12:00", "12:30"),
            ("14:00", "14:30"),
            ("18:30", "19:00", "19:30"),
            saturday=0.4,
            half_day_off=0.3,
        )
    if kind in ("spec", "imaging", "dental"):
        return _office_hours(
            rng,
            ("08:30", "09:00"),
            ("12:00", "12:30"),
            ("13:30", "14:00"),
            ("17:30", "18:00", "18:30"),
            saturday=0.1,
            half_day_off=0.4,
        )
    if kind == "pharmacy":
        opens, closes = rng.choice(("08:30", "09:00")), rng.choice(("19:30", "20:00"))
        if rng.random() < 0.5:
            day: Day = (_r(opens, closes),)
        else:
            day = (_r(opens, "12:30"), _r("14:00", closes))
        saturday = day if rng.random() < 0.5 else (_r(opens, "12:30"),)
        return format_hours(_week(day, saturday))
    if kind == "lab":
        return format_hours(_week((_r("07:00", "18:00"),), (_r("07:30", "12:00"),)))
    if kind in ("nurse", "physio"):
        return _office_hours(
            rng,
            ("07:00", "07:30", "08:00"),
            ("12:00",),
            ("14:00",),
            ("19:00", "20:00"),
            saturday=0.6,
            half_day_off=0.2,
            continuous=0.5,
        )
    if kind == "optical":
        day = (_r("09:30", "12:30"), _r("14:00", "19:00"))
        return format_hours(((), day, day, day, day, day, ()))
    return ""


def _phone(rng: random.Random) -> str:
    return f"04 7{rng.randrange(10)} " + " ".join(f"{rng.randrange(100):02d}" for _ in range(3))


def _street(rng: random.Random) -> str:
    number = rng.randrange(1, 180)
    return f"{number} {rng.choice(data.STREET_TYPES)} {rng.choice(data.STREET_NAMES)}"


class _Finess:
    """Unique made-up FINESS numbers of the Rhône: 69, seven digits, a Luhn key."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._used: set[str] = set()

    def __call__(self) -> str:
        while True:
            body = f"69{self._rng.randrange(10**6):06d}"
            code = body + luhn_key(body)
            if code not in self._used:
                self._used.add(code)
                return code


def build_establishments(rng: random.Random) -> list[dict[str, Any]]:
    """The establishments' rows: the area's hospitals and clinics, then per commune of the
    seed (more where more people live) pharmacies, laboratories, imaging and health centres."""
    by_postcode = {c[2]: c for c in data.COMMUNES}
    finess = _Finess(rng)
    rows: list[dict[str, Any]] = []

    def add(
        name: str,
        kind: K,
        status: S,
        commune: tuple[str, str, str, float, float, int],
        *,
        address: str | None = None,
        place: tuple[float, float] | None = None,
        phone: str | None = None,
        emergency: bool = False,
        hours: str,
    ) -> None:
        lat, lon = place or (
            round(commune[3] + rng.uniform(-0.01, 0.01), 6),
            round(commune[4] + rng.uniform(-0.014, 0.014), 6),
        )
        rows.append(
            {
                "id": len(rows) + 1,
                "finess": finess(),
                "name": name,
                "kind": kind,
                "status": status,
                "address_line": address or _street(rng),
                "postcode": commune[2],
                "city": commune[1],
                "latitude": lat,
                "longitude": lon,
                "phone": phone or _phone(rng),
                "emergency": emergency,
                "hours": hours,
                "search_key": establishment_key(name, commune[1]),
            }
        )

    for name, kind, status, emergency, address, postcode, lat, lon, phone in HOSPITALS:
        if emergency:
            hours = ALWAYS
        elif kind is K.CLINIC:
            hours = format_hours(_week((_r("07:30", "19:30"),), (_r("08:00", "12:00"),)))
        else:
            hours = format_hours(_week((_r("08:00", "18:30"),)))
        add(
            name,
            kind,
            status,
            by_postcode[postcode],
            address=address,
            place=(lat, lon),
            phone=phone,
            emergency=emergency,
            hours=hours,
        )

    for commune in data.COMMUNES:
        weight, city = commune[5], commune[1]
        names = list(_PHARMACY_NAMES)
        rng.shuffle(names)
        for i in range(max(1, round(weight / 8))):
            label = names[i] if i < len(names) else rng.choice(data.LAST_NAMES[:300])
            add(
                f"Pharmacie {label}",
                K.PHARMACY,
                S.PRIVATE_FOR_PROFIT,
                commune,
                hours=professional_hours(rng, "pharmacy"),
            )
        if weight >= 15:
            for i in range(1 + weight // 60):
                network = _LAB_NETWORKS[(i + weight) % len(_LAB_NETWORKS)]
                add(
                    f"Laboratoire {network} – {city}" + (f" {i + 1}" if i else ""),
                    K.LABORATORY,
                    S.PRIVATE_FOR_PROFIT,
                    commune,
                    hours=professional_hours(rng, "lab"),
                )
        if weight >= 25:
            add(
                f"{rng.choice(_IMAGING_NAMES)} {city}",
                K.IMAGING,
                S.PRIVATE_FOR_PROFIT,
                commune,
                hours=professional_hours(rng, "imaging"),
            )
        if weight >= 40:
            label, status = rng.choice(_HEALTH_CENTRES)
            add(
                f"{label} {city}",
                K.HEALTH_CENTRE,
                status,
                commune,
                hours=professional_hours(rng, "gp"),
            )
        elif rng.random() < 0.6:
            add(
                f"Maison de santé pluriprofessionnelle {city}",
                K.HEALTH_HOUSE,
                S.PRIVATE_FOR_PROFIT,
                commune,
                hours=professional_hours(rng, "gp"),
            )
    return rows


def seed_directory(seed: int, rows: Rows, specialty_kinds: Mapping[str, str]) -> None:
    """Adds the establishments to the reference rows, and the professionals' hours."""
    rows["health_establishments"] = build_establishments(
        random.Random(f"advisor-desk-establishments-{seed}")
    )
    hours = random.Random(f"advisor-desk-hours-{seed}")
    for row in rows.get("professionals", []):
        row["hours"] = professional_hours(hours, specialty_kinds.get(row["specialty"], ""))
