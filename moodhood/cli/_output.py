"""Rendering results: rich tables for people, ``--json`` for scripts; secrets masked in both."""

from __future__ import annotations

import contextlib
import datetime
import enum
import json
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from moodhood._files import write_private
from moodhood._secrets import mask
from moodhood.cli._errors import redact

__all__ = ["Output", "plain", "write_private_file"]

_ISO_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
_SECRET_SUFFIXES = ("token", "secret", "password")


def _is_secret_key(key: str) -> bool:
    return key.lower().replace("_", "").endswith(_SECRET_SUFFIXES)


def _mask_value(value: str) -> str:
    return value if value.startswith("…") and len(value) <= 5 else mask(value)


def plain(value: object) -> Any:
    """A JSON-ready copy of ``value`` (generated models, attrs classes, enums, dates); secrets masked.

    Values under keys naming a token, secret or password are masked, and so is every JWT or
    ``token=`` query value inside other strings (room links carry an ``accessToken``).
    """
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, enum.Enum):
        return plain(value.value)
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return plain(to_dict())
    if isinstance(value, Mapping):
        return {
            str(k): (_mask_value(v) if isinstance(v, str) and _is_secret_key(str(k)) else plain(v))
            for k, v in value.items()
        }
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    import attrs

    cls = type(value)
    if attrs.has(cls):
        return plain({a.name: getattr(value, a.name) for a in attrs.fields(cls)})
    return redact(str(value))


def write_private_file(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` readable by the owner only (it may hold a token or a secret)."""
    write_private(path.expanduser(), text.encode("utf-8"))


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    text = str(value)
    if _ISO_TIME.match(text):
        with contextlib.suppress(ValueError):
            moment = datetime.datetime.fromisoformat(text)
            if moment.utcoffset() == datetime.timedelta(0):
                return moment.strftime("%Y-%m-%d %H:%MZ")
            return moment.isoformat(" ", "minutes")
    return text


def _column(spec: str) -> tuple[str, str]:
    """``"key"`` or ``"key:Header"`` -> ``(key, header)``."""
    key, _, header = spec.partition(":")
    return key, header or key


def _no_wrap(key: str) -> bool:
    return key == "id" or key.endswith("Id")


class Output:
    """Where a command's results go. With ``json=True`` stdout carries JSON only; notes go to stderr."""

    def __init__(self, *, json: bool = False) -> None:
        self.json = json

    def _console(self, *, stderr: bool = False) -> Any:
        from rich.console import Console

        file = sys.stderr if stderr else sys.stdout
        return Console(file=file, soft_wrap=False, highlight=False, emoji=False)

    def data(
        self,
        value: object,
        *,
        columns: Sequence[str] | None = None,
        title: str | None = None,
    ) -> None:
        """Emit a result: a list as a table (``columns`` picks and orders them), an object as rows."""
        data = plain(value)
        if self.json:
            sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
            return
        if isinstance(data, list):
            self._list_table(data, columns, title)
        elif isinstance(data, dict):
            self._object_table(data, columns, title)
        else:
            self._console().print(_cell(data), markup=False)

    def _list_table(self, rows: list[Any], columns: Sequence[str] | None, title: str | None) -> None:
        from rich.table import Table

        dict_rows = [r if isinstance(r, dict) else {"value": r} for r in rows]
        specs = [_column(c) for c in columns] if columns else [(k, k) for k in _union_keys(dict_rows)]
        table = Table(title=title, title_justify="left", show_edge=False, pad_edge=False)
        for key, header in specs:
            table.add_column(header, overflow="fold", no_wrap=_no_wrap(key))
        for row in dict_rows:
            table.add_row(*(_cell(row.get(key)) for key, _ in specs))
        console = self._console()
        console.print(table)
        if not rows:
            console.print("(none)", markup=False)

    def _object_table(self, obj: dict[str, Any], columns: Sequence[str] | None, title: str | None) -> None:
        from rich.table import Table

        table = Table(title=title, title_justify="left", show_header=False, show_edge=False, pad_edge=False)
        table.add_column("field", style="bold")
        table.add_column("value", overflow="fold")
        specs = [_column(c) for c in columns] if columns else [(k, k) for k in obj]
        for key, header in specs:
            if key in obj and obj[key] is not None:
                table.add_row(header, _cell(obj[key]))
        self._console().print(table)

    def note(self, message: str) -> None:
        """A line for people: stdout normally, stderr under ``--json`` so stdout stays parseable."""
        self._console(stderr=self.json).print(redact(message), markup=False)

    def text(self, message: str) -> None:
        """Raw text on stdout, secrets redacted (``--json`` wraps it as a JSON string)."""
        if self.json:
            sys.stdout.write(json.dumps(redact(message)) + "\n")
        else:
            sys.stdout.write(redact(message) + "\n")


def _union_keys(rows: Iterable[dict[str, Any]]) -> list[str]:
    names: dict[str, None] = {}
    for row in rows:
        for key, value in row.items():
            if not isinstance(value, dict | list):
                names.setdefault(key)
    return list(names)
