"""Knowledge-base article checks: normalized fields, French messages naming the field."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advisor_desk.domain.enums import MailTheme
from advisor_desk.domain.errors import ValidationError
from advisor_desk.domain.knowledge import MAX_TITLE, check_article


def test_article_is_normalized() -> None:
    checked = check_article(
        " carte-vitale perdue ",
        "  Carte perdue ",
        "rights_vitale",
        "vitale, Vitale, vol,, ",
        "Corps",
    )
    assert checked.code == "CARTE_VITALE_PERDUE"
    assert checked.title == "Carte perdue"
    assert checked.theme is MailTheme.RIGHTS_VITALE
    assert checked.keywords == "vitale, vol"
    assert check_article("AB", "T", None, "k", "b").theme is None


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        (("1ABC", "T", None, "k", "b"), "code", "majuscules"),
        (("A", "T", None, "k", "b"), "code", "2 à 40"),
        (("AB", "  ", None, "k", "b"), "title", "Saisissez le titre"),
        (("AB", "x" * (MAX_TITLE + 1), None, "k", "b"), "title", "dépasse 160"),
        (("AB", "T\x00", None, "k", "b"), "title", "caractères de contrôle"),
        (("AB", "T", None, "", "b"), "keywords", "mots-clés"),
        (("AB", "T", None, "k", "\n"), "body", "texte de l'article"),
    ],
)
def test_bad_fields_name_the_field(
    fields: tuple[str, str, None, str, str], field: str, words: str
) -> None:
    with pytest.raises(ValidationError) as exc:
        check_article(*fields)
    assert exc.value.field == field
    assert words in exc.value.message


@given(st.text(max_size=50), st.text(max_size=200), st.text(max_size=400), st.text(max_size=400))
def test_any_input_is_accepted_or_refused_with_a_message(
    code: str, title: str, keywords: str, body: str
) -> None:
    try:
        checked = check_article(code, title, None, keywords, body)
    except ValidationError as exc:
        assert exc.field in ("code", "title", "keywords", "body") and exc.message
    else:
        assert checked.title == checked.title.strip() and checked.body
