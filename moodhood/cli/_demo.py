"""``moodhood demo``: the documented MoodHood flow, step by step, through the SDK.

With no options it starts the embedded sandbox on a free loopback port and uses its demo credentials.
With ``--base-url`` it runs against that server with the ``MOODHOOD_*`` credentials and removes what it
created (the room, the webhook) even when a step fails. Every HTTP request on the wire (token requests
included, seen through httpx event hooks on the client handed to ``Moodhood``) is shown with its
operation, status and time; tokens and secrets only ever masked.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import re
import secrets
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any

import typer

from moodhood._secrets import mask
from moodhood.cli._common import CONNECTION_PANEL, Session, command
from moodhood.cli._errors import CommandError, error_line, redact

if TYPE_CHECKING:
    import httpx

    from moodhood._auth import TokenEvent
    from moodhood._client import Moodhood
    from moodhood._webhooks import WebhookEvent
    from moodhood.cli._receiver import WebhookReceiver

__all__ = ["register"]

_OPERATIONS: tuple[tuple[str, re.Pattern[str], str], ...] = tuple(
    (method, re.compile(pattern), name)
    for method, pattern, name in (
        ("POST", r"/auth/token$", "getAccessToken"),
        ("GET", r"/users/me$", "getMe"),
        ("GET", r"/spaces$", "listSpaces"),
        ("POST", r"/spaces$", "createSpace"),
        ("POST", r"/spaces/[^/]+/rooms$", "createRoom"),
        ("DELETE", r"/spaces/[^/]+/rooms/[^/]+$", "deleteRoom"),
        ("POST", r"/generate-access$", "roomGenerateAccess"),
        ("POST", r"/webhook$", "CreateWebHook"),
        ("GET", r"/webhook$", "GetWebHook"),
        ("DELETE", r"/webhook$", "DeleteWebHook"),
        ("POST", r"/participants$", "createParticipant"),
        ("POST", r"/join$", "joinRoom"),
        ("GET", r"/analytics/calls$", "analyticsCalls"),
    )
)


def operation_name(method: str, path: str) -> str:
    """The operationId of a request, from its method and path (``METHOD path`` when unknown)."""
    for op_method, pattern, name in _OPERATIONS:
        if method == op_method and pattern.search(path):
            return name
    return f"{method} {path}"


def httpx_host(url: str) -> str:
    """The host of ``url``."""
    import httpx

    return httpx.URL(url).host


def _duration(seconds: float) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("min", 60)):
        if seconds >= size:
            return f"{seconds / size:.0f} {unit}"
    return f"{seconds:.0f} s"


def describe_token(event: TokenEvent) -> str:
    """``client token …ab12 · aud client · expires in 7 d`` (never the whole token)."""
    token = event.token
    parts = [f"{event.kind} token {mask(token.value)}"]
    claims = token.claims or {}
    if "aud" in claims:
        parts.append(f"aud {claims['aud']}")
    if token.lifetime is not None:
        parts.append(f"expires in {_duration(token.lifetime)}")
    return " · ".join(parts)


@dataclass
class Call:
    """One HTTP request seen through the ``moodhood`` logger."""

    method: str
    path: str
    status: int | None
    ms: float
    notes: list[str] = field(default_factory=list)

    @property
    def operation(self) -> str:
        return operation_name(self.method, self.path)

    def as_json(self) -> dict[str, Any]:
        return {
            "operation": self.operation,
            "method": self.method,
            "path": self.path,
            "status": self.status,
            "ms": round(self.ms, 1),
            "notes": self.notes,
        }


@dataclass
class Step:
    """One step of the demo and the requests it made."""

    number: int
    title: str
    calls: list[Call] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    ok: bool = True
    error: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "step": self.number,
            "title": self.title,
            "ok": self.ok,
            "error": self.error,
            "calls": [c.as_json() for c in self.calls],
            "notes": self.notes,
        }


class _Wiretap:
    """httpx event hooks that time every request on the wire, token requests included."""

    def __init__(self, demo: Demo) -> None:
        self._demo = demo
        self._started: dict[int, float] = {}

    def request(self, request: httpx.Request) -> None:
        self._started[id(request)] = time.perf_counter()

    def response(self, response: httpx.Response) -> None:
        request = response.request
        started = self._started.pop(id(request), time.perf_counter())
        elapsed = (time.perf_counter() - started) * 1000
        self._demo.record(
            Call(request.method, self._demo.short_path(request.url.path), response.status_code, elapsed)
        )

    def client(self) -> httpx.Client:
        import httpx

        return httpx.Client(
            timeout=30.0,
            event_hooks={"request": [self.request], "response": [self.response]},
            trust_env=False,
        )


class DemoFailure(CommandError):
    """A demo step could not show what it should (for example: no webhook delivery arrived)."""


class Demo:
    """Runs the steps and prints them: one line per request, ids and masked tokens as notes."""

    def __init__(self, session: Session, base_url: str, *, sandbox: bool) -> None:
        from rich.console import Console

        self.session = session
        self.base_url = base_url
        self.sandbox = sandbox
        self.json = session.out.json
        self.console = Console(highlight=False, emoji=False, soft_wrap=True)
        self.steps: list[Step] = []
        self._current: Step | None = None
        self._base_path = re.sub(r"^https?://[^/]+", "", base_url).rstrip("/")
        from moodhood._net import is_loopback

        self.receiver_reachable = sandbox or is_loopback(httpx_host(base_url))
        """Whether the server can reach a receiver on this machine's loopback interface."""
        self.started = time.perf_counter()
        self.personal = False
        """Whether the demo runs on a personal token (no token requests, no client token)."""

    # -- recording ---------------------------------------------------------------------------------------

    def short_path(self, path: str) -> str:
        return path[len(self._base_path) :] if path.startswith(self._base_path + "/") else path

    def record(self, call: Call) -> None:
        if self._current is not None:
            self._current.calls.append(call)

    def on_token(self, event: TokenEvent) -> None:
        """``on_token`` callback: note the new token on the token request that produced it."""
        step = self._current
        if step is None:
            return
        text = describe_token(event)
        token_calls = [c for c in step.calls if c.operation == "getAccessToken"]
        if event.kind == "refresh":  # issued with the user token: the last token request that got one
            target = next((c for c in reversed(token_calls) if c.notes), None)
        else:  # in request order: the first token request not yet explained
            target = next((c for c in token_calls if not c.notes), None)
        (target.notes if target is not None else step.notes).append(text)

    def note(self, text: str) -> None:
        """A note on the current step's last API request (or on the step)."""
        step = self._current
        if step is None:
            return
        text = redact(text)
        for call in reversed(step.calls):
            if call.operation != "getAccessToken":
                call.notes.append(text)
                return
        step.notes.append(text)

    def step_note(self, text: str) -> None:
        if self._current is not None:
            self._current.notes.append(redact(text))

    @contextlib.contextmanager
    def step(self, title: str) -> Iterator[Step]:
        step = Step(len(self.steps) + 1, title)
        self.steps.append(step)
        self._current = step
        try:
            yield step
        except BaseException as exc:
            step.ok = False
            step.error = error_line(exc)[0].removeprefix("moodhood: error: ")
            raise
        finally:
            self._current = None
            self._print(step)

    # -- output ------------------------------------------------------------------------------------------

    def header(self) -> None:
        if self.json:
            return
        where = "the embedded sandbox" if self.sandbox else "a real server"
        self.console.print(f"MoodHood demo against {where} at {self.base_url}", markup=False)
        self.console.print()

    def _print(self, step: Step) -> None:
        if self.json:
            return
        mark = "" if step.ok else "  FAILED"
        self.console.print(f"{step.number}. {step.title}{mark}", style="bold", markup=False)
        for call in step.calls:
            status = "---" if call.status is None else str(call.status)
            line = f"   {call.operation:<20} {call.method:<6} {status:>3} {call.ms:7.1f} ms"
            notes = "  " + "; ".join(call.notes) if call.notes else ""
            self.console.print(redact(line + notes), markup=False)
        for text in step.notes:
            self.console.print(f"   {redact(text)}", markup=False)
        if step.error:
            self.console.print(f"   error: {redact(step.error)}", markup=False)

    def summary(self, ok: bool) -> None:
        elapsed = time.perf_counter() - self.started
        calls = sum(len(s.calls) for s in self.steps)
        if self.json:
            self.session.out.data(
                {
                    "ok": ok,
                    "baseUrl": self.base_url,
                    "sandbox": self.sandbox,
                    "seconds": round(elapsed, 3),
                    "steps": [s.as_json() for s in self.steps],
                }
            )
            return
        self.console.print()
        verdict = "done" if ok else "stopped"
        self.console.print(
            f"{verdict} in {elapsed:.2f} s: {calls} HTTP requests in {len(self.steps)} steps", markup=False
        )


def _receive_event(
    receiver: WebhookReceiver, secret: str, wanted: str, timeout: float
) -> WebhookEvent | None:
    """The first delivery whose verified event is ``wanted``; ``None`` when none arrives in time."""
    from moodhood.webhooks import verify

    deadline = time.monotonic() + timeout
    while (left := deadline - time.monotonic()) > 0:
        raw = receiver.wait(left)
        if raw is None:
            return None
        event = verify(raw, secret)
        if event.event_name == wanted:
            return event
    return None


def run_demo(
    session: Session,
    *,
    space_id: str | None,
    webhook_url: str | None,
    receiver_port: int,
    wait: float,
) -> None:
    """The whole flow; raises the first error after cleaning up."""
    from moodhood._extras import MissingExtraError
    from moodhood._store import MemoryTokenStore
    from moodhood.cli._connect import credentials, open_client

    settings = session.settings
    server = None
    with contextlib.ExitStack() as stack:
        if settings.base_url is None:
            from moodhood.sandbox import SandboxConfig, SandboxServer

            config = SandboxConfig()
            try:
                server = stack.enter_context(SandboxServer(config))
            except (MissingExtraError, ModuleNotFoundError) as exc:
                missing = exc.module_name if isinstance(exc, MissingExtraError) else exc.name
                raise CommandError(
                    f"the embedded sandbox needs the 'sandbox' extra ({missing} is missing): "
                    "pip install 'moodhood[sandbox]', or pass --base-url to use a real server",
                    exit_code=2,
                ) from None
            settings = dataclasses.replace(
                settings,
                base_url=server.base_url,
                client_id=config.client_id,
                client_secret=config.client_secret,
                username=config.users[0][0],
                password=config.users[0][1],
                token=None,
            )
        assert settings.base_url is not None
        demo = Demo(session, settings.base_url, sandbox=server is not None)
        wiretap = _Wiretap(demo)
        user_creds = credentials(settings, user=None if settings.token else True)
        personal = user_creds.mode == "personal"
        demo.personal = personal
        client_creds = user_creds if personal else credentials(settings, user=False)
        mh = stack.enter_context(
            open_client(
                settings,
                creds=user_creds,
                on_token=demo.on_token,
                store=MemoryTokenStore(),
                http_client=stack.enter_context(wiretap.client()),
            )
        )
        guest = stack.enter_context(
            open_client(
                settings,
                creds=client_creds,
                on_token=demo.on_token,
                store=MemoryTokenStore(),
                http_client=stack.enter_context(wiretap.client()),
            )
        )
        demo.header()
        ok = False
        failures: list[str] = []
        cleanup: list[tuple[str, Callable[[], object]]] = []
        try:
            _flow(demo, mh, guest, space_id, webhook_url, receiver_port, wait, cleanup, stack)
            ok = True
        finally:
            if cleanup:
                with demo.step("Clean up what the demo created") as step:
                    for label, undo in reversed(cleanup):
                        try:
                            undo()
                        except Exception as exc:
                            failures.append(
                                f"could not {label}: {error_line(exc)[0].removeprefix('moodhood: error: ')}"
                            )
                    step.notes.extend(failures)
                    step.ok = not failures
            demo.summary(ok and not failures)
        if failures:
            raise DemoFailure("; ".join(failures))


def _flow(
    demo: Demo,
    mh: Moodhood,
    guest: Moodhood,
    space_id: str | None,
    webhook_url: str | None,
    receiver_port: int,
    wait: float,
    cleanup: list[tuple[str, Callable[[], object]]],
    stack: contextlib.ExitStack,
) -> None:
    from moodhood._exceptions import NotFoundError
    from moodhood.cli._receiver import WebhookReceiver
    from moodhood.embed import iframe_html, link_from_url

    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")

    title = "Sign in: a client token, then a user token (password grant)"
    with demo.step("Check the personal token" if demo.personal else title):
        me = mh.users.me()
        demo.note(f"signed in as {getattr(me, 'email', None) or me.id}")

    with demo.step("Space"):
        if space_id:
            demo.step_note(f"using the space given: {space_id}")
        elif demo.sandbox:
            space_id = mh.spaces.create(name="MoodHood demo", is_public=True).id
            demo.note(f"space {space_id}")
        else:
            spaces = mh.spaces.list().items
            if spaces:
                space_id = spaces[0].id
                demo.note(f"using your first space {space_id} ({spaces[0].name})")
            else:
                space_id = mh.spaces.create(name="MoodHood demo", is_public=True).id
                demo.note(f"created space {space_id} (spaces cannot be deleted through the API)")
    assert space_id is not None

    with demo.step("Room"):
        room = mh.rooms.create(space_id, name=f"MoodHood demo {stamp}", type="lesson", is_public=True)
        room_id: str = room.id
        cleanup.append(("delete the room", lambda: mh.rooms.delete(space_id, room_id)))
        demo.note(f"room {room_id}, alias {room.alias}")

    with demo.step("Room link for a guest (generate-access)"):
        url = mh.rooms.generate_access(space_id, room_id, username="Demo Guest", role="user", ttl=3600).url
        demo.note(url)

    with demo.step("Iframe snippet for your page"):
        try:
            link = link_from_url(url)
        except ValueError as exc:  # the spec says format: uri; a server that breaks it gets a clear line
            raise CommandError(f"the server's generate-access url is not a room link: {exc}") from None
        html = iframe_html(link, height=600)
        demo.step_note(html)

    receiver = None
    secret = None
    with demo.step("Webhook with a local receiver"):
        existing = None
        if not demo.sandbox:
            with contextlib.suppress(NotFoundError):
                existing = mh.webhooks.get(space_id)
        if existing is not None:
            demo.step_note(
                f"skipped: the space already has a webhook ({existing.url}); the demo leaves it alone"
            )
        elif webhook_url is None and not demo.receiver_reachable:
            demo.step_note(
                "skipped: a remote server cannot reach a loopback receiver; pass --webhook-url with a public "
                "URL that forwards to --receiver-port"
            )
        else:
            receiver = stack.enter_context(WebhookReceiver(port=receiver_port))
            target = webhook_url or receiver.url
            secret = mh.webhooks.create(space_id, url=target).secret
            cleanup.append(("delete the webhook", lambda: mh.webhooks.delete(space_id)))
            demo.note(f"delivers to {target}, secret {mask(secret)}")

    who = "personal token" if demo.personal else "client token"
    with demo.step(f"A participant joins ({who}) and the signed call_started event arrives"):
        participant = guest.participants.create(
            space_id,
            name="Demo Participant",
            room_id=room_id,
            role="host",
            client_unique_id=secrets.token_hex(12),
        )
        demo.note(f"participant {participant.id}")
        guest.rooms.join(space_id, room_id, participant_id=participant.id)
        if receiver is not None and secret is not None:
            event = _receive_event(receiver, secret, "call_started", wait)
            if event is None:
                if demo.receiver_reachable and webhook_url is None:
                    raise DemoFailure(f"no call_started delivery reached the receiver within {wait:g} s")
                demo.step_note(f"no call_started delivery arrived within {wait:g} s")
            else:
                demo.step_note(
                    f"webhook received: {event.event_name} for room {event.room_id}, signature verified "
                    "(moodhood.webhooks.verify)"
                )

    with demo.step("Analytics: the room's calls today (analyticsCalls)"):
        today = datetime.datetime.now(datetime.UTC).date().isoformat()
        calls = mh.analytics.calls(space_id, room_id=room_id, date=today).items
        summary = ", ".join(
            f"{c.id} ({'active' if getattr(c, 'active', False) else 'finished'})" for c in calls
        )
        demo.note(f"{len(calls)} call(s){': ' + summary if summary else ''}")


_Space = Annotated[
    str | None,
    typer.Option(
        "--space-id",
        help="With --base-url: the space to use (default: your first space).",
        show_default=False,
    ),
]
_WebhookUrl = Annotated[
    str | None,
    typer.Option(
        "--webhook-url",
        help="With --base-url: a public URL that forwards to the local receiver (else no webhook step).",
        show_default=False,
    ),
]
_ReceiverPort = Annotated[
    int, typer.Option(min=0, max=65535, help="Port of the local webhook receiver (0: any free port).")
]
_Wait = Annotated[float, typer.Option("--wait", min=0, help="Seconds to wait for the webhook delivery.")]
_DemoBaseUrl = Annotated[
    str | None,
    typer.Option(
        "--base-url",
        help="Run against this server instead of the embedded sandbox (credentials from the MOODHOOD_* "
        "variables). MOODHOOD_BASE_URL alone does not leave the sandbox.",
        show_default=False,
        rich_help_panel=CONNECTION_PANEL,
    ),
]


def register(app: typer.Typer) -> None:
    """Add ``demo`` to ``app``."""

    @command(app, "demo", overrides={"base_url": _DemoBaseUrl})
    def demo(
        session: Session,
        space_id: _Space = None,
        webhook_url: _WebhookUrl = None,
        receiver_port: _ReceiverPort = 0,
        wait: _Wait = 10.0,
    ) -> None:
        """Walk the documented flow through the SDK, on the embedded sandbox unless --base-url is given."""
        run_demo(session, space_id=space_id, webhook_url=webhook_url, receiver_port=receiver_port, wait=wait)

    del demo
