"""The health directory (annuaire santé): professionals and care establishments, where, when.

The directory is public reference data, not member data: searching it is not audited (as
the knowledge base is not). Kinds, specialties, sectors and words filter in SQL, the words on a
search key without accents (so accents never matter); by name the database also sorts and
counts; near a place, the database counts and hands over the candidates of a box around it
(widened as needed), whose distances are ranked here.
Professionals and establishments share the checks, the starting point and the ranking.
"""

from __future__ import annotations

import heapq
import math
import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Connection, func, literal, select, union_all
from sqlalchemy.orm import InstrumentedAttribute, Session

from advisor_desk.domain.enums import EstablishmentKind, EstablishmentStatus, Sector
from advisor_desk.domain.errors import NotFound, ValidationError
from advisor_desk.domain.permissions import Permission
from advisor_desk.domain.slots import distance_km
from advisor_desk.domain.text import name_key

from .orm import Office, Professional
from .orm.professionals import HealthEstablishment
from .professionals_dto import (
    DirectoryOffice,
    EstablishmentRow,
    EstablishmentSearch,
    ProfessionalRow,
    ProfessionalSearch,
)
from .service import Service, api

MAX_LIMIT = 500
_POSTCODE = re.compile(r"\d{5}")

# A searched table: id, postcode, coordinates and a folded search_key.
Place = type[Professional] | type[HealthEstablishment]


def check_limit(limit: int) -> int:
    if not 1 <= limit <= MAX_LIMIT:
        raise ValidationError(
            f"Le nombre de résultats doit être compris entre 1 et {MAX_LIMIT}.", field="limit"
        )
    return limit


def check_postcode(postcode: str) -> str:
    code = postcode.strip()
    if not _POSTCODE.fullmatch(code):
        raise ValidationError("Le code postal doit comporter 5 chiffres.", field="near_postcode")
    return code


def check_origin(near_office_id: int | None, near_postcode: str | None) -> str | None:
    """The postcode to start from, checked; an office and a postcode at once are refused."""
    postcode = check_postcode(near_postcode) if near_postcode else None
    if near_office_id is not None and postcode is not None:
        raise ValidationError(
            "Choisissez un bureau ou un code postal, pas les deux.", field="near_postcode"
        )
    return postcode


def word_filters(key: InstrumentedAttribute[str], text: str) -> list[ColumnElement[bool]]:
    """A word of the folded key (name, commune) starts with each word typed."""
    return [(literal(" ") + key).like(f"% {word}%") for word in name_key(text).split()]


class ProfessionalsService(Service):
    name = "professionals"

    @api(Permission.DIRECTORY_READ, readonly=True)
    def specialties(self) -> list[str]:
        """Every specialty of the directory, sorted."""
        with self._ctx.tx(readonly=True) as s:
            found = s.scalars(select(Professional.specialty).distinct())
            return sorted(found, key=lambda label: (name_key(label), label))

    @api(Permission.DIRECTORY_READ, readonly=True)
    def offices(self) -> list[DirectoryOffice]:
        """The active reception offices, by name: the places a search can start from."""
        with self._ctx.tx(readonly=True) as s:
            rows = s.execute(
                select(Office.id, Office.name, Office.city)
                .where(Office.active.is_(True))
                .order_by(Office.name)
            )
            return [DirectoryOffice(i, n, c) for i, n, c in rows]

    @api(Permission.DIRECTORY_READ, readonly=True)
    def search(
        self,
        specialty: str | None = None,
        sectors: list[Sector] | None = None,
        text: str = "",
        near_office_id: int | None = None,
        near_postcode: str | None = None,
        limit: int = 100,
    ) -> ProfessionalSearch:
        """Professionals of a specialty and sectors (none = all) whose name or commune holds
        every word of `text`, nearest first from an office or a postcode, else by name."""
        check_limit(limit)
        wanted = {Sector(x) for x in sectors or []}
        postcode = check_origin(near_office_id, near_postcode)
        p = Professional
        matching = word_filters(p.search_key, text)
        if specialty:
            matching.append(p.specialty == specialty)
        if wanted:
            matching.append(p.sector.in_(sorted(wanted)))
        with self._ctx.tx(readonly=True) as s:
            origin_label, origin = _origin(
                s,
                near_office_id,
                postcode,
                (p,),
                f"Aucun professionnel n'exerce au code postal {postcode} : vérifiez-le.",
            )
            conn = s.connection()
            total, kept = _ranked(conn, p, p.last_name, matching, origin, limit)
            shown = _rows_by_id(conn, p, kept)
        rows = [_professional(shown[pid], km) for pid, km in kept]
        return ProfessionalSearch(rows, total, origin_label)

    @api(Permission.DIRECTORY_READ, readonly=True)
    def establishments(
        self,
        kind: EstablishmentKind | None = None,
        text: str = "",
        near_office_id: int | None = None,
        near_postcode: str | None = None,
        emergency_only: bool = False,
        limit: int = 100,
    ) -> EstablishmentSearch:
        """Care establishments of a kind (None = all), with an emergency department open 24/7
        when `emergency_only`, whose name or commune holds every word of `text`, nearest first
        from an office or a postcode, else by name."""
        check_limit(limit)
        postcode = check_origin(near_office_id, near_postcode)
        e = HealthEstablishment
        matching = word_filters(e.search_key, text)
        if kind is not None:
            matching.append(e.kind == EstablishmentKind(kind))
        if emergency_only:
            matching.append(e.emergency.is_(True))
        with self._ctx.tx(readonly=True) as s:
            # A postcode's centre: its establishments and professionals together (a village
            # without a pharmacy is still a place to start from).
            origin_label, origin = _origin(
                s,
                near_office_id,
                postcode,
                (e, Professional),
                f"Aucun établissement ni professionnel de santé au code postal {postcode} : "
                "vérifiez-le.",
            )
            conn = s.connection()
            total, kept = _ranked(conn, e, e.name, matching, origin, limit)
            shown = _rows_by_id(conn, e, kept)
        rows = [_establishment(shown[eid], km) for eid, km in kept]
        return EstablishmentSearch(rows, total, origin_label)


def _origin(
    s: Session,
    near_office_id: int | None,
    postcode: str | None,
    places: Sequence[Place],
    unknown_postcode: str,
) -> tuple[str | None, tuple[float, float] | None]:
    """(label, coordinates) distances are measured from: an office, the centre of what the
    `places` tables hold at a postcode, or nothing (None, None)."""
    if near_office_id is not None:
        office = s.execute(
            select(Office.name, Office.latitude, Office.longitude).where(
                Office.id == near_office_id
            )
        ).one_or_none()
        if office is None:
            raise NotFound("Bureau inconnu.")
        return office[0], (office[1], office[2])
    if postcode is None:
        return None, None
    if len(places) == 1:
        t = places[0]
        centre = select(func.avg(t.latitude), func.avg(t.longitude)).where(t.postcode == postcode)
    else:
        points = union_all(
            *(select(t.latitude, t.longitude).where(t.postcode == postcode) for t in places)
        ).subquery()
        centre = select(func.avg(points.c.latitude), func.avg(points.c.longitude))
    lat, lon = s.execute(centre).one()
    if lat is None or lon is None:
        raise ValidationError(unknown_postcode, field="near_postcode")
    return postcode, (float(lat), float(lon))


def _ranked(
    conn: Connection,
    table: Place,
    name: InstrumentedAttribute[str],
    matching: list[ColumnElement[bool]],
    origin: tuple[float, float] | None,
    limit: int,
) -> tuple[int, list[tuple[int, float | None]]]:
    """(how many match, the `limit` kept as (id, km)): by name without an origin (the database
    sorts and counts), else nearest first.

    Nearest first, the database counts and hands over only the candidates in a box around
    the origin, widened until the `limit`-th nearest lies within the circle the box holds:
    nothing nearer can be outside it. Only those few are ranked here."""
    total = conn.execute(select(func.count()).select_from(table).where(*matching)).scalar_one()
    if origin is None:
        ids = conn.execute(
            select(table.id).where(*matching).order_by(table.search_key, table.id).limit(limit)
        ).scalars()
        return total, [(row_id, None) for row_id in ids]
    columns = (table.id, name.label("name"), table.latitude, table.longitude)
    radius = FIRST_RADIUS_KM
    while True:
        # Few candidates: all of them at once (ranking a couple of thousand takes ~2 ms).
        box = _box(table, origin, radius) if total > RANK_ALL_UP_TO else []
        found = conn.execute(select(*columns).where(*matching, *box)).all()
        ranked = _nearest(found, origin, limit)
        if len(found) >= total or (len(ranked) == limit and ranked[-1][0] <= radius):
            return total, [(row_id, round(km, 1)) for km, row_id in ranked]
        radius *= 2.5


RANK_ALL_UP_TO = 2000
FIRST_RADIUS_KM = 1.5
EARTH_RADIUS_KM = 6371.0


def _box(table: Place, origin: tuple[float, float], radius_km: float) -> list[ColumnElement[bool]]:
    """Latitude and longitude ranges holding every place within `radius_km` of `origin`."""
    dlat = math.degrees(radius_km / EARTH_RADIUS_KM)
    lat = origin[0]
    if abs(lat) + dlat >= 89:  # near a pole: every longitude
        return [table.latitude.between(lat - dlat, lat + dlat)]
    # A degree of longitude is shortest on the box's edge farthest from the equator.
    dlon = dlat / math.cos(math.radians(abs(lat) + dlat))
    return [
        table.latitude.between(lat - dlat, lat + dlat),
        table.longitude.between(origin[1] - dlon, origin[1] + dlon),
    ]


def _rows_by_id(
    conn: Connection, table: Place, kept: list[tuple[int, float | None]]
) -> dict[int, Any]:
    ids = [row_id for row_id, _km in kept]
    if not ids:
        return {}
    return {r.id: r for r in conn.execute(select(table.__table__).where(table.id.in_(ids)))}


def _nearest(
    rows: Sequence[Any], origin: tuple[float, float], limit: int
) -> list[tuple[float, int]]:
    """The `limit` nearest as (km, id), nearest first (then by name). Many rows are ranked by
    the flat (equirectangular) measure, a few microseconds less each; the kept ones, with
    some margin for the measure's small error, by the great-circle distance, which is what
    is shown."""
    lat0, lon0 = math.radians(origin[0]), math.radians(origin[1])
    shrink = math.cos(lat0)
    rad = math.radians
    flat = heapq.nsmallest(
        limit + 20,
        rows,
        key=lambda r: math.hypot(rad(r.latitude) - lat0, (rad(r.longitude) - lon0) * shrink),
    )
    exact = sorted(
        (distance_km(origin[0], origin[1], r.latitude, r.longitude), r.name, r.id) for r in flat
    )
    return [(km, row_id) for km, _name, row_id in exact[:limit]]


def _professional(r: Any, distance: float | None) -> ProfessionalRow:
    return ProfessionalRow(
        r.id,
        r.rpps,
        f"{r.last_name.upper()} {r.first_name}".rstrip(),
        r.specialty,
        Sector(r.sector),
        r.consultation_fee_cents,
        r.address_line,
        r.postcode,
        r.city,
        distance,
        r.hours,
    )


def _establishment(r: Any, distance: float | None) -> EstablishmentRow:
    return EstablishmentRow(
        r.id,
        r.finess,
        r.name,
        EstablishmentKind(r.kind),
        EstablishmentStatus(r.status),
        r.address_line,
        r.postcode,
        r.city,
        r.phone,
        bool(r.emergency),
        r.hours,
        distance,
    )
