"""Reimbursement lines of one person over 27 months, with rates, deductibles and the ledger."""

from __future__ import annotations

import random
from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from advisor_desk.domain.deductibles import (
    NOTHING,
    ActForDeductible,
    DeductibleRules,
    DeductibleState,
    compute_withholding,
    reimbursement_rate,
    rules_from_values,
)
from advisor_desk.domain.enums import CareCategory, ReimbursementStatus
from advisor_desk.domain.money import apply_rate
from advisor_desk.domain.reference import DatedValue, values_at

from .reference import ProfessionalRef

# 27 months of statements must be complete: go a little further back.
WINDOW_DAYS = 845

C = CareCategory
_CAT_VALUE = {c: c.value for c in CareCategory}
PAID = ReimbursementStatus.PAID.value
PENDING = ReimbursementStatus.PENDING.value
REJECTED = ReimbursementStatus.REJECTED.value

REJECTION_REASONS = (
    "Droits non ouverts à la date des soins",
    "Acte non remboursable",
    "Doublon de facturation",
    "Prescription absente ou illisible",
    "Feuille de soins incomplète",
    "Professionnel non conventionné pour cet acte",
)

# Demo tariff catalogue (cents): (act code, label, base, charged extra max). Only the GP
# consultation follows the dated reference values; the rest is plausible demo data.
SPECIALIST_ACTS = (
    ("CS", "Consultation de spécialiste", 3150, 0),
    ("APC", "Avis ponctuel de consultant", 6000, 0),
    ("CNPSY", "Consultation de psychiatre", 5270, 0),
)
PHARMACY_CODES = {
    65: ("PH7", "Médicaments remboursables à 65 %"),
    30: ("PH4", "Médicaments remboursables à 30 %"),
    15: ("PH2", "Médicaments remboursables à 15 %"),
    100: ("PH1", "Médicaments irremplaçables et coûteux (100 %)"),
}
LAB_ACTS = (
    ("B", "Analyses de biologie médicale", 1500, 6500),
    ("PB", "Prélèvement sanguin et analyses", 2200, 4800),
)
IMAGING_ACTS = (
    ("ZBQK002", "Radiographie du thorax", 2128, 0),
    ("ZCQM001", "Échographie de l'abdomen", 5670, 0),
    ("QEQK004", "Mammographie bilatérale", 6642, 0),
    ("ACQK001", "Scanographie du crâne", 2527, 0),
    ("NZQK001", "Radiographie du genou", 2500, 0),
)
DENTAL_ACTS = (
    ("HBJD001", "Détartrage et polissage des dents", 4338, 0),
    ("HBMD049", "Restauration d'une dent par composite", 4064, 0),
    ("HBLD634", "Couronne dentaire céramo-métallique", 12000, 50000),
    ("C", "Consultation de chirurgien-dentiste", 2300, 0),
)
OPTICAL_ACTS = (
    ("LPPOPT1", "Monture et verres (100 % Santé)", 9000, 0),
    ("LPPOPT2", "Monture et verres à tarifs libres", 1500, 38000),
)
PARAMEDICAL_ACTS = {
    "nurse": ("AMI", "Soins infirmiers", 945),
    "physio": ("AMK", "Séance de masso-kinésithérapie", 1806),
}
TRANSPORT_ACTS = (
    ("TAX", "Transport en taxi conventionné", 3500, 9000),
    ("AMB", "Transport en ambulance", 7000, 14000),
    ("VSL", "Transport en véhicule sanitaire léger", 3000, 6000),
)
HOSPITAL_ACTS = (("GHS", "Séjour hospitalier (GHS)", 150000, 550000),)

# Episodes per year by age band: gp, spec, dental, optical, imaging, lab, para, transport,
# hospital. Tuned so that a member with their dependents averages about 20 lines in 27 months.
_AGE_BANDS = (6, 18, 40, 60, 75, 200)
# Global scale of the episode rates below, tuned for about 20 lines per member.
ACTIVITY = 0.69
_EPISODE_RATES = (
    (2.4, 0.5, 0.1, 0.03, 0.05, 0.05, 0.05, 0.0, 0.02),
    (1.0, 0.25, 0.4, 0.12, 0.08, 0.05, 0.05, 0.0, 0.01),
    (1.0, 0.3, 0.3, 0.08, 0.12, 0.2, 0.06, 0.005, 0.02),
    (1.3, 0.45, 0.3, 0.1, 0.2, 0.35, 0.08, 0.01, 0.03),
    (2.0, 0.7, 0.25, 0.12, 0.3, 0.6, 0.12, 0.03, 0.05),
    (3.0, 0.8, 0.15, 0.1, 0.3, 0.7, 0.3, 0.15, 0.1),
)
_MEDICINE_RATES = (65, 30, 15, 100)
_MEDICINE_CUM = (62, 82, 90, 100)

REIMBURSEMENT_COLUMNS = (
    "id",
    "member_id",
    "dependent_id",
    "care_date",
    "payment_date",
    "professional_id",
    "act_code",
    "act_label",
    "category",
    "quantity",
    "charged_cents",
    "base_cents",
    "rate_pct",
    "reimbursed_cents",
    "participation_cents",
    "franchise_cents",
    "tiers_payant",
    "ald_related",
    "status",
    "rejection_reason",
    "payee",
)


@dataclass(slots=True)
class Person:
    """What the care generator needs to know about a member or a dependent."""

    member_id: int
    dependent_id: int | None
    birth: date
    commune: str
    gp: ProfessionalRef | None
    ald_from: int | None  # day index from which care may be ALD-related (exonerating ALD)
    css_days: list[tuple[int, int]]  # day-index ranges covered by CSS or AME
    maternity: tuple[int, int] | None  # exonerated range (6th month → birth + 12 days)
    work_case: tuple[int, int] | None  # range of care related to a work accident
    frailty: float


class CareCalendar:
    """Per-day tables over the 27-month window, computed once per run."""

    def __init__(self, today: date, values: list[DatedValue], ts_suffix: str) -> None:
        self.today = today
        self.start = today - timedelta(days=WINDOW_DAYS)
        self.n_days = WINDOW_DAYS + 1
        self.days = [self.start + timedelta(days=i) for i in range(self.n_days + 60)]
        self.day_str = [d.isoformat() for d in self.days]
        self.ts_suffix = ts_suffix
        from advisor_desk.domain.calendar import is_public_holiday

        # Care happens Monday to Saturday, not on public holidays.
        self.care_days = [
            i
            for i in range(self.n_days)
            if self.days[i].weekday() < 6 and not is_public_holiday(self.days[i])
        ]
        rules_cache: dict[tuple[tuple[str, int], ...], DeductibleRules] = {}
        rates_cache: dict[tuple[tuple[str, int], ...], int] = {}
        self.rules: list[DeductibleRules] = []
        self.rate_set: list[int] = []
        self.rate_maps: list[dict[str, int]] = []
        self.gp_fee: list[int] = []
        self.spec_shift: list[int] = []
        for d in self.days:
            vals = values_at(values, d)
            key = tuple(
                sorted(
                    (k, v)
                    for k, v in vals.items()
                    if k.startswith(("participation.", "franchise."))
                )
            )
            if key not in rules_cache:
                rules_cache[key] = rules_from_values(vals)
            self.rules.append(rules_cache[key])
            rkey = tuple(sorted((k, v) for k, v in vals.items() if k.startswith("rate.")))
            if rkey not in rates_cache:
                rates_cache[rkey] = len(self.rate_maps)
                self.rate_maps.append(dict(rkey))
            self.rate_set.append(rates_cache[rkey])
            self.gp_fee.append(vals["fee.gp_consultation_cents"])
            # Specialist tariffs moved with the GP one (2024-12-22): older lines cost 5 % less.
            self.spec_shift.append(0 if vals["fee.gp_consultation_cents"] >= 3000 else 150)
        self._rate = lru_cache(maxsize=None)(self._rate_uncached)
        self.year_end_str = {y: date(y, 12, 31).isoformat() for y in range(1990, 2100)}

    def _rate_uncached(
        self,
        rate_set: int,
        category: CareCategory,
        ald: bool,
        maternity: bool,
        work: bool,
        medicine_rate: int | None,
    ) -> int:
        return reimbursement_rate(
            category, ald, maternity, work, medicine_rate, rates=self.rate_maps[rate_set]
        )

    def rate(
        self,
        day: int,
        category: CareCategory,
        ald: bool,
        maternity: bool,
        work: bool,
        medicine_rate: int | None = None,
    ) -> int:
        return int(self._rate(self.rate_set[day], category, ald, maternity, work, medicine_rate))


class CareGenerator:
    """Builds reimbursement rows for persons; ids come from the batch's id block."""

    def __init__(
        self,
        cal: CareCalendar,
        professionals: Mapping[str, list[ProfessionalRef]],
        gps_by_commune: Mapping[str, list[ProfessionalRef]],
    ) -> None:
        self.cal = cal
        self.pros = professionals
        self.gps_by_commune = gps_by_commune
        self.rows: list[tuple[Any, ...]] = []
        self.next_id = 0
        self.id_limit = 0
        # (member id, year, kind, entry) → cents, aggregated for the ledger
        self.ledger: dict[tuple[int, int, str, str], int] = {}

    def reset(self, first_id: int, id_limit: int) -> None:
        self.rows = []
        self.next_id = first_id
        self.id_limit = id_limit
        self.ledger = {}

    def person(self, rng: random.Random, p: Person) -> None:
        """Append the lines of one person, in chronological order."""
        cal = self.cal
        today_idx = cal.n_days - 1
        born = (p.birth - cal.start).days
        first = max(0, born)
        if first > today_idx:
            return
        care_days = cal.care_days
        lo = bisect_left(care_days, first)
        if lo >= len(care_days):
            return
        years = (today_idx - first) / 365.0
        ages = (cal.today - p.birth).days // 365
        band = 0
        while ages >= _AGE_BANDS[band]:
            band += 1
        rates = _EPISODE_RATES[band]
        f = p.frailty * years * ACTIVITY
        ald = p.ald_from is not None
        rand = rng.random
        episodes: list[tuple[int, int]] = []
        n_care = len(care_days)
        for kind, rate in enumerate(rates):
            lam = rate * f
            if ald and kind in (0, 1, 5):
                lam *= 1.8
            n = int(lam)
            if rand() < lam - n:
                n += 1
            for _ in range(n):
                episodes.append((care_days[lo + int(rand() * (n_care - lo))], kind))
        if ald:
            # Monthly chronic treatment: the pharmacy refill of an ALD patient.
            start = max(lo, bisect_left(care_days, p.ald_from or 0))
            if start < n_care:
                n = int(years * 10)
                for _ in range(n):
                    episodes.append((care_days[start + int(rand() * (n_care - start))], 9))
        if p.work_case is not None:
            a, b = p.work_case
            for _ in range(rng.randrange(4, 12)):
                episodes.append((min(today_idx, a + int(rand() * max(1, b - a))), 10))
        if not episodes:
            return
        episodes.sort()
        self._expand(rng, p, episodes, born)

    def _expand(
        self, rng: random.Random, p: Person, episodes: list[tuple[int, int]], born: int
    ) -> None:
        cal = self.cal
        pros = self.pros
        rand = rng.random
        choice = rng.choice
        today_idx = cal.n_days - 1
        adult_day = born + 6574  # about the 18th birthday (18 × 365.25)
        css = p.css_days
        mat = p.maternity
        ald_from = p.ald_from if p.ald_from is not None else 10**9
        states: dict[int, DeductibleState] = {}
        gp = p.gp
        if gp is None:
            local = self.gps_by_commune.get(p.commune) or pros["gp"]
            gp = choice(local)
        pharmacy = choice(pros["pharmacy"])
        lab = choice(pros["lab"])
        next_id = self.next_id

        for day, kind in episodes:
            exempt = day < adult_day
            in_css = False
            if css:
                for a, b in css:
                    if a <= day <= b:
                        # CSS and AME: tiers payant intégral, no deductibles.
                        exempt = in_css = True
                        break
            maternity = mat is not None and mat[0] <= day <= mat[1]
            if maternity:
                exempt = True
            in_work = kind == 10
            ald_ok = day >= ald_from
            # lines of the episode: (category, prof, code, label, qty, base, charged, medicine rate, tp, ald)
            lines: list[
                tuple[
                    CareCategory, ProfessionalRef, str, str, int, int, int, int | None, bool, bool
                ]
            ] = []
            if kind == 0 or kind == 9:
                ald_line = ald_ok and (kind == 9 or rand() < 0.5)
                if kind == 0:
                    doc = gp if rand() < 0.8 else choice(pros["gp"])
                    base = cal.gp_fee[day]
                    charged = base if doc.fee_cents <= 3000 else max(base, doc.fee_cents)
                    lines.append(
                        (
                            C.CONSULTATION,
                            doc,
                            "G",
                            "Consultation de médecin généraliste",
                            1,
                            base,
                            charged,
                            None,
                            ald_line or (exempt and rand() < 0.3),
                            ald_line,
                        )
                    )
                if kind == 9 or rand() < 0.62:
                    shop = pharmacy if rand() < 0.85 else choice(pros["pharmacy"])
                    for _ in range(1 + int(rand() * rand() * 4)):
                        r = rand() * 100
                        m = 65 if r < 62 else 30 if r < 82 else 15 if r < 90 else 100
                        qty = 1 + int(rand() * rand() * 4)
                        unit = (
                            (300 + int(rand() * 2200))
                            if m != 100
                            else (2500 + int(rand() * rand() * 40000))
                        )
                        code, label = PHARMACY_CODES[m]
                        lines.append(
                            (
                                C.PHARMACY,
                                shop,
                                code,
                                label,
                                qty,
                                unit * qty,
                                unit * qty,
                                m,
                                rand() < 0.92,
                                ald_line and m != 15,
                            )
                        )
            elif kind == 1:
                spec = choice(pros["spec"])
                code, label, base, _ = SPECIALIST_ACTS[0 if rand() < 0.8 else int(rand() * 3)]
                base -= cal.spec_shift[day]
                charged = base if spec.fee_cents <= base else spec.fee_cents
                ald_line = ald_ok and rand() < 0.6
                lines.append(
                    (C.SPECIALIST, spec, code, label, 1, base, charged, None, ald_line, ald_line)
                )
                if rand() < 0.35:
                    r = rand() * 100
                    m = 65 if r < 62 else 30 if r < 82 else 15 if r < 90 else 100
                    unit = 400 + int(rand() * 2600)
                    code, label = PHARMACY_CODES[m]
                    lines.append(
                        (
                            C.PHARMACY,
                            pharmacy,
                            code,
                            label,
                            1,
                            unit,
                            unit,
                            m,
                            rand() < 0.9,
                            ald_line and m != 15,
                        )
                    )
            elif kind == 2:
                dent = choice(pros["dental"])
                code, label, base, extra = DENTAL_ACTS[int(rand() * 4)]
                lines.append(
                    (
                        C.DENTAL,
                        dent,
                        code,
                        label,
                        1,
                        base,
                        base + int(rand() * extra),
                        None,
                        rand() < 0.2,
                        False,
                    )
                )
            elif kind == 3:
                opt = choice(pros["optical"])
                code, label, base, extra = OPTICAL_ACTS[0 if rand() < 0.45 else 1]
                lines.append(
                    (
                        C.OPTICAL,
                        opt,
                        code,
                        label,
                        1,
                        base,
                        base + int(rand() * extra),
                        None,
                        rand() < 0.8,
                        False,
                    )
                )
            elif kind == 4:
                rad = choice(pros["imaging"])
                code, label, base, _ = IMAGING_ACTS[int(rand() * 5)]
                charged = base if rad.fee_cents <= 3150 else base + int(rand() * 4000)
                ald_line = ald_ok and rand() < 0.5
                lines.append(
                    (
                        C.IMAGING,
                        rad,
                        code,
                        label,
                        1,
                        base,
                        charged,
                        None,
                        rand() < 0.3 or ald_line,
                        ald_line,
                    )
                )
            elif kind == 5:
                code, label, lo, hi = LAB_ACTS[int(rand() * 2)]
                base = lo + int(rand() * (hi - lo))
                ald_line = ald_ok and rand() < 0.6
                lines.append(
                    (C.LAB, lab, code, label, 1, base, base, None, rand() < 0.85, ald_line)
                )
            elif kind == 6 or kind == 10:
                what = "physio" if kind == 10 or rand() < 0.55 else "nurse"
                pro = choice(pros[what])
                code, label, unit = PARAMEDICAL_ACTS[what]
                # A series of sessions, two or three a week.
                sessions = 4 + int(rand() * 10) if kind == 6 else 1
                d = day
                for _ in range(sessions):
                    if d > today_idx:
                        break
                    self._line(
                        rng,
                        p,
                        d,
                        C.PARAMEDICAL,
                        pro,
                        code,
                        label,
                        1,
                        unit,
                        unit,
                        None,
                        rand() < 0.7 or in_work,
                        ald_ok and rand() < 0.3,
                        exempt or in_work,
                        maternity,
                        in_work,
                        states,
                        next_id,
                    )
                    next_id += 1
                    d += 2 + int(rand() * 3)
                continue
            elif kind == 7:
                pro = choice(pros["transport"])
                code, label, lo, hi = TRANSPORT_ACTS[int(rand() * 3)]
                base = lo + int(rand() * (hi - lo))
                ald_line = ald_ok
                lines.append(
                    (C.TRANSPORT, pro, code, label, 1, base, base, None, rand() < 0.85, ald_line)
                )
                lines.append(
                    (
                        C.TRANSPORT,
                        pro,
                        code,
                        label + " (retour)",
                        1,
                        base,
                        base,
                        None,
                        rand() < 0.85,
                        ald_line,
                    )
                )
            elif kind == 8:
                pro = choice(pros["hospital"])
                code, label, lo, hi = HOSPITAL_ACTS[0]
                base = lo + int(rand() * (hi - lo))
                lines.append(
                    (
                        C.HOSPITAL,
                        pro,
                        code,
                        label,
                        1,
                        base,
                        base,
                        None,
                        True,
                        ald_ok and rand() < 0.5,
                    )
                )
            for cat, pro, code, label, qty, base, charged, mrate, tp, ald_line in lines:
                self._line(
                    rng,
                    p,
                    day,
                    cat,
                    pro,
                    code,
                    label,
                    qty,
                    base,
                    charged,
                    mrate,
                    tp or in_css or maternity,
                    ald_line,
                    exempt or in_work,
                    maternity,
                    in_work,
                    states,
                    next_id,
                )
                next_id += 1
        if next_id > self.id_limit:
            raise OverflowError("bloc d'identifiants de remboursements épuisé")
        self.next_id = next_id

    def _line(
        self,
        rng: random.Random,
        p: Person,
        day: int,
        cat: CareCategory,
        pro: ProfessionalRef,
        code: str,
        label: str,
        qty: int,
        base: int,
        charged: int,
        mrate: int | None,
        tp: bool,
        ald_line: bool,
        exempt: bool,
        maternity: bool,
        work: bool,
        states: dict[int, DeductibleState],
        row_id: int,
    ) -> None:
        cal = self.cal
        rand = rng.random
        rate = cal.rate(day, cat, ald_line, maternity, work, mrate)
        amount = apply_rate(base, rate)
        # Tiers payant lines are sent electronically: faster, rarely on paper.
        if tp:
            pay = day + 2 + int(rand() * 5)
        elif rand() < 0.06:
            pay = day + 15 + int(rand() * 20)
        else:
            pay = day + 3 + int(rand() * 5)
        part = fran = 0
        if pay > cal.n_days - 1:
            status = PENDING
            payment = None
            reason = None
            reimbursed = 0
        elif rand() < 0.006:
            status = REJECTED
            payment = None
            reason = REJECTION_REASONS[int(rand() * 6)]
            reimbursed = 0
        else:
            status = PAID
            payment = cal.day_str[pay]
            reason = None
            w = NOTHING
            if (
                not exempt
                and cat is not C.HOSPITAL
                and cat is not C.DENTAL
                and cat is not C.OPTICAL
            ):
                d = cal.days[day]
                year = d.year
                state = states.get(year)
                if state is None:
                    state = states[year] = DeductibleState(year)
                w = compute_withholding(
                    ActForDeductible(d, cat, pro.id, amount, qty), state, cal.rules[day], False
                )
            part, fran = w
            if part or fran:
                entry = "owed" if tp else "withheld"
                year = cal.days[day].year
                if part:
                    k = (p.member_id, year, "participation", entry)
                    self.ledger[k] = self.ledger.get(k, 0) + part
                if fran:
                    k = (p.member_id, year, "franchise", entry)
                    self.ledger[k] = self.ledger.get(k, 0) + fran
            # In tiers payant the professional is paid in full and the member owes the
            # deductibles; otherwise they are taken from what the member receives.
            reimbursed = amount if tp else amount - part - fran
        self.rows.append(
            (
                row_id,
                p.member_id,
                p.dependent_id,
                cal.day_str[day],
                payment,
                pro.id,
                code,
                label,
                _CAT_VALUE[cat],
                qty,
                charged,
                base,
                rate,
                reimbursed,
                part,
                fran,
                tp,
                ald_line,
                status,
                reason,
                "professional" if tp else "member",
            )
        )
