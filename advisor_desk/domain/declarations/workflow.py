"""The instruction workflow of a declaration (after Démarches Simplifiées), as a state machine."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from advisor_desk.domain.enums import DeclarationState
from advisor_desk.domain.errors import ValidationError

S = DeclarationState

STATE_LABELS_FR: dict[DeclarationState, str] = {
    S.RECEIVED: "reçue",
    S.IN_INSTRUCTION: "en instruction",
    S.WAITING_MEMBER: "en attente de l'assuré",
    S.ACCEPTED: "acceptée",
    S.REFUSED: "refusée",
    S.CLOSED: "classée sans suite",
}

# Accepted is final: its effect is applied to the member file, so a change means a new request.
TRANSITIONS: dict[DeclarationState, frozenset[DeclarationState]] = {
    S.RECEIVED: frozenset({S.IN_INSTRUCTION, S.CLOSED}),
    S.IN_INSTRUCTION: frozenset({S.WAITING_MEMBER, S.ACCEPTED, S.REFUSED, S.CLOSED}),
    S.WAITING_MEMBER: frozenset({S.IN_INSTRUCTION, S.CLOSED}),
    S.ACCEPTED: frozenset(),
    S.REFUSED: frozenset({S.IN_INSTRUCTION}),
    S.CLOSED: frozenset({S.IN_INSTRUCTION}),
}
FINAL_STATES = frozenset({S.ACCEPTED, S.REFUSED, S.CLOSED})
OPEN_STATES = frozenset({S.RECEIVED, S.IN_INSTRUCTION, S.WAITING_MEMBER})
MAX_COMMENT = 2000
MAX_MISSING_ITEM = 120
MAX_NOTE = 2000


def check_note(body: str) -> str:
    """A private note (seen by agents only, never sent to the member): trimmed, not empty."""
    if not isinstance(body, str):
        raise ValidationError("La note doit être du texte.", field="note")
    text = body.strip()
    if not text:
        raise ValidationError("Écrivez la note avant de l'ajouter.", field="note")
    if len(text) > MAX_NOTE:
        raise ValidationError(
            f"La note dépasse {MAX_NOTE} caractères ({len(text)}) : raccourcissez-la.",
            field="note",
        )
    if any(ord(c) < 32 and c not in "\n\t" for c in text):
        raise ValidationError("La note contient des caractères de contrôle.", field="note")
    return text


@dataclass(frozen=True, slots=True)
class CheckedTransition:
    """A transition found legal, with its normalized comment and missing items."""

    from_state: DeclarationState
    to_state: DeclarationState
    comment: str | None
    missing: tuple[str, ...]

    @property
    def is_reopening(self) -> bool:
        return self.from_state in FINAL_STATES

    @property
    def is_decision(self) -> bool:
        return self.to_state in FINAL_STATES


def allowed_targets(state: DeclarationState) -> frozenset[DeclarationState]:
    return TRANSITIONS[state]


def _describe_allowed(state: DeclarationState) -> str:
    targets = sorted(TRANSITIONS[state], key=list(S).index)
    if not targets:
        return "aucun changement n'est possible : déposez une nouvelle demande"
    return "possible : " + ", ".join(f"« {STATE_LABELS_FR[t]} »" for t in targets)


def check_transition(
    from_state: DeclarationState,
    to_state: DeclarationState,
    comment: str | None = None,
    missing: Sequence[str] = (),
) -> CheckedTransition:
    """Check a transition and its justification; ValidationError in French when refused."""
    if to_state not in TRANSITIONS[from_state]:
        if from_state == to_state:
            message = f"La demande est déjà « {STATE_LABELS_FR[to_state]} »."
        else:
            message = (
                f"Une demande « {STATE_LABELS_FR[from_state]} » ne peut pas passer "
                f"« {STATE_LABELS_FR[to_state]} » ({_describe_allowed(from_state)})."
            )
        raise ValidationError(message, field="to_state")
    text = " ".join((comment or "").split())
    if len(text) > MAX_COMMENT:
        raise ValidationError(
            f"Le commentaire fait {MAX_COMMENT} caractères au plus, {len(text)} saisis.",
            field="comment",
        )
    items = tuple(dict.fromkeys(" ".join(m.split()) for m in missing if m.strip()))
    for item in items:
        if len(item) > MAX_MISSING_ITEM:
            raise ValidationError(
                f"Une pièce manquante est décrite en {MAX_MISSING_ITEM} caractères au plus.",
                field="missing",
            )
    if to_state is S.WAITING_MEMBER and not items:
        raise ValidationError(
            "Dites à l'assuré ce qui manque : indiquez au moins une pièce ou information.",
            field="missing",
        )
    if items and to_state is not S.WAITING_MEMBER:
        raise ValidationError(
            "Les pièces manquantes ne se demandent qu'en passant la demande "
            "« en attente de l'assuré ».",
            field="missing",
        )
    if to_state is S.REFUSED and not text:
        raise ValidationError("Motivez le refus : le motif est communiqué à l'assuré.", "comment")
    if to_state is S.CLOSED and not text:
        raise ValidationError("Indiquez pourquoi la demande est classée sans suite.", "comment")
    if from_state in FINAL_STATES and not text:
        raise ValidationError("Indiquez pourquoi la demande est rouverte.", field="comment")
    return CheckedTransition(from_state, to_state, text or None, items)
