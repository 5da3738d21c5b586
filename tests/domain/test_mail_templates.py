"""Reply-template variables: filled, and unknown ones named instead of sent."""

from __future__ import annotations

import pytest

from advisor_desk.backend.seeding.reference import REPLY_TEMPLATES
from advisor_desk.domain.errors import ValidationError
from advisor_desk.domain.mail_templates import (
    KNOWN_VARIABLES,
    fill_template,
    template_variables,
    unknown_variables,
)


def test_variables_in_order_without_repeats() -> None:
    body = "Bonjour {member_name}, le {date}… {member_name} ({nir_last_digits})"
    assert template_variables(body) == ["member_name", "date", "nir_last_digits"]


def test_fill_replaces_every_variable() -> None:
    text = fill_template(
        "Bonjour {member_name},\nNIR se terminant par {nir_last_digits}.",
        {"member_name": "Anne Martin", "nir_last_digits": "12345", "date": "26/11/2026"},
    )
    assert text == "Bonjour Anne Martin,\nNIR se terminant par 12345."


def test_unknown_variable_is_named_and_nothing_is_filled() -> None:
    with pytest.raises(ValidationError) as err:
        fill_template("Bonjour {member_name}, votre {dossier_ref} du {date}", {"member_name": "A"})
    assert "{dossier_ref}" in err.value.message and "{date}" in err.value.message
    assert err.value.field == "template"


def test_doubled_braces_are_literal() -> None:
    assert fill_template("{{code}} {member_name}", {"member_name": "A"}) == "{code} A"
    assert template_variables("{{code}}") == []


@pytest.mark.parametrize(
    "body", ["Bonjour {member_name", "Bonjour {0}", "{member_name!r}", "{a:>5}"]
)
def test_malformed_placeholders_are_refused(body: str) -> None:
    with pytest.raises(ValidationError):
        template_variables(body)


def test_shipped_templates_only_use_known_variables() -> None:
    for code, _title, _theme, _keywords, body in REPLY_TEMPLATES:
        assert unknown_variables(body, KNOWN_VARIABLES) == [], code
