"""Appointments at the reception offices: offices, reasons, schedules, free slots, bookings."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TypeVar

import holidays
from sqlalchemy import delete, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from advisor_desk.domain.calendar import PARIS
from advisor_desk.domain.enums import AppointmentStatus, MailState, MailTheme, MessageDirection
from advisor_desk.domain.errors import ConflictError, NotFound, ValidationError
from advisor_desk.domain.ics import appointment_ics
from advisor_desk.domain.permissions import Permission
from advisor_desk.domain.slots import (
    Busy,
    Calendar,
    Opening,
    Slot,
    SlotRules,
    build_slots,
    distance_km,
    local,
    opening_conflicts,
    paris_day,
)

from .appointments_dto import (
    AbsenceInfo,
    AdvisorRef,
    Agenda,
    AgendaOpening,
    AppointmentView,
    ClosureInfo,
    HolidayInfo,
    OfficeChoice,
    OfficeHoursRange,
    OfficeInfo,
    OfficeInput,
    ReasonInfo,
    ReasonInput,
    ScheduleInfo,
    ScheduleInput,
    SlotInfo,
)
from .orm import (
    Absence,
    Address,
    Advisor,
    Appointment,
    AppointmentReason,
    MailMessage,
    MailThread,
    Member,
    Office,
    OfficeClosure,
    OfficeHours,
    Schedule,
    ScheduleReason,
)
from .orm.base import utcnow
from .service import Service, api

S = AppointmentStatus
ACTIVE = (S.UNKNOWN, S.WAITING, S.SEEN)
# Legal status changes (RDV Service Public): a final status never changes again, except that
# an arrival recorded by mistake can be undone.
TRANSITIONS: dict[AppointmentStatus, frozenset[AppointmentStatus]] = {
    S.UNKNOWN: frozenset({S.WAITING, S.SEEN, S.NOSHOW, S.EXCUSED, S.REVOKED}),
    S.WAITING: frozenset({S.SEEN, S.UNKNOWN, S.REVOKED}),
    S.SEEN: frozenset(),
    S.EXCUSED: frozenset(),
    S.REVOKED: frozenset(),
    S.NOSHOW: frozenset(),
}
STATUS_LABELS = {
    S.UNKNOWN: "à venir",
    S.WAITING: "en salle d'attente",
    S.SEEN: "reçu",
    S.EXCUSED: "annulé par l'assuré",
    S.REVOKED: "annulé par l'accueil",
    S.NOSHOW: "absent",
}
SLOT_TAKEN = "Ce créneau vient d'être pris par un autre rendez-vous : choisissez-en un autre."
CONFIRMATION_SUBJECT = "Vos rendez-vous à l'accueil CPAM"
FIRST_SLOTS = 3
MAX_DAYS = 92
FIRST_YEAR, LAST_YEAR = 2000, 2199
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


@dataclass
class _SlotSource:
    """What the slot builder needs, read in one transaction."""

    openings: list[Opening]
    busy: list[Busy]
    calendar: Calendar


def _is_where(slot: Slot, appointment: Appointment | None) -> bool:
    """The slot is the very one the appointment holds (no move to offer there)."""
    return appointment is not None and (slot.office_id, slot.advisor_id, slot.starts_at) == (
        appointment.office_id,
        appointment.advisor_id,
        appointment.starts_at,
    )


def _day_bounds(first_day: date, days: int) -> tuple[datetime, datetime]:
    return local(first_day, time(0)), local(first_day + timedelta(days=days), time(0))


def _fr_day(at: datetime) -> str:
    d = at.astimezone(PARIS)
    return f"{WEEKDAYS[d.weekday()]} {d:%d/%m/%Y} à {d:%H:%M}"


def _opening(s: Schedule) -> Opening:
    return Opening(
        advisor_id=s.advisor_id,
        office_id=s.office_id,
        weekday=s.weekday,
        first_day=s.first_day,
        last_day=s.last_day,
        start=s.start_time,
        end=s.end_time,
        schedule_id=s.id,
    )


def _describe_schedule(s: Schedule, advisor: str, office: str) -> str:
    hours = f"de {s.start_time:%H:%M} à {s.end_time:%H:%M}"
    if s.weekday is None:
        when = f"le {s.first_day:%d/%m/%Y} {hours}"
    else:
        until = f" au {s.last_day:%d/%m/%Y}" if s.last_day else " sans date de fin"
        when = f"le {WEEKDAYS[s.weekday]} {hours}, du {s.first_day:%d/%m/%Y}{until}"
    return f"plage n° {s.id} de {advisor} à « {office} », {when}"


def _schedule_detail(s: Schedule) -> str:
    """A range in the audit trail: ids and ISO values, readable without the names."""
    if s.weekday is None:
        days = s.first_day.isoformat()
    else:
        until = s.last_day.isoformat() if s.last_day is not None else "…"
        days = f"jour {s.weekday}, {s.first_day.isoformat()} → {until}"
    hours = f"{s.start_time:%H:%M}–{s.end_time:%H:%M}"
    return f"agent {s.advisor_id}, accueil {s.office_id}, {days}, {hours}"


def _check_schedule_input(data: ScheduleInput) -> tuple[date | None, list[int]]:
    """What a range must satisfy before any read; (its last day, its sorted reason ids).

    A one-off range (weekday None) ends on its first day, whatever last_day says.
    """
    if data.weekday is not None and not 0 <= data.weekday <= 6:
        raise ValidationError("Jour de la semaine invalide.", "weekday")
    _wall_time(data.start_time, "start_time")
    _wall_time(data.end_time, "end_time")
    _check_day(data.first_day, "first_day")
    if data.last_day is not None:
        _check_day(data.last_day, "last_day")
    if data.start_time >= data.end_time:
        raise ValidationError("L'heure de début doit précéder l'heure de fin.", "start_time")
    last_day = data.first_day if data.weekday is None else data.last_day
    if last_day is not None and last_day < data.first_day:
        raise ValidationError("La date de fin précède la date de début.", "last_day")
    reason_ids = sorted(set(data.reason_ids))
    if not reason_ids:
        raise ValidationError("Choisissez au moins un motif pour cette plage.", "reason_ids")
    return last_day, reason_ids


def _office_info(o: Office, hours: Iterable[OfficeHours]) -> OfficeInfo:
    return OfficeInfo(
        id=o.id,
        code=o.code,
        name=o.name,
        address_line=o.address_line,
        postcode=o.postcode,
        city=o.city,
        latitude=o.latitude,
        longitude=o.longitude,
        phone=o.phone,
        step_free_entrance=o.step_free_entrance,
        accessible_parking=o.accessible_parking,
        accessible_counter=o.accessible_counter,
        hearing_loop=o.hearing_loop,
        active=o.active,
        hours=sorted(
            (OfficeHoursRange(h.weekday, h.opens, h.closes) for h in hours),
            key=lambda h: (h.weekday, h.opens),
        ),
    )


def _reason_info(r: AppointmentReason) -> ReasonInfo:
    return ReasonInfo(
        id=r.id,
        code=r.code,
        label=r.label,
        duration_min=r.duration_min,
        channel=r.channel,
        min_delay_hours=r.min_delay_hours,
        max_delay_days=r.max_delay_days,
        active=r.active,
    )


def _absence_info(a: Absence) -> AbsenceInfo:
    return AbsenceInfo(a.id, a.advisor_id, a.starts_at, a.ends_at, a.reason)


def _aware(at: datetime, field: str) -> datetime:
    if at.tzinfo is None:
        raise ValidationError("Heure sans fuseau horaire.", field)
    _check_day(at.date(), field)
    return at


def _check_day(day: date, field: str = "day") -> None:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValidationError(f"Date hors limites ({FIRST_YEAR}–{LAST_YEAR}).", field)


def _wall_time(at: time, field: str) -> None:
    """Opening hours are Europe/Paris wall-clock times: no time zone of their own."""
    if at.tzinfo is not None:
        raise ValidationError("Indiquez une heure locale, sans fuseau horaire.", field)


def _check_days(days: int, limit: int = MAX_DAYS, first_day: date | None = None) -> None:
    if first_day is not None:
        _check_day(first_day)
    if not 1 <= days <= limit:
        raise ValidationError(f"Choisissez entre 1 et {limit} jours.", "days")


def _is_exclusion_violation(exc: IntegrityError) -> bool:
    return getattr(exc.orig, "sqlstate", None) == "23P01" or "no_overlap" in str(exc.orig)


Coded = TypeVar("Coded", Office, AppointmentReason)


def _coded_row(
    s: Session, model: type[Coded], row_id: int | None, code: str, *, taken: str, unknown: str
) -> Coded:
    """The row to save under `code`: a new one (`row_id` None, added to the session) or the
    row `row_id`. ConflictError (`taken`) when another row has the code, NotFound (`unknown`)
    for an id that names no row."""
    clash = s.scalar(select(model.id).where(model.code == code))
    if clash is not None and clash != row_id:
        raise ConflictError(taken)
    if row_id is None:
        row = model(code=code)
        s.add(row)
        return row
    found = s.get(model, row_id)
    if found is None:
        raise NotFound(unknown)
    return found


class AppointmentsService(Service):
    name = "appointments"

    # -- reference data --------------------------------------------------------------------

    @api(Permission.APPOINTMENT_AGENDA, Permission.OFFICE_MANAGE, readonly=True)
    def list_offices(self, include_inactive: bool = False) -> list[OfficeInfo]:
        """The reception offices with their opening hours, by name."""
        with self._ctx.tx(readonly=True) as s:
            result = self._offices(s, include_inactive)
            self._ctx.audit(s, "appointments.list_offices")
            return result

    @api(Permission.APPOINTMENT_AGENDA, Permission.OFFICE_MANAGE, readonly=True)
    def list_reasons(self, include_inactive: bool = False) -> list[ReasonInfo]:
        with self._ctx.tx(readonly=True) as s:
            query = select(AppointmentReason).order_by(AppointmentReason.label)
            if not include_inactive:
                query = query.where(AppointmentReason.active)
            result = [_reason_info(r) for r in s.scalars(query)]
            self._ctx.audit(s, "appointments.list_reasons")
            return result

    @api(Permission.APPOINTMENT_AGENDA, Permission.OFFICE_MANAGE, readonly=True)
    def list_advisors(self, office_id: int | None = None) -> list[AdvisorRef]:
        """Active advisors (of one office, or all): whose agenda can be shown."""
        with self._ctx.tx(readonly=True) as s:
            query = select(Advisor).where(Advisor.active).order_by(Advisor.full_name)
            if office_id is not None:
                query = query.where(Advisor.office_id == office_id)
            result = [AdvisorRef(a.id, a.full_name, a.office_id) for a in s.scalars(query)]
            self._ctx.audit(s, "appointments.list_advisors")
            return result

    # -- offices (OFFICE_MANAGE) -------------------------------------------------------------

    @api(Permission.OFFICE_MANAGE)
    def save_office(self, office_id: int | None, data: OfficeInput) -> OfficeInfo:
        """Create (office_id None) or update an office: address, coordinates, accessibility."""
        code = data.code.strip().upper()
        name = " ".join(data.name.split())
        if not code or len(code) > 16:
            raise ValidationError("Le code du point d'accueil fait 1 à 16 caractères.", "code")
        if len(name) < 3:
            raise ValidationError("Indiquez le nom du point d'accueil.", "name")
        if len(data.postcode) != 5 or not data.postcode.isdigit():
            raise ValidationError("Le code postal fait 5 chiffres.", "postcode")
        if not (-90 <= data.latitude <= 90 and -180 <= data.longitude <= 180):
            raise ValidationError("Coordonnées GPS invalides.", "latitude")
        with self._ctx.tx() as s:
            office = _coded_row(
                s,
                Office,
                office_id,
                code,
                taken=f"Le code « {code} » est déjà celui d'un autre point d'accueil.",
                unknown="Point d'accueil inconnu.",
            )
            office.code = code
            office.name = name
            office.address_line = data.address_line.strip()
            office.postcode = data.postcode
            office.city = data.city.strip()
            office.latitude = data.latitude
            office.longitude = data.longitude
            office.phone = data.phone.strip()
            office.step_free_entrance = data.step_free_entrance
            office.accessible_parking = data.accessible_parking
            office.accessible_counter = data.accessible_counter
            office.hearing_loop = data.hearing_loop
            office.active = data.active
            s.flush()
            self._ctx.audit(
                s,
                "appointments.save_office",
                target=f"office:{office.id}",
                detail="création" if office_id is None else "modification",
            )
            hours = s.scalars(select(OfficeHours).where(OfficeHours.office_id == office.id))
            return _office_info(office, hours)

    @api(Permission.OFFICE_MANAGE)
    def set_office_hours(self, office_id: int, hours: list[OfficeHoursRange]) -> OfficeInfo:
        """Replace an office's weekly opening hours (several ranges per day allowed)."""
        ordered = sorted(hours, key=lambda h: (h.weekday, h.opens))
        for i, h in enumerate(ordered):
            _wall_time(h.opens, "hours")
            _wall_time(h.closes, "hours")
            if not 0 <= h.weekday <= 6:
                raise ValidationError("Jour de la semaine invalide.", "hours")
            if h.opens >= h.closes:
                raise ValidationError(
                    f"Le {WEEKDAYS[h.weekday]}, l'ouverture doit précéder la fermeture.", "hours"
                )
            if i and ordered[i - 1].weekday == h.weekday and ordered[i - 1].closes > h.opens:
                raise ValidationError(
                    f"Le {WEEKDAYS[h.weekday]}, deux plages d'ouverture se chevauchent.", "hours"
                )
        with self._ctx.tx() as s:
            office = s.get(Office, office_id)
            if office is None:
                raise NotFound("Point d'accueil inconnu.")
            s.execute(delete(OfficeHours).where(OfficeHours.office_id == office_id))
            rows = [
                OfficeHours(office_id=office_id, weekday=h.weekday, opens=h.opens, closes=h.closes)
                for h in ordered
            ]
            s.add_all(rows)
            s.flush()
            self._ctx.audit(
                s,
                "appointments.set_office_hours",
                target=f"office:{office_id}",
                detail=f"{len(rows)} plages",
            )
            return _office_info(office, rows)

    @api(Permission.APPOINTMENT_AGENDA, Permission.OFFICE_MANAGE, readonly=True)
    def list_closures(self, office_id: int, from_day: date) -> list[ClosureInfo]:
        _check_day(from_day, "from_day")
        with self._ctx.tx(readonly=True) as s:
            rows = s.scalars(
                select(OfficeClosure)
                .where(OfficeClosure.office_id == office_id, OfficeClosure.day >= from_day)
                .order_by(OfficeClosure.day)
            )
            result = [ClosureInfo(c.id, c.office_id, c.day, c.reason) for c in rows]
            self._ctx.audit(s, "appointments.list_closures", target=f"office:{office_id}")
            return result

    @api(Permission.APPOINTMENT_AGENDA, Permission.OFFICE_MANAGE, readonly=True)
    def list_public_holidays(self, from_day: date, days: int = 366) -> list[HolidayInfo]:
        """Public holidays (metropolitan France) in [from_day, from_day + days), French names.

        Every office is closed then without a closure row of its own (the slot builder skips
        them); the office settings list them beside the local closures. No database access.
        """
        _check_days(days, 366, from_day)
        last = from_day + timedelta(days=days - 1)
        names: dict[date, str] = {}
        for year in range(from_day.year, last.year + 1):
            names.update(holidays.country_holidays("FR", years=year, language="fr").items())
        return [HolidayInfo(d, names[d]) for d in sorted(names) if from_day <= d <= last]

    @api(Permission.OFFICE_MANAGE)
    def add_closure(self, office_id: int, day: date, reason: str) -> ClosureInfo:
        """A local closure day; appointments already booked that day stay (revoke them)."""
        reason = " ".join(reason.split())
        if not reason:
            raise ValidationError("Indiquez le motif de la fermeture.", "reason")
        _check_day(day)
        with self._ctx.tx() as s:
            if s.get(Office, office_id) is None:
                raise NotFound("Point d'accueil inconnu.")
            if s.scalar(
                select(OfficeClosure.id).where(
                    OfficeClosure.office_id == office_id, OfficeClosure.day == day
                )
            ):
                raise ConflictError(f"Une fermeture est déjà prévue le {day:%d/%m/%Y}.")
            closure = OfficeClosure(office_id=office_id, day=day, reason=reason[:200])
            s.add(closure)
            s.flush()
            self._ctx.audit(
                s, "appointments.add_closure", target=f"office:{office_id}", detail=day.isoformat()
            )
            return ClosureInfo(closure.id, office_id, day, closure.reason)

    @api(Permission.OFFICE_MANAGE)
    def remove_closure(self, closure_id: int) -> None:
        with self._ctx.tx() as s:
            closure = s.get(OfficeClosure, closure_id)
            if closure is None:
                raise NotFound("Fermeture inconnue.")
            s.delete(closure)
            self._ctx.audit(
                s,
                "appointments.remove_closure",
                target=f"office:{closure.office_id}",
                detail=closure.day.isoformat(),
            )

    # -- reasons ----------------------------------------------------------------------------

    @api(Permission.OFFICE_MANAGE)
    def save_reason(self, reason_id: int | None, data: ReasonInput) -> ReasonInfo:
        """Create (reason_id None) or update a reason: duration, channel, booking delays."""
        code = data.code.strip().lower()
        label = " ".join(data.label.split())
        if not code or len(code) > 30:
            raise ValidationError("Le code du motif fait 1 à 30 caractères.", "code")
        if len(label) < 3:
            raise ValidationError("Indiquez le libellé du motif.", "label")
        if not 5 <= data.duration_min <= 240:
            raise ValidationError("La durée va de 5 à 240 minutes.", "duration_min")
        if data.min_delay_hours < 0:
            raise ValidationError("Le délai minimal ne peut pas être négatif.", "min_delay_hours")
        if not 1 <= data.max_delay_days <= 365:
            raise ValidationError("Le délai maximal va de 1 à 365 jours.", "max_delay_days")
        if data.min_delay_hours >= data.max_delay_days * 24:
            raise ValidationError(
                "Le délai minimal doit être inférieur au délai maximal.", "min_delay_hours"
            )
        with self._ctx.tx() as s:
            reason = _coded_row(
                s,
                AppointmentReason,
                reason_id,
                code,
                taken=f"Le code de motif « {code} » existe déjà.",
                unknown="Motif de rendez-vous inconnu.",
            )
            reason.code = code
            reason.label = label
            reason.duration_min = data.duration_min
            reason.channel = data.channel
            reason.min_delay_hours = data.min_delay_hours
            reason.max_delay_days = data.max_delay_days
            reason.active = data.active
            s.flush()
            self._ctx.audit(s, "appointments.save_reason", target=f"reason:{reason.id}")
            return _reason_info(reason)

    # -- schedules and absences -------------------------------------------------------------

    @api(Permission.APPOINTMENT_AGENDA, Permission.OFFICE_MANAGE, readonly=True)
    def list_schedules(
        self, office_id: int | None = None, advisor_id: int | None = None
    ) -> list[ScheduleInfo]:
        with self._ctx.tx(readonly=True) as s:
            query = select(Schedule).order_by(Schedule.first_day, Schedule.start_time)
            if office_id is not None:
                query = query.where(Schedule.office_id == office_id)
            if advisor_id is not None:
                query = query.where(Schedule.advisor_id == advisor_id)
            result = self._schedule_infos(s, list(s.scalars(query)))
            self._ctx.audit(s, "appointments.list_schedules")
            return result

    @api(Permission.OFFICE_MANAGE)
    def add_schedule(self, data: ScheduleInput) -> ScheduleInfo:
        """A new opening range; refused when it overlaps another range of the same advisor."""
        last_day, reason_ids = _check_schedule_input(data)
        with self._ctx.tx() as s:
            self._check_schedule(s, data, last_day, reason_ids, None)
            schedule = Schedule(
                advisor_id=data.advisor_id,
                office_id=data.office_id,
                weekday=data.weekday,
                first_day=data.first_day,
                last_day=last_day,
                start_time=data.start_time,
                end_time=data.end_time,
            )
            s.add(schedule)
            s.flush()
            s.add_all(ScheduleReason(schedule_id=schedule.id, reason_id=r) for r in reason_ids)
            s.flush()
            self._ctx.audit(
                s,
                "appointments.add_schedule",
                target=f"schedule:{schedule.id}",
                detail=f"agent {data.advisor_id}, accueil {data.office_id}",
            )
            return self._schedule_infos(s, [schedule])[0]

    @api(Permission.OFFICE_MANAGE)
    def update_schedule(
        self, schedule_id: int, data: ScheduleInput, expected_version: int
    ) -> ScheduleInfo:
        """Replace an opening range (advisor, office, days, hours, reasons) in one transaction.

        Checked as `add_schedule` is; the range is not compared with itself, so it may be
        moved within its own hours. NotFound when the range was deleted meanwhile,
        ConflictError when it was edited since `expected_version` was read. As with
        `delete_schedule`, appointments already booked in the old range stay booked, even
        outside the new hours (revoke them from the agenda if needed).
        """
        last_day, reason_ids = _check_schedule_input(data)
        with self._ctx.tx() as s:
            schedule = s.scalar(
                select(Schedule).where(Schedule.id == schedule_id).with_for_update()
            )
            if schedule is None:
                raise NotFound("Plage d'ouverture inconnue (supprimée entre-temps ?).")
            if schedule.version != expected_version:
                raise ConflictError(
                    "Cette plage vient d'être modifiée par ailleurs : fermez cette fenêtre et "
                    "rouvrez la plage pour partir de sa version actuelle."
                )
            before = _schedule_detail(schedule)
            self._check_schedule(s, data, last_day, reason_ids, schedule_id)
            schedule.advisor_id = data.advisor_id
            schedule.office_id = data.office_id
            schedule.weekday = data.weekday
            schedule.first_day = data.first_day
            schedule.last_day = last_day
            schedule.start_time = data.start_time
            schedule.end_time = data.end_time
            schedule.version = expected_version + 1
            s.execute(delete(ScheduleReason).where(ScheduleReason.schedule_id == schedule_id))
            s.add_all(ScheduleReason(schedule_id=schedule_id, reason_id=r) for r in reason_ids)
            s.flush()
            self._ctx.audit(
                s,
                "appointments.update_schedule",
                target=f"schedule:{schedule_id}",
                detail=f"{_schedule_detail(schedule)} (avant : {before})",
            )
            return self._schedule_infos(s, [schedule])[0]

    def _check_schedule(
        self,
        s: Session,
        data: ScheduleInput,
        last_day: date | None,
        reason_ids: list[int],
        exclude_id: int | None,
    ) -> None:
        """The database checks of a range: advisor, office and reasons known, no overlap.

        `exclude_id`: the range being edited, not compared with itself.
        """
        # Lock the advisor: two managers writing ranges for one advisor check in turn.
        advisor = s.scalar(select(Advisor).where(Advisor.id == data.advisor_id).with_for_update())
        if advisor is None:
            raise NotFound("Agent inconnu.")
        if s.get(Office, data.office_id) is None:
            raise NotFound("Point d'accueil inconnu.")
        known = set(
            s.scalars(select(AppointmentReason.id).where(AppointmentReason.id.in_(reason_ids)))
        )
        if known != set(reason_ids):
            raise NotFound("Motif de rendez-vous inconnu.")
        new = Opening(
            data.advisor_id,
            data.office_id,
            data.weekday,
            data.first_day,
            last_day,
            data.start_time,
            data.end_time,
        )
        existing = list(
            s.scalars(
                select(Schedule).where(
                    Schedule.advisor_id == data.advisor_id,
                    or_(Schedule.last_day.is_(None), Schedule.last_day >= data.first_day),
                    *([Schedule.first_day <= last_day] if last_day is not None else []),
                    *([Schedule.id != exclude_id] if exclude_id is not None else []),
                )
            )
        )
        clash = opening_conflicts(new, [_opening(x) for x in existing])
        if clash is not None:
            other = next(x for x in existing if x.id == clash.schedule_id)
            office_name = s.scalar(select(Office.name).where(Office.id == other.office_id))
            raise ConflictError(
                "Cette plage chevauche la "
                + _describe_schedule(other, advisor.full_name, office_name or "?")
                + ". Modifiez les horaires ou les dates."
            )

    @api(Permission.OFFICE_MANAGE)
    def delete_schedule(self, schedule_id: int) -> None:
        """Remove an opening range; booked appointments stay (revoke them if needed)."""
        with self._ctx.tx() as s:
            schedule = s.get(Schedule, schedule_id)
            if schedule is None:
                raise NotFound("Plage d'ouverture inconnue.")
            s.execute(delete(ScheduleReason).where(ScheduleReason.schedule_id == schedule_id))
            s.delete(schedule)
            self._ctx.audit(s, "appointments.delete_schedule", target=f"schedule:{schedule_id}")

    @api(Permission.APPOINTMENT_AGENDA, Permission.OFFICE_MANAGE, readonly=True)
    def list_absences(self, advisor_id: int, from_day: date, days: int = 31) -> list[AbsenceInfo]:
        _check_days(days, 366, from_day)
        lo, hi = _day_bounds(from_day, days)
        with self._ctx.tx(readonly=True) as s:
            rows = s.scalars(
                select(Absence)
                .where(
                    Absence.advisor_id == advisor_id, Absence.starts_at < hi, Absence.ends_at > lo
                )
                .order_by(Absence.starts_at)
            )
            result = [_absence_info(a) for a in rows]
            self._ctx.audit(s, "appointments.list_absences", target=f"advisor:{advisor_id}")
            return result

    @api(Permission.OFFICE_MANAGE)
    def add_absence(
        self, advisor_id: int, starts_at: datetime, ends_at: datetime, reason: str
    ) -> AbsenceInfo:
        """An advisor's absence: no slot is offered during it (booked ones must be revoked)."""
        _aware(starts_at, "starts_at")
        _aware(ends_at, "ends_at")
        if starts_at >= ends_at:
            raise ValidationError("Le début de l'absence doit précéder sa fin.", "ends_at")
        reason = " ".join(reason.split())
        if not reason:
            raise ValidationError("Indiquez le motif de l'absence.", "reason")
        with self._ctx.tx() as s:
            if s.get(Advisor, advisor_id) is None:
                raise NotFound("Agent inconnu.")
            absence = Absence(
                advisor_id=advisor_id, starts_at=starts_at, ends_at=ends_at, reason=reason[:120]
            )
            s.add(absence)
            s.flush()
            self._ctx.audit(s, "appointments.add_absence", target=f"advisor:{advisor_id}")
            return _absence_info(absence)

    @api(Permission.OFFICE_MANAGE)
    def delete_absence(self, absence_id: int) -> None:
        with self._ctx.tx() as s:
            absence = s.get(Absence, absence_id)
            if absence is None:
                raise NotFound("Absence inconnue.")
            s.delete(absence)
            self._ctx.audit(
                s, "appointments.delete_absence", target=f"advisor:{absence.advisor_id}"
            )

    # -- slots ------------------------------------------------------------------------------

    @api(Permission.APPOINTMENT_BOOK, readonly=True)
    def free_slots(
        self,
        reason_id: int,
        office_id: int | None,
        from_day: date,
        days: int,
        moving_id: int | None = None,
    ) -> list[SlotInfo]:
        """Free slots for a reason at one office (or all) over [from_day, from_day + days).

        `moving_id`: the appointment being moved; the time it holds counts as free (a move
        may shift it by a few minutes)."""
        _check_days(days, MAX_DAYS, from_day)
        with self._ctx.tx(readonly=True) as s:
            reason = self._reason(s, reason_id)
            moving = self._check_moving(s, moving_id)
            offices = None if office_id is None else [office_id]
            slots = self._slots(s, reason, offices, None, from_day, days, moving_id)
            slots = [x for x in slots if not _is_where(x, moving)]
            names = self._advisor_names(s, {x.advisor_id for x in slots})
            self._ctx.audit(
                s,
                "appointments.free_slots",
                target=f"reason:{reason_id}",
                detail=None if office_id is None else f"accueil {office_id}",
            )
            return [_slot_info(x, names) for x in slots]

    @api(Permission.APPOINTMENT_BOOK, readonly=True)
    def offices_for_member(
        self,
        member_id: int,
        reason_id: int,
        pmr_only: bool = False,
        moving_id: int | None = None,
    ) -> list[OfficeChoice]:
        """Active offices by straight-line distance from the member's current address.

        Each comes with its first free slots for the reason (within the booking delays);
        `pmr_only` keeps offices with a step-free entrance and an accessible counter;
        `moving_id`: the member's appointment being moved, whose time counts as free.
        """
        with self._ctx.tx(readonly=True) as s:
            if s.get(Member, member_id) is None:
                raise NotFound("Assuré introuvable.")
            reason = self._reason(s, reason_id)
            moving = self._check_moving(s, moving_id, member_id)
            address = s.scalar(
                select(Address)
                .where(Address.member_id == member_id, Address.valid_to.is_(None))
                .order_by(Address.valid_from.desc())
                .limit(1)
            )
            offices = [o for o in self._offices(s, False) if o.pmr or not pmr_only]
            first = self._first_slots(s, reason, [o.id for o in offices], moving)
            here = (
                (address.latitude, address.longitude)
                if address is not None
                and address.latitude is not None
                and address.longitude is not None
                else None
            )
            choices = [
                OfficeChoice(
                    office=o,
                    distance_km=None
                    if here is None
                    else round(distance_km(here[0], here[1], o.latitude, o.longitude), 1),
                    first_slots=first.get(o.id, []),
                )
                for o in offices
            ]
            choices.sort(key=lambda c: (c.distance_km is None, c.distance_km or 0.0, c.office.name))
            self._ctx.audit(
                s,
                "appointments.offices_for_member",
                member_id=member_id,
                target=f"reason:{reason_id}",
                detail="PMR" if pmr_only else None,
            )
            return choices

    # -- bookings ---------------------------------------------------------------------------

    @api(Permission.APPOINTMENT_BOOK)
    def book(
        self, member_id: int, reason_id: int, office_id: int, advisor_id: int, starts_at: datetime
    ) -> AppointmentView:
        """Book a free slot for a member; ConflictError if someone took it first.

        The database has the last word: an exclusion constraint on PostgreSQL, serialized
        writes (BEGIN IMMEDIATE) plus the overlap check below on SQLite.
        """
        _aware(starts_at, "starts_at")
        now = utcnow()
        with self._ctx.tx() as s:
            if s.get(Member, member_id) is None:
                raise NotFound("Assuré introuvable.")
            reason = self._reason(s, reason_id)
            ends_at = starts_at + timedelta(minutes=reason.duration_min)
            self._check_slot(s, reason, office_id, advisor_id, starts_at, ends_at, member_id, None)
            appointment = Appointment(
                member_id=member_id,
                office_id=office_id,
                advisor_id=advisor_id,
                reason_id=reason_id,
                starts_at=starts_at,
                ends_at=ends_at,
                status=S.UNKNOWN,
                booked_at=now,
                booked_by_advisor_id=self._ctx.advisor.id,
            )
            s.add(appointment)
            self._flush_booking(s)
            view = self._views(s, [appointment.id])[0]
            self._notify(s, view, "confirmé", now)
            self._ctx.audit(
                s,
                "appointments.book",
                member_id=member_id,
                target=f"appointment:{appointment.id}",
                detail=f"{starts_at.isoformat()} agent {advisor_id} accueil {office_id}",
            )
            return view

    @api(Permission.APPOINTMENT_BOOK)
    def reschedule(
        self, appointment_id: int, office_id: int, advisor_id: int, starts_at: datetime
    ) -> AppointmentView:
        """Move a booked (not yet happened) appointment to another free slot."""
        _aware(starts_at, "starts_at")
        now = utcnow()
        with self._ctx.tx() as s:
            appointment = self._locked(s, appointment_id)
            if appointment.status is not S.UNKNOWN:
                raise ConflictError(
                    "Seul un rendez-vous à venir peut être déplacé (statut : "
                    f"{STATUS_LABELS[appointment.status]})."
                )
            reason = self._reason(s, appointment.reason_id, active_only=False)
            ends_at = starts_at + timedelta(minutes=reason.duration_min)
            self._check_slot(
                s,
                reason,
                office_id,
                advisor_id,
                starts_at,
                ends_at,
                appointment.member_id,
                appointment.id,
            )
            before = appointment.starts_at
            appointment.office_id = office_id
            appointment.advisor_id = advisor_id
            appointment.starts_at = starts_at
            appointment.ends_at = ends_at
            self._flush_booking(s)
            view = self._views(s, [appointment.id])[0]
            self._notify(s, view, f"déplacé (au lieu du {_fr_day(before)})", now, sequence=1)
            self._ctx.audit(
                s,
                "appointments.reschedule",
                member_id=appointment.member_id,
                target=f"appointment:{appointment.id}",
                detail=f"{before.isoformat()} → {starts_at.isoformat()}",
            )
            return view

    @api(Permission.APPOINTMENT_BOOK)
    def cancel_by_member(self, appointment_id: int) -> AppointmentView:
        """The member cancels (status excused); the slot is free again."""
        return self._change(appointment_id, S.EXCUSED, "appointments.cancel_by_member", None)

    @api(Permission.APPOINTMENT_AGENDA)
    def revoke(self, appointment_id: int, reason: str) -> AppointmentView:
        """The office cancels (status revoked); the reason is sent to the member."""
        text = " ".join(reason.split())
        if len(text) < 3:
            raise ValidationError("Indiquez le motif de l'annulation.", "reason")
        return self._change(appointment_id, S.REVOKED, "appointments.revoke", text)

    @api(Permission.APPOINTMENT_AGENDA)
    def mark_waiting(self, appointment_id: int) -> AppointmentView:
        """The member arrived: in the waiting room since now."""
        return self._change(appointment_id, S.WAITING, "appointments.mark_waiting", None)

    @api(Permission.APPOINTMENT_AGENDA)
    def undo_arrival(self, appointment_id: int) -> AppointmentView:
        return self._change(appointment_id, S.UNKNOWN, "appointments.undo_arrival", None)

    @api(Permission.APPOINTMENT_AGENDA)
    def mark_seen(self, appointment_id: int) -> AppointmentView:
        return self._change(appointment_id, S.SEEN, "appointments.mark_seen", None)

    @api(Permission.APPOINTMENT_AGENDA)
    def mark_noshow(self, appointment_id: int) -> AppointmentView:
        return self._change(appointment_id, S.NOSHOW, "appointments.mark_noshow", None)

    @api(Permission.APPOINTMENT_AGENDA, readonly=True)
    def agenda(
        self, office_id: int | None, advisor_id: int | None, day: date, days: int = 1
    ) -> Agenda:
        """The day (days=1) or week (days=7) of one office or one advisor: openings, bookings."""
        if days not in (1, 7):
            raise ValidationError("Un agenda montre un jour ou une semaine.", "days")
        _check_day(day)
        if (office_id is None) == (advisor_id is None):
            raise ValidationError("Choisissez un point d'accueil ou un agent.", "office_id")
        lo, hi = _day_bounds(day, days)
        last = day + timedelta(days=days - 1)
        with self._ctx.tx(readonly=True) as s:
            sched = select(Schedule).where(
                Schedule.first_day <= last,
                or_(Schedule.last_day.is_(None), Schedule.last_day >= day),
            )
            appts = select(Appointment.id).where(
                Appointment.starts_at < hi, Appointment.ends_at > lo
            )
            if office_id is not None:
                sched = sched.where(Schedule.office_id == office_id)
                appts = appts.where(Appointment.office_id == office_id)
                target = f"office:{office_id}"
            else:
                sched = sched.where(Schedule.advisor_id == advisor_id)
                appts = appts.where(Appointment.advisor_id == advisor_id)
                target = f"advisor:{advisor_id}"
            schedules = list(s.scalars(sched))
            calendar = self._calendar(s, {x.office_id for x in schedules}, day, last)
            names = self._advisor_names(s, {x.advisor_id for x in schedules})
            openings = [
                AgendaOpening(
                    x.advisor_id,
                    names.get(x.advisor_id, "?"),
                    x.office_id,
                    local(d, x.start_time),
                    local(d, x.end_time),
                )
                for x in schedules
                for d in _opening(x).days(day, last)
                if not calendar.closed(x.office_id, d)
            ]
            openings.sort(key=lambda o: (o.starts_at, o.advisor_name))
            advisors = {x.advisor_id for x in schedules} | (
                {advisor_id} if advisor_id is not None else set()
            )
            absences = [
                _absence_info(a)
                for a in s.scalars(
                    select(Absence)
                    .where(
                        Absence.advisor_id.in_(list(advisors)),
                        Absence.starts_at < hi,
                        Absence.ends_at > lo,
                    )
                    .order_by(Absence.starts_at)
                )
            ]
            views = self._views(s, list(s.scalars(appts)))
            self._ctx.audit(s, "appointments.agenda", target=target, detail=f"{day} +{days}j")
            return Agenda(day, days, office_id, advisor_id, openings, views, absences)

    @api(Permission.APPOINTMENT_BOOK, readonly=True)
    def member_appointments(self, member_id: int) -> list[AppointmentView]:
        """A member's appointments, the latest first."""
        with self._ctx.tx(readonly=True) as s:
            if s.get(Member, member_id) is None:
                raise NotFound("Assuré introuvable.")
            ids = list(s.scalars(select(Appointment.id).where(Appointment.member_id == member_id)))
            views = sorted(self._views(s, ids), key=lambda v: v.starts_at, reverse=True)
            self._ctx.audit(s, "appointments.member_appointments", member_id=member_id)
            return views

    @api(Permission.APPOINTMENT_BOOK, readonly=True)
    def confirmation_ics(self, appointment_id: int) -> str:
        """The appointment as an iCalendar text (to save or hand over)."""
        with self._ctx.tx(readonly=True) as s:
            views = self._views(s, [appointment_id])
            if not views:
                raise NotFound("Rendez-vous introuvable.")
            view = views[0]
            office = s.get(Office, view.office_id)
            assert office is not None
            self._ctx.audit(
                s,
                "appointments.confirmation_ics",
                member_id=view.member_id,
                target=f"appointment:{appointment_id}",
            )
            return _ics(view, office, utcnow())

    # -- internals --------------------------------------------------------------------------

    def _first_slots(
        self,
        s: Session,
        reason: AppointmentReason,
        office_ids: list[int],
        moving: Appointment | None = None,
    ) -> dict[int, list[SlotInfo]]:
        """The first free slots of each office, looking one week ahead, then further if needed."""
        today = paris_day(utcnow())
        horizon = reason.max_delay_days + 1
        first: dict[int, list[SlotInfo]] = {}
        wanted = list(office_ids)
        start, days = today, 0
        for span in (7, 28, horizon):
            span = min(span, horizon)
            if not wanted or span <= days:
                continue
            moving_id = None if moving is None else moving.id
            slots = self._slots(s, reason, wanted, None, start, span - days, moving_id)
            slots = [x for x in slots if not _is_where(x, moving)]
            names = self._advisor_names(s, {x.advisor_id for x in slots})
            for x in slots:
                per_office = first.setdefault(x.office_id, [])
                if len(per_office) < FIRST_SLOTS:
                    per_office.append(_slot_info(x, names))
            wanted = [o for o in wanted if len(first.get(o, [])) < FIRST_SLOTS]
            start, days = today + timedelta(days=span), span
        return first

    @staticmethod
    def _check_moving(
        s: Session, moving_id: int | None, member_id: int | None = None
    ) -> Appointment | None:
        """The appointment a move starts from: a coming one (of this member, if given)."""
        if moving_id is None:
            return None
        moving = s.get(Appointment, moving_id)
        if moving is None or (member_id is not None and moving.member_id != member_id):
            raise NotFound("Rendez-vous introuvable.")
        if moving.status is not S.UNKNOWN:
            raise ConflictError(
                "Seul un rendez-vous à venir peut être déplacé (statut : "
                f"{STATUS_LABELS[moving.status]})."
            )
        return moving

    def _offices(self, s: Session, include_inactive: bool) -> list[OfficeInfo]:
        query = select(Office).order_by(Office.name)
        if not include_inactive:
            query = query.where(Office.active)
        offices = list(s.scalars(query))
        hours: dict[int, list[OfficeHours]] = {}
        for h in s.scalars(select(OfficeHours)):
            hours.setdefault(h.office_id, []).append(h)
        return [_office_info(o, hours.get(o.id, [])) for o in offices]

    @staticmethod
    def _reason(s: Session, reason_id: int, *, active_only: bool = True) -> AppointmentReason:
        reason = s.get(AppointmentReason, reason_id)
        if reason is None or (active_only and not reason.active):
            raise NotFound("Motif de rendez-vous inconnu ou retiré.")
        return reason

    @staticmethod
    def _advisor_names(s: Session, ids: Iterable[int]) -> dict[int, str]:
        wanted = list(set(ids))
        if not wanted:
            return {}
        query = select(Advisor.id, Advisor.full_name).where(Advisor.id.in_(wanted))
        return {advisor_id: name for advisor_id, name in s.execute(query)}

    def _schedule_infos(self, s: Session, schedules: Sequence[Schedule]) -> list[ScheduleInfo]:
        ids = [x.id for x in schedules]
        reasons: dict[int, list[int]] = {}
        if ids:
            for sid, rid in s.execute(
                select(ScheduleReason.schedule_id, ScheduleReason.reason_id)
                .where(ScheduleReason.schedule_id.in_(ids))
                .order_by(ScheduleReason.reason_id)
            ):
                reasons.setdefault(sid, []).append(rid)
        advisors = self._advisor_names(s, {x.advisor_id for x in schedules})
        query = select(Office.id, Office.name).where(
            Office.id.in_(list({x.office_id for x in schedules}))
        )
        offices = {office_id: name for office_id, name in s.execute(query)}
        return [
            ScheduleInfo(
                id=x.id,
                advisor_id=x.advisor_id,
                advisor_name=advisors.get(x.advisor_id, "?"),
                office_id=x.office_id,
                office_name=offices.get(x.office_id, "?"),
                weekday=x.weekday,
                first_day=x.first_day,
                last_day=x.last_day,
                start_time=x.start_time,
                end_time=x.end_time,
                reason_ids=reasons.get(x.id, []),
                version=x.version,
            )
            for x in schedules
        ]

    @staticmethod
    def _calendar(s: Session, office_ids: Iterable[int], first: date, last: date) -> Calendar:
        wanted = list(set(office_ids))
        closures: dict[int, set[date]] = {}
        week: dict[int, dict[int, list[tuple[time, time]]]] = {}
        if wanted:
            for oid, day in s.execute(
                select(OfficeClosure.office_id, OfficeClosure.day).where(
                    OfficeClosure.office_id.in_(wanted),
                    OfficeClosure.day >= first,
                    OfficeClosure.day <= last,
                )
            ):
                closures.setdefault(oid, set()).add(day)
            for h in s.scalars(select(OfficeHours).where(OfficeHours.office_id.in_(wanted))):
                week.setdefault(h.office_id, {}).setdefault(h.weekday, []).append(
                    (h.opens, h.closes)
                )
        return Calendar(closures=closures, hours=week)

    def _source(
        self,
        s: Session,
        reason: AppointmentReason,
        office_ids: list[int] | None,
        advisor_id: int | None,
        first: date,
        days: int,
        exclude_appointment: int | None = None,
    ) -> _SlotSource:
        last = first + timedelta(days=days - 1)
        lo, hi = _day_bounds(first, days)
        query = (
            select(Schedule)
            .join(ScheduleReason, ScheduleReason.schedule_id == Schedule.id)
            .join(Advisor, Advisor.id == Schedule.advisor_id)
            .join(Office, Office.id == Schedule.office_id)
            .where(
                ScheduleReason.reason_id == reason.id,
                Advisor.active,
                Office.active,
                Schedule.first_day <= last,
                or_(Schedule.last_day.is_(None), Schedule.last_day >= first),
            )
        )
        if office_ids is not None:
            query = query.where(Schedule.office_id.in_(office_ids))
        if advisor_id is not None:
            query = query.where(Schedule.advisor_id == advisor_id)
        schedules = list(s.scalars(query))
        advisors = list({x.advisor_id for x in schedules})
        busy: list[Busy] = []
        if advisors:
            appts = select(
                Appointment.advisor_id, Appointment.starts_at, Appointment.ends_at
            ).where(
                Appointment.advisor_id.in_(advisors),
                Appointment.status.in_(ACTIVE),
                Appointment.starts_at < hi,
                Appointment.ends_at > lo,
            )
            if exclude_appointment is not None:
                appts = appts.where(Appointment.id != exclude_appointment)
            absences = select(Absence.advisor_id, Absence.starts_at, Absence.ends_at).where(
                Absence.advisor_id.in_(list(advisors)), Absence.starts_at < hi, Absence.ends_at > lo
            )
            for query_ in (appts, absences):
                busy.extend(Busy(a, b, c) for a, b, c in s.execute(query_))
        return _SlotSource(
            openings=[_opening(x) for x in schedules],
            busy=busy,
            calendar=self._calendar(s, {x.office_id for x in schedules}, first, last),
        )

    def _slots(
        self,
        s: Session,
        reason: AppointmentReason,
        office_ids: list[int] | None,
        advisor_id: int | None,
        first: date,
        days: int,
        exclude_appointment: int | None = None,
    ) -> list[Slot]:
        source = self._source(s, reason, office_ids, advisor_id, first, days, exclude_appointment)
        rules = SlotRules(
            duration=timedelta(minutes=reason.duration_min),
            now=utcnow(),
            min_delay=timedelta(hours=reason.min_delay_hours),
            max_delay=timedelta(days=reason.max_delay_days),
        )
        return build_slots(source.openings, rules, first, days, source.busy, source.calendar)

    def _check_slot(
        self,
        s: Session,
        reason: AppointmentReason,
        office_id: int,
        advisor_id: int,
        starts_at: datetime,
        ends_at: datetime,
        member_id: int,
        exclude: int | None,
    ) -> None:
        """Refuse a booking that is taken, clashes for the member, or is no offered slot."""
        taken = select(Appointment.id).where(
            Appointment.advisor_id == advisor_id,
            Appointment.status.in_(ACTIVE),
            Appointment.starts_at < ends_at,
            Appointment.ends_at > starts_at,
        )
        mine = select(Appointment.id).where(
            Appointment.member_id == member_id,
            Appointment.status.in_(ACTIVE),
            Appointment.starts_at < ends_at,
            Appointment.ends_at > starts_at,
        )
        if exclude is not None:
            taken = taken.where(Appointment.id != exclude)
            mine = mine.where(Appointment.id != exclude)
        if s.scalar(taken.limit(1)) is not None:
            raise ConflictError(SLOT_TAKEN)
        if s.scalar(mine.limit(1)) is not None:
            raise ConflictError("L'assuré a déjà un rendez-vous qui chevauche ce créneau.")
        slots = self._slots(s, reason, [office_id], advisor_id, paris_day(starts_at), 1, exclude)
        if not any(x.starts_at == starts_at for x in slots):
            raise ValidationError(
                "Ce créneau n'est pas proposé pour ce motif (horaires, délais de réservation, "
                "fermeture ou absence) : choisissez un créneau de la liste.",
                "starts_at",
            )

    @staticmethod
    def _flush_booking(s: Session) -> None:
        try:
            s.flush()
        except IntegrityError as exc:
            if _is_exclusion_violation(exc):
                raise ConflictError(SLOT_TAKEN) from None
            raise

    @staticmethod
    def _locked(s: Session, appointment_id: int) -> Appointment:
        appointment = s.scalar(
            select(Appointment).where(Appointment.id == appointment_id).with_for_update()
        )
        if appointment is None:
            raise NotFound("Rendez-vous introuvable.")
        return appointment

    def _change(
        self, appointment_id: int, target: AppointmentStatus, action: str, reason: str | None
    ) -> AppointmentView:
        now = utcnow()
        with self._ctx.tx() as s:
            appointment = self._locked(s, appointment_id)
            current = appointment.status
            if target not in TRANSITIONS[current]:
                raise ConflictError(
                    f"Ce rendez-vous est « {STATUS_LABELS[current]} » : "
                    f"il ne peut pas passer à « {STATUS_LABELS[target]} »."
                )
            if target is S.NOSHOW and now < appointment.starts_at:
                raise ValidationError("Un rendez-vous à venir ne peut pas être noté absent.")
            if target in (S.WAITING, S.SEEN) and paris_day(now) != paris_day(appointment.starts_at):
                raise ValidationError("Seuls les rendez-vous du jour peuvent être accueillis.")
            appointment.status = target
            if target is S.WAITING:
                appointment.arrived_at = now
            elif target is S.UNKNOWN:
                appointment.arrived_at = None
            elif target is S.SEEN:
                appointment.seen_at = now
            elif target in (S.EXCUSED, S.REVOKED):
                appointment.cancel_reason = reason or "à la demande de l'assuré"
            s.flush()
            view = self._views(s, [appointment.id])[0]
            if target is S.EXCUSED:
                self._notify(s, view, "annulé à votre demande", now, sequence=2, cancelled=True)
            elif target is S.REVOKED:
                self._notify(
                    s, view, f"annulé par l'accueil ({reason})", now, sequence=2, cancelled=True
                )
            self._ctx.audit(
                s,
                action,
                member_id=appointment.member_id,
                target=f"appointment:{appointment.id}",
                detail=f"{current.value} → {target.value}",
            )
            return view

    @staticmethod
    def _views(s: Session, ids: Sequence[int]) -> list[AppointmentView]:
        if not ids:
            return []
        rows = s.execute(
            select(
                Appointment,
                Member.last_name,
                Member.first_names,
                Office.name,
                Advisor.full_name,
                AppointmentReason.label,
                AppointmentReason.channel,
            )
            .join(Member, Member.id == Appointment.member_id)
            .join(Office, Office.id == Appointment.office_id)
            .join(Advisor, Advisor.id == Appointment.advisor_id)
            .join(AppointmentReason, AppointmentReason.id == Appointment.reason_id)
            .where(Appointment.id.in_(list(ids)))
            .order_by(Appointment.starts_at, Appointment.id)
        )
        return [
            AppointmentView(
                id=a.id,
                member_id=a.member_id,
                member_name=f"{last.upper()} {first}",
                office_id=a.office_id,
                office_name=office,
                advisor_id=a.advisor_id,
                advisor_name=advisor,
                reason_id=a.reason_id,
                reason_label=label,
                channel=channel,
                starts_at=a.starts_at,
                ends_at=a.ends_at,
                status=a.status,
                booked_at=a.booked_at,
                arrived_at=a.arrived_at,
                seen_at=a.seen_at,
                cancel_reason=a.cancel_reason,
            )
            for a, last, first, office, advisor, label, channel in rows
        ]

    def _notify(
        self,
        s: Session,
        view: AppointmentView,
        what: str,
        now: datetime,
        *,
        sequence: int = 0,
        cancelled: bool = False,
    ) -> None:
        """The member's confirmation: an outbound message with the .ics, on their RDV thread."""
        office = s.get(Office, view.office_id)
        assert office is not None
        body = (
            "Bonjour,\n\n"
            f"Votre rendez-vous « {view.reason_label} » du {_fr_day(view.starts_at)} "
            f"est {what}.\n"
            f"Lieu : {office.name}, {office.address_line}, {office.postcode} {office.city}.\n"
            + (
                ""
                if cancelled
                else "Munissez-vous de votre carte Vitale et d'une pièce d'identité.\n"
            )
            + "\nVotre caisse d'Assurance Maladie\n\n"
            + "-- invitation agenda (.ics) --\n"
            + _ics(view, office, now, sequence=sequence, cancelled=cancelled)
        )
        thread_id = s.scalar(
            select(MailThread.id)
            .where(
                MailThread.member_id == view.member_id,
                MailThread.subject == CONFIRMATION_SUBJECT,
            )
            .order_by(MailThread.id.desc())
            .limit(1)
        )
        if thread_id is None:
            thread = MailThread(
                member_id=view.member_id,
                subject=CONFIRMATION_SUBJECT,
                theme=MailTheme.OTHER,
                # Nothing for an agent to do: the thread reopens if the member answers.
                state=MailState.CLOSED,
                office_id=view.office_id,
                escalated=False,
                created_at=now,
                last_message_at=now,
                first_response_at=now,
                closed_at=now,
            )
            s.add(thread)
            s.flush()
            thread_id = thread.id
        else:
            s.execute(
                update(MailThread)
                .where(MailThread.id == thread_id)
                .values(last_message_at=now)
                .execution_options(synchronize_session=False)
            )
        s.add(
            MailMessage(
                thread_id=thread_id,
                at=now,
                direction=MessageDirection.OUTBOUND,
                author_advisor_id=self._ctx.advisor.id,
                body=body,
            )
        )
        s.flush()


def _slot_info(x: Slot, names: dict[int, str]) -> SlotInfo:
    return SlotInfo(x.office_id, x.advisor_id, names.get(x.advisor_id, "?"), x.starts_at, x.ends_at)


def _ics(
    view: AppointmentView,
    office: Office,
    now: datetime,
    *,
    sequence: int = 0,
    cancelled: bool = False,
) -> str:
    return appointment_ics(
        uid=f"rdv-{view.id}@advisor-desk.cpam",
        starts_at=view.starts_at,
        ends_at=view.ends_at,
        summary=f"Rendez-vous CPAM : {view.reason_label}",
        location=f"{office.name}, {office.address_line}, {office.postcode} {office.city}",
        description=(
            f"Avec {view.advisor_name}. Munissez-vous de votre carte Vitale. "
            f"Pour annuler : {office.phone}."
        ),
        stamp=now,
        sequence=sequence,
        cancelled=cancelled,
    )
