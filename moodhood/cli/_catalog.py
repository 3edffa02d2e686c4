"""The top-level commands: where each lives and its one-line help, known without importing it.

``moodhood --help`` lists these lines; a command's module is imported only when the command runs (or
shell completion asks for it). ``tests/cli/test_framework.py`` checks that each line matches the
command's own help.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["CATALOG", "Entry"]


class Entry(NamedTuple):
    """A top-level command: the module whose ``register(app)`` adds it, and its short help."""

    module: str
    help: str


_AUTH = "moodhood.cli._auth_cmds"

CATALOG: dict[str, Entry] = {
    "login": Entry(_AUTH, "Sign in once and save a profile, so later commands need no credentials."),
    "logout": Entry(_AUTH, "Forget a profile: its tokens, its stored client secret, its settings."),
    "auth": Entry(_AUTH, "Who you are signed in as: profiles, tokens, where secrets live."),
    "token": Entry(_AUTH, "Show the tokens in use, masked: kind, audience, expiry (no request)."),
    "spaces": Entry("moodhood.cli._spaces", "Spaces: list, create, update."),
    "rooms": Entry(
        "moodhood.cli._rooms", "Rooms: list, get, create, update, delete; guest links and iframes."
    ),
    "invites": Entry("moodhood.cli._invites", "Space invites: create one, activate one."),
    "webhook": Entry(
        "moodhood.cli._webhook", "The space's webhook: manage it, and verify a delivered payload."
    ),
    "records": Entry("moodhood.cli._records", "Room recordings: list them, download them."),
    "analytics": Entry("moodhood.cli._analytics", "Call analytics: the calls of a day, a call's report."),
    "sandbox": Entry(
        "moodhood.cli._sandbox",
        "Serve a local, stateful MoodHood sandbox (spec-checked, in memory) until Ctrl-C.",
    ),
    "demo": Entry(
        "moodhood.cli._demo",
        "Walk the documented flow through the SDK, on the embedded sandbox unless --base-url is given.",
    ),
    "cassettes": Entry("moodhood.cli._cassettes", "Recorded VCR cassettes: check them for leaked secrets."),
}
