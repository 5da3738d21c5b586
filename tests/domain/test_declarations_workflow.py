"""The declaration state machine: every legal transition accepted, every other one refused."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advisor_desk.domain.declarations.workflow import (
    FINAL_STATES,
    MAX_NOTE,
    TRANSITIONS,
    check_note,
    check_transition,
)
from advisor_desk.domain.enums import DeclarationState
from advisor_desk.domain.errors import ValidationError

S = DeclarationState

LEGAL = {
    (S.RECEIVED, S.IN_INSTRUCTION),
    (S.RECEIVED, S.CLOSED),
    (S.IN_INSTRUCTION, S.WAITING_MEMBER),
    (S.IN_INSTRUCTION, S.ACCEPTED),
    (S.IN_INSTRUCTION, S.REFUSED),
    (S.IN_INSTRUCTION, S.CLOSED),
    (S.WAITING_MEMBER, S.IN_INSTRUCTION),
    (S.WAITING_MEMBER, S.CLOSED),
    (S.REFUSED, S.IN_INSTRUCTION),
    (S.CLOSED, S.IN_INSTRUCTION),
}


def _args(a: DeclarationState, b: DeclarationState) -> tuple[str, list[str]]:
    return "motif", (["RIB"] if b is S.WAITING_MEMBER else [])


def test_table_is_the_documented_one() -> None:
    assert {(a, b) for a, targets in TRANSITIONS.items() for b in targets} == LEGAL


@pytest.mark.parametrize("pair", sorted(LEGAL))
def test_legal(pair: tuple[DeclarationState, DeclarationState]) -> None:
    comment, missing = _args(*pair)
    checked = check_transition(pair[0], pair[1], comment, missing)
    assert checked.to_state is pair[1]
    assert checked.is_reopening == (pair[0] in FINAL_STATES)


ILLEGAL = [p for p in itertools.product(S, S) if p not in LEGAL]


@pytest.mark.parametrize("pair", ILLEGAL)
def test_illegal_refused_in_french(pair: tuple[DeclarationState, DeclarationState]) -> None:
    comment, missing = _args(*pair)
    with pytest.raises(ValidationError) as exc:
        check_transition(pair[0], pair[1], comment, missing)
    assert exc.value.field == "to_state"
    assert "demande" in exc.value.message.lower()


def test_accepted_is_final() -> None:
    with pytest.raises(ValidationError) as exc:
        check_transition(S.ACCEPTED, S.IN_INSTRUCTION, "erreur")
    assert "nouvelle demande" in exc.value.message


def test_refusal_needs_a_reason() -> None:
    with pytest.raises(ValidationError) as exc:
        check_transition(S.IN_INSTRUCTION, S.REFUSED, "   ")
    assert exc.value.field == "comment"


def test_closing_and_reopening_need_a_reason() -> None:
    for a, b in [(S.IN_INSTRUCTION, S.CLOSED), (S.REFUSED, S.IN_INSTRUCTION)]:
        with pytest.raises(ValidationError) as exc:
            check_transition(a, b, None)
        assert exc.value.field == "comment"


def test_waiting_needs_what_is_missing() -> None:
    with pytest.raises(ValidationError) as exc:
        check_transition(S.IN_INSTRUCTION, S.WAITING_MEMBER, "", ["  "])
    assert exc.value.field == "missing"
    checked = check_transition(
        S.IN_INSTRUCTION, S.WAITING_MEMBER, None, ["RIB", " RIB ", "Photo  d'identité"]
    )
    assert checked.missing == ("RIB", "Photo d'identité")


def test_missing_only_when_waiting() -> None:
    with pytest.raises(ValidationError) as exc:
        check_transition(S.IN_INSTRUCTION, S.ACCEPTED, None, ["RIB"])
    assert exc.value.field == "missing"


def test_note_is_trimmed_and_checked() -> None:
    assert check_note("  Rappeler l'assuré\n  ") == "Rappeler l'assuré"
    for bad, words in (
        ("", "Écrivez la note"),
        (" \n\t", "Écrivez la note"),
        ("x" * (MAX_NOTE + 1), "dépasse 2000 caractères (2001)"),
        ("bip\x07", "caractères de contrôle"),
    ):
        with pytest.raises(ValidationError) as exc:
            check_note(bad)
        assert words in exc.value.message
        assert exc.value.field == "note"


@given(st.text(max_size=MAX_NOTE + 50))
def test_any_note_text_is_accepted_trimmed_or_refused_with_a_message(text: str) -> None:
    try:
        checked = check_note(text)
    except ValidationError as exc:
        assert exc.field == "note" and exc.message
    else:
        assert checked == text.strip() and 0 < len(checked) <= MAX_NOTE
