"""OpenAPI Overlay 1.0: apply our additions (``openapi/overlay.yaml``) to the vendor's spec.

    result = apply_overlay(spec, overlay)      # spec and overlay as parsed YAML/JSON
    result.spec                                # a new document; the input is not changed
    result.unmatched                           # the actions whose target selected nothing

An overlay is a list of actions, applied in order. Each has a JSONPath ``target`` (RFC 9535, evaluated by
python-jsonpath) and either ``remove: true`` (every selected node leaves its parent) or ``update``:

- a selected **object** is merged with the update object, recursively: objects merge key by key, arrays are
  extended with the entries they lack, anything else is replaced;
- a selected **array** gets the update value appended (unless it holds an equal entry already).

A target that selects nothing is not an error (the spec it was written for may have moved on): it is listed in
``unmatched``, so that ``scripts/regenerate.py --pull`` can report overlay actions that no longer apply.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ._extras import require

__all__ = ["OverlayAction", "OverlayError", "OverlayResult", "apply_overlay"]


class OverlayError(ValueError):
    """The overlay document is not a usable Overlay 1.0 document (the message says which action and why)."""


@dataclass(frozen=True)
class OverlayAction:
    """One action as written in the overlay, with its position (0-based) for reports."""

    index: int
    target: str
    description: str = ""
    update: Any = None
    remove: bool = False

    def label(self) -> str:
        """``action 3 ($.paths[...]): description`` for reports and errors."""
        text = f"action {self.index} ({self.target})"
        return f"{text}: {self.description}" if self.description else text


@dataclass(frozen=True)
class OverlayResult:
    """The overlaid spec, and the actions whose target matched nothing."""

    spec: dict[str, Any]
    unmatched: list[OverlayAction] = field(default_factory=list)


def _actions(overlay: Mapping[str, Any]) -> list[OverlayAction]:
    if not isinstance(overlay, Mapping):
        raise OverlayError("an overlay is a mapping with 'overlay', 'info' and 'actions'")
    version = overlay.get("overlay")
    if not isinstance(version, str) or not version.startswith("1."):
        raise OverlayError(f"unsupported overlay version {version!r} (expected 1.x)")
    raw = overlay.get("actions")
    if not isinstance(raw, Sequence) or isinstance(raw, str | bytes):
        raise OverlayError("the overlay's 'actions' must be a list")
    actions = []
    for index, item in enumerate(raw):
        if not isinstance(item, Mapping) or not isinstance(item.get("target"), str):
            raise OverlayError(f"action {index} has no string 'target'")
        remove = item.get("remove", False)
        if not isinstance(remove, bool):
            raise OverlayError(f"action {index}: 'remove' must be true or false")
        if remove == ("update" in item):
            raise OverlayError(
                f"action {index} ({item['target']}): give exactly one of 'update' or 'remove: true'"
            )
        actions.append(
            OverlayAction(
                index=index,
                target=item["target"],
                description=str(item.get("description") or ""),
                update=item.get("update"),
                remove=remove,
            )
        )
    return actions


def _merge(target: Any, update: Any) -> Any:
    """Merge ``update`` into ``target`` in place where both are containers; return the merged value."""
    if isinstance(target, dict) and isinstance(update, Mapping):
        for key, value in update.items():
            target[key] = _merge(target[key], value) if key in target else copy.deepcopy(value)
        return target
    if isinstance(target, list) and isinstance(update, list):
        for value in update:
            if value not in target:
                target.append(copy.deepcopy(value))
        return target
    return copy.deepcopy(update)


def _apply(document: dict[str, Any], action: OverlayAction) -> bool:
    jsonpath = require("sandbox", "jsonpath", feature="applying the OpenAPI overlay")
    try:
        matches = list(jsonpath.finditer(action.target, document))
    except jsonpath.JSONPathError as exc:
        raise OverlayError(f"{action.label()}: invalid JSONPath: {exc}") from None
    if not matches:
        return False
    if action.remove:
        # Remove deepest-last-first so earlier removals do not shift the indexes of later ones.
        for match in sorted(matches, key=lambda m: m.parts, reverse=True):
            if not match.parts:
                raise OverlayError(f"{action.label()}: the root cannot be removed")
            parent: Any = document
            for part in match.parts[:-1]:
                parent = parent[part]
            del parent[match.parts[-1]]
        return True
    for match in matches:
        node = match.obj
        if isinstance(node, dict):
            if not isinstance(action.update, Mapping):
                raise OverlayError(f"{action.label()}: an object target needs an object 'update'")
            _merge(node, action.update)
        elif isinstance(node, list):
            if action.update not in node:
                node.append(copy.deepcopy(action.update))
        else:
            kind = type(node).__name__
            raise OverlayError(f"{action.label()}: selects a {kind}; targets must be objects or arrays")
    return True


def apply_overlay(spec: Mapping[str, Any], overlay: Mapping[str, Any]) -> OverlayResult:
    """Apply every action of ``overlay`` to a deep copy of ``spec``, in order."""
    document = copy.deepcopy(dict(spec))
    unmatched = [action for action in _actions(overlay) if not _apply(document, action)]
    return OverlayResult(spec=document, unmatched=unmatched)
