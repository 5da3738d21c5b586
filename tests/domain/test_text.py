"""Name search keys and the counter's search box."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advisor_desk.domain.errors import ValidationError
from advisor_desk.domain.text import SearchQuery, name_key, parse_search_query


@pytest.mark.parametrize(
    "text, key",
    [
        ("Lefèvre", "lefevre"),
        ("D'Artagnan-Dupré", "d artagnan dupre"),
        ("D’Artagnan", "d artagnan"),
        ("  Cœur   de   LION ", "coeur de lion"),
        ("Lætitia", "laetitia"),
        ("ŒDIPE", "oedipe"),
        ("Çelik Ñúñez", "celik nunez"),
        ("Łukasz Strauß", "lukasz strauss"),
        ("Jean--Pierre", "jean pierre"),
        ("", ""),
    ],
)
def test_name_key(text: str, key: str) -> None:
    assert name_key(text) == key


@given(st.text(max_size=40))
def test_name_key_is_idempotent_and_clean(text: str) -> None:
    key = name_key(text)
    assert name_key(key) == key
    assert key == key.strip()
    assert "  " not in key
    assert key == key.lower()


def test_full_nir() -> None:
    q = parse_search_query("2 95 10 99 126 111 93")
    assert q == SearchQuery(kind="nir", nir="295109912611193")


def test_invalid_full_nir_raises() -> None:
    with pytest.raises(ValidationError, match=r"La clé du NIR est 94, la clé calculée est 93\."):
        parse_search_query("295109912611194")


@pytest.mark.parametrize(
    "text, prefix",
    [
        ("184", "184"),
        ("1 84 03 75", "1840375"),
        ("253072a", "253072A"),
        ("1840375112123", "1840375112123"),
    ],
)
def test_nir_prefix(text: str, prefix: str) -> None:
    assert parse_search_query(text) == SearchQuery(kind="nir_prefix", nir=prefix)


def test_nir_with_a_typo_is_reported_as_nir() -> None:
    with pytest.raises(ValidationError, match="« O » en position 9"):
        parse_search_query("1 84 03 75 1O2 123 45")


def test_too_short_or_too_long_nir() -> None:
    with pytest.raises(ValidationError, match="au moins 3 chiffres"):
        parse_search_query("18")
    with pytest.raises(ValidationError, match=r"15 caractères \(13 \+ clé\), 16 saisis"):
        parse_search_query("1840375112123456")


def test_name_only() -> None:
    q = parse_search_query("  Lefèvre   d'Artagnan ")
    assert q == SearchQuery(kind="name", name_words=("lefevre", "d", "artagnan"))


@pytest.mark.parametrize(
    "typed", ["12/03/1984", "12-03-1984", "12.03.1984", "12031984", "2/3/1984"]
)
def test_name_with_date(typed: str) -> None:
    q = parse_search_query(f"Dupont Jean {typed}")
    assert q.kind == "name"
    assert q.name_words == ("dupont", "jean")
    expected = date(1984, 3, 2) if typed == "2/3/1984" else date(1984, 3, 12)
    assert q.birth_date == expected


def test_impossible_date() -> None:
    with pytest.raises(ValidationError) as exc:
        parse_search_query("Martin 31/02/1984")
    assert exc.value.message == "La date 31/02/1984 n'existe pas."
    assert exc.value.field == "query"


def test_date_alone_is_refused() -> None:
    with pytest.raises(ValidationError, match="Ajoutez le nom"):
        parse_search_query("12/03/1984")


def test_digits_inside_name_are_refused() -> None:
    with pytest.raises(ValidationError, match="« 1984 » n'est ni un nom ni une date"):
        parse_search_query("Martin 1984")
    with pytest.raises(ValidationError, match="« 12/03/84 »"):
        parse_search_query("Martin 12/03/84")


def test_empty_query() -> None:
    with pytest.raises(ValidationError) as exc:
        parse_search_query("   ", field="search")
    assert exc.value.field == "search"
