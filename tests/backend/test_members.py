"""Member lookup through the backend: NIR messages, names, typos, dependents, limits, audit."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import Engine, select

from advisor_desk.backend.facade import BoundBackend
from advisor_desk.backend.members import (
    close_distance,
    edit_distance,
    phonetic_key,
)
from advisor_desk.backend.members_dto import MatchKind, QueryKind
from advisor_desk.backend.orm import AuditEvent
from advisor_desk.domain.enums import AuditOutcome, Role
from advisor_desk.domain.errors import ValidationError
from advisor_desk.domain.nir import compute_key
from tests.models.member_samples import Samples, add_samples

Login = Callable[[Role], BoundBackend]


@pytest.fixture
def samples(engine: Engine) -> Samples:
    return add_samples(engine)


@pytest.fixture
def counter(bound: Login, samples: Samples) -> BoundBackend:
    return bound(Role.COUNTER)


def _names(result: object) -> list[tuple[str, str]]:
    return [(r.last_name, r.first_names) for r in result.rows]  # type: ignore[attr-defined]


def _audit(engine: Engine, action: str) -> list[AuditEvent]:
    from advisor_desk.backend.engine import session_scope

    with session_scope(engine) as s:
        return list(s.scalars(select(AuditEvent).where(AuditEvent.action == action)))


# --- NIR ------------------------------------------------------------------------------------


def test_full_nir_with_separators_finds_the_member(counter: BoundBackend, samples: Samples) -> None:
    nir = samples.nirs["anne"]
    typed = f"{nir[0]} {nir[1:3]}.{nir[3:5]}-{nir[5:7]} {nir[7:10]} {nir[10:13]} {nir[13:]}"
    result = counter.members.search(typed)
    assert result.kind is QueryKind.NIR
    assert [(r.member_id, r.match) for r in result.rows] == [(samples.ids["anne"], MatchKind.NIR)]
    row = result.rows[0]
    assert row.nir_masked.endswith(f"{nir[10:13]} {nir[13:]}")
    assert nir[:10] not in row.nir_masked.replace(" ", "")
    assert row.city == "Lyon 3e"
    assert row.dependents_count == 2


def test_special_nirs_are_found(counter: BoundBackend, samples: Samples) -> None:
    for name in ("corse", "abroad", "temporary"):
        result = counter.members.search(samples.nirs[name])
        assert [r.member_id for r in result.rows] == [samples.ids[name]], name


def test_corsica_nir_typed_in_lowercase(counter: BoundBackend, samples: Samples) -> None:
    nir = samples.nirs["corse"]
    assert nir[5:7] == "2A"
    assert counter.members.search(nir.lower()).rows[0].member_id == samples.ids["corse"]


def test_dependent_found_by_nir_opens_the_member(counter: BoundBackend, samples: Samples) -> None:
    (row,) = counter.members.search(samples.nirs["lucas"]).rows
    assert row.member_id == samples.ids["anne"]
    assert row.dependent_id == samples.dependent_ids["lucas"]
    assert row.holder_name == "Lefèvre Anne Marie"
    assert row.first_names == "Lucas"


def test_nir_prefix(counter: BoundBackend, samples: Samples) -> None:
    nir = samples.nirs["anne"]
    result = counter.members.search(nir[:7])
    assert result.kind is QueryKind.NIR_PREFIX
    assert samples.ids["anne"] in {r.member_id for r in result.rows}
    assert all(r.match is MatchKind.NIR_PREFIX for r in result.rows)
    # The key forgotten: the 13 characters still find the member.
    assert [r.member_id for r in counter.members.search(nir[:13]).rows] == [samples.ids["anne"]]


def _with_key(number13: str) -> str:
    return number13 + compute_key(number13)


BAD_INPUT = [
    ("1 84 03 75 112 123 46", r"La clé du NIR est 46, la clé calculée est 74"),
    ("18403751121234", r"15 caractères \(13 \+ clé\), 14 saisis"),
    ("1 84 03 75 112 123", r"clé du NIR est manquante"),
    ("18403751121234567", r"15 caractères .*17 saisis"),
    ("1840375X12123", r"caractère « X » en position 8"),
    ("1841375112123 45", r"mois de naissance 13 n'existe pas"),
    ("184032C112123", r"département de naissance « 2C »|caractère « C »"),
    ("1840396112123 00", r"département de naissance 96 n'existe pas"),
    ("3840375112123 00", r"premier chiffre du NIR \(sexe\)"),
    ("12", r"au moins 3 chiffres"),
    ("", r"Saisissez un nom"),
    ("12/03/1984", r"Ajoutez le nom"),
    ("dupont 31/02/1984", r"31/02/1984 n'existe pas"),
]


def test_bad_input_says_what_is_wrong(counter: BoundBackend) -> None:
    for typed, message in BAD_INPUT:
        with pytest.raises(ValidationError, match=message):
            counter.members.search(typed)


def test_wrong_keys_of_corsica_abroad_and_temporary_numbers(counter: BoundBackend) -> None:
    # Corsica (2A → 19 in the key), born abroad (99 + country), temporary number (8).
    for number13 in ("168072A004021", "1900999352033", "8010499243044"):
        key = compute_key(number13)
        wrong = f"{(int(key) % 97) + 1:02d}"
        with pytest.raises(
            ValidationError, match=f"clé du NIR est {wrong}, la clé calculée est {key}"
        ):
            counter.members.search(f"{number13} {wrong}")


def test_valid_keys_for_corsica_abroad_and_temporary_numbers(counter: BoundBackend) -> None:
    # Valid but unknown numbers: no error, no row.
    for number13 in ("168072A004099", "1900999352099", "8010499243099"):
        assert counter.members.search(_with_key(number13)).rows == []


# --- names ----------------------------------------------------------------------------------


def test_accent_and_case_insensitive(counter: BoundBackend, samples: Samples) -> None:
    for typed in ("lefevre", "LEFÈVRE", "Lefevre anne", "lefèvre Anne-Marie", "LEFEVRE  ANNE"):
        result = counter.members.search(typed)
        assert result.rows[0].member_id == samples.ids["anne"], typed
        assert result.rows[0].dependent_id is None
        assert not result.close_matches


def test_birth_name(counter: BoundBackend, samples: Samples) -> None:
    result = counter.members.search("martin anne")
    assert result.rows[0].member_id == samples.ids["anne"]
    assert result.rows[0].match is MatchKind.BIRTH_NAME
    assert result.rows[0].birth_name == "Martin"


def test_first_name_typed_first(counter: BoundBackend, samples: Samples) -> None:
    result = counter.members.search("jean dupont")
    assert result.rows[0].member_id == samples.ids["jean"]
    assert result.rows[0].match is MatchKind.REVERSED


def test_exact_first_name_before_longer_ones(counter: BoundBackend) -> None:
    result = counter.members.search("dupont jean")
    assert _names(result)[:2] == [("Dupont", "Jean"), ("Dupont", "Jeanne Louise")]
    assert ("Dupont", "Pierre") not in _names(result)


def test_last_name_alone_lists_the_family(counter: BoundBackend) -> None:
    assert _names(counter.members.search("Dupont")) == [
        ("Dupont", "Jean"),
        ("Dupont", "Jeanne Louise"),
        ("Dupont", "Pierre"),
    ]


def test_last_name_prefix(counter: BoundBackend, samples: Samples) -> None:
    result = counter.members.search("lef")
    assert [r.match for r in result.rows] == [MatchKind.NAME_PREFIX] * 3
    assert [r.dependent_id is None for r in result.rows] == [True, False, False]


def test_compound_names(counter: BoundBackend, samples: Samples) -> None:
    assert counter.members.search("le gall").rows[0].member_id == samples.ids["legall"]
    assert counter.members.search("Le Gall Yann").rows[0].match is MatchKind.NAME
    assert counter.members.search("legall").rows[0].member_id == samples.ids["legall"]


def test_dependents_on_their_own_line(counter: BoundBackend, samples: Samples) -> None:
    result = counter.members.search("lefevre")
    rows = result.rows
    assert rows[0].dependent_id is None
    deps = [r for r in rows if r.dependent_id is not None]
    assert {r.first_names for r in deps} == {"Lucas", "Emma"}
    assert all(r.member_id == samples.ids["anne"] for r in deps)
    assert all(r.holder_name == "Lefèvre Anne Marie" for r in deps)
    assert all(r.dependents_count == 0 for r in deps)
    lucas = counter.members.search("lefevre lucas").rows[0]
    assert lucas.dependent_id == samples.dependent_ids["lucas"]
    emma = next(r for r in deps if r.first_names == "Emma")
    assert emma.nir_masked == ""


def test_name_with_birth_date(counter: BoundBackend, samples: Samples) -> None:
    result = counter.members.search("dupont 23/11/1979")
    assert [r.member_id for r in result.rows] == [samples.ids["jeanne"]]
    assert not result.birth_date_ignored
    # The same day typed compactly, and a typo in the name: still found, as a close name.
    result = counter.members.search("dupomt 23111979")
    assert [r.member_id for r in result.rows] == [samples.ids["jeanne"]]
    assert result.close_matches


def test_wrong_birth_date_falls_back_to_the_name(counter: BoundBackend, samples: Samples) -> None:
    result = counter.members.search("santoni 01/01/1970")
    assert [r.member_id for r in result.rows] == [samples.ids["corse"]]
    assert result.birth_date_ignored


TYPOS = [
    ("lefebvre", "anne"),
    ("lefevbre anne", "anne"),
    ("dupond jean", "jean"),
    ("dupont jaen", "jean"),
    ("santonni", "corse"),
    ("benaly karim", "abroad"),
    ("le gal yann", "legall"),
    ("nguyem", "temporary"),
]


def test_typos_offer_close_names(counter: BoundBackend, samples: Samples) -> None:
    for typed, who in TYPOS:
        result = counter.members.search(typed)
        assert result.close_matches, typed
        assert result.rows[0].member_id == samples.ids[who], typed
        assert all(r.match is MatchKind.CLOSE for r in result.rows)


def test_nothing_close(counter: BoundBackend) -> None:
    result = counter.members.search("zzyzx")
    assert result.rows == [] and not result.close_matches


def test_limit_and_truncation(bound: Login, engine: Engine) -> None:
    add_samples(engine, martins=60)
    backend = bound(Role.COUNTER)
    result = backend.members.search("martin", limit=50)
    assert len(result.rows) == 50
    assert result.truncated
    assert all(r.last_name == "Martin" for r in result.rows)
    keys = [r.first_names.lower() for r in result.rows]
    assert keys == sorted(keys)
    result = backend.members.search("martin paulab")
    assert [r.first_names for r in result.rows] == ["Paulab"]
    assert not result.truncated


def test_search_is_audited_without_the_query(
    counter: BoundBackend, engine: Engine, samples: Samples
) -> None:
    counter.members.search("lefevre")
    counter.members.search(samples.nirs["jean"])
    events = _audit(engine, "members.search")
    assert [e.login for e in events] == ["t_counter", "t_counter"]
    assert "type=name" in (events[0].detail or "")
    assert "type=nir" in (events[1].detail or "")
    for e in events:
        assert "lef" not in (e.detail or "").lower()
        assert samples.nirs["jean"] not in (e.detail or "")
        assert e.member_id is None


def test_supervisor_cannot_search(bound: Login, engine: Engine, samples: Samples) -> None:
    from advisor_desk.domain.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        bound(Role.SUPERVISOR).members.search("dupont")
    (event,) = _audit(engine, "members.search")
    assert event.outcome is AuditOutcome.REFUSED


# --- the typo tolerance helpers -------------------------------------------------------------


def test_edit_distance() -> None:
    assert edit_distance("lefevre", "lefebvre", 2) == 1
    assert edit_distance("dupont", "dupotn", 2) == 1  # neighbours swapped
    assert edit_distance("martin", "martinez", 1) == 2  # beyond the limit: limit + 1
    assert edit_distance("abc", "abc", 0) == 0


def test_phonetic_key() -> None:
    assert phonetic_key("philippe") == phonetic_key("filipe")
    assert phonetic_key("dupond") == phonetic_key("dupont")
    assert phonetic_key("gauthier") == phonetic_key("gautier")
    assert close_distance("filipe", "philippe") is not None
    assert close_distance("dupont", "durand") is None
