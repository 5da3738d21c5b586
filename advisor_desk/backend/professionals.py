"""The health-professionals directory (annuaire santé): who practises what, where, at what fee.

The directory is public reference data, not member data: searching it is not audited (as
the knowledge base is not). Specialty and sector filter in SQL; the words and the distances
run in Python over the few thousand columns that remain, so accents never matter.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import func, select

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
            query = select(
                Professional.id,
                Professional.rpps,
                Professional.last_name,
                Professional.first_name,
                Professional.specialty,
                Professional.sector,
                Professional.consultation_fee_cents,
                Professional.address_line,
                Professional.postcode,
                Professional.city,
                Professional.latitude,
                Professional.longitude,
            )
            if specialty:
                query = query.where(Professional.specialty == specialty)
            if wanted:
                query = query.where(Professional.sector.in_(sorted(wanted)))
            found = s.execute(query).all()
        # Only the rows kept become DTOs; accents are folded only where they matter (the
        # words, the order by name), which keeps a search of the whole directory short.
        ranked: list[tuple[float, str, int, Any]] = []  # Any: the selected Row
        for r in found:
            if words:
                key = name_key(f"{r.last_name} {r.first_name} {r.city}").split()
                if not all(any(k.startswith(w) for k in key) for w in words):
                    continue
            if origin is None:
                ranked.append((0.0, name_key(f"{r.last_name} {r.first_name}"), r.id, r))
            else:
                exact = distance_km(origin[0], origin[1], r.latitude, r.longitude)
                ranked.append((exact, r.last_name.lower(), r.id, r))
        # Exact distances order the rows (the shown ones are rounded), then names.
        ranked.sort(key=lambda t: t[:3])
        rows = [
            _row(r, None if origin is None else round(exact, 1))
            for exact, _name, _id, r in ranked[:limit]
        ]
        return ProfessionalSearch(rows, len(ranked), origin_label)


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
