"""Profiles: what ``moodhood login`` remembers, one directory per profile under the config directory.

``$XDG_CONFIG_HOME/moodhood/profiles/<name>/`` (default ``~/.config/moodhood/...``, directories 0700):

- ``profile.json``: base URL, client id, username, where the client secret lives, ``allow_insecure_http``;
- ``tokens.json``: the token store (access and refresh tokens; never a secret or a password);
- ``client_secret``: only when the user chose ``--store-secret-in-file``.

Every file is written by ``write_private`` (mode 0600, atomic). The profile in use is ``--profile``, else
``MOODHOOD_PROFILE``, else ``default``.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

from moodhood._exceptions import ConfigurationError

__all__ = [
    "DEFAULT_PROFILE",
    "PROFILE_ENV",
    "Profile",
    "SecretHome",
    "check_name",
    "config_dir",
    "delete_profile",
    "load_profile",
    "profile_dir",
    "profile_names",
    "save_profile",
]

DEFAULT_PROFILE = "default"
PROFILE_ENV = "MOODHOOD_PROFILE"
_FORMAT = "moodhood-profile"
_VERSION = 1
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")

SecretHome = Literal["keyring", "file", "none"]
"""Where a profile's client secret lives: the system keyring, a 0600 file, or nowhere (asked when needed)."""


@dataclass(frozen=True)
class Profile:
    """One login: who, where, and where its client secret lives (no secret in here)."""

    name: str
    base_url: str
    client_id: str
    username: str
    secret: SecretHome = "none"
    allow_insecure_http: bool = False

    @property
    def directory(self) -> Path:
        return profile_dir(self.name)

    @property
    def token_path(self) -> Path:
        return self.directory / "tokens.json"

    @property
    def secret_path(self) -> Path:
        return self.directory / "client_secret"


def config_dir() -> Path:
    """``$XDG_CONFIG_HOME/moodhood``, or ``~/.config/moodhood``."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base).expanduser() / "moodhood"


def check_name(name: str) -> str:
    """``name`` if it is a usable profile name (letters, digits, ``_.-``; not starting with ``.``/``-``)."""
    if not _NAME.fullmatch(name):
        raise ConfigurationError(
            f"bad profile name {name!r}: use letters, digits, '_', '.' and '-' (at most 64, "
            "starting with a letter or digit)"
        )
    return name


def profile_dir(name: str) -> Path:
    return config_dir() / "profiles" / check_name(name)


def _path(name: str) -> Path:
    return profile_dir(name) / "profile.json"


def load_profile(name: str) -> Profile | None:
    """The saved profile ``name``, or ``None``; a damaged file is a one-line ``ConfigurationError``."""
    path = _path(name)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ConfigurationError(f"cannot read the profile {str(path)!r}: {type(exc).__name__}") from None
    fields = ("base_url", "client_id", "username")
    if (
        not isinstance(data, dict)
        or data.get("format") != _FORMAT
        or data.get("version") != _VERSION
        or not all(isinstance(data.get(f), str) and data[f] for f in fields)
        or data.get("secret") not in ("keyring", "file", "none")
    ):
        raise ConfigurationError(
            f"{str(path)!r} is not a moodhood profile this version understands: run 'moodhood login' again"
        )
    return Profile(
        name=name,
        base_url=data["base_url"],
        client_id=data["client_id"],
        username=data["username"],
        secret=data["secret"],
        allow_insecure_http=data.get("allow_insecure_http") is True,
    )


def save_profile(profile: Profile) -> None:
    """Write ``profile.json`` (0600, atomic)."""
    from moodhood._files import write_private

    data = {"format": _FORMAT, "version": _VERSION, **asdict(profile)}
    del data["name"]  # the directory names it
    write_private(_path(profile.name), (json.dumps(data, indent=2) + "\n").encode())


def delete_profile(profile: Profile) -> list[Path]:
    """Remove the profile's files (and its directory when that is left empty); returns what was removed."""
    removed = []
    directory = profile.directory
    for file in (profile.token_path, profile.secret_path, _path(profile.name)):
        # each file written through moodhood._files has a writers' lock file beside it
        for path in (file, file.with_name(file.name + ".lock")):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                removed.append(path)
    with contextlib.suppress(OSError):
        directory.rmdir()
    return removed


def profile_names() -> list[str]:
    """The names of the saved profiles, sorted."""
    root = config_dir() / "profiles"
    try:
        return sorted(p.parent.name for p in root.glob("*/profile.json") if _NAME.fullmatch(p.parent.name))
    except OSError:
        return []
