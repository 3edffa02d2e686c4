"""Token stores: where access and refresh tokens live between calls and processes.

A store maps a ``TokenKey`` (base URL, client_id, username) to a ``TokenRecord``: the access token, the
refresh token when there is one, and their expiries as absolute wall-clock times (seconds since the epoch)
with their full lifetimes. Stores never hold a client secret or a password.

``MemoryTokenStore`` (the default) keeps records in the process. ``FileTokenStore`` keeps them in a JSON
file written with mode 0600 by atomic replace, serialised between processes by ``flock`` on a lock file.
"""

from __future__ import annotations

import contextlib
import json
import logging
import math
import os
import threading
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple, Protocol, runtime_checkable

from . import _files
from ._exceptions import TokenStoreError
from ._secrets import mask

__all__ = [
    "FileTokenStore",
    "MemoryTokenStore",
    "StoredToken",
    "TokenKey",
    "TokenRecord",
    "TokenStore",
]

logger = logging.getLogger("moodhood.store")

_FORMAT = "moodhood-tokens"
_VERSION = 1


class TokenKey(NamedTuple):
    """Which tokens a record holds: the API base URL, the client id, and the user (``None``: client token)."""

    base_url: str
    client_id: str
    username: str | None = None


@dataclass(frozen=True, repr=False)
class StoredToken:
    """A token at rest: its value, absolute wall-clock expiry and full lifetime (``None`` when unknown)."""

    value: str
    expires_at: float | None = None
    lifetime: float | None = None

    def __repr__(self) -> str:
        return (
            f"StoredToken({mask(self.value)!r}, expires_at={self.expires_at!r}, lifetime={self.lifetime!r})"
        )

    __str__ = __repr__


@dataclass(frozen=True)
class TokenRecord:
    """The tokens stored under one key."""

    access: StoredToken
    refresh: StoredToken | None = None


@runtime_checkable
class TokenStore(Protocol):
    """Where ``MoodhoodAuth`` keeps tokens. Implementations must be safe to call from several threads."""

    def load(self, key: TokenKey) -> TokenRecord | None:
        """The record for ``key``, or ``None``."""
        ...

    def save(self, key: TokenKey, record: TokenRecord) -> None:
        """Store ``record`` under ``key``, replacing what was there."""
        ...

    def delete(self, key: TokenKey) -> None:
        """Forget ``key`` (no error when absent)."""
        ...


class MemoryTokenStore:
    """Tokens kept in this process only (the default)."""

    def __init__(self) -> None:
        self._records: dict[TokenKey, TokenRecord] = {}
        self._lock = threading.Lock()

    def load(self, key: TokenKey) -> TokenRecord | None:
        with self._lock:
            return self._records.get(key)

    def save(self, key: TokenKey, record: TokenRecord) -> None:
        with self._lock:
            self._records[key] = record

    def delete(self, key: TokenKey) -> None:
        with self._lock:
            self._records.pop(key, None)

    def __repr__(self) -> str:
        return f"MemoryTokenStore(records={len(self._records)})"


def _token_to_json(token: StoredToken) -> dict[str, Any]:
    return {"value": token.value, "expires_at": token.expires_at, "lifetime": token.lifetime}


def _number_or_none(value: object) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("not a number")
    try:
        number = float(value)
    except OverflowError:  # a 400-digit integer
        raise ValueError("not a finite number") from None
    if not math.isfinite(number):  # NaN or infinity would keep a token fresh forever
        raise ValueError("not a finite number")
    return number


def _token_from_json(data: object) -> StoredToken:
    if not isinstance(data, dict) or not isinstance(data.get("value"), str) or not data["value"]:
        raise ValueError("bad token entry")
    return StoredToken(
        data["value"], _number_or_none(data.get("expires_at")), _number_or_none(data.get("lifetime"))
    )


class FileTokenStore:
    """Tokens kept in a JSON file shared by processes.

    The file is written by ``moodhood._files.write_private`` (mode 0600 from the start, atomic rename, stale
    temporary files of killed writers removed, symbolic links refused); readers and writers serialise on an
    exclusive ``flock`` of ``<path>.lock`` (POSIX; elsewhere only the atomic replace protects it). Reading a
    corrupt or foreign file logs a warning and counts as empty; writing over one raises ``TokenStoreError``
    rather than destroying it.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)

    def __repr__(self) -> str:
        return f"FileTokenStore({str(self.path)!r})"

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        lock = _files.locked(self.path)
        try:
            lock.__enter__()
        except OSError as exc:
            raise TokenStoreError(
                f"cannot lock the token store {str(self.path)!r}: {exc.strerror or exc}"
            ) from None
        with contextlib.ExitStack() as stack:
            stack.push(lock)
            yield

    def _read(self, *, for_write: bool) -> dict[str, Any]:
        """The parsed file (``{}`` if absent); bad files warn on read, raise ``TokenStoreError`` on write."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except (OSError, UnicodeDecodeError) as exc:
            return self._problem(
                f"cannot read the token store {str(self.path)!r}: {type(exc).__name__}", for_write
            )
        try:
            data = json.loads(text)
        except ValueError:
            return self._problem(f"the token store {str(self.path)!r} is not valid JSON", for_write)
        if (
            not isinstance(data, dict)
            or data.get("format") != _FORMAT
            or not isinstance(data.get("entries"), list)
        ):
            return self._problem(f"{str(self.path)!r} is not a moodhood token store", for_write)
        if data.get("version") != _VERSION:
            return self._problem(
                f"the token store {str(self.path)!r} has unsupported version {data.get('version')!r}",
                for_write,
            )
        return data

    def _problem(self, message: str, for_write: bool) -> dict[str, Any]:
        if for_write:
            raise TokenStoreError(message + "; refusing to overwrite it (delete it or choose another path)")
        logger.warning("%s; ignoring it", message)
        warnings.warn(f"{message}; ignoring it", RuntimeWarning, stacklevel=4)
        return {}

    @staticmethod
    def _matches(entry: object, key: TokenKey) -> bool:
        return (
            isinstance(entry, dict)
            and entry.get("base_url") == key.base_url
            and entry.get("client_id") == key.client_id
            and entry.get("username") == key.username
        )

    def load(self, key: TokenKey) -> TokenRecord | None:
        with self._locked():
            data = self._read(for_write=False)
        for entry in data.get("entries", []):
            if self._matches(entry, key):
                try:
                    refresh = entry.get("refresh")
                    return TokenRecord(
                        _token_from_json(entry.get("access")),
                        None if refresh is None else _token_from_json(refresh),
                    )
                except ValueError:
                    logger.warning("ignoring a malformed entry in the token store %r", str(self.path))
                    return None
        return None

    def save(self, key: TokenKey, record: TokenRecord) -> None:
        entry: dict[str, Any] = {
            "base_url": key.base_url,
            "client_id": key.client_id,
            "username": key.username,
            "access": _token_to_json(record.access),
            "refresh": None if record.refresh is None else _token_to_json(record.refresh),
        }
        with self._locked():
            data = self._read(for_write=True)
            entries = [e for e in data.get("entries", []) if not self._matches(e, key)]
            entries.append(entry)
            self._write({"format": _FORMAT, "version": _VERSION, "entries": entries})

    def delete(self, key: TokenKey) -> None:
        with self._locked():
            data = self._read(for_write=True)
            entries = data.get("entries", [])
            kept = [e for e in entries if not self._matches(e, key)]
            if len(kept) != len(entries):
                self._write({"format": _FORMAT, "version": _VERSION, "entries": kept})

    def _write(self, data: dict[str, Any]) -> None:
        text = json.dumps(data, indent=2, sort_keys=True)
        try:
            _files.write_private(self.path, text.encode("utf-8"))
        except OSError as exc:
            raise TokenStoreError(
                f"cannot write the token store {str(self.path)!r}: {exc.strerror or exc}"
            ) from None
