"""The health-professionals directory (annuaire santé): who practises what, where, at what fee.

The directory is public reference data, not member data: searching it is not audited (as
the knowledge base is not). Specialty, sectors and words filter in SQL, the words on a search
key without accents (so accents never matter); by name the database also sorts and counts;
near a place, the distances run in Python over the candidates' coordinates only.
"""

from __future__ import annotations

import heapq
import math
import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, literal, select

from advisor_desk.domain.enums import Sector
from advisor_desk.domain.errors import NotFound, ValidationError
from advisor_desk.domain.permissions import Permission
from advisor_desk.domain.slots import distance_km
from advisor_desk.domain.text import name_key

from .orm import Office, Professional
from .professionals_dto import DirectoryOffice, ProfessionalRow, ProfessionalSearch
from .service import Service, api

MAX_LIMIT = 500
_POSTCODE = re.compile(r"\d{5}")


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
        words = name_key(text).split()
        postcode = check_postcode(near_postcode) if near_postcode else None
        if near_office_id is not None and postcode is not None:
            raise ValidationError(
                "Choisissez un bureau ou un code postal, pas les deux.", field="near_postcode"
            )
        with self._ctx.tx(readonly=True) as s:
            origin: tuple[float, float] | None = None
            origin_label: str | None = None
            if near_office_id is not None:
                office = s.execute(
                    select(Office.name, Office.latitude, Office.longitude).where(
                        Office.id == near_office_id
                    )
                ).one_or_none()
                if office is None:
                    raise NotFound("Bureau inconnu.")
                origin_label, origin = office[0], (office[1], office[2])
            elif postcode is not None:
                lat, lon = s.execute(
                    select(func.avg(Professional.latitude), func.avg(Professional.longitude)).where(
                        Professional.postcode == postcode
                    )
                ).one()
                if lat is None or lon is None:
                    raise ValidationError(
                        f"Aucun professionnel n'exerce au code postal {postcode} : vérifiez-le.",
                        field="near_postcode",
                    )
                origin_label, origin = postcode, (float(lat), float(lon))
            p = Professional
            matching = []
            if specialty:
                matching.append(p.specialty == specialty)
            if wanted:
                matching.append(p.sector.in_(sorted(wanted)))
            for word in words:  # a word of the name or commune starts with it
                matching.append((literal(" ") + p.search_key).like(f"% {word}%"))
            conn = s.connection()
            if origin is None:  # by name: the database sorts and counts
                total = conn.execute(
                    select(func.count()).select_from(p).where(*matching)
                ).scalar_one()
                ids = conn.execute(
                    select(p.id).where(*matching).order_by(p.search_key, p.id).limit(limit)
                ).scalars()
                kept: list[tuple[int, float | None]] = [(pid, None) for pid in ids]
            else:  # nearest: what ranking needs, for every candidate
                found = conn.execute(
                    select(p.id, p.last_name, p.latitude, p.longitude).where(*matching)
                ).all()
                total = len(found)
                kept = _nearest(found, origin, limit)
            shown = {
                r.id: r
                for r in conn.execute(
                    select(p.__table__).where(p.id.in_([pid for pid, _km in kept]))
                )
            }
        rows = [_row(shown[pid], km) for pid, km in kept]
        return ProfessionalSearch(rows, total, origin_label)


def _nearest(
    rows: Sequence[Any], origin: tuple[float, float], limit: int
) -> list[tuple[int, float | None]]:
    """The `limit` nearest (id, km), nearest first. Thousands of rows are ranked by the flat
    (equirectangular) measure, a few microseconds less each; the kept ones, with some margin
    for the measure's small error, by the great-circle distance, which is what is shown."""
    lat0, lon0 = math.radians(origin[0]), math.radians(origin[1])
    shrink = math.cos(lat0)
    rad = math.radians
    flat = heapq.nsmallest(
        limit + 20,
        rows,
        key=lambda r: math.hypot(rad(r.latitude) - lat0, (rad(r.longitude) - lon0) * shrink),
    )
    exact = sorted(
        (distance_km(origin[0], origin[1], r.latitude, r.longitude), r.last_name, r.id)
        for r in flat
    )
    return [(pid, round(km, 1)) for km, _name, pid in exact[:limit]]


def _row(r: Any, distance: float | None) -> ProfessionalRow:
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
    )
