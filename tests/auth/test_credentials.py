"""Credentials: three modes, environment fallback, clear errors, masked repr."""

from __future__ import annotations

import dataclasses

import pytest

from moodhood._credentials import Credentials
from moodhood._exceptions import ConfigurationError

SECRET = "s3cr3t-client-secret-value-1234"
PASSWORD = "hunter2-but-much-longer-5678"
TOKEN = "personal-token-abcdefghijk-9012"

FULL_ENV = {
    "MOODHOOD_CLIENT_ID": "env-client",
    "MOODHOOD_CLIENT_SECRET": SECRET,
    "MOODHOOD_USERNAME": "env@example.com",
    "MOODHOOD_PASSWORD": PASSWORD,
}


def test_three_modes() -> None:
    client = Credentials.client("cid", SECRET)
    user = Credentials.user("cid", SECRET, "a@example.com", PASSWORD)
    personal = Credentials.personal(TOKEN)
    assert (client.mode, user.mode, personal.mode) == ("client", "user", "personal")
    assert user.username == "a@example.com"
    assert personal.token == TOKEN
    assert client.secrets() == (SECRET,)
    assert user.secrets() == (SECRET, PASSWORD)


def test_frozen() -> None:
    creds = Credentials.client("cid", SECRET)
    with pytest.raises(dataclasses.FrozenInstanceError):
        creds.client_secret = "other"  # type: ignore[misc]


@pytest.mark.parametrize(
    "creds",
    [
        Credentials.client("cid", SECRET),
        Credentials.user("cid", SECRET, "a@example.com", PASSWORD),
        Credentials.personal(TOKEN),
    ],
)
def test_repr_and_str_mask_secrets(creds: Credentials) -> None:
    for text in (repr(creds), str(creds), f"{creds}"):
        for secret in (SECRET, PASSWORD, TOKEN):
            assert secret not in text
            assert secret[:-4] not in text
    if creds.mode != "personal":
        assert "cid" in repr(creds)
        assert "…" + SECRET[-4:] in repr(creds)


def test_constructor_rejects_missing_and_stray_values() -> None:
    with pytest.raises(ConfigurationError, match="client_secret is missing"):
        Credentials("client", client_id="cid", client_secret="")
    with pytest.raises(ConfigurationError, match="password is not used"):
        Credentials("client", client_id="cid", client_secret=SECRET, password=PASSWORD)
    with pytest.raises(ConfigurationError, match="unknown credentials mode"):
        Credentials("robot", token=TOKEN)  # type: ignore[arg-type]


def test_from_env_arguments_only() -> None:
    creds = Credentials.from_env("cid", SECRET, environ={})
    assert creds == Credentials.client("cid", SECRET)
    creds = Credentials.from_env("cid", SECRET, "u@example.com", PASSWORD, environ={})
    assert creds == Credentials.user("cid", SECRET, "u@example.com", PASSWORD)
    assert Credentials.from_env(token=TOKEN, environ=FULL_ENV) == Credentials.personal(TOKEN)


def test_from_env_variables() -> None:
    assert Credentials.from_env(environ=FULL_ENV) == Credentials.user(
        "env-client", SECRET, "env@example.com", PASSWORD
    )
    client_env = {k: v for k, v in FULL_ENV.items() if "CLIENT" in k}
    assert Credentials.from_env(environ=client_env).mode == "client"
    assert Credentials.from_env(environ={"MOODHOOD_TOKEN": TOKEN}) == Credentials.personal(TOKEN)


def test_arguments_beat_variables_one_by_one() -> None:
    creds = Credentials.from_env(client_secret="arg-secret-000000000", environ=FULL_ENV)
    assert creds.client_id == "env-client"
    assert creds.client_secret == "arg-secret-000000000"
    assert creds.password == PASSWORD


def test_explicit_client_arguments_ignore_env_token() -> None:
    env = {"MOODHOOD_TOKEN": TOKEN, "MOODHOOD_CLIENT_SECRET": SECRET}
    assert Credentials.from_env(client_id="cid", environ=env) == Credentials.client("cid", SECRET)


@pytest.mark.parametrize(
    ("kwargs", "environ", "argument", "variable"),
    [
        ({}, {"MOODHOOD_CLIENT_ID": "cid"}, "client_secret", "MOODHOOD_CLIENT_SECRET"),
        ({"client_secret": SECRET}, {}, "client_id", "MOODHOOD_CLIENT_ID"),
        ({}, {}, "client_id", "MOODHOOD_CLIENT_ID"),
        (
            {"client_id": "c", "client_secret": SECRET, "username": "u@x.io"},
            {},
            "password",
            "MOODHOOD_PASSWORD",
        ),
        (
            {"client_id": "c", "client_secret": SECRET, "password": PASSWORD},
            {},
            "username",
            "MOODHOOD_USERNAME",
        ),
        (
            {},
            {"MOODHOOD_CLIENT_ID": "cid", "MOODHOOD_CLIENT_SECRET": ""},
            "client_secret",
            "MOODHOOD_CLIENT_SECRET",
        ),
    ],
)
def test_missing_value_names_argument_and_variable(
    kwargs: dict[str, str], environ: dict[str, str], argument: str, variable: str
) -> None:
    with pytest.raises(ConfigurationError) as info:
        Credentials.from_env(**kwargs, environ=environ)
    message = str(info.value)
    assert message.startswith(f"{argument} is missing: pass {argument}= or set {variable}")
    for secret in (SECRET, PASSWORD):
        assert secret not in message


def test_nothing_at_all_mentions_personal_token_too() -> None:
    with pytest.raises(ConfigurationError, match="MOODHOOD_TOKEN"):
        Credentials.from_env(environ={})


def test_contradictions_are_errors() -> None:
    with pytest.raises(ConfigurationError, match="not both"):
        Credentials.from_env(client_id="cid", token=TOKEN, environ={})
    env = {"MOODHOOD_TOKEN": TOKEN, "MOODHOOD_CLIENT_ID": "cid", "MOODHOOD_CLIENT_SECRET": SECRET}
    with pytest.raises(ConfigurationError, match="MOODHOOD_TOKEN") as info:
        Credentials.from_env(environ=env)
    assert TOKEN not in str(info.value) and SECRET not in str(info.value)


@pytest.mark.parametrize("bad", [TOKEN + "\n", " " + TOKEN, TOKEN[:5] + " " + TOKEN[5:], TOKEN + "ø"])
def test_personal_token_that_is_no_bearer_is_a_clear_error_without_echoing_it(bad: str) -> None:
    """A token read from a file keeps its newline: sent as is, h11 would raise an error quoting it whole."""
    with pytest.raises(ConfigurationError, match="token") as info:
        Credentials.personal(bad)
    assert TOKEN[5:-4] not in str(info.value)
    with pytest.raises(ConfigurationError):
        Credentials.from_env(environ={"MOODHOOD_TOKEN": bad})
