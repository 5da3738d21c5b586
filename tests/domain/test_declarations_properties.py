"""Property tests: whatever is typed in a declaration form, the only failure is a ValidationError."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor_desk.domain.declarations import FORMS, validate_declaration
from advisor_desk.domain.enums import DeclarationKind
from advisor_desk.domain.errors import ValidationError

from .test_declarations_samples import IBAN, make_ctx, valid_forms

K = DeclarationKind
CTX = make_ctx()
_DATE_TEXT = st.one_of(
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(
        lambda d: d.strftime("%d/%m/%Y")
    ),
    st.dates().map(date.isoformat),
    st.from_regex(r"\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}", fullmatch=True),
    st.text(max_size=20),
)
_ANY_TEXT = st.one_of(st.text(max_size=60), st.text(alphabet="0123456789/-. ;:\n,", max_size=40))


def _attempt(kind: DeclarationKind, form: dict[str, str]) -> None:
    try:
        validate_declaration(kind, form, CTX)
    except ValidationError as exc:
        assert exc.message
        assert exc.field is not None


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(kind=st.sampled_from(list(DeclarationKind)), data=st.data())
def test_random_fields_only_raise_validation_error(
    kind: DeclarationKind, data: st.DataObject
) -> None:
    names = [f.name for f in FORMS[kind].fields]
    base = valid_forms()[kind]
    # Start from the valid form and replace a few fields with anything.
    picked = data.draw(st.lists(st.sampled_from(names), max_size=len(names), unique=True))
    form = dict(base)
    for name in picked:
        form[name] = data.draw(_ANY_TEXT)
    _attempt(kind, form)


@settings(max_examples=80)
@given(iban=st.one_of(st.text(max_size=40), st.from_regex(r"[A-Z]{2}\d{2}[A-Z0-9 ]{8,30}")))
def test_iban_input(iban: str) -> None:
    _attempt(K.BANK_DETAILS, {**valid_forms()[K.BANK_DETAILS], "iban": iban})


@settings(max_examples=40)
@given(bic=st.text(max_size=20), holder=st.text(max_size=150))
def test_bic_and_holder_input(bic: str, holder: str) -> None:
    _attempt(K.BANK_DETAILS, {"iban": IBAN, "bic": bic, "holder": holder})


DATE_FIELDS = [
    (K.VITALE_LOST, "loss_date"),
    (K.ADDRESS_CHANGE, "effective_date"),
    (K.BIRTH, "birth_date"),
    (K.NAME_CHANGE, "event_date"),
    (K.THIRD_PARTY_ACCIDENT, "accident_date"),
    (K.COMPLEMENTARY_CHOICE, "start_date"),
    (K.EHIC_REQUEST, "departure_date"),
]


@settings(max_examples=100)
@given(which=st.sampled_from(DATE_FIELDS), text=_DATE_TEXT)
def test_date_input(which: tuple[DeclarationKind, str], text: str) -> None:
    kind, name = which
    _attempt(kind, {**valid_forms()[kind], name: text})


@settings(max_examples=30)
@given(offset=st.integers(min_value=-4000, max_value=4000))
def test_birth_date_window(offset: int) -> None:
    day = CTX.today + timedelta(days=offset)
    form = {**valid_forms()[K.BIRTH], "birth_date": day.isoformat()}
    try:
        payload = validate_declaration(K.BIRTH, form, CTX)
    except ValidationError as exc:
        assert exc.field == "birth_date"
        assert offset > 0 or offset < -300
    else:
        assert -366 <= offset <= 0
        assert payload["birth_date"] == day.isoformat()


@settings(max_examples=40)
@given(household=_ANY_TEXT, incomes=st.text(max_size=300))
def test_css_free_text(household: str, incomes: str) -> None:
    _attempt(K.CSS_REQUEST, {"household": household, "incomes": incomes})
