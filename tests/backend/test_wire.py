"""The wire format: every facade type crosses, every supported type round-trips exactly through JSON."""

from __future__ import annotations

import dataclasses
import inspect
import json
import math
import types
import typing
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone
from enum import Enum, IntEnum, StrEnum
from typing import Any, Literal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor_desk.backend.facade import SERVICES
from advisor_desk.backend.server import request_model, wire_model
from advisor_desk.backend.service import api_methods
from advisor_desk.backend.wire import WireError, dataclass_hints, from_wire, to_wire, unsupported


class Colour(StrEnum):
    RED = "red"
    GREEN = "green"


class Level(IntEnum):
    LOW = 1
    HIGH = 2


@dataclass(frozen=True)
class Inner:
    on: date
    amount_cents: int
    colour: Colour
    note: str | None = None


@dataclass(frozen=True)
class Outer:
    id: int
    at: datetime
    items: list[Inner]
    by_name: dict[str, Inner]
    pdf: bytes
    pair: tuple[int, str]
    tags: frozenset[str] = field(default_factory=frozenset)
    level: Level = Level.LOW


@dataclass
class Mutable:
    x: int


def _methods() -> list[tuple[str, str, Any]]:
    return [
        (service, name, fn)
        for service, cls in SERVICES.items()
        for name, fn in sorted(api_methods(cls).items())
    ]


# -- every facade method can cross -----------------------------------------------------------


@pytest.mark.parametrize(
    ("service", "method", "fn"), _methods(), ids=[f"{s}.{m}" for s, m, _ in _methods()]
)
def test_every_facade_method_crosses_the_wire(service: str, method: str, fn: Any) -> None:
    hints = typing.get_type_hints(fn)
    params = list(inspect.signature(fn).parameters)[1:]
    assert "return" in hints, f"{service}.{method}: no return type hint"
    problems = []
    for name in params:
        assert name in hints, f"{service}.{method}: parameter {name} has no type hint"
        problems += unsupported(hints[name])
    problems += unsupported(hints["return"])
    assert problems == [], f"{service}.{method}: {problems}"
    # And the server can describe it (request body and result) in /openapi.json.
    request_model(service, method, fn)
    wire_model(hints["return"])


def test_the_walk_reports_what_cannot_cross() -> None:
    assert unsupported(Outer) == []
    assert unsupported(list[Outer] | None) == []
    assert any("not frozen" in p for p in unsupported(list[Mutable]))
    assert any("Any" in p for p in unsupported(dict[str, Any]))
    assert any("union" in p for p in unsupported(int | str))
    assert any("dict key" in p for p in unsupported(dict[date, int]))
    assert any("set" in p for p in unsupported(set[int]))
    assert any("object" in p for p in unsupported(object))

    @dataclass(frozen=True)
    class Deep:
        inner: list[dict[str, Mutable]]

    assert any("Mutable" in p for p in unsupported(Deep))


# -- round trips -----------------------------------------------------------------------------


offsets = st.timedeltas(
    min_value=timedelta(hours=-23, minutes=-59), max_value=timedelta(hours=23, minutes=59)
).map(lambda d: timezone(timedelta(seconds=int(d.total_seconds()))))
aware_datetimes = st.datetimes(timezones=offsets | st.just(UTC))
times = st.times(timezones=st.none() | offsets)


def strategy(hint: Any) -> st.SearchStrategy[Any]:
    """Values of `hint`, nested as deep as the hint goes."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    scalars: dict[Any, st.SearchStrategy[Any]] = {
        bool: st.booleans(),
        int: st.integers(),
        float: st.floats(allow_nan=True, allow_infinity=True),
        str: st.text(),
        bytes: st.binary(),
        date: st.dates(),
        datetime: aware_datetimes,
        time: times,
        type(None): st.none(),
    }
    if hint in scalars:
        return scalars[hint]
    if isinstance(hint, type) and issubclass(hint, Enum):
        return st.sampled_from(list(hint))
    if origin is Literal:
        return st.sampled_from(args)
    if origin in (typing.Union, types.UnionType):
        return st.one_of(*(strategy(a) for a in args))
    if origin is list:
        return st.lists(strategy(args[0]), max_size=5)
    if origin is frozenset:
        return st.frozensets(strategy(args[0]), max_size=5)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return st.lists(strategy(args[0]), max_size=5).map(tuple)
    if origin is tuple:
        return st.tuples(*(strategy(a) for a in args))
    if origin is dict:
        return st.dictionaries(strategy(args[0]), strategy(args[1]), max_size=5)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return st.builds(hint, **{k: strategy(v) for k, v in dataclass_hints(hint).items()})
    raise TypeError(hint)


def same(a: Any, b: Any) -> bool:
    """Equal, of the same type, down to the UTC offset of datetimes and the NaNs of floats."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return bool(
            (math.isnan(a) and math.isnan(b))
            or (a == b and math.copysign(1, a) == math.copysign(1, b))
        )
    if isinstance(a, datetime | time):
        return bool(
            a == b
            and a.utcoffset() == b.utcoffset()
            and a.replace(tzinfo=None) == b.replace(tzinfo=None)
        )
    if isinstance(a, list | tuple):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        return bool(a.keys() == b.keys()) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, frozenset):
        return bool(a == b)
    if dataclasses.is_dataclass(a):
        return all(same(getattr(a, f.name), getattr(b, f.name)) for f in dataclasses.fields(a))
    return bool(a == b)


def through_json(value: Any, hint: Any) -> Any:
    # The same JSON settings as both ends use: no NaN literals, ASCII only.
    text = json.dumps(to_wire(value, hint), ensure_ascii=True, allow_nan=False)
    return from_wire(json.loads(text), hint)


ROUND_TRIP_HINTS: list[Any] = [
    bool,
    int,
    float,
    str,
    bytes,
    date,
    datetime,
    time,
    Colour,
    Level,
    Literal["a", 1, True],
    int | None,
    list[int],
    tuple[date, ...],
    tuple[int, str, bool],
    frozenset[str],
    dict[str, float],
    dict[int, str],
    dict[Colour, int],
    dict[Level, list[str]],
    Inner,
    Outer,
    list[Outer] | None,
]


@pytest.mark.parametrize("hint", ROUND_TRIP_HINTS, ids=repr)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_round_trip(hint: Any, data: st.DataObject) -> None:
    value = data.draw(strategy(hint))
    back = through_json(value, hint)
    assert same(value, back), (value, back)


def test_wire_forms_are_the_documented_ones() -> None:
    at = datetime(2026, 3, 1, 9, 30, 0, 123456, tzinfo=timezone(timedelta(hours=1)))
    assert to_wire(at, datetime) == "2026-03-01T09:30:00.123456+01:00"
    assert to_wire(date(2026, 3, 1), date) == "2026-03-01"
    assert to_wire(time(8, 15), time) == "08:15:00"
    assert to_wire(b"%PDF-1.7", bytes) == "JVBERi0xLjc="
    assert to_wire(Colour.RED, Colour) == "red"
    assert to_wire(Level.HIGH, Level) == 2
    assert to_wire(math.inf, float) == "Infinity"
    assert to_wire(12345, int) == 12345
    assert to_wire({Level.LOW: 1}, dict[Level, int]) == {"1": 1}
    assert to_wire(Inner(date(2026, 1, 2), 150, Colour.GREEN), Inner) == {
        "on": "2026-01-02",
        "amount_cents": 150,
        "colour": "green",
        "note": None,
    }


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        (datetime(2026, 1, 1, 12, 0), datetime),  # naive: meaningless on another machine
        (True, int),
        (1.5, int),
        ("1", int),
        (datetime(2026, 1, 1, tzinfo=UTC), date),
        ("red", Colour),
        ([1], tuple[int, ...]),
        ((1, 2), tuple[int, str]),
        (Mutable(1), Mutable),
        (1, Any),
        (1, int | str),
    ],
)
def test_to_wire_refuses_what_does_not_match(value: Any, hint: Any) -> None:
    with pytest.raises(TypeError):
        to_wire(value, hint)


@pytest.mark.parametrize(
    ("data", "hint", "path"),
    [
        (True, int, ""),
        (3.0, int, ""),  # money never silently loses its cents
        ("12", int, ""),
        (1, bool, ""),
        (None, str, ""),
        ("nan", float, ""),
        ("2026-02-30", date, ""),
        ("2026-01-01T10:00:00", datetime, ""),  # no offset
        ("25:00", time, ""),
        ("not base64!", bytes, ""),
        ("JVBERi0xLjc", bytes, ""),  # padding missing
        ("blue", Colour, ""),
        (True, Level, ""),  # JSON true must not become Level(1)
        ("1", Level, ""),
        ("b", Literal["a"], ""),
        ({"a": 1}, list[int], ""),
        ([1, "x"], list[int], "[1]"),
        ([1, 2], tuple[int, str], "[1]"),
        ([1], tuple[int, str], ""),
        ({"x": 1}, dict[int, int], "['x']"),
        ({"1": "x"}, dict[int, int], "['1']"),
        ({"on": "2026-01-01", "amount_cents": 1, "colour": "red", "extra": 1}, Inner, ""),
        ({"on": "2026-01-01", "colour": "red"}, Inner, "amount_cents"),
        ({"on": "2026-01-01", "amount_cents": 1.5, "colour": "red"}, Inner, "amount_cents"),
        (
            {
                "id": 1,
                "at": "2026-01-01T00:00:00+00:00",
                "items": [{"on": "x", "amount_cents": 1, "colour": "red"}],
                "by_name": {},
                "pdf": "",
                "pair": [1, "a"],
            },
            Outer,
            "items[0].on",
        ),
    ],
)
def test_from_wire_refuses_what_does_not_fit(data: Any, hint: Any, path: str) -> None:
    with pytest.raises(WireError) as info:
        from_wire(data, hint)
    assert info.value.path == path


def test_defaults_of_a_dataclass_may_be_left_out() -> None:
    value = from_wire({"on": "2026-01-01", "amount_cents": 5, "colour": "red"}, Inner)
    assert value == Inner(date(2026, 1, 1), 5, Colour.RED, None)


def test_wire_model_documents_the_wire_form() -> None:
    # The OpenAPI description must say what the wire carries, not the Python types.
    from pydantic import TypeAdapter

    schema = TypeAdapter(wire_model(Outer)).json_schema()
    outer = schema["$defs"]["Outer"] if "$defs" in schema and "Outer" in schema["$defs"] else schema
    props = outer["properties"]
    assert props["at"]["format"] == "date-time"
    assert props["pdf"]["contentEncoding"] == "base64"
    assert props["pair"]["type"] == "array"


# -- the compiled codecs: every facade type, and the same answers as the field-by-field walk --


def _facade_dataclasses() -> list[type]:
    """Every dataclass a facade method takes or returns, nested ones included."""
    found: dict[type, None] = {}

    def visit(hint: Any) -> None:
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        if origin is typing.Annotated:
            visit(args[0])
        elif isinstance(hint, type) and dataclasses.is_dataclass(hint):
            if hint not in found:
                found[hint] = None
                for field_hint in dataclass_hints(hint).values():
                    visit(field_hint)
        else:
            for arg in args:
                visit(arg)

    for _service, _method, fn in _methods():
        for hint in typing.get_type_hints(fn).values():
            visit(hint)
    return list(found)


FACADE_DATACLASSES = _facade_dataclasses()


def test_the_facade_has_dataclasses_to_check() -> None:
    names = {cls.__name__ for cls in FACADE_DATACLASSES}
    assert {"SearchResult", "SearchRow", "MemberIdentity", "AdvisorInfo"} <= names


@pytest.mark.parametrize("cls", FACADE_DATACLASSES, ids=lambda cls: cls.__name__)
@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_facade_dataclass_round_trips_exactly(cls: type, data: st.DataObject) -> None:
    value = data.draw(strategy(cls))
    back = through_json(value, cls)
    # A real instance of the frozen class, with the fields its __init__ sets (NaN aside, equal).
    assert same(value, back), (value, back)
    assert type(back) is cls and list(vars(back)) == list(vars(value))
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(back, dataclasses.fields(cls)[0].name, None)


def test_plain_fields_are_type_checked_like_the_others() -> None:
    # Plain fields skip their codec only for their exact type: the rest still goes through it.
    on = date(2026, 1, 2)
    assert to_wire(Inner(on, Level.HIGH, Colour.RED), Inner)["amount_cents"] == 2  # IntEnum → int
    assert type(to_wire(Inner(on, Level.HIGH, Colour.RED), Inner)["amount_cents"]) is int
    with pytest.raises(TypeError, match=r"Inner\.amount_cents"):
        to_wire(Inner(on, True, Colour.RED), Inner)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"Inner\.note"):
        to_wire(Inner(on, 1, Colour.RED, note=3), Inner)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"Inner\.colour"):
        to_wire(Inner(on, 1, "red"), Inner)  # type: ignore[arg-type]  # equal is not a member
    wire = {"on": "2026-01-02", "amount_cents": True, "colour": "red", "note": None}
    with pytest.raises(WireError) as info:
        from_wire(wire, Inner)
    assert info.value.path == "amount_cents"
    with pytest.raises(WireError) as info:
        from_wire({**wire, "amount_cents": 1, "note": 5}, Inner)
    assert info.value.path == "note"


@dataclass(frozen=True)
class Measured:
    cents: int
    ratio: float

    def __post_init__(self) -> None:
        if self.cents < 0:
            raise ValueError("négatif")


@dataclass(frozen=True)
class Tree:
    label: str
    children: list[Tree]


@dataclass(frozen=True, slots=True)
class Slotted:
    x: int


class OrderedDict(dict[str, Any]):
    pass


def test_what_the_compiled_codecs_hand_to_the_walk() -> None:
    # A dataclass with checks of its own is built through its __init__, so they still run.
    assert from_wire({"cents": 1, "ratio": 2}, Measured) == Measured(1, 2.0)
    assert type(from_wire({"cents": 1, "ratio": 2}, Measured).ratio) is float
    with pytest.raises(WireError, match="Measured refusé : négatif"):
        from_wire({"cents": -1, "ratio": 1.0}, Measured)
    # A tree, slots, a dict subclass, fields left out: the same values as in-process.
    tree = Tree("a", [Tree("b", []), Tree("c", [Tree("d", [])])])
    assert through_json(tree, Tree) == tree
    assert through_json(Slotted(3), Slotted) == Slotted(3)
    assert from_wire(OrderedDict(x=3), Slotted) == Slotted(3)
    inner = from_wire({"on": "2026-01-02", "amount_cents": 5, "colour": "red"}, Inner)
    assert inner == Inner(date(2026, 1, 2), 5, Colour.RED) and inner.note is None
    with pytest.raises(WireError, match="champ inconnu"):
        from_wire({"x": 1, "y": 2}, Slotted)
    with pytest.raises(WireError) as info:
        from_wire({"label": "a", "children": [{"label": "b", "children": [{"label": 1}]}]}, Tree)
    assert info.value.path == "children[0].children[0].label"


def test_first_use_from_many_threads_at_once() -> None:
    # Codecs are compiled on first use: threads racing for it all get whole, working ones.
    import threading

    @dataclass(frozen=True)
    class Fresh:
        a: int
        b: str | None
        c: list[Inner]

    value = Fresh(1, None, [Inner(date(2026, 1, 2), 3, Colour.GREEN)])
    wire = to_wire(value, Fresh)
    start = threading.Barrier(8)
    results: list[Any] = []

    def work() -> None:
        start.wait()
        results.append((to_wire(value, Fresh), from_wire(wire, Fresh)))

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [(wire, value)] * 8
