"""Type-driven JSON encoding of the facade's inputs and outputs, so they cross HTTP unchanged."""

from __future__ import annotations

import base64
import binascii
import dataclasses
import functools
import math
import operator
import types
import typing
from collections.abc import Callable
from datetime import date, datetime, time
from enum import Enum
from typing import Any, Literal, Union

# The wire format, by Python type (JSON on the left):
#   null ← None;  true/false ← bool;  number ← int (exact, no size limit here);
#   number or "NaN"/"Infinity"/"-Infinity" ← float (JSON has no non-finite numbers);
#   string ← str;  base64 string (RFC 4648, padded) ← bytes;
#   "YYYY-MM-DD" ← date;  "YYYY-MM-DDTHH:MM:SS[.ffffff]+HH:MM" ← datetime (aware only);
#   "HH:MM:SS[.ffffff][+HH:MM]" ← time;  the member's value ← Enum (str or int values);
#   array ← list, tuple, frozenset;  object ← dict (keys: str, int or enum, sent as strings);
#   object with one key per field ← frozen dataclass (nested as deep as needed).
# A union may only be "X | None": anything wider could not be decoded without guessing.

NON_FINITE = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}

Encoder = Callable[[Any], Any]
Decoder = Callable[[Any], Any]


class WireError(ValueError):
    """Data that does not match the type it should decode to; `path` locates it ("rows[2].on")."""

    def __init__(self, message: str, path: str = "") -> None:
        super().__init__(f"{path}: {message}" if path else message)
        self.reason = message
        self.path = path

    def within(self, step: str) -> WireError:
        path = step + ("" if not self.path or self.path.startswith("[") else ".") + self.path
        return WireError(self.reason, path)


def to_wire(value: Any, hint: Any) -> Any:
    """`value` (of type `hint`) as JSON-ready data; TypeError if it is not of that type."""
    return _codec(hint)[0](value)


def from_wire(data: Any, hint: Any) -> Any:
    """Decoded JSON data back as a value of type `hint`; WireError if it does not fit."""
    return _codec(hint)[1](data)


def encoder(hint: Any) -> Encoder:
    """to_wire for one hint, looked up once: for callers that encode the same type again and again."""
    return _codec(hint)[0]


def decoder(hint: Any) -> Decoder:
    """from_wire for one hint, looked up once (see `encoder`)."""
    return _codec(hint)[1]


def unsupported(hint: Any) -> list[str]:
    """Why `hint` (walked recursively, dataclass fields included) cannot cross; [] if it can."""
    problems: list[str] = []
    _walk(hint, problems, set(), _name(hint))
    return problems


def dataclass_hints(cls: type) -> dict[str, Any]:
    """The resolved type hints of a dataclass's init fields, in declaration order."""
    return dict(_dataclass_fields(cls))


# -- the walk (eager, for tests and start-up checks) ------------------------------------------


def _walk(hint: Any, problems: list[str], seen: set[Any], where: str) -> None:
    hint = _strip(hint)
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if hint in _SCALARS or hint is type(None) or hint is None:
        return
    if isinstance(hint, type) and issubclass(hint, Enum):
        bad = [m.name for m in hint if type(m.value) not in (str, int)]
        if bad:
            problems.append(f"{where}: enum {hint.__name__} has values neither str nor int")
        return
    if origin is Literal:
        if not all(type(a) in (str, int, bool) for a in args):
            problems.append(f"{where}: Literal values must be str, int or bool")
        return
    if _is_union(hint):
        others = [a for a in args if a is not type(None)]
        if len(others) != 1 or len(args) != 2:
            problems.append(f"{where}: union {_name(hint)} (only X | None can cross)")
            return
        _walk(others[0], problems, seen, where)
        return
    if origin in (list, frozenset) and len(args) == 1:
        _walk(args[0], problems, seen, f"{where}[]")
        return
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            _walk(args[0], problems, seen, f"{where}[]")
        elif args == ((),) or not args:
            problems.append(f"{where}: bare or empty tuple")
        else:
            for i, a in enumerate(args):
                _walk(a, problems, seen, f"{where}[{i}]")
        return
    if origin is dict and len(args) == 2:
        key = _strip(args[0])
        if not (key in (str, int) or (isinstance(key, type) and issubclass(key, Enum))):
            problems.append(f"{where}: dict key {_name(key)} (str, int or enum only)")
        _walk(args[1], problems, seen, f"{where}{{}}")
        return
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        if hint in seen:
            return
        seen.add(hint)
        if not hint.__dataclass_params__.frozen:  # type: ignore[attr-defined]
            problems.append(f"{where}: dataclass {hint.__name__} is not frozen")
        try:
            fields = _dataclass_fields(hint)
        except Exception as exc:
            problems.append(f"{where}: type hints of {hint.__name__} unreadable ({exc})")
            return
        for name, field_hint in fields:
            _walk(field_hint, problems, seen, f"{hint.__name__}.{name}")
        return
    problems.append(f"{where}: type {_name(hint)} cannot cross the wire")


# -- codecs, compiled once per hint ------------------------------------------------------------


_SCALARS: tuple[Any, ...] = (bool, int, float, str, bytes, date, datetime, time)


def _codec(hint: Any) -> tuple[Encoder, Decoder]:
    try:
        return _cached_codec(hint)
    except TypeError as exc:
        if "unhashable" not in str(exc):
            raise
        return _build(hint)


@functools.lru_cache(maxsize=4096)
def _cached_codec(hint: Any) -> tuple[Encoder, Decoder]:
    return _build(hint)


def _build(hint: Any) -> tuple[Encoder, Decoder]:
    hint = _strip(hint)
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if hint is None or hint is type(None):
        return _enc_none, _dec_none
    if hint in _SCALARS:
        return _SCALAR_CODECS[hint]
    if isinstance(hint, type) and issubclass(hint, Enum):
        return _enum_codec(hint)
    if origin is Literal:
        return _literal_codec(args)
    if _is_union(hint):
        others = [a for a in args if a is not type(None)]
        if len(others) != 1 or len(args) != 2:
            raise TypeError(f"union {_name(hint)} cannot cross the wire (only X | None)")
        return _optional_codec(others[0])
    if origin is list and len(args) == 1:
        return _sequence_codec(args[0], list, "list")
    if origin is frozenset and len(args) == 1:
        return _sequence_codec(args[0], frozenset, "frozenset")
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return _sequence_codec(args[0], tuple, "tuple")
    if origin is tuple and args and args != ((),):
        return _tuple_codec(args)
    if origin is dict and len(args) == 2:
        return _dict_codec(args[0], args[1])
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _dataclass_codec(hint)
    raise TypeError(f"type {_name(hint)} cannot cross the wire")


def _strip(hint: Any) -> Any:
    """Annotated[X, ...] → X; NewType → its base: neither changes the wire form."""
    while True:
        if typing.get_origin(hint) is typing.Annotated:
            hint = typing.get_args(hint)[0]
        elif isinstance(hint, typing.NewType):
            hint = hint.__supertype__
        else:
            return hint


def _is_union(hint: Any) -> bool:
    return typing.get_origin(hint) in (Union, types.UnionType)


def _name(hint: Any) -> str:
    if isinstance(hint, type) and not typing.get_args(hint):
        return hint.__name__
    return repr(hint).replace("typing.", "")


def _kind(data: Any) -> str:
    return {dict: "objet", list: "tableau", str: "texte", bool: "booléen"}.get(
        type(data), type(data).__name__
    )


def _expect(value: Any, cls: type | tuple[type, ...], what: str) -> None:
    if not isinstance(value, cls):
        raise TypeError(f"expected {what}, got {type(value).__name__}: {value!r:.80}")


# None


def _enc_none(value: Any) -> None:
    if value is not None:
        raise TypeError(f"expected None, got {type(value).__name__}")
    return None


def _dec_none(data: Any) -> None:
    if data is not None:
        raise WireError(f"null attendu, {_kind(data)} reçu")
    return None


# Scalars


def _enc_bool(value: Any) -> bool:
    _expect(value, bool, "bool")
    return bool(value)


def _dec_bool(data: Any) -> bool:
    if not isinstance(data, bool):
        raise WireError(f"booléen attendu, {_kind(data)} reçu")
    return data


def _enc_int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected int, got {type(value).__name__}: {value!r:.80}")
    return int(value)


def _dec_int(data: Any) -> int:
    # JSON has one number type: 3.0 is refused so that money never silently loses cents.
    if isinstance(data, bool) or not isinstance(data, int):
        raise WireError(f"entier attendu, {_kind(data)} reçu")
    return data


def _enc_float(value: Any) -> float | str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"expected float, got {type(value).__name__}: {value!r:.80}")
    number = float(value)
    if math.isnan(number):
        return "NaN"
    if math.isinf(number):
        return "Infinity" if number > 0 else "-Infinity"
    return number


def _dec_float(data: Any) -> float:
    if isinstance(data, str) and data in NON_FINITE:
        return NON_FINITE[data]
    if isinstance(data, bool) or not isinstance(data, int | float):
        raise WireError(f"nombre attendu, {_kind(data)} reçu")
    try:
        return float(data)
    except OverflowError:
        raise WireError("nombre hors limites") from None


def _enc_str(value: Any) -> str:
    _expect(value, str, "str")
    return str(value)


def _dec_str(data: Any) -> str:
    if not isinstance(data, str):
        raise WireError(f"texte attendu, {_kind(data)} reçu")
    return data


def _enc_bytes(value: Any) -> str:
    _expect(value, (bytes, bytearray, memoryview), "bytes")
    return base64.b64encode(bytes(value)).decode("ascii")


def _dec_bytes(data: Any) -> bytes:
    if not isinstance(data, str):
        raise WireError(f"texte base64 attendu, {_kind(data)} reçu")
    try:
        return base64.b64decode(data.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise WireError("base64 illisible") from None


def _enc_date(value: Any) -> str:
    if not isinstance(value, date) or isinstance(value, datetime):
        raise TypeError(f"expected date, got {type(value).__name__}: {value!r:.80}")
    return value.isoformat()


def _dec_date(data: Any) -> date:
    if not isinstance(data, str):
        raise WireError(f"date attendue, {_kind(data)} reçu")
    try:
        return date.fromisoformat(data)
    except ValueError:
        raise WireError(f"date illisible : {data!r:.40} (AAAA-MM-JJ attendu)") from None


def _enc_datetime(value: Any) -> str:
    _expect(value, datetime, "datetime")
    if value.tzinfo is None or value.utcoffset() is None:
        # A naive datetime means nothing on another machine: refuse rather than guess a zone.
        raise TypeError(f"naive datetime cannot cross the wire: {value!r}")
    return str(value.isoformat())


def _dec_datetime(data: Any) -> datetime:
    if not isinstance(data, str):
        raise WireError(f"date et heure attendues, {_kind(data)} reçu")
    try:
        value = datetime.fromisoformat(data)
    except ValueError:
        raise WireError(f"date et heure illisibles : {data!r:.40}") from None
    if value.tzinfo is None:
        raise WireError(f"date et heure sans fuseau : {data!r:.40}")
    return value


def _enc_time(value: Any) -> str:
    _expect(value, time, "time")
    return str(value.isoformat())


def _dec_time(data: Any) -> time:
    if not isinstance(data, str):
        raise WireError(f"heure attendue, {_kind(data)} reçu")
    try:
        return time.fromisoformat(data)
    except ValueError:
        raise WireError(f"heure illisible : {data!r:.40}") from None


_SCALAR_CODECS: dict[Any, tuple[Encoder, Decoder]] = {
    bool: (_enc_bool, _dec_bool),
    int: (_enc_int, _dec_int),
    float: (_enc_float, _dec_float),
    str: (_enc_str, _dec_str),
    bytes: (_enc_bytes, _dec_bytes),
    date: (_enc_date, _dec_date),
    datetime: (_enc_datetime, _dec_datetime),
    time: (_enc_time, _dec_time),
}


# Enums and literals


def _enum_codec(cls: type[Enum]) -> tuple[Encoder, Decoder]:
    kinds = {type(m.value) for m in cls}
    if not kinds <= {str, int}:
        raise TypeError(f"enum {cls.__name__} has values neither str nor int")
    # Keyed by the value's exact type too: JSON true (== 1) must not become the member whose
    # value is 1, nor "1" the member whose value is 1.
    by_value = {(type(m.value), m.value): m for m in cls}

    def encode(value: Any) -> Any:
        # `_value_` is the attribute that Enum.value, a Python-level property, reads.
        if type(value) is not cls and not isinstance(value, cls):
            raise TypeError(f"expected {cls.__name__}, got {type(value).__name__}: {value!r:.80}")
        return value._value_

    def decode(data: Any) -> Any:
        try:
            return by_value[type(data), data]
        except (KeyError, TypeError):
            raise WireError(f"valeur inconnue pour {cls.__name__} : {data!r:.40}") from None

    return encode, decode


def _literal_codec(values: tuple[Any, ...]) -> tuple[Encoder, Decoder]:
    allowed = [(type(v), v) for v in values]

    def encode(value: Any) -> Any:
        if (type(value), value) not in allowed:
            raise TypeError(f"expected one of {values!r}, got {value!r:.80}")
        return value

    def decode(data: Any) -> Any:
        if (type(data), data) not in allowed:
            raise WireError(f"valeur non permise : {data!r:.40}")
        return data

    return encode, decode


def _optional_codec(inner: Any) -> tuple[Encoder, Decoder]:
    enc, dec = _codec(inner)

    def encode(value: Any) -> Any:
        return None if value is None else enc(value)

    def decode(data: Any) -> Any:
        return None if data is None else dec(data)

    return encode, decode


# Containers


def _sequence_codec(item: Any, build: Callable[[Any], Any], what: str) -> tuple[Encoder, Decoder]:
    enc, dec = _codec(item)
    container = {"list": list, "tuple": tuple, "frozenset": frozenset}[what]

    def encode(value: Any) -> list[Any]:
        _expect(value, container, what)
        return [enc(v) for v in value]

    def decode(data: Any) -> Any:
        if not isinstance(data, list):
            raise WireError(f"tableau attendu, {_kind(data)} reçu")
        try:
            return build([dec(v) for v in data])
        except WireError:
            pass
        # Decode again, item by item, only to say which one is wrong.
        for i, v in enumerate(data):
            try:
                dec(v)
            except WireError as exc:
                raise exc.within(f"[{i}]") from None
        raise AssertionError("unreachable")  # pragma: no cover - the decoders are pure

    return encode, decode


def _tuple_codec(items: tuple[Any, ...]) -> tuple[Encoder, Decoder]:
    codecs = [_codec(i) for i in items]

    def encode(value: Any) -> list[Any]:
        _expect(value, tuple, "tuple")
        if len(value) != len(codecs):
            raise TypeError(f"expected a tuple of {len(codecs)}, got {len(value)} items")
        return [c[0](v) for c, v in zip(codecs, value, strict=True)]

    def decode(data: Any) -> tuple[Any, ...]:
        if not isinstance(data, list) or len(data) != len(codecs):
            raise WireError(f"tableau de {len(codecs)} éléments attendu")
        out = []
        for i, (c, v) in enumerate(zip(codecs, data, strict=True)):
            try:
                out.append(c[1](v))
            except WireError as exc:
                raise exc.within(f"[{i}]") from None
        return tuple(out)

    return encode, decode


def _dict_codec(key: Any, value_hint: Any) -> tuple[Encoder, Decoder]:
    key = _strip(key)
    enc_v, dec_v = _codec(value_hint)
    enc_k: Callable[[Any], str]
    dec_k: Callable[[str], Any]
    if key is str:
        enc_k, dec_k = _enc_str, _dec_str
    elif key is int:

        def enc_k(k: Any) -> str:
            return str(_enc_int(k))

        def dec_k(k: str) -> Any:
            try:
                return int(k)
            except ValueError:
                raise WireError(f"clé entière attendue : {k!r:.40}") from None

    elif isinstance(key, type) and issubclass(key, Enum):
        enc_e, dec_e = _enum_codec(key)
        int_valued = all(type(m.value) is int for m in key)

        def enc_k(k: Any) -> str:
            return str(enc_e(k))

        def dec_k(k: str) -> Any:
            if int_valued:
                try:
                    return dec_e(int(k))
                except ValueError:
                    raise WireError(f"clé inconnue : {k!r:.40}") from None
            return dec_e(k)

    else:
        raise TypeError(f"dict key {_name(key)} cannot cross the wire (str, int or enum)")

    def encode(value: Any) -> dict[str, Any]:
        _expect(value, dict, "dict")
        return {enc_k(k): enc_v(v) for k, v in value.items()}

    def decode(data: Any) -> dict[Any, Any]:
        if not isinstance(data, dict):
            raise WireError(f"objet attendu, {_kind(data)} reçu")
        out = {}
        for k, v in data.items():
            try:
                out[dec_k(k)] = dec_v(v)
            except WireError as exc:
                raise exc.within(f"[{k!r:.40}]") from None
        return out

    return encode, decode


# Dataclasses


@functools.lru_cache(maxsize=1024)
def _dataclass_fields(cls: type) -> tuple[tuple[str, Any], ...]:
    hints = typing.get_type_hints(cls, include_extras=True)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls) if f.init)


# The exact types a field's value may have to be copied as is, its codec being the identity for
# them: one type test instead of a call per field, for the common case (a str, int, None…).
_ENCODED_AS_IS: dict[Any, frozenset[type]] = {
    str: frozenset({str}),
    int: frozenset({int}),  # not bool: its encoder refuses True where an int is expected
    bool: frozenset({bool}),
}
_DECODED_AS_IS: dict[Any, frozenset[type]] = {
    **_ENCODED_AS_IS,
    float: frozenset({float}),  # not int: 2 decodes to 2.0
}
_NONE_TYPE = frozenset({type(None)})


def _as_is(hint: Any, table: dict[Any, frozenset[type]]) -> frozenset[type]:
    """The exact types that `hint`'s codec (from `table`) passes through unchanged."""
    hint = _strip(hint)
    if hint is None or hint is type(None):
        return _NONE_TYPE
    if _is_union(hint):
        args = typing.get_args(hint)
        others = [a for a in args if a is not type(None)]
        if len(others) == 1 and len(args) == 2:
            return _NONE_TYPE | _as_is(others[0], table)
        return frozenset()
    return table.get(hint, frozenset())


@dataclasses.dataclass(frozen=True)
class _Field:
    name: str
    encode: Encoder
    decode: Decoder
    encoded_as_is: frozenset[type]
    decoded_as_is: frozenset[type]
    optional: bool  # has a default: may be left out on the wire


_ABSENT = object()


def _dataclass_codec(cls: type) -> tuple[Encoder, Decoder]:
    """A dataclass's codec: a function written for it (_compile), and a field-by-field walk.

    The walk (`checked_encode`, `checked_decode`) says which field is wrong and how; the
    compiled functions handle the well-formed value with no loop and no call per plain field,
    and hand anything else to the walk, so errors are the walk's, word for word.
    """
    if not cls.__dataclass_params__.frozen:  # type: ignore[attr-defined]
        raise TypeError(f"dataclass {cls.__name__} is not frozen")
    names = tuple(f.name for f in dataclasses.fields(cls) if f.init)
    known = frozenset(names)
    values_of = _getter(names)
    restorable = _restorable(cls, names)
    # Field codecs are built on first use so that a dataclass may contain itself (a tree).
    # Built whole, then published: a thread never sees half of them.
    specs: tuple[_Field, ...] | None = None
    compiled: tuple[Encoder, Decoder] | None = None

    def fields() -> tuple[_Field, ...]:
        nonlocal specs
        if specs is None:
            defaults = {
                f.name
                for f in dataclasses.fields(cls)
                if f.default is not dataclasses.MISSING
                or f.default_factory is not dataclasses.MISSING
            }
            built = []
            for name, hint in _dataclass_fields(cls):
                enc, dec = _codec(hint)
                built.append(
                    _Field(
                        name,
                        enc,
                        dec,
                        _as_is(hint, _ENCODED_AS_IS),
                        _as_is(hint, _DECODED_AS_IS),
                        name in defaults,
                    )
                )
            specs = tuple(built)
        return specs

    def construct(kwargs: dict[str, Any]) -> Any:
        if restorable and len(kwargs) == len(names):
            instance: Any = object.__new__(cls)
            instance.__dict__.update(kwargs)
            return instance
        try:
            return cls(**kwargs)
        except (TypeError, ValueError) as exc:
            # __post_init__ checks of the dataclass itself.
            raise WireError(f"{cls.__name__} refusé : {exc}") from None

    def checked_encode(value: Any) -> dict[str, Any]:
        if type(value) is not cls:
            raise TypeError(f"expected {cls.__name__}, got {type(value).__name__}")
        out = {}
        for spec, v in zip(fields(), values_of(value), strict=True):
            if type(v) in spec.encoded_as_is:
                out[spec.name] = v
                continue
            try:
                out[spec.name] = spec.encode(v)
            except TypeError as exc:
                raise TypeError(f"{cls.__name__}.{spec.name}: {exc}") from None
        return out

    def checked_decode(data: Any) -> Any:
        if not isinstance(data, dict):
            raise WireError(f"objet {cls.__name__} attendu, {_kind(data)} reçu")
        if not known.issuperset(data):
            unknown = data.keys() - known
            raise WireError(f"champ inconnu : {sorted(map(str, unknown))[0]!r:.40}")
        kwargs = {}
        for spec in fields():
            v = data.get(spec.name, _ABSENT)
            if v is _ABSENT:
                if spec.optional:
                    continue
                raise WireError("champ manquant", spec.name)
            if type(v) in spec.decoded_as_is:
                kwargs[spec.name] = v
                continue
            try:
                kwargs[spec.name] = spec.decode(v)
            except WireError as exc:
                raise exc.within(spec.name) from None
        return construct(kwargs)

    def codecs() -> tuple[Encoder, Decoder]:
        nonlocal compiled
        if compiled is None:
            compiled = _compile(
                cls, fields(), values_of, known, construct, checked_encode, checked_decode
            )
        return compiled

    def encode(value: Any) -> dict[str, Any]:
        result: dict[str, Any] = (compiled or codecs())[0](value)
        return result

    def decode(data: Any) -> Any:
        return (compiled or codecs())[1](data)

    return encode, decode


def _compile(
    cls: type,
    fields: tuple[_Field, ...],
    values_of: Callable[[Any], tuple[Any, ...]],
    known: frozenset[str],
    construct: Callable[[dict[str, Any]], Any],
    checked_encode: Encoder,
    checked_decode: Decoder,
) -> tuple[Encoder, Decoder]:
    """The encoder and decoder of one dataclass, written out field by field and compiled.

    As dataclasses writes __init__: straight-line code, a plain field (str, int, None…)
    costing one type test. For `Alert(kind: AlertKind, on: date | None, count: int)`:

        def encode(value):
            if type(value) is not cls:
                return checked_encode(value)
            try:
                v0, v1, v2 = values_of(value)
                v0 = enc0(v0)
                if v1 is not None: v1 = enc1(v1)
                if type(v2) is not T2: v2 = enc2(v2)
                return {'kind': v0, 'on': v1, 'count': v2}
            except TypeError:
                return checked_encode(value)

    and the decoder alike (a missing key, a WireError: checked_decode). The generated text
    holds only identifiers of its own and the fields' names as literals (repr).
    """
    scope: dict[str, Any] = {
        "cls": cls,
        "values_of": values_of,
        "known": known,
        "construct": construct,
        "checked_encode": checked_encode,
        "checked_decode": checked_decode,
        "WireError": WireError,
    }
    unpack = "".join(f"v{i}, " for i in range(len(fields)))
    built = "{" + ", ".join(f"{f.name!r}: v{i}" for i, f in enumerate(fields)) + "}"
    encode = [
        "def encode(value):",
        "    if type(value) is not cls:",
        "        return checked_encode(value)",
        "    try:",
    ]
    decode = [
        "def decode(data):",
        "    if type(data) is not dict or not known.issuperset(data):",
        "        return checked_decode(data)",
        "    try:",
    ]
    if fields:
        encode.append(f"        {unpack}= values_of(value)")
    for i, f in enumerate(fields):
        scope[f"enc{i}"], scope[f"dec{i}"] = f.encode, f.decode
        encode.append("        " + _convert(f"v{i}", f.encoded_as_is, f"enc{i}", scope))
        decode.append(f"        v{i} = data[{f.name!r}]")
        decode.append("        " + _convert(f"v{i}", f.decoded_as_is, f"dec{i}", scope))
    encode += [
        f"        return {built}",
        "    except TypeError:",
        "        return checked_encode(value)  # raises, naming the field",
    ]
    decode += [
        "    except (KeyError, WireError):",
        "        return checked_decode(data)  # a default to fill in, or the error naming the field",
        f"    return construct({built})",
    ]
    source = "\n".join(encode) + "\n\n" + "\n".join(decode) + "\n"
    exec(compile(source, f"<wire codec of {cls.__module__}.{cls.__qualname__}>", "exec"), scope)
    return scope["encode"], scope["decode"]


def _convert(var: str, as_is: frozenset[type], fn: str, scope: dict[str, Any]) -> str:
    """The line applying codec `fn` to `var` unless its type is one passed as is."""
    others = as_is - _NONE_TYPE
    if len(others) > 1:
        scope[f"as_is_{var}"] = as_is
        return f"if type({var}) not in as_is_{var}: {var} = {fn}({var})"
    tests = [f"{var} is not None"] if type(None) in as_is else []
    if others:
        (kind,) = others
        scope[f"T_{var}"] = kind
        tests.append(f"type({var}) is not T_{var}")
    if not tests:
        return f"{var} = {fn}({var})"
    return f"if {' and '.join(tests)}: {var} = {fn}({var})"


def _restorable(cls: type, names: tuple[str, ...]) -> bool:
    """Whether an instance may be built from all its field values as pickle and copy do.

    A frozen dataclass's __init__ sets each field through object.__setattr__, most of the
    cost of decoding it. When that __init__ does nothing else (the one dataclass wrote, no
    __post_init__, every field an init field, instances with a __dict__), filling the
    __dict__ of a bare instance gives the same object, as unpickling does.
    """
    fields = dataclasses.fields(cls)
    # The __init__ that dataclasses compiled from a string, not one written by hand.
    init_code = getattr(cls.__dict__.get("__init__"), "__code__", None)
    return not (
        not cls.__dataclass_params__.init  # type: ignore[attr-defined]
        or init_code is None
        or init_code.co_filename != "<string>"
        or hasattr(cls, "__post_init__")
        or hasattr(cls, "__slots__")
        or any(not f.init for f in fields)
        or tuple(f.name for f in fields) != names
    )


def _getter(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """The values of the attributes `names` of an object, as a tuple, in one C call."""
    if not names:
        return lambda _value: ()
    if len(names) == 1:
        one = operator.attrgetter(names[0])
        return lambda value: (one(value),)
    return operator.attrgetter(*names)
