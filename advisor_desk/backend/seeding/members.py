"""One batch of members with everything attached to them, as rows ready for bulk insertion."""

from __future__ import annotations

import hashlib
import json
import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from itertools import accumulate
from typing import Any

from argon2 import low_level as argon2_low_level

from advisor_desk.domain.ameli import (
    CODE_ALPHABET,
    CODE_VALIDITY_DAYS,
    MAX_FAILED_LOGINS,
    code_expiry,
    code_valid_until,
)
from advisor_desk.domain.css import css_monthly_participation_cents
from advisor_desk.domain.enums import (
    AuditOutcome,
    CoverKind,
    DeclarationKind,
    DeclarationState,
    DocumentKind,
    FilingChannel,
    LeaveKind,
    MailState,
    MailTheme,
    MessageDirection,
    Relationship,
    Role,
    Sex,
    VitaleStatus,
    WorkCaseDecision,
    WorkCaseKind,
)
from advisor_desk.domain.iban import make_french_iban
from advisor_desk.domain.nir import make_nir
from advisor_desk.domain.reference import (
    AldEntry,
    DatedValue,
    ParticipationRow,
    css_participation_at,
)
from advisor_desk.domain.tax import taxable_ij_cents
from advisor_desk.domain.text import name_key as _name_key

from . import data
from .care import REIMBURSEMENT_COLUMNS, CareCalendar, CareGenerator, Person
from .reference import THEME_SUBJECTS, ProfessionalRef, ReferenceData

Row = tuple[Any, ...]

# Names repeat a lot (a few hundred last names, first-name combinations): normalise each once.
name_key = lru_cache(maxsize=1 << 16)(_name_key)

# Ids are allocated in fixed blocks per batch (capacity per member × batch size), so that
# batches are independent and can be written in any order or resumed.
ID_CAPACITY: dict[str, int] = {
    "dependents": 8,
    "addresses": 3,
    "bank_accounts": 3,
    "vitale_cards": 10,
    "cover_periods": 3,
    "rights_periods": 3,
    "alds": 3,
    "work_accident_cases": 1,
    "work_accident_steps": 8,
    "sick_leaves": 6,
    "ij_payments": 60,
    "reimbursements": 1000,
    "deductible_entries": 24,
    "declarations": 2,
    "declaration_events": 12,
    "declaration_notes": 2,
    "declaration_documents": 8,
    "issued_documents": 2,
    "mail_threads": 2,
    "mail_messages": 12,
    "appointments": 3,
    "audit_events": 12,
    "ameli_accounts": 1,
}

COLUMNS: dict[str, tuple[str, ...]] = {
    "members": (
        "id",
        "nir",
        "last_name",
        "birth_name",
        "first_names",
        "name_key",
        "first_name_key",
        "birth_name_key",
        "sex",
        "birth_date",
        "birth_place",
        "email",
        "phone",
        "regime",
        "fund_code",
        "referring_doctor_id",
        "complementary_insurer_id",
        "complementary_since",
        "created_at",
        "version",
    ),
    "dependents": (
        "id",
        "member_id",
        "rank",
        "relationship",
        "nir",
        "last_name",
        "first_names",
        "name_key",
        "first_name_key",
        "sex",
        "birth_date",
        "other_parent_member_id",
        "created_at",
    ),
    "addresses": (
        "id",
        "member_id",
        "line1",
        "line2",
        "postcode",
        "city",
        "latitude",
        "longitude",
        "valid_from",
        "valid_to",
    ),
    "bank_accounts": ("id", "member_id", "iban", "bic", "holder", "valid_from", "valid_to"),
    "vitale_cards": (
        "id",
        "member_id",
        "dependent_id",
        "serial",
        "status",
        "issued_on",
        "status_changed_on",
    ),
    "cover_periods": ("id", "member_id", "kind", "start", "end", "monthly_participation_cents"),
    "rights_periods": ("id", "member_id", "start", "end", "basis"),
    "alds": (
        "id",
        "member_id",
        "dependent_id",
        "code",
        "label",
        "start_date",
        "end_date",
        "protocol_ref",
        "protocol_valid_until",
        "exonerating",
    ),
    "work_accident_cases": (
        "id",
        "member_id",
        "number",
        "kind",
        "accident_date",
        "declared_on",
        "employer",
        "description",
        "decision",
        "decision_date",
        "consolidation_date",
        "ipp_rate",
    ),
    "work_accident_steps": ("id", "case_id", "on", "step", "detail"),
    "sick_leaves": (
        "id",
        "member_id",
        "kind",
        "start_date",
        "end_date",
        "prescriber",
        "ald_related",
        "work_case_id",
    ),
    "ij_payments": (
        "id",
        "member_id",
        "sick_leave_id",
        "period_start",
        "period_end",
        "days",
        "daily_gross_cents",
        "gross_cents",
        "net_cents",
        "taxable_cents",
        "paid_on",
    ),
    "reimbursements": REIMBURSEMENT_COLUMNS,
    "deductible_entries": (
        "id",
        "member_id",
        "year",
        "kind",
        "entry",
        "amount_cents",
        "on",
        "reimbursement_id",
        "means",
        "reference",
        "advisor_id",
        "recorded_at",
    ),
    "declarations": (
        "id",
        "number",
        "member_id",
        "kind",
        "state",
        "payload",
        "channel",
        "filed_at",
        "filed_by_advisor_id",
        "office_id",
        "assigned_agent_id",
        "estimated_on",
        "completed_at",
        "decision_reason",
        "waiting_since",
        "waiting_days",
        "version",
    ),
    "declaration_events": (
        "id",
        "declaration_id",
        "at",
        "advisor_id",
        "from_state",
        "to_state",
        "comment",
    ),
    "declaration_notes": ("id", "declaration_id", "at", "advisor_id", "body"),
    "declaration_documents": ("id", "declaration_id", "label", "required", "received_on"),
    "issued_documents": (
        "id",
        "number",
        "verification_code",
        "member_id",
        "kind",
        "issued_at",
        "advisor_id",
        "content_sha256",
        "pdf",
    ),
    "mail_threads": (
        "id",
        "member_id",
        "subject",
        "theme",
        "state",
        "office_id",
        "team_id",
        "assigned_agent_id",
        "escalated",
        "created_at",
        "last_message_at",
        "first_response_at",
        "sla_due_at",
        "closed_at",
        "version",
    ),
    "mail_messages": (
        "id",
        "thread_id",
        "at",
        "direction",
        "author_advisor_id",
        "body",
        "document_id",
    ),
    "appointments": (
        "id",
        "member_id",
        "office_id",
        "advisor_id",
        "reason_id",
        "starts_at",
        "ends_at",
        "status",
        "booked_at",
        "booked_by_advisor_id",
        "arrived_at",
        "seen_at",
        "cancel_reason",
    ),
    "audit_events": (
        "id",
        "at",
        "advisor_id",
        "login",
        "action",
        "member_id",
        "target",
        "outcome",
        "detail",
    ),
    "ameli_accounts": (
        "id",
        "member_id",
        "opened_at",
        "last_login_at",
        "locked_at",
        "failed_logins",
        "code_hash",
        "code_issued_at",
        "code_expires_at",
        "code_issued_by",
        "version",
    ),
}

# Insertion order respects the foreign keys.
TABLE_ORDER = tuple(COLUMNS)

_DECLARATION_NOTES = (
    "Assuré rappelé : pièces promises pour la fin de semaine.",
    "Vérifier la cohérence avec le dossier de l'autre parent avant décision.",
    "Justificatif peu lisible, accepté après contrôle de l'original à l'accueil.",
    "Dossier signalé au superviseur : situation sociale fragile, traiter en priorité.",
)

_AGE_WEIGHTS = [1.0] * 12 + [1.1] * 30 + [1.0] * 15 + [0.6] * 10 + [0.25] * 11  # 18..95
_AGE_CUM = list(accumulate(_AGE_WEIGHTS))
_LAST_CUM = list(accumulate(1.0 / (rank + 8) for rank in range(len(data.LAST_NAMES))))
_COMMUNE_CUM = list(accumulate(c[5] for c in data.COMMUNES))
_FRANCE_CUM = list(accumulate(b[3] for b in data.BIRTHPLACES_FRANCE))
_COUNTRY_CUM = list(accumulate(c[2] for c in data.BIRTH_COUNTRIES))
_BANK_CUM = list(accumulate(b[4] for b in data.BANKS))
_EMAIL_CUM = list(accumulate(w for _, w in data.EMAIL_DOMAINS))
# ALD codes weighted by their real frequency among exemptions.
_ALD_WEIGHTS = {
    8: 25,
    30: 18,
    23: 12,
    5: 10,
    13: 8,
    3: 4,
    14: 3,
    15: 3,
    1: 2,
    9: 2,
    16: 2,
    19: 2,
    31: 2,
    22: 1.5,
    24: 1.5,
    25: 1.5,
    6: 1,
    7: 1,
    32: 1,
    21: 0.5,
    27: 0.5,
    2: 0.3,
    11: 0.2,
    18: 0.2,
    10: 0.2,
    17: 0.2,
    26: 0.2,
    28: 0.3,
    20: 0.2,
    29: 0.1,
    4: 0.05,
}
_VITALE_STATUSES = (
    (VitaleStatus.ACTIVE, 900),
    (VitaleStatus.ORDERED, 20),
    (VitaleStatus.IN_PRODUCTION, 15),
    (VitaleStatus.SENT, 15),
    (VitaleStatus.LOST, 20),
    (VitaleStatus.STOLEN, 10),
    (VitaleStatus.BLOCKED, 20),
)
_VITALE_CUM = list(accumulate(w for _, w in _VITALE_STATUSES))

_DECL_STATES = (
    (DeclarationState.RECEIVED, 15),
    (DeclarationState.IN_INSTRUCTION, 20),
    (DeclarationState.WAITING_MEMBER, 10),
    (DeclarationState.ACCEPTED, 35),
    (DeclarationState.REFUSED, 10),
    (DeclarationState.CLOSED, 10),
)
_DECL_CUM = list(accumulate(w for _, w in _DECL_STATES))
# Published processing delays (days) and the supporting documents of each declaration.
DECLARATION_INFO: dict[DeclarationKind, tuple[int, tuple[str, ...]]] = {
    DeclarationKind.VITALE_ORDER: (21, ("Photo d'identité", "Pièce d'identité")),
    DeclarationKind.BANK_DETAILS: (10, ("RIB au nom de l'assuré",)),
    DeclarationKind.CSS_REQUEST: (
        60,
        ("Avis d'imposition", "Justificatifs de ressources", "Attestation de la CAF"),
    ),
    DeclarationKind.EHIC_REQUEST: (14, ()),
    DeclarationKind.ADDRESS_CHANGE: (10, ("Justificatif de domicile de moins de 3 mois",)),
    DeclarationKind.BIRTH: (15, ("Acte de naissance",)),
    DeclarationKind.VITALE_LOST: (21, ("Déclaration de perte ou de vol",)),
    DeclarationKind.NAME_CHANGE: (20, ("Acte de mariage ou jugement", "Pièce d'identité")),
    DeclarationKind.CHILD_OTHER_PARENT: (20, ("Livret de famille",)),
    DeclarationKind.THIRD_PARTY_ACCIDENT: (
        30,
        ("Constat amiable ou procès-verbal", "Certificat médical initial"),
    ),
    DeclarationKind.COMPLEMENTARY_CHOICE: (10, ("Attestation de l'organisme complémentaire",)),
    DeclarationKind.DEDUCTIBLE_PAYMENT: (5, ()),
}
_THEMES = (
    (MailTheme.REIMBURSEMENTS, 30),
    (MailTheme.RIGHTS_VITALE, 22),
    (MailTheme.SICK_LEAVE, 15),
    (MailTheme.ADDRESS_BANK, 10),
    (MailTheme.CSS, 8),
    (MailTheme.MATERNITY, 5),
    (MailTheme.WORK_ACCIDENT, 4),
    (MailTheme.OTHER, 6),
)
_THEME_CUM = list(accumulate(w for _, w in _THEMES))
_MAIL_STATES = (
    (MailState.NEW, 15),
    (MailState.OPEN, 20),
    (MailState.PENDING, 15),
    (MailState.CLOSED, 50),
)
_MAIL_CUM = list(accumulate(w for _, w in _MAIL_STATES))
_INBOUND = (
    "Bonjour,\n\nJe vous écris au sujet de : {subject}. Pouvez-vous me dire où en est mon "
    "dossier ?\n\nMerci d'avance,\n{name}",
    "Bonjour,\n\n{subject} : je n'ai toujours pas de réponse et j'ai besoin d'un justificatif "
    "rapidement. Merci de me recontacter.\n\n{name}",
    "Madame, Monsieur,\n\nSuite à mon appel, je vous transmets ma demande ({subject}). "
    "Vous trouverez les pièces demandées en pièce jointe.\n\nCordialement,\n{name}",
)
_OUTBOUND = (
    "Bonjour {name},\n\nNous avons bien reçu votre demande. Elle est en cours de traitement "
    "et vous recevrez une réponse sous 10 jours.\n\nCordialement,\nVotre conseiller CPAM du Rhône",
    "Bonjour {name},\n\nPour finaliser votre demande, merci de nous transmettre le justificatif "
    "manquant depuis votre compte ameli.\n\nCordialement,\nVotre conseiller CPAM du Rhône",
    "Bonjour {name},\n\nVotre demande est traitée : la régularisation apparaîtra sur votre "
    "prochain relevé.\n\nCordialement,\nVotre conseiller CPAM du Rhône",
)
_NOTES = (
    "Appel de l'assuré ce jour, demande renvoyée vers le service prestations.",
    "Pièce reçue par courrier, à rapprocher du dossier.",
    "Dossier signalé au superviseur : réclamation récurrente.",
)
_ACCIDENTS = (
    "Chute dans l'escalier de l'entrepôt",
    "Coupure à la main en manipulant une caisse",
    "Lombalgie en soulevant une charge",
    "Accident de la route sur le trajet domicile-travail",
    "Glissade sur sol mouillé",
    "Entorse de la cheville en descendant du camion",
    "Tendinite de l'épaule (gestes répétitifs)",
    "Brûlure en cuisine",
)
_RIGHTS_BASES = (
    "Activité salariée",
    "Résidence stable et régulière (PUMa)",
    "Demandeur d'emploi",
    "Étudiant",
    "Invalidité",
    "Activité indépendante (travailleur indépendant)",
)


@dataclass(frozen=True, slots=True)
class RunSpec:
    seed: int
    members: int
    batch_size: int
    today: date

    @property
    def n_batches(self) -> int:
        return -(-self.members // self.batch_size)


class BatchGenerator:
    """Deterministic rows of batch k: depends only on (seed, members, batch size, today, k)."""

    def __init__(
        self,
        spec: RunSpec,
        ref: ReferenceData,
        values: list[DatedValue],
        ald_entries: list[AldEntry],
        css_rows: list[ParticipationRow],
        ts_suffix: str,
    ) -> None:
        self.spec = spec
        self.ref = ref
        self.today = spec.today
        self.today_ord = spec.today.toordinal()
        self.sfx = ts_suffix
        self.cal = CareCalendar(spec.today, values, ts_suffix)
        self.care = CareGenerator(self.cal, ref.professionals_by_kind, ref.gps_by_commune)
        self.ald_labels = {e.code: e.label for e in ald_entries if e.in_force(spec.today)}
        codes = [c for c in _ALD_WEIGHTS if c in self.ald_labels]
        self.ald_codes = codes
        self.ald_cum = list(accumulate(_ALD_WEIGHTS[c] for c in codes))
        self.css_table = css_participation_at(css_rows, spec.today) if css_rows else None
        self.gps = ref.professionals_by_kind["gp"]
        self.agents = ref.advisors_by_role.get(Role.BACKOFFICE, [])
        self.counters = ref.advisors_by_role.get(Role.COUNTER, [])
        self.logins = {i + 1: a["login"] for i, a in enumerate(ref.rows["advisors"])}
        self.n_mod = min(spec.n_batches, 999)

    # -- small helpers -------------------------------------------------------------------
    def ts(self, d: date, seconds: int) -> str:
        """Datetime text in the engine's storage form (UTC)."""
        h, rest = divmod(seconds, 3600)
        m, s = divmod(rest, 60)
        return f"{d.isoformat()} {h:02d}:{m:02d}:{s:02d}{self.sfx}"

    def ts_dt(self, dt: datetime) -> str:
        dt = dt.astimezone(UTC)
        return f"{dt.date().isoformat()} {dt.hour:02d}:{dt.minute:02d}:{dt.second:02d}{self.sfx}"

    def day(self, offset: int) -> date:
        """today + offset days."""
        return date.fromordinal(self.today_ord + offset)

    # -- the batch -----------------------------------------------------------------------
    def generate(self, batch: int) -> dict[str, list[Row]]:
        spec = self.spec
        first_member = batch * spec.batch_size + 1
        count = min(spec.batch_size, spec.members - batch * spec.batch_size)
        rng = random.Random(spec.seed * 1_000_003 + batch)
        out: dict[str, list[Row]] = {t: [] for t in COLUMNS}
        ids = {t: batch * spec.batch_size * cap + 1 for t, cap in ID_CAPACITY.items()}
        limits = {t: (batch + 1) * spec.batch_size * cap for t, cap in ID_CAPACITY.items()}
        self.care.reset(ids["reimbursements"], limits["reimbursements"])
        self._nir_used: dict[tuple[str, ...], int] = {}
        self._batch = batch
        # The ameli accounts draw from their own generator: adding them changed nothing else.
        self._ameli_rng = random.Random(f"ameli:{spec.seed}:{batch}")
        slots = [s for i, s in enumerate(self.ref.slots) if i % spec.n_batches == batch]
        rng.shuffle(slots)
        self._slots = slots
        ctx = _Ctx(rng, out, ids)
        i = 0
        while i < count:
            couple = count - i >= 2 and rng.random() < 0.3
            self._household(ctx, first_member + i, couple, showcase=i == 0)
            i += 2 if couple else 1
        care = self.care
        out["reimbursements"] = care.rows
        self._ledger(ctx, care.ledger)
        for table, next_id in ids.items():
            if next_id - 1 > limits[table]:
                raise OverflowError(f"bloc d'identifiants épuisé pour {table}")
        return out

    def _take(self, ctx: _Ctx, table: str) -> int:
        v = ctx.ids[table]
        ctx.ids[table] = v + 1
        return v

    def _nir(self, rng: random.Random, sex: Sex, birth: date, dept: str, commune: str) -> str:
        # Orders are split between batches (order ≡ batch mod n) so that no two batches can
        # draw the same NIR; inside a batch a counter per prefix does the rest.
        key = (sex.value, f"{birth.year % 100:02d}{birth.month:02d}", dept, commune)
        k = self._nir_used.get(key, 0)
        order = 1 + self._batch % self.n_mod + k * self.n_mod
        if order > 999:
            # Prefix exhausted in this batch (very rare): take another Rhône commune.
            alt = data.COMMUNES[rng.randrange(len(data.COMMUNES))][0]
            return self._nir(rng, sex, birth, "69", alt)
        self._nir_used[key] = k + 1
        return make_nir(sex, birth, dept, commune, order).full

    def _birthplace(self, rng: random.Random) -> tuple[str, str, str]:
        """(département, commune code, place label)."""
        r = rng.random()
        if r < 0.55:
            c = rng.choices(data.COMMUNES, cum_weights=_COMMUNE_CUM)[0]
            return "69", c[0], c[1]
        if r < 0.88:
            b = rng.choices(data.BIRTHPLACES_FRANCE, cum_weights=_FRANCE_CUM)[0]
            return b[0], b[1], b[2]
        country = rng.choices(data.BIRTH_COUNTRIES, cum_weights=_COUNTRY_CUM)[0]
        return "99", country[0], country[1]

    def _first_names(self, rng: random.Random, sex: Sex, year: int) -> str:
        era = data.FIRST_NAMES_BY_ERA[0]
        for e in data.FIRST_NAMES_BY_ERA:
            if year >= e[0]:
                era = e
        pool = era[1] if sex is Sex.MALE else era[2]
        n = 1 if rng.random() < 0.7 else (2 if rng.random() < 0.85 else 3)
        names = [rng.choice(pool)]
        while len(names) < n:
            other = rng.choice(pool)
            if other not in names:
                names.append(other)
        return ", ".join(names)

    def _household(self, ctx: _Ctx, member_id: int, couple: bool, showcase: bool) -> None:
        rng = ctx.rng
        age = 18 + rng.choices(range(len(_AGE_WEIGHTS)), cum_weights=_AGE_CUM)[0]
        if showcase:
            age = 30 + rng.randrange(20)
        if couple:
            age = max(age, 22)
        sex = Sex.FEMALE if rng.random() < 0.52 else Sex.MALE
        family = rng.choices(data.LAST_NAMES, cum_weights=_LAST_CUM)[0]
        commune = rng.choices(data.COMMUNES, cum_weights=_COMMUNE_CUM)[0]
        address = self._address(rng, commune)
        head = self._member(ctx, member_id, sex, age, family, family, commune, address)
        partner = None
        if couple:
            p_sex = Sex.MALE if sex is Sex.FEMALE else Sex.FEMALE
            p_age = max(18, min(95, age + rng.randrange(-6, 7)))
            own = rng.choices(data.LAST_NAMES, cum_weights=_LAST_CUM)[0]
            # Married women often use their husband's name; their birth name stays searchable.
            married = p_sex is Sex.FEMALE and rng.random() < 0.6
            partner = self._member(
                ctx,
                member_id + 1,
                p_sex,
                p_age,
                family if married else own,
                own,
                commune,
                address,
            )
        # Dependents: children of the head (sometimes also on the partner's card).
        children = 0
        if 20 <= age <= 64 and rng.random() < (0.9 if couple else 0.6):
            children = rng.choices((1, 2, 3, 4), (40, 38, 16, 6))[0]
        other_parent = partner.id if partner is not None and rng.random() < 0.35 else None
        # Some couples split the children between their two cards.
        split = partner is not None and children >= 2 and rng.random() < 0.3
        max_age = min(age - 18, 19)
        for n in range(children):
            c_age_days = rng.randrange(20, max(21, max_age * 365 + 200))
            if split and partner is not None and n % 2 == 1:
                self._dependent(
                    ctx,
                    partner,
                    2 + len(partner.dependents),
                    Relationship.CHILD,
                    c_age_days,
                    head.id,
                )
            else:
                self._dependent(
                    ctx,
                    head,
                    2 + len(head.dependents),
                    Relationship.CHILD,
                    c_age_days,
                    other_parent,
                )
        rank = 2 + len(head.dependents)
        if age > 55 and not couple and rng.random() < 0.04:
            # Legacy "conjoint à charge", still on the member's card.
            self._dependent(
                ctx,
                head,
                rank,
                Relationship.SPOUSE,
                (age + rng.randrange(-5, 6)) * 365 + rng.randrange(365),
                None,
            )
        for m in (head, partner):
            if m is not None:
                self._life(ctx, m, showcase and m is head)

    def _address(self, rng: random.Random, commune: tuple[str, str, str, float, float, int]) -> Row:
        line1 = f"{rng.randrange(1, 160)} {rng.choice(data.STREET_TYPES)} {rng.choice(data.STREET_NAMES)}"
        line2 = rng.choice(data.ADDRESS_LINE2) if rng.random() < 0.18 else None
        return (
            line1,
            line2,
            commune[2],
            commune[1],
            round(commune[3] + rng.uniform(-0.01, 0.01), 6),
            round(commune[4] + rng.uniform(-0.014, 0.014), 6),
        )

    def _member(
        self,
        ctx: _Ctx,
        member_id: int,
        sex: Sex,
        age: int,
        last: str,
        birth_name: str,
        commune: tuple[str, str, str, float, float, int],
        address: Row,
    ) -> _MemberInfo:
        rng = ctx.rng
        birth = date.fromordinal(self.today_ord - age * 365 - age // 4 - rng.randrange(365))
        dept, code, place = self._birthplace(rng)
        nir = self._nir(rng, sex, birth, dept, code)
        firsts = self._first_names(rng, sex, birth.year)
        first_key = name_key(firsts)
        email = None
        if rng.random() < 0.72:
            local = f"{first_key.split(' ')[0]}.{name_key(last).replace(' ', '')}"
            if rng.random() < 0.5:
                local += str(rng.randrange(1, 99))
            email = f"{local}@{rng.choices(data.EMAIL_DOMAINS, cum_weights=_EMAIL_CUM)[0][0]}"
        phone = None
        if rng.random() < 0.86:
            lead = "06" if rng.random() < 0.55 else ("07" if rng.random() < 0.6 else "04")
            n = rng.randrange(10**8)
            digits = f"{lead}{n:08d}"
            phone = " ".join(digits[i : i + 2] for i in range(0, 10, 2))
        local_gps = self.ref.gps_by_commune.get(commune[0]) or self.gps
        gp = (
            (
                local_gps[rng.randrange(len(local_gps))]
                if rng.random() < 0.8
                else self.gps[rng.randrange(len(self.gps))]
            )
            if rng.random() < 0.89
            else None
        )
        # CSS about 8 %, AME a few per thousand; they replace a complementary insurer.
        roll = rng.random()
        cover = (
            None
            if roll >= 0.086
            else (
                CoverKind.AME
                if roll < 0.006
                else (CoverKind.CSS_FREE if roll < 0.055 else CoverKind.CSS_PARTICIPATION)
            )
        )
        insurer = None
        insurer_since = None
        if cover is None and rng.random() < 0.8:
            insurer = self.ref.insurer_ids[rng.randrange(len(self.ref.insurer_ids))]
            insurer_since = self.day(-rng.randrange(30, 3650)).isoformat()
        since = max(birth.toordinal() + 18 * 365, self.today_ord - rng.randrange(60, 9000))
        since = min(since, self.today_ord - 30)
        created = self.ts(date.fromordinal(since), rng.randrange(6 * 3600, 18 * 3600))
        ctx.out["members"].append(
            (
                member_id,
                nir,
                last,
                birth_name,
                firsts,
                name_key(last),
                first_key,
                name_key(birth_name),
                sex.value,
                birth.isoformat(),
                place,
                email,
                phone,
                "Régime général",
                "691",
                gp.id if gp else None,
                insurer,
                insurer_since,
                created,
                1,
            )
        )
        info = _MemberInfo(
            member_id, sex, birth, age, last, firsts, commune[0], gp, cover, since, nir
        )
        self._addresses(ctx, info, address)
        self._bank(ctx, info)
        self._vitale(ctx, info, None, self.day(-rng.randrange(30, 3000)))
        self._covers(ctx, info)
        self._rights(ctx, info)
        self._ameli(ctx, info)
        return info

    def _dependent(
        self,
        ctx: _Ctx,
        head: _MemberInfo,
        rank: int,
        rel: Relationship,
        age_days: int,
        other_parent: int | None,
    ) -> None:
        rng = ctx.rng
        birth = date.fromordinal(self.today_ord - age_days)
        sex = Sex.FEMALE if rng.random() < 0.49 else Sex.MALE
        firsts = self._first_names(rng, sex, birth.year)
        last = head.last
        nir = None
        if age_days > 90 or rng.random() < 0.5:
            if rel is Relationship.CHILD and rng.random() < 0.9:
                c = rng.choices(data.COMMUNES, cum_weights=_COMMUNE_CUM)[0]
                dept, code = "69", c[0]
            else:
                dept, code, _ = self._birthplace(rng)
            nir = self._nir(rng, sex, birth, dept, code)
        dep_id = self._take(ctx, "dependents")
        created = max(birth.toordinal(), head.since)
        ctx.out["dependents"].append(
            (
                dep_id,
                head.id,
                rank,
                rel.value,
                nir,
                last,
                firsts,
                name_key(last),
                name_key(firsts),
                sex.value,
                birth.isoformat(),
                other_parent,
                self.ts(
                    date.fromordinal(min(created + rng.randrange(0, 30), self.today_ord)),
                    rng.randrange(6 * 3600, 18 * 3600),
                ),
                # (dep_id kept below for care)
            )
        )
        age_years = age_days // 365
        if age_years >= 16 and nir is not None:
            self._vitale(ctx, head, dep_id, self.day(-rng.randrange(30, 2000)))
        head.dependents.append((dep_id, birth, age_years))

    def _addresses(self, ctx: _Ctx, m: _MemberInfo, address: Row) -> None:
        rng = ctx.rng
        moved = self.day(-rng.randrange(60, 4000))
        start = max(moved, date.fromordinal(m.since))
        if rng.random() < 0.15:
            prev = rng.choices(data.COMMUNES, cum_weights=_COMMUNE_CUM)[0]
            old = self._address(rng, prev)
            first = date.fromordinal(max(m.since - rng.randrange(0, 4000), m.birth.toordinal()))
            if first < start:
                ctx.out["addresses"].append(
                    (
                        self._take(ctx, "addresses"),
                        m.id,
                        *old,
                        first.isoformat(),
                        (start - timedelta(days=1)).isoformat(),
                    )
                )
        ctx.out["addresses"].append(
            (self._take(ctx, "addresses"), m.id, *address, start.isoformat(), None)
        )

    def _iban(self, rng: random.Random) -> tuple[str, str]:
        bank = rng.choices(data.BANKS, cum_weights=_BANK_CUM)[0]
        account = f"{rng.randrange(10**11):011d}"
        return make_french_iban(bank[0], rng.choice(bank[3]), account), bank[2]

    def _bank(self, ctx: _Ctx, m: _MemberInfo) -> None:
        rng = ctx.rng
        holder = f"{'M.' if m.sex is Sex.MALE else 'Mme'} {m.firsts.split(',')[0]} {m.last}"
        start = date.fromordinal(max(m.since, self.today_ord - rng.randrange(30, 5000)))
        if rng.random() < 0.08:
            iban, bic = self._iban(rng)
            first = date.fromordinal(start.toordinal() - rng.randrange(200, 3000))
            ctx.out["bank_accounts"].append(
                (
                    self._take(ctx, "bank_accounts"),
                    m.id,
                    iban,
                    bic,
                    holder,
                    first.isoformat(),
                    (start - timedelta(days=1)).isoformat(),
                )
            )
        iban, bic = self._iban(rng)
        ctx.out["bank_accounts"].append(
            (self._take(ctx, "bank_accounts"), m.id, iban, bic, holder, start.isoformat(), None)
        )

    def _vitale(self, ctx: _Ctx, m: _MemberInfo, dep_id: int | None, issued: date) -> None:
        rng = ctx.rng
        status = rng.choices(_VITALE_STATUSES, cum_weights=_VITALE_CUM)[0][0]
        rows = ctx.out["vitale_cards"]
        changed = self.day(-rng.randrange(1, 60))
        if status in (VitaleStatus.LOST, VitaleStatus.STOLEN) and rng.random() < 0.6:
            # The lost card stays on file, blocked; a new one is on its way.
            cid = self._take(ctx, "vitale_cards")
            rows.append(
                (
                    cid,
                    m.id,
                    dep_id,
                    f"8025{cid:012d}",
                    status.value,
                    issued.isoformat(),
                    changed.isoformat(),
                )
            )
            status = rng.choice(
                (VitaleStatus.ORDERED, VitaleStatus.IN_PRODUCTION, VitaleStatus.SENT)
            )
            issued = changed
        cid = self._take(ctx, "vitale_cards")
        pending = status in (VitaleStatus.ORDERED, VitaleStatus.IN_PRODUCTION)
        rows.append(
            (
                cid,
                m.id,
                dep_id,
                f"8025{cid:012d}",
                status.value,
                None if pending else issued.isoformat(),
                (changed if status is not VitaleStatus.ACTIVE else issued).isoformat(),
            )
        )

    def _covers(self, ctx: _Ctx, m: _MemberInfo) -> None:
        if m.cover is None:
            return
        rng = ctx.rng
        start_off = -rng.randrange(0, 330)
        monthly = 0
        if m.cover is CoverKind.CSS_PARTICIPATION and self.css_table is not None:
            monthly = css_monthly_participation_cents([m.age], self.css_table)
        periods = [(start_off, start_off + 364)]
        if rng.random() < 0.5:
            periods.append((start_off - 365, start_off - 1))
        for a, b in periods:
            ctx.out["cover_periods"].append(
                (
                    self._take(ctx, "cover_periods"),
                    m.id,
                    m.cover.value,
                    self.day(a).isoformat(),
                    self.day(b).isoformat(),
                    monthly,
                )
            )
            m.css_days.append((a, b))

    def _rights(self, ctx: _Ctx, m: _MemberInfo) -> None:
        rng = ctx.rng
        start = date.fromordinal(m.since)
        if m.age >= 63:
            basis = "Retraite"
        elif m.cover is CoverKind.AME:
            basis = "Aide médicale de l'État"
        else:
            basis = _RIGHTS_BASES[0] if rng.random() < 0.7 else rng.choice(_RIGHTS_BASES)
        roll = rng.random()
        end: str | None = None
        if roll < 0.02:
            end = self.day(-rng.randrange(10, 400)).isoformat()  # rights closed
        elif roll < 0.05 or m.cover is CoverKind.AME:
            end = self.day(rng.randrange(5, 90)).isoformat()  # to renew within 3 months
        if rng.random() < 0.1 and m.since < self.today_ord - 800:
            cut = date.fromordinal(m.since + rng.randrange(100, 700))
            ctx.out["rights_periods"].append(
                (
                    self._take(ctx, "rights_periods"),
                    m.id,
                    start.isoformat(),
                    (cut - timedelta(days=1)).isoformat(),
                    "Étudiant",
                )
            )
            start = cut
        ctx.out["rights_periods"].append(
            (self._take(ctx, "rights_periods"), m.id, start.isoformat(), end, basis)
        )

    # -- health, care and life events ----------------------------------------------------
    def _life(self, ctx: _Ctx, m: _MemberInfo, showcase: bool = False) -> None:
        """ALD, leaves, care, back-office items; a showcase member (the first of each batch)
        gets one of everything, so that even a small demo base shows every screen filled."""
        rng = ctx.rng
        cal = self.cal
        start_ord = cal.start.toordinal()
        # ALD: about one person in six, more with age.
        p_ald = 0.05 if m.age < 40 else 0.14 if m.age < 60 else 0.27 if m.age < 75 else 0.42
        ald_from = None
        ald_exo = False
        if showcase or rng.random() < p_ald:
            ald_from, ald_exo = self._ald(ctx, m, None, m.age)
        maternity = None
        work_case = None
        wage_daily = int(rng.lognormvariate(7.9, 0.35) * 100 * 3 / 91.25)  # cents/day
        if 18 <= m.age <= 64:
            if m.sex is Sex.FEMALE and 20 <= m.age <= 42 and rng.random() < 0.06:
                maternity = self._maternity(ctx, m, wage_daily)
            if showcase or rng.random() < 0.15:
                for _ in range(1 + int(rng.random() * rng.random() * 3)):
                    self._sick_leave(ctx, m, LeaveKind.SICKNESS, wage_daily, ald_exo, None)
            if showcase or rng.random() < 0.01:
                work_case = self._work_case(ctx, m, wage_daily)
            if m.sex is Sex.MALE and m.age <= 50:
                newborn = [b for _, b, a in m.dependents if a == 0 and b > self.day(-300)]
                if newborn and rng.random() < 0.7:
                    self._leave(ctx, m, LeaveKind.PATERNITY, newborn[0], 25, wage_daily, None)
        mat_range = None
        if maternity is not None:
            birth_off = maternity.toordinal() - start_ord
            mat_range = (birth_off - 120, birth_off + 12)
        css_ranges = [
            (a + self.today_ord - start_ord, b + self.today_ord - start_ord) for a, b in m.css_days
        ]
        ald_idx = None if ald_from is None or not ald_exo else max(0, ald_from - start_ord)
        wc = None
        if work_case is not None:
            wc = (work_case - start_ord, work_case - start_ord + 120)
        frailty = 0.0 if rng.random() < 0.07 else rng.lognormvariate(-0.15, 0.55)
        care = self.care
        care.person(
            rng,
            Person(
                m.id, None, m.birth, m.commune, m.gp, ald_idx, css_ranges, mat_range, wc, frailty
            ),
        )
        for dep_id, birth, age in m.dependents:
            d_ald = None
            if rng.random() < 0.012:
                d_from, d_exo = self._ald(ctx, m, dep_id, age)
                d_ald = max(0, d_from - start_ord) if d_exo else None
            care.person(
                rng,
                Person(
                    m.id,
                    dep_id,
                    birth,
                    m.commune,
                    m.gp,
                    d_ald,
                    css_ranges,
                    None,
                    None,
                    rng.lognormvariate(-0.1, 0.5),
                ),
            )
        if showcase or rng.random() < 0.04:
            self._declaration(ctx, m)
        if showcase or rng.random() < 0.03:
            self._mail(ctx, m)
        if showcase or rng.random() < 0.045:
            self._appointment(ctx, m)
        if showcase or rng.random() < 0.02:
            self._issued_document(ctx, m)

    def _ald(self, ctx: _Ctx, m: _MemberInfo, dep_id: int | None, age: int) -> tuple[int, bool]:
        rng = ctx.rng
        code = rng.choices(self.ald_codes, cum_weights=self.ald_cum)[0]
        if dep_id is not None:
            code = rng.choice((8, 18, 9, 23)) if rng.random() < 0.8 else code
        years_back = rng.randrange(0, max(1, min(15, age - 1)) + 1)
        start = date.fromordinal(self.today_ord - years_back * 365 - rng.randrange(365))
        roll = rng.random()
        if roll < 0.06:
            end: date | None = self.day(rng.randrange(3, 90))  # ends within 3 months
        elif roll < 0.1 and start.toordinal() < self.today_ord - 400:
            # ended (cured, or not renewed)
            end = date.fromordinal(rng.randrange(start.toordinal() + 180, self.today_ord - 30))
        elif roll < 0.25:
            end = None  # no end date (irreversible condition)
        else:
            end = date.fromordinal(start.toordinal() + 365 * rng.choice((5, 10)))
            while end < self.today:
                end = date.fromordinal(end.toordinal() + 365 * 5)
        protocol_until = end if end is not None else self.day(rng.randrange(90, 3000))
        exonerating = rng.random() < 0.95
        aid = self._take(ctx, "alds")
        ctx.out["alds"].append(
            (
                aid,
                m.id,
                dep_id,
                code,
                self.ald_labels.get(code, f"ALD {code}"),
                start.isoformat(),
                end.isoformat() if end else None,
                f"PDS{aid:010d}",
                protocol_until.isoformat(),
                exonerating,
            )
        )
        active = end is None or end >= self.today
        return start.toordinal(), exonerating and active

    def _leave(
        self,
        ctx: _Ctx,
        m: _MemberInfo,
        kind: LeaveKind,
        start: date,
        days: int,
        wage_daily: int,
        work_case_id: int | None,
        ald: bool = False,
    ) -> date:
        rng = ctx.rng
        end = start + timedelta(days=days - 1)
        lid = self._take(ctx, "sick_leaves")
        doctor = m.gp.name if m.gp is not None else self.gps[rng.randrange(len(self.gps))].name
        ctx.out["sick_leaves"].append(
            (
                lid,
                m.id,
                kind.value,
                start.isoformat(),
                end.isoformat(),
                f"Dr {doctor}",
                ald,
                work_case_id,
            )
        )
        # IJ: about half the daily wage for sickness, capped (demo ceilings, not legal values).
        if kind is LeaveKind.SICKNESS:
            daily = min(wage_daily // 2, 4195)
            waiting = 3
        elif kind is LeaveKind.WORK_ACCIDENT:
            daily = min(wage_daily * 60 // 100, 23000)
            waiting = 0
        else:
            daily = min(wage_daily * 79 // 100, 10194)
            waiting = 0
        p_start = start + timedelta(days=waiting)
        while p_start <= end:
            p_end = min(end, p_start + timedelta(days=13))
            paid_on = p_end + timedelta(days=rng.randrange(3, 8))
            if paid_on > self.today:
                break
            n = (p_end - p_start).days + 1
            rate_daily = daily
            if kind is LeaveKind.WORK_ACCIDENT and (p_start - start).days >= 28:
                rate_daily = min(wage_daily * 80 // 100, 30700)
            gross = rate_daily * n
            net = gross - (gross * 67 + 500) // 1000  # CSG 6.2 % + CRDS 0.5 %
            taxable = taxable_ij_cents(kind, net, ald)
            ctx.out["ij_payments"].append(
                (
                    self._take(ctx, "ij_payments"),
                    m.id,
                    lid,
                    p_start.isoformat(),
                    p_end.isoformat(),
                    n,
                    rate_daily,
                    gross,
                    net,
                    taxable,
                    paid_on.isoformat(),
                )
            )
            p_start = p_end + timedelta(days=1)
        return end

    def _sick_leave(
        self,
        ctx: _Ctx,
        m: _MemberInfo,
        kind: LeaveKind,
        wage_daily: int,
        ald: bool,
        case_id: int | None,
    ) -> None:
        rng = ctx.rng
        days = (
            rng.choice((3, 4, 5, 7, 7, 8, 10, 14, 15, 21, 30, 45))
            if rng.random() < 0.92
            else rng.randrange(60, 300)
        )
        start = self.day(-rng.randrange(days, 820))
        self._leave(ctx, m, kind, start, days, wage_daily, case_id, ald and rng.random() < 0.5)

    def _maternity(self, ctx: _Ctx, m: _MemberInfo, wage_daily: int) -> date:
        """A maternity leave (6 weeks before, 10 after birth) and the newborn on her card."""
        rng = ctx.rng
        birth = self.day(-rng.randrange(-60, 780))
        start = birth - timedelta(days=42)
        self._leave(ctx, m, LeaveKind.MATERNITY, start, 112, wage_daily, None)
        if birth <= self.today - timedelta(days=3):
            rank = 2 + len(m.dependents)
            self._dependent(
                ctx, m, rank, Relationship.CHILD, self.today_ord - birth.toordinal(), None
            )
        return birth

    def _work_case(self, ctx: _Ctx, m: _MemberInfo, wage_daily: int) -> int:
        rng = ctx.rng
        cid = self._take(ctx, "work_accident_cases")
        kind = rng.choices(list(WorkCaseKind), (70, 20, 10))[0]
        accident = self.day(-rng.randrange(20, 800))
        declared = accident + timedelta(days=rng.randrange(1, 3))
        age_days = (self.today - accident).days
        decision = WorkCaseDecision.PENDING
        decision_date = None
        if age_days > 35 or rng.random() < 0.5:
            decision = (
                WorkCaseDecision.RECOGNISED if rng.random() < 0.88 else WorkCaseDecision.REFUSED
            )
            decision_date = declared + timedelta(days=rng.randrange(20, 35))
            if decision_date > self.today:
                decision, decision_date = WorkCaseDecision.PENDING, None
        consolidation = None
        ipp = None
        if decision is WorkCaseDecision.RECOGNISED and age_days > 150 and rng.random() < 0.7:
            consolidation = accident + timedelta(days=rng.randrange(60, min(age_days, 600)))
            if rng.random() < 0.35:
                ipp = rng.choice((3, 5, 8, 10, 12, 15, 20, 25))
        employer = rng.choice(data.EMPLOYERS)
        description = (
            rng.choice(_ACCIDENTS)
            if kind is not WorkCaseKind.OCCUPATIONAL_DISEASE
            else "Troubles musculo-squelettiques (tableau 57)"
        )
        ctx.out["work_accident_cases"].append(
            (
                cid,
                m.id,
                f"AT{accident.year}{cid:09d}",
                kind.value,
                accident.isoformat(),
                declared.isoformat(),
                employer,
                description,
                decision.value,
                decision_date.isoformat() if decision_date else None,
                consolidation.isoformat() if consolidation else None,
                ipp,
            )
        )
        steps = [
            (declared, "declaration", f"Déclaration de l'employeur {employer}"),
            (accident + timedelta(days=1), "certificat", "Certificat médical initial reçu"),
            (
                declared + timedelta(days=rng.randrange(3, 10)),
                "instruction",
                "Questionnaires envoyés à l'assuré et à l'employeur",
            ),
        ]
        if decision_date is not None:
            label = (
                "Caractère professionnel reconnu"
                if decision is WorkCaseDecision.RECOGNISED
                else "Caractère professionnel refusé"
            )
            steps.append((decision_date, "decision", label))
        if consolidation is not None:
            steps.append((consolidation, "consolidation", "Consolidation fixée par le médecin"))
            if ipp is not None:
                steps.append(
                    (
                        consolidation + timedelta(days=rng.randrange(20, 60)),
                        "ipp",
                        f"Taux d'incapacité permanente notifié : {ipp} %",
                    )
                )
        for on, step, detail in steps:
            if on <= self.today:
                ctx.out["work_accident_steps"].append(
                    (self._take(ctx, "work_accident_steps"), cid, on.isoformat(), step, detail)
                )
        if decision is not WorkCaseDecision.REFUSED:
            days = min(rng.randrange(7, 120), max(1, age_days - 1))
            self._leave(
                ctx, m, LeaveKind.WORK_ACCIDENT, accident + timedelta(days=1), days, wage_daily, cid
            )
        return accident.toordinal()

    # -- back office ---------------------------------------------------------------------
    def _declaration(self, ctx: _Ctx, m: _MemberInfo) -> None:
        rng = ctx.rng
        kind = rng.choice(list(DeclarationKind))
        state = rng.choices(_DECL_STATES, cum_weights=_DECL_CUM)[0][0]
        age = (
            rng.randrange(0, 25)
            if state
            in (
                DeclarationState.RECEIVED,
                DeclarationState.IN_INSTRUCTION,
                DeclarationState.WAITING_MEMBER,
            )
            else rng.randrange(5, 270)
        )
        filed_day = self.day(-age)
        filed_s = rng.randrange(7 * 3600, 19 * 3600)
        filed_at = datetime.combine(filed_day, datetime.min.time(), tzinfo=UTC) + timedelta(
            seconds=filed_s
        )
        channel = rng.choices(list(FilingChannel), (70, 22, 8))[0]
        by = office = None
        if channel is FilingChannel.COUNTER and self.counters:
            by = rng.choice(self.counters)
            office = self.ref.advisor_office.get(by)
        delay, docs = DECLARATION_INFO[kind]
        agent = (
            rng.choice(self.agents)
            if self.agents and (state is not DeclarationState.RECEIVED or rng.random() < 0.2)
            else None
        )
        did = self._take(ctx, "declarations")
        events: list[
            tuple[datetime, int | None, DeclarationState | None, DeclarationState, str | None]
        ] = [(filed_at, by, None, DeclarationState.RECEIVED, None)]
        t = filed_at
        waiting_since = None
        waiting_days = 0
        if state is not DeclarationState.RECEIVED:
            t += timedelta(hours=rng.randrange(2, 72))
            events.append(
                (t, agent, DeclarationState.RECEIVED, DeclarationState.IN_INSTRUCTION, None)
            )
            went_waiting = state is DeclarationState.WAITING_MEMBER or (
                state is not DeclarationState.IN_INSTRUCTION and rng.random() < 0.25
            )
            if went_waiting:
                t += timedelta(hours=rng.randrange(1, 48))
                events.append(
                    (
                        t,
                        agent,
                        DeclarationState.IN_INSTRUCTION,
                        DeclarationState.WAITING_MEMBER,
                        "Pièce justificative manquante ou illisible",
                    )
                )
                if state is DeclarationState.WAITING_MEMBER:
                    waiting_since = t
                else:
                    wait = rng.randrange(2, 20)
                    waiting_days = wait
                    t += timedelta(days=wait)
                    events.append(
                        (
                            t,
                            agent,
                            DeclarationState.WAITING_MEMBER,
                            DeclarationState.IN_INSTRUCTION,
                            "Pièce reçue",
                        )
                    )
            if state in (
                DeclarationState.ACCEPTED,
                DeclarationState.REFUSED,
                DeclarationState.CLOSED,
            ):
                t += timedelta(days=rng.randrange(1, delay + 5))
                comment = {
                    DeclarationState.ACCEPTED: "Demande acceptée",
                    DeclarationState.REFUSED: "Conditions non remplies",
                    DeclarationState.CLOSED: "Sans réponse de l'assuré",
                }[state]
                events.append((t, agent, DeclarationState.IN_INSTRUCTION, state, comment))
        now = datetime.combine(self.today, datetime.min.time(), tzinfo=UTC) + timedelta(hours=6)
        # Nothing in the future: compress the timeline if needed.
        events = [(min(at, now), a, f, to, c) for at, a, f, to, c in events]
        final = state in (
            DeclarationState.ACCEPTED,
            DeclarationState.REFUSED,
            DeclarationState.CLOSED,
        )
        reason = None
        if state is DeclarationState.REFUSED:
            reason = rng.choice(
                (
                    "Ressources supérieures au plafond",
                    "Justificatif non conforme",
                    "Demande en double",
                )
            )
        elif state is DeclarationState.CLOSED:
            reason = "Classée sans suite : pièces non reçues dans le délai"
        ctx.out["declarations"].append(
            (
                did,
                f"DEM{filed_day.year}{did:09d}",
                m.id,
                kind.value,
                state.value,
                json.dumps(self._payload(rng, kind, m), ensure_ascii=False),
                channel.value,
                self.ts_dt(filed_at),
                by,
                office,
                agent,
                (filed_day + timedelta(days=delay + waiting_days)).isoformat(),
                self.ts_dt(events[-1][0]) if final else None,
                reason,
                self.ts_dt(waiting_since) if waiting_since else None,
                waiting_days,
                len(events),
            )
        )
        for at, advisor, frm, to, note in events:
            ctx.out["declaration_events"].append(
                (
                    self._take(ctx, "declaration_events"),
                    did,
                    self.ts_dt(at),
                    advisor,
                    frm.value if frm else None,
                    to.value,
                    note,
                )
            )
            if advisor is not None:
                self._audit(
                    ctx,
                    at,
                    advisor,
                    "declaration.transition",
                    m.id,
                    f"declaration:{did}",
                    f"{frm.value if frm else '-'} → {to.value}",
                )
        # A private note on one request in three handled by an agent; derived from the id, so
        # that the random draws (and with them the rest of the seed) stay as they were.
        if agent is not None and did % 3 == 0:
            ctx.out["declaration_notes"].append(
                (
                    self._take(ctx, "declaration_notes"),
                    did,
                    self.ts_dt(min(events[-1][0] + timedelta(hours=1), now)),
                    agent,
                    _DECLARATION_NOTES[did % len(_DECLARATION_NOTES)],
                )
            )
        for label in docs:
            received = None
            if state is not DeclarationState.WAITING_MEMBER or rng.random() < 0.5:
                received = (filed_day + timedelta(days=rng.randrange(0, 5))).isoformat()
            ctx.out["declaration_documents"].append(
                (self._take(ctx, "declaration_documents"), did, label, True, received)
            )

    def _payload(self, rng: random.Random, kind: DeclarationKind, m: _MemberInfo) -> dict[str, Any]:
        if kind is DeclarationKind.BANK_DETAILS:
            iban, bic = self._iban(rng)
            return {"iban": iban, "bic": bic, "holder": f"{m.firsts.split(',')[0]} {m.last}"}
        if kind is DeclarationKind.ADDRESS_CHANGE:
            c = rng.choices(data.COMMUNES, cum_weights=_COMMUNE_CUM)[0]
            a = self._address(rng, c)
            return {"line1": a[0], "line2": a[1], "postcode": a[2], "city": a[3]}
        if kind is DeclarationKind.BIRTH:
            sex = rng.choice(list(Sex))
            return {
                "first_names": self._first_names(rng, sex, self.today.year),
                "sex": sex.value,
                "birth_date": self.day(-rng.randrange(1, 40)).isoformat(),
            }
        if kind is DeclarationKind.NAME_CHANGE:
            return {"new_last_name": rng.choice(data.LAST_NAMES), "reason": "mariage"}
        if kind is DeclarationKind.CSS_REQUEST:
            return {
                "household_size": rng.randrange(1, 6),
                "yearly_income_cents": rng.randrange(300_000, 2_500_000),
            }
        if kind is DeclarationKind.EHIC_REQUEST:
            return {
                "departure_date": self.day(rng.randrange(5, 60)).isoformat(),
                "destination": rng.choice(("Espagne", "Italie", "Portugal", "Allemagne")),
            }
        if kind is DeclarationKind.VITALE_LOST:
            return {
                "event": rng.choice(("lost", "stolen")),
                "on": self.day(-rng.randrange(1, 20)).isoformat(),
            }
        if kind is DeclarationKind.THIRD_PARTY_ACCIDENT:
            return {
                "accident_date": self.day(-rng.randrange(5, 120)).isoformat(),
                "circumstances": "Accident de la circulation, tiers identifié",
            }
        if kind is DeclarationKind.COMPLEMENTARY_CHOICE:
            return {"insurer_id": rng.choice(self.ref.insurer_ids)}
        if kind is DeclarationKind.DEDUCTIBLE_PAYMENT:
            return {"amount_cents": rng.randrange(200, 5000), "means": "carte bancaire"}
        if kind is DeclarationKind.CHILD_OTHER_PARENT:
            return {"child_first_names": self._first_names(rng, rng.choice(list(Sex)), 2015)}
        return {"reason": "Première demande" if rng.random() < 0.5 else "Carte abîmée"}

    def _mail(self, ctx: _Ctx, m: _MemberInfo) -> None:
        rng = ctx.rng
        theme = rng.choices(_THEMES, cum_weights=_THEME_CUM)[0][0]
        state = rng.choices(_MAIL_STATES, cum_weights=_MAIL_CUM)[0][0]
        subject = rng.choice(THEME_SUBJECTS[theme])
        age_h = (
            rng.randrange(1, 24 * 10)
            if state is not MailState.CLOSED
            else rng.randrange(24 * 5, 24 * 300)
        )
        now = datetime.combine(self.today, datetime.min.time(), tzinfo=UTC) + timedelta(hours=6)
        created = now - timedelta(hours=age_h, minutes=rng.randrange(60))
        agent = (
            rng.choice(self.agents)
            if self.agents and (state is not MailState.NEW or rng.random() < 0.1)
            else None
        )
        tid = self._take(ctx, "mail_threads")
        name = f"{m.firsts.split(',')[0]} {m.last}"
        msgs: list[tuple[datetime, MessageDirection, int | None, str]] = [
            (
                created,
                MessageDirection.INBOUND,
                None,
                rng.choice(_INBOUND).format(subject=subject.lower(), name=name),
            )
        ]
        t = created
        first_response = None
        if state is not MailState.NEW:
            if rng.random() < 0.3:
                t += timedelta(minutes=rng.randrange(10, 600))
                msgs.append((t, MessageDirection.NOTE, agent, rng.choice(_NOTES)))
            if state is not MailState.OPEN or rng.random() < 0.4:
                t += timedelta(minutes=rng.randrange(30, 2000))
                msgs.append(
                    (t, MessageDirection.OUTBOUND, agent, rng.choice(_OUTBOUND).format(name=name))
                )
                first_response = t
            if state is MailState.CLOSED and rng.random() < 0.5:
                t += timedelta(hours=rng.randrange(2, 72))
                msgs.append(
                    (t, MessageDirection.INBOUND, None, "Merci pour votre réponse.\n" + name)
                )
        msgs = [(min(at, now), d, a, b) for at, d, a, b in msgs]
        last = msgs[-1][0]
        sla = created + timedelta(hours=48)
        ctx.out["mail_threads"].append(
            (
                tid,
                m.id,
                subject,
                theme.value,
                state.value,
                None,
                self.ref.team_ids.get("Courriels assurés"),
                agent,
                rng.random() < 0.03,
                self.ts_dt(created),
                self.ts_dt(last),
                self.ts_dt(first_response) if first_response else None,
                None if state is MailState.CLOSED else self.ts_dt(sla),
                self.ts_dt(last) if state is MailState.CLOSED else None,
                1,
            )
        )
        for at, direction, author, body in msgs:
            ctx.out["mail_messages"].append(
                (
                    self._take(ctx, "mail_messages"),
                    tid,
                    self.ts_dt(at),
                    direction.value,
                    author,
                    body,
                    None,
                )
            )

    def _appointment(self, ctx: _Ctx, m: _MemberInfo) -> None:
        rng = ctx.rng
        if not self._slots:
            return
        advisor, office, start = self._slots.pop()
        reasons = [
            r for code, r in self.ref.reason_ids.items() if code not in ("RAPPEL_TEL", "VISIO")
        ]
        reason = rng.choice(reasons)
        end = start + timedelta(minutes=self.ref.reason_minutes[reason])
        now = datetime.combine(self.today, datetime.min.time(), tzinfo=UTC) + timedelta(hours=6)
        booked = start - timedelta(days=rng.randrange(1, 25), minutes=rng.randrange(0, 600))
        booked = min(booked, now - timedelta(minutes=rng.randrange(5, 600)))
        by = rng.choice(self.counters) if self.counters and rng.random() < 0.4 else None
        arrived = seen = None
        cancel = None
        if start >= now:
            status = "unknown"
        else:
            status = rng.choices(("seen", "noshow", "excused", "revoked"), (75, 10, 10, 5))[0]
            if status == "seen":
                arrived = start - timedelta(minutes=rng.randrange(0, 15))
                seen = start + timedelta(minutes=rng.randrange(0, 10))
                self._audit(ctx, seen, advisor, "appointment.seen", m.id, None, None)
            elif status == "excused":
                cancel = "Annulé par l'assuré"
            elif status == "revoked":
                cancel = "Annulé par l'accueil (absence du conseiller)"
        ctx.out["appointments"].append(
            (
                self._take(ctx, "appointments"),
                m.id,
                office,
                advisor,
                reason,
                self.ts_dt(start),
                self.ts_dt(end),
                status,
                self.ts_dt(booked),
                by,
                self.ts_dt(arrived) if arrived else None,
                self.ts_dt(seen) if seen else None,
                cancel,
            )
        )

    def _issued_document(self, ctx: _Ctx, m: _MemberInfo) -> None:
        rng = ctx.rng
        did = self._take(ctx, "issued_documents")
        kind = rng.choice(
            (
                DocumentKind.RIGHTS_CERTIFICATE,
                DocumentKind.IJ_CERTIFICATE,
                DocumentKind.TAX_STATEMENT,
            )
        )
        at = datetime.combine(
            self.day(-rng.randrange(1, 300)), datetime.min.time(), tzinfo=UTC
        ) + timedelta(seconds=rng.randrange(7 * 3600, 17 * 3600))
        advisor = rng.choice(self.counters) if self.counters else None
        digest = hashlib.sha256(f"{m.nir}-{kind.value}-{did}".encode()).hexdigest()
        ctx.out["issued_documents"].append(
            (
                did,
                f"DOC{at.year}{did:011d}",
                f"{rng.getrandbits(40):010X}",
                m.id,
                kind.value,
                self.ts_dt(at),
                advisor,
                digest,
                None,
            )
        )
        if advisor is not None:
            self._audit(ctx, at, advisor, "document.issue", m.id, f"document:{did}", kind.value)

    def _ameli(self, ctx: _Ctx, m: _MemberInfo) -> None:
        """The member's ameli account: 70 % opened and used within the year, 2 % locked,
        3 % a provisional code handed over at a counter and not yet used, the rest none."""
        rng = self._ameli_rng
        roll = rng.random()
        if roll >= 0.75:
            return
        row_id = self._take(ctx, "ameli_accounts")
        if roll < 0.72:
            # Opened some time after the member joined, a month ago at least; last used
            # within the year (and after the opening).
            first = max(m.since, self.today_ord - 15 * 365)
            opened_ord = first + rng.randrange(max(1, self.today_ord - 30 - first))
            opened = datetime.combine(
                date.fromordinal(opened_ord), datetime.min.time(), tzinfo=UTC
            ) + timedelta(seconds=rng.randrange(6 * 3600, 21 * 3600))
            last_ago = 1 + rng.randrange(min(364, self.today_ord - opened_ord - 1))
            last_login = datetime.combine(
                self.day(-last_ago), datetime.min.time(), tzinfo=UTC
            ) + timedelta(seconds=rng.randrange(5 * 3600, 22 * 3600))
            locked, failed = None, 0
            if roll >= 0.70:
                locked = last_login + timedelta(seconds=rng.randrange(60, 3_600))
                failed = MAX_FAILED_LOGINS
            elif rng.random() < 0.1:
                failed = rng.randrange(1, MAX_FAILED_LOGINS)
            ctx.out["ameli_accounts"].append(
                (
                    row_id,
                    m.id,
                    self.ts_dt(opened),
                    self.ts_dt(last_login),
                    self.ts_dt(locked) if locked else None,
                    failed,
                    None,
                    None,
                    None,
                    None,
                    1,
                )
            )
            return
        # A code handed over at a counter within the last month, still valid.
        days_ago = 1 + rng.randrange(CODE_VALIDITY_DAYS - 1)
        issued_on = self.day(-days_ago)
        issued = datetime.combine(issued_on, datetime.min.time(), tzinfo=UTC) + timedelta(
            seconds=rng.randrange(7 * 3600, 17 * 3600)
        )
        expires = code_expiry(issued_on)
        advisor = rng.choice(self.counters) if self.counters else None
        ctx.out["ameli_accounts"].append(
            (
                row_id,
                m.id,
                None,
                None,
                None,
                0,
                _seed_code_hash(rng),
                self.ts_dt(issued),
                self.ts_dt(expires),
                advisor,
                1,
            )
        )
        if advisor is not None:
            valid = code_valid_until(issued_on)
            self._audit(
                ctx,
                issued,
                advisor,
                "ameli.issue_code",
                m.id,
                f"ameli:{row_id}",
                f"valable jusqu'au {valid:%d/%m/%Y}",
            )

    def _audit(
        self,
        ctx: _Ctx,
        at: datetime,
        advisor: int,
        action: str,
        member_id: int,
        target: str | None,
        detail: str | None,
    ) -> None:
        ctx.out["audit_events"].append(
            (
                self._take(ctx, "audit_events"),
                self.ts_dt(at),
                advisor,
                self.logins[advisor],
                action,
                member_id,
                target,
                AuditOutcome.OK.value,
                detail,
            )
        )

    def _ledger(self, ctx: _Ctx, ledger: dict[tuple[int, int, str, str], int]) -> None:
        """Aggregated deductible movements per member, year, kind: never one per line."""
        rng = ctx.rng
        rows = ctx.out["deductible_entries"]
        this_year = self.today.year
        recorded_day = self.today
        for (member_id, year, kind, entry), amount in sorted(ledger.items()):
            if amount <= 0:
                continue
            on = self.cal.year_end_str[year] if year < this_year else self.today.isoformat()
            rows.append(
                (
                    self._take(ctx, "deductible_entries"),
                    member_id,
                    year,
                    kind,
                    entry,
                    amount,
                    on,
                    None,
                    None,
                    None,
                    None,
                    self.ts(recorded_day, 5 * 3600),
                )
            )
            if entry == "owed" and rng.random() < (0.6 if year < this_year else 0.25):
                paid_day = self.day(-rng.randrange(1, 60)).isoformat()
                rows.append(
                    (
                        self._take(ctx, "deductible_entries"),
                        member_id,
                        year,
                        kind,
                        "paid",
                        amount,
                        paid_day,
                        None,
                        "Paiement en ligne",
                        f"PAY-{year}-{member_id:08d}-{kind[0].upper()}",
                        None,
                        self.ts(recorded_day, 5 * 3600),
                    )
                )


def _seed_code_hash(rng: random.Random) -> str:
    """An Argon2id hash of a random code nobody will ever know (the seed keeps no code).

    The cheapest parameters: a million demo members must not take hours. The encoded hash
    names them, so the real verification (security.verify_password) still reads it.
    """
    code = "".join(rng.choice(CODE_ALPHABET) for _ in range(8)).encode()
    salt = rng.getrandbits(128).to_bytes(16, "big")
    digest: bytes = argon2_low_level.hash_secret(
        code,
        salt,
        time_cost=1,
        memory_cost=8,
        parallelism=1,
        hash_len=16,
        type=argon2_low_level.Type.ID,
    )
    return digest.decode()


@dataclass(slots=True)
class _Ctx:
    rng: random.Random
    out: dict[str, list[Row]]
    ids: dict[str, int]


class _MemberInfo:
    """A generated member, as the later steps of the household need it (slots: millions)."""

    __slots__ = (
        "age",
        "birth",
        "commune",
        "cover",
        "css_days",
        "dependents",
        "firsts",
        "gp",
        "id",
        "last",
        "nir",
        "sex",
        "since",
    )

    def __init__(
        self,
        member_id: int,
        sex: Sex,
        birth: date,
        age: int,
        last: str,
        firsts: str,
        commune: str,
        gp: ProfessionalRef | None,
        cover: CoverKind | None,
        since: int,
        nir: str,
    ) -> None:
        self.id = member_id
        self.sex = sex
        self.birth = birth
        self.age = age
        self.last = last
        self.firsts = firsts
        self.commune = commune
        self.gp = gp
        self.cover = cover
        self.since = since
        self.nir = nir
        self.css_days: list[tuple[int, int]] = []  # offsets from today
        self.dependents: list[tuple[int, date, int]] = []
