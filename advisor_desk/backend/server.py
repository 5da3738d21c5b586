"""The backend facade served over HTTP+JSON (FastAPI, uvicorn): one generic route per service method."""

from __future__ import annotations

import dataclasses
import inspect
import ipaddress
import json
import logging
import math
import os
import socket
import sys
import time
import types
import typing
import uuid
from collections.abc import Awaitable, Callable, Coroutine, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from datetime import time as time_of_day
from enum import Enum
from typing import Annotated, Any, Literal

import orjson
from fastapi import Depends, FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    WithJsonSchema,
)
from pydantic import create_model as pydantic_create_model
from sqlalchemy import Engine, event, text
from sqlalchemy.exc import DataError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from advisor_desk import __version__
from advisor_desk.domain.enums import AuditOutcome
from advisor_desk.domain.errors import (
    AdvisorDeskError,
    AuthError,
    BackendUnavailable,
    ConflictError,
    NotFound,
    PermissionDenied,
    ValidationError,
)

from . import migrate
from .engine import ENV_VAR, describe, is_sqlite, make_engine, session_scope
from .facade import SERVICES, Backend
from .service import AdvisorInfo, ApiInfo, api_info, api_methods, write_audit
from .wire import Decoder, WireError, decoder, encoder, to_wire

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 1 << 20  # 1 MiB: far above any form; refused before it is parsed
STATEMENT_TIMEOUT_MS = 15_000  # below the client's 30 s read timeout, so the client sees a 503
IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000
KEEP_ALIVE_S = 15
MAX_CONCURRENT_CONNECTIONS = 500  # beyond this uvicorn answers 503 rather than queueing forever
INT64 = (-(2**63), 2**63 - 1)

# uvicorn settings of `serve` (the test server uses them too, so tests see what production runs).
UVICORN_OPTIONS: dict[str, Any] = {
    "timeout_keep_alive": KEEP_ALIVE_S,
    "timeout_graceful_shutdown": 20,
    "limit_concurrency": MAX_CONCURRENT_CONNECTIONS,
    "h11_max_incomplete_event_size": 64 * 1024,  # request line and headers
    "server_header": False,
}

INTERNAL_ERROR = (
    "Erreur interne du serveur (incident {incident}) : l'opération n'a pas abouti. "
    "Réessayez ; si cela se reproduit, signalez ce numéro d'incident au support."
)

# Most specific first: the first class in an error's MRO found here gives its HTTP status.
STATUS_BY_ERROR: dict[type[AdvisorDeskError], int] = {
    AuthError: 401,
    PermissionDenied: 403,
    NotFound: 404,
    ConflictError: 409,
    ValidationError: 422,
    BackendUnavailable: 503,
    AdvisorDeskError: 400,
}


def status_of(exc: AdvisorDeskError) -> int:
    for cls in type(exc).__mro__:
        if cls in STATUS_BY_ERROR:
            return STATUS_BY_ERROR[cls]
    return 400


# -- error payloads --------------------------------------------------------------------------


class ErrorDetail(BaseModel):
    code: str = Field(description="auth, permission, not_found, conflict, validation, unavailable…")
    message: str = Field(description="en français, à montrer tel quel au conseiller")
    field: str | None = Field(default=None, description="le paramètre en cause, s'il y en a un")


class ErrorPayload(BaseModel):
    """Every refusal, whatever the status: the client raises the same exception class."""

    error: ErrorDetail


class LoginRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    login: Annotated[StrictStr, Field(max_length=200, pattern=r"^[^\x00]*$")]
    password: Annotated[StrictStr, Field(max_length=1000, pattern=r"^[^\x00]*$")]


class _JSONResponse(JSONResponse):
    def render(self, content: Any) -> bytes:
        return _dumps(content)


# The standard encoder, for what orjson refuses (one encoder: json.dumps with options would
# build one per call). ensure_ascii: no string the wire lets through can then fail to encode.
_JSON_ENCODER = json.JSONEncoder(ensure_ascii=True, allow_nan=False, separators=(",", ":"))
# Only JSON's own types reach _dumps (the wire codecs made them); a date or a dataclass that
# slipped through must fail as with the standard encoder, not be written out by orjson.
_ORJSON_OPTIONS = orjson.OPT_PASSTHROUGH_DATACLASS | orjson.OPT_PASSTHROUGH_DATETIME


def _dumps(content: Any) -> bytes:
    """Compact JSON in UTF-8: orjson (a 15 kB result: 0.02 ms instead of 0.19 on the 2-core
    machine); the standard encoder for the rest (a lone surrogate, an integer over 64 bits).
    Floats are finite here: the wire sends NaN and the infinities as strings."""
    try:
        return orjson.dumps(content, option=_ORJSON_OPTIONS)
    except orjson.JSONEncodeError:
        return _JSON_ENCODER.encode(content).encode("ascii")


def error_response(
    status: int,
    code: str,
    message: str,
    field: str | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    body = {"error": {"code": code, "message": message, "field": field}}
    return _JSONResponse(body, status_code=status, headers=headers)


def _error_of(exc: AdvisorDeskError) -> Response:
    status = status_of(exc)
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return error_response(status, exc.code, exc.message, getattr(exc, "field", None), headers)


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorPayload, "description": "Session absente, inconnue, expirée ou fermée"},
    403: {"model": ErrorPayload, "description": "Droit manquant pour ce profil (refus audité)"},
    404: {"model": ErrorPayload, "description": "Objet inconnu"},
    409: {"model": ErrorPayload, "description": "Conflit : quelqu'un d'autre a modifié l'objet"},
    413: {"model": ErrorPayload, "description": "Requête trop volumineuse"},
    422: {"model": ErrorPayload, "description": "Paramètre refusé (`field` le nomme)"},
    500: {"model": ErrorPayload, "description": "Erreur interne (journalisée côté serveur)"},
    503: {"model": ErrorPayload, "description": "Base de données injoignable ou trop lente"},
}


@contextmanager
def _guard(action: str) -> Iterator[None]:
    """Typed errors pass; database trouble becomes 503/422; anything else is logged, never shown."""
    try:
        yield
    except AdvisorDeskError:
        raise
    except WireError as exc:
        raise ValidationError(f"Paramètre refusé : {exc.reason}", exc.path or None) from None
    except (OperationalError, PoolTimeout):
        # Lost connection, statement timeout, pool exhausted: all "try again later".
        log.warning("%s: database unavailable", action, exc_info=True)
        raise BackendUnavailable(
            "La base de données ne répond pas ou trop lentement : réessayez dans un instant."
        ) from None
    except (DataError, OverflowError):  # an input the database or the arithmetic cannot hold
        log.info("%s: value refused by the database", action, exc_info=True)
        raise ValidationError(
            "Valeur refusée par la base de données (hors limites ou caractère interdit)."
        ) from None
    except Exception:
        incident = uuid.uuid4().hex[:8]
        log.exception("%s: internal error (incident %s)", action, incident)
        raise _InternalError(incident) from None


class _InternalError(Exception):
    def __init__(self, incident: str) -> None:
        super().__init__(incident)
        self.incident = incident


# -- pydantic models describing the wire form (for validation and /openapi.json) -------------


_WIRE_STR = Annotated[StrictStr, Field(pattern=r"^[^\x00]*$")]  # PostgreSQL text has no NUL
_WIRE_INT = Annotated[StrictInt, Field(ge=INT64[0], le=INT64[1])]  # what a BIGINT column holds
_WIRE_SCALARS: dict[Any, Any] = {
    bool: StrictBool,
    int: _WIRE_INT,
    float: StrictFloat | StrictInt | Literal["NaN", "Infinity", "-Infinity"],
    str: _WIRE_STR,
    bytes: Annotated[
        StrictStr, WithJsonSchema({"type": "string", "contentEncoding": "base64", "format": "byte"})
    ],
    date: Annotated[StrictStr, WithJsonSchema({"type": "string", "format": "date"})],
    datetime: Annotated[StrictStr, WithJsonSchema({"type": "string", "format": "date-time"})],
    time_of_day: Annotated[StrictStr, WithJsonSchema({"type": "string", "format": "time"})],
}
_models: dict[type, type[BaseModel]] = {}


def wire_model(hint: Any) -> Any:
    """The pydantic annotation of `hint`'s wire form (see wire.py), nested models named as the dataclasses."""
    while typing.get_origin(hint) is Annotated:
        hint = typing.get_args(hint)[0]
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if hint is None or hint is type(None):
        return None
    if hint in _WIRE_SCALARS:
        return _WIRE_SCALARS[hint]
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint  # validated against its values, documented as a named component
    if origin is Literal:
        return hint
    if origin in (typing.Union, types.UnionType):
        return typing.Optional[wire_model(next(a for a in args if a is not type(None)))]  # noqa: UP045
    if origin in (list, frozenset) or (origin is tuple and len(args) == 2 and args[1] is Ellipsis):
        return list[wire_model(args[0])]  # type: ignore[misc]
    if origin is tuple:
        return tuple[tuple(wire_model(a) for a in args)]  # type: ignore[misc]
    if origin is dict:
        return dict[str, wire_model(args[1])]  # type: ignore[misc]
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _dataclass_model(hint)
    raise TypeError(f"type {hint!r} cannot cross the wire")


def _dataclass_model(cls: type) -> type[BaseModel]:
    model = _models.get(cls)
    if model is None:
        hints = typing.get_type_hints(cls)
        fields: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            if not f.init:
                continue
            if f.default is not dataclasses.MISSING:
                default = to_wire(f.default, hints[f.name])
            elif f.default_factory is not dataclasses.MISSING:
                default = to_wire(f.default_factory(), hints[f.name])
            else:
                default = ...
            fields[f.name] = _field(hints[f.name], default)
        model = pydantic_create_model(  # type: ignore[call-overload]
            cls.__name__,
            __config__=ConfigDict(extra="forbid"),
            __doc__=(cls.__doc__ or "").strip() or None,
            __module__=cls.__module__,
            **fields,
        )
        _models[cls] = model
    return model


def _field(hint: Any, default: Any) -> tuple[Any, Any]:
    if default is ...:
        return (wire_model(hint), ...)
    # The default is in wire form: validating it turns an enum's value into the member.
    return (wire_model(hint), Field(default=default, validate_default=True))


def _camel(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("_"))


def request_model(service: str, method: str, fn: Callable[..., Any]) -> type[BaseModel] | None:
    """The JSON body of one method: its named parameters (None when it takes none)."""
    hints = typing.get_type_hints(fn)
    fields: dict[str, Any] = {}
    for p in list(inspect.signature(fn).parameters.values())[1:]:
        default = ... if p.default is inspect.Parameter.empty else to_wire(p.default, hints[p.name])
        fields[p.name] = _field(hints[p.name], default)
    if not fields:
        return None
    model: type[BaseModel] = pydantic_create_model(  # type: ignore[call-overload]
        f"{_camel(service)}{_camel(method)}Request",
        __config__=ConfigDict(extra="forbid"),
        **fields,
    )
    return model


# -- the application -------------------------------------------------------------------------


_bearer = HTTPBearer(
    auto_error=False,
    description="Le jeton rendu par POST /api/login (expire après inactivité).",
)


def _backend_of(request: Request) -> Backend:
    backend: Backend | None = request.app.state.backend
    if backend is None:
        raise BackendUnavailable("Serveur en cours de démarrage : réessayez dans un instant.")
    return backend


def _refuse_missing_token(backend: Backend, action: str) -> None:
    with _guard(action), session_scope(backend.engine) as s:
        write_audit(
            s,
            advisor_id=None,
            login="?",
            action=action,
            outcome=AuditOutcome.REFUSED,
            detail="jeton absent",
        )
    raise AuthError("Session absente : connectez-vous.")


Serve = Callable[[Request], Awaitable[Response]]


def _route(app: FastAPI, service: str, method: str, fn: Callable[..., Any], info: ApiInfo) -> Serve:
    """Registers one facade method's route (described in /openapi.json); returns its handler."""
    action = f"{service}.{method}"
    hints = typing.get_type_hints(fn)
    parameters = list(inspect.signature(fn).parameters.values())[1:]
    params = _Params(
        hints={p.name: hints[p.name] for p in parameters},
        required=frozenset(p.name for p in parameters if p.default is inspect.Parameter.empty),
        decoders={p.name: decoder(hints[p.name]) for p in parameters},
    )
    result_hint = hints.get("return", type(None))
    encode_result = encoder(result_hint)
    body_model = request_model(service, method, fn)

    def call(
        backend: Backend, token: str | None, body: bytes, content_type: str | None
    ) -> Response:
        """Everything that blocks, in one worker thread: check the token, decode, call, encode."""
        with _guard(action):
            # The token first: a call without a live one learns nothing about the parameters.
            if not token:
                _refuse_missing_token(backend, action)
            assert token is not None
            bound = backend.resume(token, action=action)  # audits a refused token
            kwargs = _decode_body(body, content_type, params) if params.hints else {}
            result = getattr(getattr(bound, service), method)(**kwargs)
            return Response(_dumps(encode_result(result)), media_type="application/json")

    async def serve(request: Request) -> Response:
        # One hop to the thread pool per call: on a busy machine each hand-over between
        # threads waits for a CPU, and that dominated the latency.
        backend = _backend_of(request)
        headers = request.headers
        # Already read, and capped, by LimitsMiddleware; a method without parameters ignores it.
        body = await request.body() if params.hints else b""
        return await run_in_threadpool(
            call, backend, _bearer_token(headers), body, headers.get("content-type")
        )

    async def endpoint(**_described: Any) -> Response:  # pragma: no cover - never called
        raise AssertionError("served by _MethodRoute")

    # /openapi.json is what FastAPI reads from this signature (the bearer token, the body
    # model); calls are served by `serve`, which decodes the body itself (_decode_body, as
    # strict as the model) instead of FastAPI's per-call dependency resolution and pydantic
    # validation (callgrind: a sixth fewer instructions per call on top of the facade's own).
    kw = inspect.Parameter.KEYWORD_ONLY
    signature = [
        inspect.Parameter(
            "credentials",
            kw,
            annotation=HTTPAuthorizationCredentials | None,
            default=Depends(_bearer),
        )
    ]
    if body_model is not None:
        signature.append(inspect.Parameter("body", kw, annotation=body_model))
    endpoint.__signature__ = inspect.Signature(signature, return_annotation=Response)  # type: ignore[attr-defined]
    endpoint.serve = serve  # type: ignore[attr-defined]

    doc = inspect.getdoc(fn) or ""
    rights = (
        "Droit requis : "
        + " ou ".join(f"`{p.value}`" for p in info.permissions)
        + "."
        + (" Lecture seule : le client peut réessayer." if info.readonly else "")
    )
    result_model = wire_model(result_hint)
    responses = dict(ERROR_RESPONSES)
    if result_model is None:
        responses[200] = {
            "description": "Fait (pas de résultat)",
            "content": {"application/json": {"schema": {"type": "null"}}},
        }
    app.router.add_api_route(  # FastAPI.add_api_route does not take route_class_override
        f"/api/{service}/{method}",
        endpoint,
        methods=["POST"],
        response_model=result_model,
        responses=responses,
        operation_id=action,
        summary=doc.splitlines()[0] if doc else action,
        description=f"{doc}\n\n{rights}".strip(),
        tags=[service],
        route_class_override=_MethodRoute,
    )
    return serve


class _MethodRoute(APIRoute):
    """A facade method's route: described by FastAPI from its endpoint's signature, served by
    the endpoint's `serve` (FastAPI's own handler would resolve and validate that signature)."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        serve: Callable[[Request], Coroutine[Any, Any, Response]] = self.endpoint.serve  # type: ignore[attr-defined]
        return serve


@dataclasses.dataclass(frozen=True)
class _Params:
    hints: dict[str, Any]  # a method's parameters (self excepted), in order, with their types
    required: frozenset[str]  # those without a default
    decoders: dict[str, Decoder]  # from_wire for each of them


def _bearer_token(headers: Headers) -> str | None:
    """The token of `Authorization: Bearer <token>`; None otherwise (read as HTTPBearer does)."""
    authorization = headers.get("authorization")
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    token = token.strip()
    if not token or scheme.lower() != "bearer":
        return None
    return token


def _is_json(content_type: str | None) -> bool:
    kind = (content_type or "").partition(";")[0].strip().lower()
    return kind == "application/json" or (
        kind.startswith("application/") and kind.endswith("+json")
    )


def _refuse_constant(literal: str) -> Any:
    raise ValueError(f"{literal} is not JSON")  # NaN, Infinity: Python's json takes them


def _finite(literal: str) -> float:
    number = float(literal)
    if math.isinf(number):  # 1e400: no double holds it
        raise ValueError(f"{literal} is out of range")
    return number


# One decoder for every request body (json.loads with options would build one per call).
_JSON_DECODER = json.JSONDecoder(parse_constant=_refuse_constant, parse_float=_finite)


def _decode_body(body: bytes, content_type: str | None, params: _Params) -> dict[str, Any]:
    """A call's keyword arguments from its JSON body; ValidationError naming what is wrong.

    As strict as the request model /openapi.json describes: a JSON object, each parameter
    decoded by from_wire from its type hint (exact JSON types, no coercion, no unknown field
    in nested objects), text without NUL or lone surrogates and integers a BIGINT holds
    (_check_storable), every parameter without a default present, no unknown one. Errors
    come in that order, the first one is reported (as pydantic would).
    """
    if not body:
        raise ValidationError("Corps de requête JSON manquant.")
    if not _is_json(content_type):
        raise ValidationError(
            "Requête refusée : corps JSON attendu (Content-Type: application/json)."
        )
    try:
        data = _JSON_DECODER.decode(body.decode("utf-8"))
    except (ValueError, RecursionError):  # JSONDecodeError, UnicodeDecodeError, digit limit
        raise ValidationError("Corps de requête JSON illisible.") from None
    if not isinstance(data, dict):
        raise ValidationError("Requête refusée : objet JSON attendu.")
    kwargs: dict[str, Any] = {}
    for name, decode in params.decoders.items():
        if name not in data:
            if name in params.required:
                raise ValidationError(f"Paramètre « {name} » manquant.", name)
            continue  # the method's own default
        try:
            _check_storable(data[name])
            kwargs[name] = decode(data[name])
        except WireError as exc:
            path = exc.within(name).path
            raise ValidationError(f"Paramètre « {path} » refusé : {exc.reason}.", path) from None
    if len(kwargs) != len(data):
        unknown = next(name for name in data if name not in params.hints)
        raise ValidationError(f"Paramètre « {unknown} » inconnu.", unknown)
    return kwargs


def _check_storable(data: Any) -> None:
    """WireError for what JSON lets through but a database column cannot hold.

    Text with NUL (PostgreSQL refuses it) or a lone surrogate (not UTF-8), integers outside
    64 bits. Iterative: a deeply nested body must not exhaust the stack.
    """
    pending: list[tuple[Any, str]] = [(data, "")]
    while pending:
        value, path = pending.pop()
        kind = type(value)
        if kind is str:
            if not _storable_text(value):
                raise WireError("texte avec un caractère interdit (nul ou Unicode invalide)", path)
        elif kind is int:
            if not INT64[0] <= value <= INT64[1]:
                raise WireError("entier hors limites (64 bits)", path)
        elif kind is list:
            pending.extend((v, f"{path}[{i}]") for i, v in enumerate(value))
        elif kind is dict:
            for key, v in value.items():
                if not _storable_text(key):
                    raise WireError(
                        "clé avec un caractère interdit (nul ou Unicode invalide)", path
                    )
                pending.append((v, f"{path}.{key}" if path else key))


def _storable_text(text: str) -> bool:
    if "\x00" in text:
        return False
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate, which "\\ud800" in JSON gives
        return False
    return True


def create_app(backend: Backend | None) -> FastAPI:
    """The ASGI application over one Backend (`app.state.backend`, which tests may swap)."""
    app = FastAPI(
        title="advisor-desk",
        version=__version__,
        description=(
            "Le backend d'advisor-desk en HTTP+JSON : chaque méthode de service est "
            "`POST /api/{service}/{méthode}` avec ses paramètres nommés en JSON. "
            "Connexion par `POST /api/login`, puis `Authorization: Bearer <jeton>`."
        ),
        docs_url=None,  # Swagger UI loads scripts from a CDN: not on a server holding health data
        redoc_url=None,
        separate_input_output_schemas=False,
        # No OpenTelemetry: FastAPI would otherwise look for configured providers on every
        # request, and this server exports nothing about its calls.
        telemetry={"tracing": False, "metrics": False, "logs": False},
    )
    app.state.backend = backend

    @app.post(
        "/api/login",
        response_model=_login_response_model(),
        responses={401: ERROR_RESPONSES[401], 422: ERROR_RESPONSES[422], 503: ERROR_RESPONSES[503]},
        operation_id="login",
        summary="Ouvre une session : rend un jeton et le conseiller",
        tags=["session"],
    )
    def login(request: Request, body: LoginRequest) -> Response:
        with _guard("session.login"):
            bound = _backend_of(request).login(body.login, body.password)
            payload = {"token": bound.token, "advisor": to_wire(bound.advisor, AdvisorInfo)}
            return Response(_dumps(payload), media_type="application/json")

    @app.get(
        "/api/health",
        operation_id="health",
        summary="État du serveur et de sa base (pour un répartiteur de charge)",
        responses={503: ERROR_RESPONSES[503]},
    )
    def health(request: Request) -> dict[str, str]:
        with _guard("health"):
            backend = _backend_of(request)
            with backend.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return {"status": "ok", "version": __version__}

    routes: dict[str, Serve] = {}
    for service, cls in SERVICES.items():
        for method, fn in sorted(api_methods(cls).items()):
            info = api_info(fn)
            assert info is not None
            routes[f"/api/{service}/{method}"] = _route(app, service, method, fn, info)

    _install_error_handlers(app)
    app.add_middleware(FacadeDispatchMiddleware, routes=routes)  # inside LimitsMiddleware
    app.add_middleware(LimitsMiddleware, max_body=MAX_BODY_BYTES)
    return app


def _login_response_model() -> type[BaseModel]:
    model: type[BaseModel] = pydantic_create_model(  # type: ignore[call-overload]
        "LoginResponse", token=(StrictStr, ...), advisor=(wire_model(AdvisorInfo), ...)
    )
    return model


def _install_error_handlers(app: FastAPI) -> None:
    async def typed(_request: Request, exc: Exception) -> Response:
        assert isinstance(exc, AdvisorDeskError)
        return _error_of(exc)

    async def invalid(_request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        errors = exc.errors()
        first = errors[0] if errors else {}
        loc = [str(p) for p in first.get("loc", ()) if p != "body"]
        field = ".".join(loc) or None
        if first.get("type") == "json_invalid":  # its loc is a position in the body, not a field
            field = None
            message = "Corps de requête JSON illisible."
        elif first.get("type") == "missing":
            message = f"Paramètre « {field} » manquant."
        elif first.get("type") == "extra_forbidden":
            message = f"Paramètre « {field} » inconnu."
        else:
            message = f"Paramètre « {field} » refusé." if field else "Requête refusée."
        return error_response(422, ValidationError.code, message, field)

    async def http_error(_request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        if exc.status_code == 404:
            return error_response(404, NotFound.code, "Adresse inconnue sur ce serveur.")
        if exc.status_code == 405:
            return error_response(405, "error", "Méthode HTTP non permise (POST attendu).")
        return error_response(
            exc.status_code, "error", f"Requête refusée (HTTP {exc.status_code})."
        )

    async def internal(_request: Request, exc: Exception) -> Response:
        if isinstance(exc, _InternalError):
            incident = exc.incident
        else:  # outside any endpoint (a middleware): log it here
            incident = uuid.uuid4().hex[:8]
            log.error("internal error (incident %s)", incident, exc_info=exc)
        return _internal_error(incident)

    app.add_exception_handler(AdvisorDeskError, typed)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(_InternalError, internal)
    app.add_exception_handler(Exception, internal)


def _internal_error(incident: str) -> Response:
    return error_response(500, "error", INTERNAL_ERROR.format(incident=incident))


class FacadeDispatchMiddleware:
    """Hands each `POST /api/{service}/{method}` straight to that method's handler.

    FastAPI's router would try its routes one after the other (a regular expression each,
    more than a hundred), then pass the call through its exception and exit-stack layers:
    on the event loop, more work per call than the handler's own. One dictionary lookup
    instead; errors get the answers the app's handlers give (typed payloads, 500 with an
    incident number, see _install_error_handlers). The routes stay registered, for
    /openapi.json and for whatever this leaves to the router (other HTTP methods, unknown
    paths, an app served under a root path).
    """

    def __init__(self, app: ASGIApp, routes: dict[str, Serve]) -> None:
        self.app = app
        self.routes = routes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        serve = None
        if scope["type"] == "http" and scope["method"] == "POST" and not scope.get("root_path"):
            serve = self.routes.get(scope["path"])
        if serve is None:
            await self.app(scope, receive, send)
            return
        try:
            response = await serve(Request(scope, receive))
        except AdvisorDeskError as exc:
            response = _error_of(exc)
        except _InternalError as exc:
            response = _internal_error(exc.incident)
        await response(scope, receive, send)


class LimitsMiddleware:
    """Refuses bodies over `max_body` (413) before any parsing, and marks responses uncacheable.

    Every response also says how long the server took (`Server-Timing: app;dur=<ms>`), so
    that a slow call can be split between the network and the server.
    """

    SECURITY_HEADERS = (
        (b"cache-control", b"no-store"),  # member data must not linger in a proxy cache
        (b"x-content-type-options", b"nosniff"),
    )

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        started = time.perf_counter()

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                took = f"app;dur={(time.perf_counter() - started) * 1000:.2f}".encode()
                headers = [*message.get("headers", []), *self.SECURITY_HEADERS]
                message = {**message, "headers": [*headers, (b"server-timing", took)]}
            await send(message)

        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body):
            await self._too_large(scope, receive, send_with_headers)
            return
        # Read the whole body here (as the endpoint would anyway), so chunked uploads are capped too.
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                await self._too_large(scope, receive, send_with_headers)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        await self.app(scope, replay, send_with_headers)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = error_response(
            413,
            ValidationError.code,
            f"Requête trop volumineuse : {self.max_body // 1024} Kio au plus.",
            headers={"Connection": "close"},
        )
        await response(scope, receive, send)


# -- running it ------------------------------------------------------------------------------


def harden_engine(engine: Engine) -> None:
    """Server-side limits on every PostgreSQL connection: no statement may hold a worker forever."""
    if is_sqlite(engine):
        return

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute(f"SET statement_timeout = {STATEMENT_TIMEOUT_MS}")
        cursor.execute(
            f"SET idle_in_transaction_session_timeout = {IDLE_IN_TRANSACTION_TIMEOUT_MS}"
        )
        cursor.close()
        # psycopg opens a transaction for the SETs: end it, or the pool would see it as in use.
        dbapi_connection.commit()


def open_backend(url: str | None) -> Backend:
    """The Backend a server process works on; refuses a database whose schema is not current."""
    engine = make_engine(url)
    harden_engine(engine)
    if not migrate.is_up_to_date(engine):
        if not is_sqlite(engine):
            raise BackendUnavailable(
                f"Le schéma de la base ({describe(engine)}) n'est pas à jour : lancez "
                "« advisor-desk db upgrade --db URL » avec le compte propriétaire, puis relancez."
            )
        migrate.upgrade(engine)  # an embedded file belongs to whoever runs the server
    return Backend(engine)


def app_from_env() -> FastAPI:
    """Application factory for `--workers N`: each worker process opens its own engine."""
    return create_app(open_backend(os.environ.get(ENV_VAR)))


def serve(
    url: str | None,
    *,
    host: str = "127.0.0.1",
    port: int = 8765,
    certfile: str | None = None,
    keyfile: str | None = None,
    workers: int = 1,
    access_log: bool = False,
) -> int:
    """Run the server until interrupted (`advisor-desk serve`); returns the exit code.

    Every call is in the audit trail (who, what, which member, refused or not); `access_log`
    adds uvicorn's line per HTTP request on stderr (client address, path, status). It is off
    by default: written on the event loop, it cost about 0.3 ms per call on a 2-core machine.
    """
    import uvicorn

    if keyfile and not certfile:
        raise AdvisorDeskError("--keyfile demande aussi --certfile (le certificat du serveur).")
    if workers < 1:
        raise AdvisorDeskError("--workers doit valoir au moins 1.")
    if not logging.getLogger().handlers:
        logging.basicConfig(
            level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
        )
    # The schema check at start-up reads the revision through alembic, which would log its
    # plugin set-up and migration context at INFO: noise in the server's log.
    logging.getLogger("alembic").setLevel(logging.WARNING)
    backend = open_backend(url)
    scheme = "https" if certfile else "http"
    print(
        f"advisor-desk {__version__} : {scheme}://{host}:{port} (base {describe(backend.engine)}, "
        f"{workers} processus)",
        file=sys.stderr,
    )
    if not certfile and not _is_loopback(host):
        print(
            "advisor-desk : ATTENTION, HTTP sans chiffrement sur une adresse réseau : les mots de "
            "passe et les données des assurés circulent en clair. Utilisez --certfile/--keyfile.",
            file=sys.stderr,
        )
    options: dict[str, Any] = {
        **UVICORN_OPTIONS,
        "ssl_certfile": certfile,
        "ssl_keyfile": keyfile,
        "log_level": "info",
        "access_log": access_log,
    }
    sock = listening_socket(host, port)
    if workers > 1:
        # Several processes need an import string; each opens its own engine from the env var.
        backend.engine.dispose()
        os.environ[ENV_VAR] = backend.engine.url.render_as_string(hide_password=False)
        config = uvicorn.Config(
            "advisor_desk.backend.server:app_from_env", factory=True, workers=workers, **options
        )
        from uvicorn.supervisors import Multiprocess

        Multiprocess(config, sockets=[sock]).run()
        return 0
    server = uvicorn.Server(uvicorn.Config(create_app(backend), **options))
    server.run(sockets=[sock])  # uvicorn handles SIGINT/SIGTERM: a graceful stop returns here
    return 0 if server.started else 1


def listening_socket(host: str, port: int) -> socket.socket:
    """The server's socket, created with proto=IPPROTO_TCP.

    asyncio only sets TCP_NODELAY on sockets whose proto says TCP, and uvicorn's own
    `bind_socket` (used for --workers) leaves proto at 0: every response then waits ~40 ms
    for the client's delayed ACK (Nagle), ten times the whole call. Binding here avoids it.
    """
    try:
        family, kind, proto, _name, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP, flags=socket.AI_PASSIVE
        )[0]
        sock = socket.socket(family, kind, proto)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
    except OSError as exc:
        raise BackendUnavailable(
            f"Impossible d'écouter sur {host}:{port} : {exc.strerror or exc}."
        ) from None
    sock.set_inheritable(True)  # --workers: the worker processes accept on it
    return sock


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
