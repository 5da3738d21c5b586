"""The facade over HTTP: `RemoteBackend` talks to `advisor-desk serve`, desktops hold no DB credentials."""

from __future__ import annotations

import inspect
import json
import time
import typing
from collections.abc import Callable, Mapping
from typing import Any, cast
from urllib.parse import urlsplit

import orjson
import requests
from requests.adapters import HTTPAdapter
from urllib3 import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import ConnectionPool

from advisor_desk.domain.errors import (
    ERROR_CLASSES,
    AdvisorDeskError,
    BackendUnavailable,
    ValidationError,
)

from .facade import SERVICES, BoundBackend
from .service import AdvisorInfo, Service, api_info, api_methods
from .wire import WireError, decoder, encoder, from_wire

DEFAULT_TIMEOUT = (3.05, 30.0)  # connect (just over a TCP retransmission), read
READ_RETRIES = 2  # extra attempts, for idempotent reads only
RETRY_BACKOFF_S = 0.2  # then doubled: 0.2 s, 0.4 s
POOL_SIZE = 16  # connections kept to the server: one per GUI worker thread is plenty

# Request bodies: compact, ASCII only (nothing to mis-encode on the way), no NaN literals, as
# the server's strict standard decoder reads them. (Responses come back in UTF-8: `_loads`.)
_ENCODE_JSON = json.JSONEncoder(ensure_ascii=True, allow_nan=False, separators=(",", ":")).encode


def _as_is(data: Any) -> Any:
    return data


class RemoteBackend:
    """The unbound facade of a shared deployment: log in to get a RemoteBoundBackend."""

    embedded = False

    def __init__(
        self,
        server_url: str,
        ca_bundle: str | None = None,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
    ) -> None:
        if "://" not in server_url:
            server_url = "https://" + server_url
        parts = urlsplit(server_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise BackendUnavailable(
                f"Adresse de serveur illisible : « {server_url} ». "
                "Exemple : https://serveur.cpam.local:8765"
            )
        self.scheme = parts.scheme
        self.host = parts.hostname
        self.port = parts.port or (443 if parts.scheme == "https" else 80)
        host = f"[{self.host}]" if ":" in self.host else self.host
        self.base_url = f"{self.scheme}://{host}:{self.port}{parts.path.rstrip('/')}"
        self.timeout = timeout
        self._http = requests.Session()
        # The environment (proxies, $REQUESTS_CA_BUNDLE) is read once, here: requests would
        # rescan every variable on each call, ~0.5 ms of CPU, and would let the variable
        # override a configured CA bundle. A .netrc is never used: auth is the bearer token.
        environment = self._http.merge_environment_settings(self.base_url, {}, None, None, None)
        self._http.trust_env = False
        self._http.proxies.update(environment["proxies"])
        # Given to each send: what requests would otherwise work out again from the URL
        # (the session's proxies, the environment being out of the picture).
        self._proxies: dict[str, str] = dict(self._http.proxies)
        # A CA bundle for a private PKI; otherwise the environment's or certifi's authorities.
        found = environment.get("verify")
        self._verify: str | bool = ca_bundle or (found if isinstance(found, str | bool) else True)
        # Retries are ours (reads only): urllib3 must not silently resend a write.
        adapter = _ApiAdapter(pool_connections=1, pool_maxsize=POOL_SIZE, max_retries=0)
        self._http.mount("http://", adapter)
        self._http.mount("https://", adapter)
        self._http.headers.update(
            {"Accept": "application/json", "User-Agent": "advisor-desk-client"}
        )
        self._templates: dict[str, requests.PreparedRequest] = {}

    def describe(self) -> str:
        """'serveur https://host:port', for the status bar and messages."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"serveur {self.scheme}://{host}:{self.port}"

    def login(self, login: str, password: str) -> RemoteBoundBackend:
        data = self.post("/api/login", {"login": login, "password": password}, token=None)
        try:
            advisor = from_wire(data["advisor"], AdvisorInfo)
            token = data["token"]
        except (KeyError, TypeError, WireError):
            raise _incompatible() from None
        return RemoteBoundBackend(self, advisor, str(token))

    def resume(self, token: str) -> RemoteBoundBackend:
        """Bind to a live session token (e.g. after a restart of the GUI process)."""
        probe = RemoteBoundBackend(self, None, token)
        return RemoteBoundBackend(self, probe.session.me(), token)

    def close(self) -> None:
        self._http.close()

    def _prepared(self, path: str, body: bytes, token: str | None) -> requests.PreparedRequest:
        """The POST of `path`, from a template prepared once per path.

        requests would otherwise re-parse the URL and merge the session's headers and cookie
        jar on every call, a third of the client's CPU per call; a copy of the template with
        its body and token costs little.
        """
        template = self._templates.get(path)
        if template is None:
            template = self._http.prepare_request(
                requests.Request(
                    "POST", self.base_url + path, headers={"Content-Type": "application/json"}
                )
            )
            self._templates[path] = template
        prepared = template.copy()  # headers are copied too
        prepared.body = body
        prepared.headers["Content-Length"] = str(len(body))
        if token is not None:
            prepared.headers["Authorization"] = f"Bearer {token}"
        return prepared

    def post(
        self,
        path: str,
        payload: dict[str, Any],
        *,
        token: str | None,
        retry: bool = False,
        decode: Callable[[Any], Any] = _as_is,
    ) -> Any:
        """POST JSON; return the JSON result through `decode` (a wire decoder: WireError, or
        an unreadable body, is BackendUnavailable), or raise the server's typed error."""
        body = _ENCODE_JSON(payload).encode("ascii")
        attempts = 1 + (READ_RETRIES if retry else 0)
        for attempt in range(attempts):
            try:
                response = self._http.send(
                    self._prepared(path, body, token),
                    timeout=self.timeout,
                    verify=self._verify,
                    proxies=self._proxies,
                    allow_redirects=False,  # an API answer, never a redirection to follow
                )
            except requests.exceptions.SSLError as exc:
                raise BackendUnavailable(
                    f"Connexion sécurisée impossible avec le {self.describe()} : "
                    f"{_reason(exc, 'échec de la négociation TLS')}. Vérifiez l'adresse et "
                    "l'autorité de certification configurée (--ca-bundle)."
                ) from None
            except requests.exceptions.ConnectionError as exc:
                # A read changes nothing, so resending it is harmless. A write is never resent:
                # the server may have done it before the connection dropped.
                if attempt + 1 < attempts:
                    time.sleep(RETRY_BACKOFF_S * 2**attempt)
                    continue
                raise BackendUnavailable(
                    f"Serveur injoignable : {self.base_url} ({_reason(exc)})."
                ) from None
            except requests.exceptions.Timeout:
                raise BackendUnavailable(
                    f"Le {self.describe()} n'a pas répondu dans les {self.timeout[1]:g} s : "
                    "l'opération a peut-être abouti ; vérifiez avant de la refaire."
                ) from None
            except requests.exceptions.RequestException as exc:
                raise BackendUnavailable(
                    f"Échange impossible avec le {self.describe()} ({_reason(exc)})."
                ) from None
            return _result(response, decode)
        raise AssertionError("unreachable")


# What requests reports is urllib3's nested English: keep only what a person can act on.
_REASONS = (
    ("CERTIFICATE_VERIFY_FAILED", "certificat non reconnu"),
    ("doesn't match", "le certificat est celui d'un autre serveur"),
    ("hostname mismatch", "le certificat est celui d'un autre serveur"),
    ("WRONG_VERSION_NUMBER", "le serveur ne parle pas HTTPS à cette adresse"),
    ("Connection refused", "connexion refusée"),
    ("Name or service not known", "nom de serveur inconnu"),
    ("nodename nor servname", "nom de serveur inconnu"),
    ("getaddrinfo failed", "nom de serveur inconnu"),
    ("Temporary failure in name resolution", "nom de serveur inconnu"),
    ("timed out", "délai de connexion dépassé"),
    ("Connection reset", "connexion interrompue"),
    ("Connection aborted", "connexion interrompue"),
    ("RemoteDisconnected", "connexion interrompue"),
    ("Network is unreachable", "réseau inaccessible"),
    ("No route to host", "réseau inaccessible"),
)


def _reason(exc: BaseException, default: str = "erreur réseau") -> str:
    text = str(exc)
    return next((french for needle, french in _REASONS if needle in text), default)


def _incompatible() -> BackendUnavailable:
    return BackendUnavailable(
        "Réponse du serveur illisible pour ce poste : les versions du poste et du serveur "
        "diffèrent peut-être. Prévenez le support."
    )


def _loads(content: bytes) -> Any:
    """The JSON of a response: orjson (UTF-8, as the server writes it: a 15 kB result in
    0.06 ms instead of 0.19 on the 2-core machine), else the standard parser, which also
    reads UTF-16/32 by their BOM or zeros (RFC 8259, requests' Response.json())."""
    try:
        return orjson.loads(content)
    except orjson.JSONDecodeError:
        return json.loads(content)


def _result(response: requests.Response, decode: Callable[[Any], Any] = _as_is) -> Any:
    if response.status_code == 200:
        content = response.content
        try:
            return decode(_loads(content))
        except WireError:
            pass  # orjson reads an integer over 64 bits as a float: the standard parser next
        except ValueError:  # JSONDecodeError, UnicodeDecodeError
            raise _incompatible() from None
        try:
            return decode(json.loads(content))
        except ValueError:  # WireError too
            raise _incompatible() from None
    try:
        error = _loads(response.content)["error"]
        code, message = str(error["code"]), str(error["message"])
        field = error.get("field")
    except (ValueError, KeyError, TypeError):
        # Not one of ours: a proxy or the server's connection limit answered.
        if response.status_code in (502, 503, 504):
            raise BackendUnavailable(
                f"Serveur momentanément indisponible (HTTP {response.status_code}) : "
                "réessayez dans un instant."
            ) from None
        raise AdvisorDeskError(
            f"Réponse inattendue du serveur (HTTP {response.status_code})."
        ) from None
    cls = ERROR_CLASSES.get(code, AdvisorDeskError)
    if issubclass(cls, ValidationError):
        raise cls(message, field if isinstance(field, str) else None)
    raise cls(message)


class RemoteBoundBackend(BoundBackend):
    """The bound facade over HTTP: same services, same methods, same typed errors as in-process.

    Subclasses BoundBackend so that the GUI, typed against it, takes either; it shares no state
    with it (there is no engine on this side): every service attribute is a proxy.
    """

    def __init__(self, client: RemoteBackend, advisor: AdvisorInfo | None, token: str) -> None:
        # No super().__init__(): it would open services on a local engine.
        self._client = client
        self.token = token
        for name, cls in SERVICES.items():
            setattr(self, name, cast(Any, _ServiceProxy(client, token, name, cls)))
        if advisor is not None:
            self.advisor = advisor
            self._permissions = frozenset(self.session.permissions())

    @property
    def permissions(self) -> frozenset[str]:
        return self._permissions

    def service(self, name: str) -> Service:
        if name not in SERVICES:
            raise AttributeError(name)
        return cast(Service, getattr(self, name))

    def describe(self) -> str:
        return self._client.describe()


class _ServiceProxy:
    """Stands for one service: one method per public method of the real class, same signature."""

    def __init__(self, client: RemoteBackend, token: str, name: str, cls: type[Service]) -> None:
        self._name = name
        for method_name, fn in api_methods(cls).items():
            setattr(self, method_name, _remote_method(client, token, name, method_name, fn))

    def __repr__(self) -> str:
        return f"<remote service {self._name}>"


def _remote_method(
    client: RemoteBackend, token: str, service: str, method: str, fn: Callable[..., Any]
) -> Callable[..., Any]:
    hints = _hints(fn)
    signature = inspect.signature(fn)
    public = signature.replace(parameters=list(signature.parameters.values())[1:])
    # The codecs of the parameters and of the result, looked up once.
    encoders = {name: encoder(hints[name]) for name in public.parameters}
    decode_result = decoder(hints.get("return", type(None)))
    info = api_info(fn)
    assert info is not None
    path = f"/api/{service}/{method}"
    retry = info.readonly

    def call(*args: Any, **kwargs: Any) -> Any:
        bound = public.bind(*args, **kwargs)  # TypeError on a wrong call, as the real method
        payload = {name: encoders[name](value) for name, value in bound.arguments.items()}
        return client.post(path, payload, token=token, retry=retry, decode=decode_result)

    call.__name__ = method
    call.__qualname__ = f"{service}.{method}"
    call.__doc__ = fn.__doc__
    call.__signature__ = public  # type: ignore[attr-defined]
    call.__api__ = info  # type: ignore[attr-defined]
    return call


def _hints(fn: Callable[..., Any]) -> dict[str, Any]:
    return typing.get_type_hints(fn)


class _HTTPConnection(HTTPConnection):
    """An HTTP connection that sends a request's headers and its body (bytes) in one write.

    http.client, under urllib3, writes the headers, then the body: the server wakes up for
    the headers, then again for the body. One write is one wake-up, and one segment on the
    wire. Used through the pools' `ConnectionCls`, urllib3's documented extension point.
    """

    _body: bytes | None = None  # from request() to endheaders()
    _joined: bytes | None = None  # from endheaders() to the send() of the headers

    def request(  # type: ignore[override]  # urllib3's own signature (it ignores it too)
        self,
        method: str,
        url: str,
        body: Any = None,
        headers: Mapping[str, str] | None = None,
        *,
        chunked: bool = False,
        preload_content: bool = True,
        decode_content: bool = True,
        enforce_content_length: bool = True,
    ) -> None:
        # Framed by its Content-Length (requests' headers are case-insensitive): urllib3
        # has nothing to add to it, and sends it after the headers unless given None.
        if type(body) is bytes and not chunked and headers and "Content-Length" in headers:
            self._body, body = body, None
        try:
            super().request(
                method,
                url,
                body,
                headers,
                chunked=chunked,
                preload_content=preload_content,
                decode_content=decode_content,
                enforce_content_length=enforce_content_length,
            )
        finally:
            self._body = None

    def endheaders(self, message_body: Any = None, *, encode_chunked: bool = False) -> None:
        body, self._body = self._body, None
        if body is None:
            super().endheaders(message_body, encode_chunked=encode_chunked)
            return
        if self.sock is None:
            self.connect()  # first, and alone: a proxy tunnel's CONNECT is written from here
        self._joined = body
        try:
            super().endheaders(message_body, encode_chunked=encode_chunked)
            if self._joined is not None:  # not taken by send(): write it now, never lose it
                super().send(self._joined)
        finally:
            self._joined = None

    def send(self, data: Any) -> None:
        body, self._joined = self._joined, None
        if body is not None:
            if isinstance(data, bytes):
                data += body
            else:
                super().send(data)
                data = body
        super().send(data)


class _HTTPSConnection(_HTTPConnection, HTTPSConnection):
    pass


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = _HTTPConnection


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _HTTPSConnection


class _ApiAdapter(HTTPAdapter):
    """requests' adapter for the API: one write per request, and per-call lookups done once.

    On every call HTTPAdapter parses the URL over and over (proxy, pool key, request target),
    finds the pool under a lock and, given a CA bundle, stats it (three times on HTTPS). The
    client always sends to one server with the same settings: the answers are kept per URL
    and settings, a closed pool is asked for again, and close() forgets them all.
    """

    _pools: dict[tuple[Any, ...], ConnectionPool]
    _targets: dict[tuple[Any, ...], str]
    _verified: tuple[Any, ...] | None

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}
        self._forget()

    def get_connection_with_tls_context(
        self,
        request: requests.PreparedRequest,
        verify: bool | str | None,
        proxies: Mapping[str, str] | None = None,
        cert: tuple[str, str] | str | None = None,
    ) -> ConnectionPool:
        key = (request.url, verify, cert, _settings(proxies))
        pool = self._pools.get(key)
        if pool is None or getattr(pool, "pool", None) is None:  # none yet, or closed since
            pool = super().get_connection_with_tls_context(request, verify, proxies, cert)
            self._pools[key] = pool
        return pool

    def cert_verify(self, conn: Any, url: Any, verify: Any, cert: Any) -> None:
        # It sets the same TLS attributes on the same pool each time: once is enough.
        done = (conn, verify, cert)
        if self._verified != done:
            super().cert_verify(conn, url, verify, cert)  # type: ignore[no-untyped-call]
            self._verified = done

    def request_url(
        self, request: requests.PreparedRequest, proxies: Mapping[str, str] | None
    ) -> str:
        key = (request.url, _settings(proxies))
        target = self._targets.get(key)
        if target is None:
            target = self._targets[key] = super().request_url(request, proxies)
        return target

    def close(self) -> None:
        self._forget()
        super().close()

    def _forget(self) -> None:
        self._pools = {}
        self._targets = {}
        self._verified = None


def _settings(proxies: Mapping[str, str] | None) -> tuple[tuple[str, str], ...]:
    return tuple(proxies.items()) if proxies else ()
