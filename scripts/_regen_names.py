"""Resource and method names of the typed client (``mh.rooms.create``), read from the overlaid spec.

The overlay (``openapi/overlay.yaml``) names an operation with ``x-moodhood-resource`` and
``x-moodhood-method``; ``x-moodhood-resource: null`` keeps it off the resources (the token endpoint). An
operation it does not name still gets a method, so an operation added to the spec appears on the client with
no hand edit:

- resource: the resource the overlay gives most of the other operations with the same first tag (so a new
  ``RoomRecords`` operation lands on ``records``), else the tag in snake_case (``SpaceRooms`` ->
  ``space_rooms``);
- method: the operationId in snake_case (``startRecording`` -> ``start_recording``), or ``<verb>_<path>`` when
  there is none; on a clash with a name already taken on that resource, ``_<verb>`` is appended.

``diff_names`` compares two specs' names for the ``--pull`` report: every method added, removed or renamed
(BREAKING where removed or renamed: code calling it stops working).
"""

from __future__ import annotations

import keyword
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["RESERVED", "NamedOperation", "diff_names", "operation_names"]

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
RESOURCE_KEY, METHOD_KEY = "x-moodhood-resource", "x-moodhood-method"
RESERVED = frozenset(
    {"auth", "base_url", "call", "client", "close", "credentials", "max_retries", "timeout", "with_options"}
)
"""Attributes of ``Moodhood`` a default resource name must not shadow (it gets ``_api`` appended)."""


@dataclass(frozen=True)
class NamedOperation:
    """One operation and the name it has on the typed client."""

    verb: str
    path: str
    operation_id: str | None
    resource: str
    method: str
    named: bool
    """Named in the overlay (``False``: a default name)."""

    @property
    def key(self) -> tuple[str, str]:
        return self.verb, self.path

    @property
    def qualname(self) -> str:
        return f"{self.resource}.{self.method}"


def snake(text: str) -> str:
    """``createRoom`` -> ``create_room``, ``CreateWebHook`` -> ``create_web_hook``."""
    words = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", text))
    name = re.sub(r"[^0-9a-zA-Z]+", "_", words).strip("_").lower() or "operation"
    if name[0].isdigit():
        name = f"op_{name}"
    return f"{name}_" if keyword.iskeyword(name) else name


def _operations(spec: Mapping[str, Any]) -> list[tuple[str, str, Mapping[str, Any]]]:
    paths = spec.get("paths") or {}
    found = []
    for path in sorted(paths, key=str):
        item = paths[path]
        if not isinstance(item, Mapping):
            continue
        for verb in METHODS:
            op = item.get(verb)
            if isinstance(op, Mapping):
                found.append((verb, str(path), op))
    return found


def _tag(op: Mapping[str, Any]) -> str | None:
    tags = op.get("tags")
    return str(tags[0]) if isinstance(tags, list) and tags else None


def operation_names(spec: Mapping[str, Any]) -> list[NamedOperation]:
    """Every operation on the typed client, in path then verb order (the overlay already applied)."""
    ops = _operations(spec)
    by_tag: dict[str | None, Counter[str]] = {}
    for _, _, op in ops:
        resource = op.get(RESOURCE_KEY)
        if isinstance(resource, str) and resource:
            by_tag.setdefault(_tag(op), Counter())[resource] += 1
    named: list[NamedOperation] = []
    taken: set[str] = set()
    defaults: list[tuple[str, str, Mapping[str, Any]]] = []
    for verb, path, op in ops:
        if RESOURCE_KEY in op and op[RESOURCE_KEY] is None:
            continue  # kept off the resources on purpose
        resource, method = op.get(RESOURCE_KEY), op.get(METHOD_KEY)
        if isinstance(resource, str) and resource and isinstance(method, str) and method:
            item = NamedOperation(verb, path, _op_id(op), resource, method, True)
            named.append(item)
            taken.add(item.qualname)
        else:
            defaults.append((verb, path, op))
    for verb, path, op in defaults:
        counts = by_tag.get(_tag(op))
        resource = op.get(RESOURCE_KEY)
        if not (isinstance(resource, str) and resource):
            if counts:
                resource = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            else:
                resource = snake(_tag(op) or "default")
                if resource in RESERVED:
                    resource = f"{resource}_api"
        op_id = _op_id(op)
        method = snake(op_id) if op_id else snake(f"{verb}_{path}")
        if f"{resource}.{method}" in taken:
            method = f"{method}_{verb}"
        item = NamedOperation(verb, path, op_id, str(resource), method, False)
        named.append(item)
        taken.add(item.qualname)
    return sorted(named, key=lambda n: (n.path, METHODS.index(n.verb)))


def _op_id(op: Mapping[str, Any]) -> str | None:
    value = op.get("operationId")
    return str(value) if value else None


def diff_names(old: Mapping[str, Any] | None, new: Mapping[str, Any]) -> list[str]:
    """Lines for the ``--pull`` report: resource methods added, removed, renamed or moved to another path."""
    before = {n.key: n for n in operation_names(old or {})}
    after = {n.key: n for n in operation_names(new)}
    old_names = {n.qualname for n in before.values()}
    new_names = {n.qualname for n in after.values()}
    lines: list[str] = []
    for key in sorted(before.keys() | after.keys(), key=lambda k: (k[1], METHODS.index(k[0]))):
        was, now = before.get(key), after.get(key)
        where = f"{key[0].upper()} {key[1]}"
        if was is not None and now is not None:
            if was.qualname != now.qualname:
                lines.append(f"BREAKING renamed: {was.qualname} -> {now.qualname} ({where})")
        elif was is not None:
            if was.qualname in new_names:
                lines.append(f"moved: {was.qualname} now calls another path (was {where})")
            else:
                lines.append(f"BREAKING removed: {was.qualname} ({where})")
        elif now is not None and now.qualname not in old_names:
            lines.append(f"added: {now.qualname} ({where})")
    return lines
