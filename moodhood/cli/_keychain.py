"""Where a profile's client secret lives: the system keyring (``keyring`` extra), a 0600 file, or nowhere.

The keyring entry is service ``moodhood``, user ``client_secret/<profile>``. The password is never kept
anywhere; only the client secret is, and only where the user chose at ``moodhood login``.
"""

from __future__ import annotations

import contextlib
from types import ModuleType

from moodhood._exceptions import ConfigurationError
from moodhood.cli._profiles import Profile

__all__ = ["KEYRING_SERVICE", "forget_secret", "keyring_backend", "read_secret", "store_secret", "where"]

KEYRING_SERVICE = "moodhood"


def _entry(profile: Profile) -> str:
    return f"client_secret/{profile.name}"


def _keyring() -> ModuleType:
    from moodhood._extras import require

    return require("keyring", "keyring")


def keyring_backend() -> str | None:
    """The name of a usable system keyring backend, or ``None`` (extra missing, or no backend here)."""
    try:
        keyring = _keyring()
        backend = keyring.get_keyring()
        priority = getattr(backend, "priority", 0)
    except Exception:  # the extra is missing, or the backend is broken: "no keyring"
        return None
    name = type(backend).__module__ + "." + type(backend).__name__
    if name.startswith(("keyring.backends.fail.", "keyring.backends.null.")) or not priority or priority <= 0:
        return None
    return type(backend).__name__


def store_secret(profile: Profile, secret: str) -> None:
    """Keep ``secret`` where ``profile.secret`` says (nothing for ``"none"``)."""
    if profile.secret == "keyring":
        try:
            _keyring().set_password(KEYRING_SERVICE, _entry(profile), secret)
        except Exception as exc:
            if isinstance(exc, ConfigurationError):
                raise
            raise ConfigurationError(
                f"the system keyring refused the client secret ({type(exc).__name__}); "
                "log in again with --store-secret-in-file or --no-store-secret"
            ) from None
    elif profile.secret == "file":
        from moodhood._files import write_private

        write_private(profile.secret_path, secret.encode("utf-8"))


def read_secret(profile: Profile) -> str | None:
    """The stored client secret, or ``None`` when it is stored nowhere or has gone missing."""
    if profile.secret == "keyring":
        try:
            value = _keyring().get_password(KEYRING_SERVICE, _entry(profile))
        except Exception as exc:
            if isinstance(exc, ConfigurationError):
                raise
            raise ConfigurationError(
                f"cannot read the client secret of profile {profile.name!r} from the system keyring "
                f"({type(exc).__name__})"
            ) from None
        return value if isinstance(value, str) and value else None
    if profile.secret == "file":
        try:
            return profile.secret_path.read_text(encoding="utf-8").strip() or None
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigurationError(
                f"cannot read the client secret file {str(profile.secret_path)!r}: {type(exc).__name__}"
            ) from None
    return None


def forget_secret(profile: Profile) -> bool:
    """Remove the stored client secret (keyring entry or file); whether there was one."""
    if profile.secret == "keyring":
        try:
            keyring = _keyring()
            if keyring.get_password(KEYRING_SERVICE, _entry(profile)) is None:
                return False
            keyring.delete_password(KEYRING_SERVICE, _entry(profile))
            return True
        except ConfigurationError:
            return False  # the extra is gone: nothing this install can remove
    if profile.secret == "file":
        with contextlib.suppress(FileNotFoundError):
            profile.secret_path.unlink()
            return True
    return False


def where(profile: Profile) -> str:
    """Where the client secret lives, for ``auth status``."""
    if profile.secret == "keyring":
        return f"system keyring (service {KEYRING_SERVICE!r}, entry {_entry(profile)!r})"
    if profile.secret == "file":
        return f"file {profile.secret_path} (mode 0600)"
    return "not stored (asked on a terminal when a renewal needs it)"
