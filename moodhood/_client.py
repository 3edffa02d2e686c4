"""``Moodhood`` and ``AsyncMoodhood``: every generated operation, authenticated, retried, with typed errors.

::

    from moodhood_api.api.spaces import create_space
    from moodhood_api.models import SpaceCreate

    with Moodhood() as mh:                     # MOODHOOD_BASE_URL and MOODHOOD_* credentials
        created = mh.call(create_space.sync_detailed, body=SpaceCreate(name="Team"))
        print(created.id)                      # typed: IdResponse

``call(fn, *args, **kwargs)`` injects ``client=``; path parameters stay positional as in ``fn``. It returns
the success value and raises everything else: ``APIStatusError`` subclasses for any non-2xx status (from the
raw response, so 499 and 520 too), ``APIConnectionError`` / ``APITimeoutError`` without a response,
``TokenError`` when no token could be obtained, and ``APIResponseValidationError`` for a 2xx body that does
not match the spec.

Typing compromise: mypy cannot remove the ``client`` keyword from a ``ParamSpec``, so ``call`` checks the
*return* type only. ``fn`` is matched against a covariant protocol over the generated ``Response``
(``GeneratedResponse[Error | OAuthError | T]``), which solves ``T`` to the success model: ``call`` returns
``Room``, not ``Room | Error | None``. The arguments are passed through unchecked (``*args: Any,
**kwargs: Any``). Operations without a body return ``None`` at run time (typed ``Any``, as generated).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, NoReturn, Self, TypeVar, cast

import httpx
from moodhood_api import Client as ApiClient
from moodhood_api.errors import UnexpectedStatus
from moodhood_api.types import Response

from moodhood._auth import MoodhoodAuth, TokenEvent
from moodhood._base_client import (
    AsyncClientTransport,
    AsyncMoodhoodHTTPClient,
    AsyncPool,
    CallState,
    ClientTransport,
    MoodhoodHTTPClient,
    WrongFlavourTransport,
    call_scope,
    call_state,
)
from moodhood._config import (
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    NOT_GIVEN,
    NotGiven,
    TimeoutTypes,
    check_max_retries,
    resolve_base_url,
    resolve_deadline,
    resolve_timeout,
)
from moodhood._credentials import Credentials, SecretProvider
from moodhood._exceptions import InsecureTransportError
from moodhood._net import is_loopback
from moodhood._resources import AsyncResources, SyncResources
from moodhood._response import GeneratedResponse, status_error, success_value, validation_error
from moodhood._retry import AsyncRetryTransport, RetryTransport
from moodhood._store import TokenStore

if TYPE_CHECKING:  # annotations only: importing moodhood_api.models loads every model (~25 ms)
    from moodhood_api.models import Error, OAuthError

__all__ = ["AsyncMoodhood", "Moodhood"]

T = TypeVar("T")

_PARSE_ERRORS = (KeyError, TypeError, ValueError, AttributeError, RecursionError)


@functools.cache
def _user_agent() -> str:
    """``moodhood-python/<version>``, looked up at the first client: importlib.metadata is slow to import."""
    import importlib.metadata

    try:
        version = importlib.metadata.version("moodhood")
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        version = "0"
    return f"moodhood-python/{version}"


def _headers(http_client: httpx.Client | httpx.AsyncClient | None) -> httpx.Headers:
    """Default headers: the caller's client's headers, with our User-Agent unless they set their own, and
    ``Accept: application/json`` unless they set another (an operation's own ``Accept`` wins)."""
    headers = httpx.Headers(http_client.headers) if http_client is not None else httpx.Headers()
    agent = headers.get("user-agent")
    if agent is None or agent.startswith("python-httpx/"):
        headers["User-Agent"] = _user_agent()
    if headers.get("accept", "*/*") == "*/*":
        headers["Accept"] = "application/json"
    return headers


class _Shared:
    """What a client shares with its ``with_options`` copies: settings, auth (tokens) and the pool."""

    __slots__ = ("_http_client", "auth", "base_url", "credentials", "headers", "owns_pool")

    def __init__(
        self,
        *,
        base_url: httpx.URL,
        credentials: Credentials,
        auth: MoodhoodAuth,
        headers: httpx.Headers,
        http_client: httpx.Client | httpx.AsyncClient | AsyncPool,
        owns_pool: bool,
    ) -> None:
        self.base_url = base_url
        self.credentials = credentials
        self.auth = auth
        self.headers = headers
        self._http_client = http_client
        self.owns_pool = owns_pool

    @property
    def http_client(self) -> httpx.Client | httpx.AsyncClient:
        """The inner client: the caller's, or ours (for ``AsyncMoodhood``, the one of the current loop)."""
        inner = self._http_client
        return inner.client if isinstance(inner, AsyncPool) else inner

    @property
    def transport_target(self) -> httpx.Client | httpx.AsyncClient | AsyncPool:
        """What the innermost transport sends through."""
        return self._http_client


class _BaseMoodhood:
    """Settings, validation and ``repr`` shared by ``Moodhood`` and ``AsyncMoodhood`` (no I/O here)."""

    __slots__ = ("_api", "_http", "_max_retries", "_root", "_shared", "_timeout")

    _api: ApiClient
    _http: MoodhoodHTTPClient | AsyncMoodhoodHTTPClient
    _shared: _Shared
    _max_retries: int
    _timeout: httpx.Timeout
    _root: bool

    @staticmethod
    def _resolve(
        *,
        base_url: str | httpx.URL | None,
        client_id: str | None,
        client_secret: str | SecretProvider | None,
        username: str | None,
        password: str | SecretProvider | None,
        token: str | None,
        token_store: TokenStore | None,
        on_token: Callable[[TokenEvent], None] | None,
        allow_insecure_http: bool,
        headers: httpx.Headers,
    ) -> tuple[httpx.URL, Credentials, MoodhoodAuth]:
        url = resolve_base_url(base_url)
        credentials = Credentials.from_env(client_id, client_secret, username, password, token)
        if url.scheme != "https" and not allow_insecure_http and not is_loopback(url.host):
            raise InsecureTransportError(
                f"refusing to send credentials over plain http:// to {url.host!r}: use https://, "
                "or pass allow_insecure_http=True if this network is trusted"
            )
        auth = MoodhoodAuth(
            credentials,
            token_url=httpx.URL(f"{url}/auth/token"),
            store=token_store,
            on_token=on_token,
            allow_insecure_http=allow_insecure_http,
            headers=headers,
        )
        return url, credentials, auth

    @staticmethod
    def _check_max_retries(max_retries: int) -> int:
        return check_max_retries(max_retries)

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError(f"{type(self).__name__} is immutable; use with_options(...) for a changed copy")

    def __delattr__(self, name: str) -> NoReturn:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def _set(self, **values: object) -> None:
        for name, value in values.items():
            object.__setattr__(self, name, value)

    @property
    def base_url(self) -> httpx.URL:
        """The API base URL, e.g. ``https://moodhood.online/v1``."""
        return self._shared.base_url

    @property
    def credentials(self) -> Credentials:
        """Who this client authenticates as (its ``repr`` is masked)."""
        return self._shared.credentials

    @property
    def auth(self) -> MoodhoodAuth:
        """The ``httpx.Auth`` in use; it holds the cached tokens (``auth.refresh_token`` for iFrame links)."""
        return self._shared.auth

    @property
    def max_retries(self) -> int:
        """How many times a retryable failure is retried by default."""
        return self._max_retries

    @property
    def timeout(self) -> httpx.Timeout:
        """The default timeout of every request."""
        return self._timeout

    @property
    def deadline(self) -> float | None:
        """The default total seconds per call: token requests, retries and the body (``None``: none)."""
        return self._http.deadline

    @property
    def client(self) -> ApiClient:
        """The configured generated ``moodhood_api.Client``, for calling generated functions directly.

        Its httpx client carries MoodHood auth and retries, and raises the typed errors for every non-2xx
        status, so generated ``*_detailed`` functions only ever return successes through it.
        """
        return self._api

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(base_url={str(self.base_url)!r}, credentials={self.credentials!r}, "
            f"max_retries={self._max_retries!r}, timeout={self._timeout!r})"
        )

    __str__ = __repr__


def _no_client_kwarg(kwargs: dict[str, Any]) -> None:
    if "client" in kwargs:
        raise TypeError("call() passes client= itself; do not pass it")


def _finish(result: object, state: CallState) -> Any:
    """The success value; for a documented redirect without a body (the record download), its URL.

    Every non-2xx was raised in ``send``, so this is the success model, never an error model.
    """
    if not isinstance(result, Response):
        raise TypeError("call() takes a generated *_detailed function (one returning a Response)")
    raw = state.response
    if result.parsed is None and raw is not None and raw.is_redirect:
        return str(raw.request.url.join(raw.headers["location"]))
    return success_value(result)


def _unexpected(error: BaseException, state: CallState) -> BaseException:
    """The typed error for a generated-code failure after a response arrived, else ``error`` itself."""
    raw = state.response
    if raw is None:
        return error
    if isinstance(error, UnexpectedStatus) and raw.is_redirect:
        return status_error(raw)
    return validation_error(raw, error)


class Moodhood(_BaseMoodhood, SyncResources):
    """The synchronous MoodHood client.

    Every argument is keyword-only and falls back to its environment variable: ``base_url`` to
    ``MOODHOOD_BASE_URL`` (default ``https://moodhood.online/v1``); ``client_id``, ``client_secret``,
    ``username``, ``password`` and ``token`` to ``MOODHOOD_CLIENT_ID`` ... ``MOODHOOD_TOKEN``.
    ``token_store`` keeps tokens between runs and ``on_token`` sees every new token. ``max_retries`` and
    ``timeout`` (connect 5 s, the rest 30 s; per phase and per read) and ``deadline`` (total seconds per call,
    default none) are defaults that ``call`` can override per call.

    ``http_client`` is your own ``httpx.Client``: every attempt goes through its transport, mounts,
    proxies and event hooks (which see each retry), with MoodHood auth, retries and typed errors added
    around it, and its default headers are sent too. Its auth, base URL, timeout and redirect settings
    are not used (the client's own apply), and it stays open when this client closes: it is yours.
    ``allow_insecure_http`` permits ``http://`` to a non-loopback host.
    """

    __slots__ = ()

    _http: MoodhoodHTTPClient

    def __init__(
        self,
        *,
        base_url: str | httpx.URL | None = None,
        client_id: str | None = None,
        client_secret: str | SecretProvider | None = None,
        username: str | None = None,
        password: str | SecretProvider | None = None,
        token: str | None = None,
        token_store: TokenStore | None = None,
        on_token: Callable[[TokenEvent], None] | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        timeout: TimeoutTypes = DEFAULT_TIMEOUT,
        deadline: float | None = None,
        http_client: httpx.Client | None = None,
        allow_insecure_http: bool = False,
    ) -> None:
        if http_client is not None and not isinstance(http_client, httpx.Client):
            raise TypeError(f"http_client must be an httpx.Client, not {type(http_client).__name__}")
        url, credentials, auth = self._resolve(
            base_url=base_url,
            client_id=client_id,
            client_secret=client_secret,
            username=username,
            password=password,
            token=token,
            token_store=token_store,
            on_token=on_token,
            allow_insecure_http=allow_insecure_http,
            headers=_headers(http_client),
        )
        retries, timeout_ = self._check_max_retries(max_retries), resolve_timeout(timeout)
        owns_pool = http_client is None
        inner = httpx.Client(timeout=timeout_, follow_redirects=False) if http_client is None else http_client
        shared = _Shared(
            base_url=url,
            credentials=credentials,
            auth=auth,
            headers=_headers(http_client),
            http_client=inner,
            owns_pool=owns_pool,
        )
        self._setup(shared, retries, timeout_, root=True)
        self._http.deadline = resolve_deadline(deadline)

    def _setup(self, shared: _Shared, max_retries: int, timeout: httpx.Timeout, *, root: bool) -> None:
        assert isinstance(shared.http_client, httpx.Client)
        http = MoodhoodHTTPClient(
            base_url=shared.base_url,
            auth=shared.auth,
            headers=shared.headers,
            timeout=timeout,
            transport=RetryTransport(ClientTransport(shared.http_client), max_retries=max_retries),
            follow_redirects=False,
            trust_env=False,
        )
        api = ApiClient(base_url=str(shared.base_url), raise_on_unexpected_status=True)
        api.set_httpx_client(http)
        hint = "Moodhood runs sync functions (sync_detailed); use AsyncMoodhood for asyncio_detailed"
        api.set_async_httpx_client(httpx.AsyncClient(transport=WrongFlavourTransport(hint), trust_env=False))
        self._set(
            _shared=shared, _http=http, _api=api, _max_retries=max_retries, _timeout=timeout, _root=root
        )

    def with_options(
        self,
        *,
        max_retries: int | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> Self:
        """A copy with other defaults that shares this client's connection pool and tokens.

        Closing the copy leaves the shared pool open; close the original.
        """
        copy = object.__new__(type(self))
        copy._setup(
            self._shared,
            self._max_retries if isinstance(max_retries, NotGiven) else self._check_max_retries(max_retries),
            self._timeout if isinstance(timeout, NotGiven) else resolve_timeout(timeout),
            root=False,
        )
        copy._http.deadline = self.deadline if isinstance(deadline, NotGiven) else resolve_deadline(deadline)
        return copy

    def call(
        self,
        fn: Callable[..., GeneratedResponse[Error | OAuthError | T]],
        /,
        *args: Any,
        max_retries: int | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        retry_post: bool = False,
        **kwargs: Any,
    ) -> T:
        """Call a generated ``sync_detailed`` function and return its success value.

        ``max_retries``, ``timeout`` and ``deadline`` override the client's defaults for this call;
        ``retry_post=True`` allows replaying a POST (only when repeating it is harmless).
        """
        _no_client_kwarg(kwargs)
        state = call_state(max_retries=max_retries, timeout=timeout, retry_post=retry_post, deadline=deadline)
        return self._send(fn, args, kwargs, state)

    def _send(
        self,
        fn: Callable[..., GeneratedResponse[Error | OAuthError | T]],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        state: CallState,
    ) -> T:
        """Run ``fn(*args, client=..., **kwargs)`` under ``state``: the core of ``call`` and the resources."""
        with call_scope(state):
            try:
                result = fn(*args, client=self._api, **kwargs)
            except (UnexpectedStatus, *_PARSE_ERRORS) as error:
                typed = _unexpected(error, state)
                if typed is error:
                    raise
                raise typed from error
            if not isinstance(result, Response) and inspect.isawaitable(result):
                if inspect.iscoroutine(result):
                    result.close()  # never started: nothing was sent
                raise TypeError(
                    "Moodhood.call() takes sync_detailed functions; AsyncMoodhood takes asyncio_detailed"
                )
            return cast(T, _finish(result, state))

    def _send_raw(self, kwargs: dict[str, Any], state: CallState) -> httpx.Response:
        """Send a generated ``_get_kwargs`` request under ``state``; the raw 2xx response (non-JSON body)."""
        with call_scope(state):
            return self._http.request(**kwargs)

    def close(self) -> None:
        """Close the connection pool, unless it is your ``http_client`` or this is a ``with_options`` copy."""
        self._http.close()
        if self._root and self._shared.owns_pool:
            self._shared.http_client.close()  # type: ignore[union-attr]

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncMoodhood(_BaseMoodhood, AsyncResources):
    """The asynchronous MoodHood client; the same arguments as ``Moodhood``, with an ``httpx.AsyncClient``."""

    __slots__ = ()

    _http: AsyncMoodhoodHTTPClient

    def __init__(
        self,
        *,
        base_url: str | httpx.URL | None = None,
        client_id: str | None = None,
        client_secret: str | SecretProvider | None = None,
        username: str | None = None,
        password: str | SecretProvider | None = None,
        token: str | None = None,
        token_store: TokenStore | None = None,
        on_token: Callable[[TokenEvent], None] | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        timeout: TimeoutTypes = DEFAULT_TIMEOUT,
        deadline: float | None = None,
        http_client: httpx.AsyncClient | None = None,
        allow_insecure_http: bool = False,
    ) -> None:
        if http_client is not None and not isinstance(http_client, httpx.AsyncClient):
            raise TypeError(f"http_client must be an httpx.AsyncClient, not {type(http_client).__name__}")
        url, credentials, auth = self._resolve(
            base_url=base_url,
            client_id=client_id,
            client_secret=client_secret,
            username=username,
            password=password,
            token=token,
            token_store=token_store,
            on_token=on_token,
            allow_insecure_http=allow_insecure_http,
            headers=_headers(http_client),
        )
        retries, timeout_ = self._check_max_retries(max_retries), resolve_timeout(timeout)
        owns_pool = http_client is None
        inner = (
            AsyncPool(functools.partial(httpx.AsyncClient, timeout=timeout_, follow_redirects=False))
            if http_client is None
            else http_client
        )
        shared = _Shared(
            base_url=url,
            credentials=credentials,
            auth=auth,
            headers=_headers(http_client),
            http_client=inner,
            owns_pool=owns_pool,
        )
        self._setup(shared, retries, timeout_, root=True)
        self._http.deadline = resolve_deadline(deadline)

    def _setup(self, shared: _Shared, max_retries: int, timeout: httpx.Timeout, *, root: bool) -> None:
        target = shared.transport_target
        assert isinstance(target, httpx.AsyncClient | AsyncPool)
        http = AsyncMoodhoodHTTPClient(
            base_url=shared.base_url,
            auth=shared.auth,
            headers=shared.headers,
            timeout=timeout,
            transport=AsyncRetryTransport(AsyncClientTransport(target), max_retries=max_retries),
            follow_redirects=False,
            trust_env=False,
        )
        api = ApiClient(base_url=str(shared.base_url), raise_on_unexpected_status=True)
        api.set_async_httpx_client(http)
        hint = "AsyncMoodhood runs async functions (asyncio_detailed); use Moodhood for sync_detailed"
        api.set_httpx_client(httpx.Client(transport=WrongFlavourTransport(hint), trust_env=False))
        self._set(
            _shared=shared, _http=http, _api=api, _max_retries=max_retries, _timeout=timeout, _root=root
        )

    def with_options(
        self,
        *,
        max_retries: int | NotGiven = NOT_GIVEN,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
    ) -> Self:
        """A copy with other defaults that shares this client's connection pool and tokens.

        Closing the copy leaves the shared pool open; close the original.
        """
        copy = object.__new__(type(self))
        copy._setup(
            self._shared,
            self._max_retries if isinstance(max_retries, NotGiven) else self._check_max_retries(max_retries),
            self._timeout if isinstance(timeout, NotGiven) else resolve_timeout(timeout),
            root=False,
        )
        copy._http.deadline = self.deadline if isinstance(deadline, NotGiven) else resolve_deadline(deadline)
        return copy

    async def call(
        self,
        fn: Callable[..., Awaitable[GeneratedResponse[Error | OAuthError | T]]],
        /,
        *args: Any,
        max_retries: int | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        retry_post: bool = False,
        **kwargs: Any,
    ) -> T:
        """Call a generated ``asyncio_detailed`` function and return its success value.

        ``max_retries``, ``timeout`` and ``deadline`` override the client's defaults for this call;
        ``retry_post=True`` allows replaying a POST (only when repeating it is harmless).
        """
        _no_client_kwarg(kwargs)
        state = call_state(max_retries=max_retries, timeout=timeout, retry_post=retry_post, deadline=deadline)
        return await self._send(fn, args, kwargs, state)

    async def _send(
        self,
        fn: Callable[..., Awaitable[GeneratedResponse[Error | OAuthError | T]]],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        state: CallState,
    ) -> T:
        """Run and await ``fn(*args, client=..., **kwargs)`` under ``state``: the core of ``call`` and the
        resources."""
        with call_scope(state):
            # A sync_detailed function fails here, on the generated client's sync slot, before any I/O.
            pending = fn(*args, client=self._api, **kwargs)
            if not inspect.isawaitable(pending):
                raise TypeError(
                    "AsyncMoodhood.call() takes asyncio_detailed functions; Moodhood takes sync_detailed"
                )
            try:
                result = await pending
            except (UnexpectedStatus, *_PARSE_ERRORS) as error:
                typed = _unexpected(error, state)
                if typed is error:
                    raise
                raise typed from error
            return cast(T, _finish(result, state))

    async def _send_raw(self, kwargs: dict[str, Any], state: CallState) -> httpx.Response:
        """Send a generated ``_get_kwargs`` request under ``state``; the raw 2xx response (non-JSON body)."""
        with call_scope(state):
            return await self._http.request(**kwargs)

    async def close(self) -> None:
        """Close the connection pool, unless it is your ``http_client`` or this is a ``with_options`` copy."""
        await self._http.aclose()
        if self._root and self._shared.owns_pool:
            await self._shared.transport_target.aclose()  # type: ignore[union-attr]

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()
