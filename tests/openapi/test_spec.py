"""Checks of openapi/moodhood.yaml: validity, the documented surface, the project's decisions and
generator-friendliness (see docs/decisions.md)."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_schema_validator import OAS30Validator, oas30_format_checker
from openapi_spec_validator import validate

from tests._spec import API_SPEC, SPEC, Op, operations_of

SPEC_PATH = Path(__file__).resolve().parents[2] / "openapi" / "moodhood.yaml"
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")

# operationId -> (method, path relative to /v1, tag)
OPERATIONS: dict[str, tuple[str, str, str]] = {
    "getAccessToken": ("post", "/auth/token", "Auth"),
    "createSpace": ("post", "/spaces", "Spaces"),
    "listSpaces": ("get", "/spaces", "Spaces"),
    "updateSpace": ("put", "/spaces/{spaceId}", "Spaces"),
    "createRoom": ("post", "/spaces/{spaceId}/rooms", "SpaceRooms"),
    "listRooms": ("get", "/spaces/{spaceId}/rooms", "SpaceRooms"),
    "getRoom": ("get", "/spaces/{spaceId}/rooms/{roomId}", "SpaceRooms"),
    "updateRoom": ("put", "/spaces/{spaceId}/rooms/{roomId}", "SpaceRooms"),
    "deleteRoom": ("delete", "/spaces/{spaceId}/rooms/{roomId}", "SpaceRooms"),
    "getRoomByAlias": ("get", "/spaces/room-by-alias/{alias}", "SpaceRooms"),
    "createNewUser": ("post", "/users", "Users"),
    "getMe": ("get", "/users/me", "Users"),
    "getMyMeetingSettings": ("get", "/users/me/settings/meetings", "Users"),
    "updateMyMeetingSettings": ("put", "/users/me/settings/meetings", "Users"),
    "createInvite": ("post", "/spaces/{spaceId}/invites", "SpaceInvites"),
    "activateInvite": ("post", "/spaces/{spaceId}/invites/{inviteId}/activate", "SpaceInvites"),
    "grantRoleToUserAtRoom": ("post", "/spaces/{spaceId}/rooms/{roomId}/roles", "RoomRoles"),
    "roomGenerateAccess": ("post", "/spaces/{spaceId}/rooms/{roomId}/generate-access", "RoomGenerateAccess"),
    "roomGenerateGuestUrl": (
        "post",
        "/spaces/{spaceId}/rooms/{roomId}/generate-access/guest-url",
        "RoomGenerateAccess",
    ),
    "createParticipant": ("post", "/spaces/{spaceId}/participants", "Participants"),
    "createParticipantSignalingToken": (
        "post",
        "/spaces/{spaceId}/participants/{participantId}/signaling-token",
        "Participants",
    ),
    "joinRoom": ("post", "/spaces/{spaceId}/rooms/{roomId}/join", "Participants"),
    "CreateWebHook": ("post", "/spaces/{spaceId}/webhook", "WebHook"),
    "GetWebHook": ("get", "/spaces/{spaceId}/webhook", "WebHook"),
    "UpdateWebHook": ("put", "/spaces/{spaceId}/webhook", "WebHook"),
    "DeleteWebHook": ("delete", "/spaces/{spaceId}/webhook", "WebHook"),
    "RefreshSecretWebHook": ("put", "/spaces/{spaceId}/webhook/refresh-secret", "WebHook"),
    "listRoomRecords": ("get", "/spaces/{spaceId}/rooms/{roomId}/records", "RoomRecords"),
    "RedirectToDownloadRoomRecord": (
        "get",
        "/spaces/{spaceId}/rooms/{roomId}/records/download/{recordId}",
        "RoomRecords",
    ),
    "analyticsCalls": ("get", "/spaces/{spaceId}/analytics/calls", "SpaceAnalytics"),
    "getRoomAnalyticsReport": ("get", "/spaces/{spaceId}/analytics/report", "SpaceAnalytics"),
}

CREATES = (
    "createSpace",
    "createRoom",
    "createNewUser",
    "createInvite",
    "createParticipant",
    "createParticipantSignalingToken",
    "CreateWebHook",
    "roomGenerateAccess",
    "roomGenerateGuestUrl",
)
EMPTY_SUCCESS = ("deleteRoom", "DeleteWebHook", "activateInvite", "joinRoom")
NO_AUTH = {"getAccessToken", "roomGenerateGuestUrl"}
INVENTED_IDS = (
    "getRoomByAlias",
    "getRoom",
    "listRooms",
    "deleteRoom",
    "listSpaces",
    "listRoomRecords",
    "createParticipant",
    "createParticipantSignalingToken",
    "joinRoom",
    "getMe",
    "getMyMeetingSettings",
    "updateMyMeetingSettings",
)


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    with SPEC_PATH.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    assert isinstance(data, dict)
    return data


def _operations(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in spec["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                yield path, method, item[method]


def _by_id(spec: dict[str, Any]) -> dict[str, tuple[str, str, dict[str, Any]]]:
    return {op["operationId"]: (method, path, op) for path, method, op in _operations(spec)}


def _resolve(spec: dict[str, Any], node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        node = _pointer(spec, node["$ref"])
    return node


def _pointer(spec: dict[str, Any], ref: str) -> Any:
    assert ref.startswith("#/"), f"only local refs are used: {ref}"
    node: Any = spec
    for part in ref[2:].split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        assert isinstance(node, dict) and part in node, f"unresolvable $ref {ref}"
        node = node[part]
    return node


def _walk(node: Any, where: str = "#") -> Iterator[tuple[str, Any]]:
    yield where, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _walk(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, f"{where}/{index}")


def _response_schema(spec: dict[str, Any], response: Any, content_type: str = "application/json") -> Any:
    resolved = _resolve(spec, response)
    return resolved["content"][content_type]["schema"]


# --- validity and references ---------------------------------------------------------------------------


def test_spec_is_valid_openapi_3_0_3(spec: dict[str, Any]) -> None:
    assert spec["openapi"] == "3.0.3"
    validate(spec)


def test_every_ref_resolves(spec: dict[str, Any]) -> None:
    refs = [node["$ref"] for _, node in _walk(spec) if isinstance(node, dict) and "$ref" in node]
    assert len(refs) > 100
    for ref in refs:
        assert _pointer(spec, ref) is not None


def test_every_component_is_used(spec: dict[str, Any]) -> None:
    refs = {node["$ref"] for _, node in _walk(spec) if isinstance(node, dict) and "$ref" in node}
    # Standalone models: the webhook envelope (also a callback body) and the optional x-cl-id header.
    for kind in ("schemas", "responses", "parameters", "headers"):
        for name in spec["components"][kind]:
            ref = f"#/components/{kind}/{name}"
            assert ref in refs or ref == "#/components/parameters/XClId", f"unused component {ref}"


# --- the documented surface -----------------------------------------------------------------------------


def test_servers_follow_d1(spec: dict[str, Any]) -> None:
    assert [s["url"] for s in spec["servers"]] == [
        "https://moodhood.online/v1",
        "https://moodhood-api.livedigital.space/v1",
        "https://moodhood-api.teleboss.ru/v1",
    ]


def test_paths_are_relative_to_v1(spec: dict[str, Any]) -> None:
    for path in spec["paths"]:
        assert path.startswith("/") and not path.startswith("/v1")


@pytest.mark.parametrize("operation_id", sorted(OPERATIONS))
def test_operation_present_with_method_path_and_tag(spec: dict[str, Any], operation_id: str) -> None:
    method, path, tag = OPERATIONS[operation_id]
    op = spec["paths"][path][method]
    assert op["operationId"] == operation_id
    assert op["tags"] == [tag]
    assert op.get("summary") and op.get("description")


def test_exactly_the_known_operations(spec: dict[str, Any]) -> None:
    ids = [op["operationId"] for _, _, op in _operations(spec)]
    assert len(ids) == len(set(ids))
    assert set(ids) == set(OPERATIONS)


def test_tags_are_declared(spec: dict[str, Any]) -> None:
    declared = {t["name"] for t in spec["tags"]}
    assert declared == {tag for _, _, tag in OPERATIONS.values()}
    participants = next(t for t in spec["tags"] if t["name"] == "Participants")
    assert participants["x-moodhood-assumed"] is True


def test_invented_operation_ids_are_marked_assumed(spec: dict[str, Any]) -> None:
    ops = _by_id(spec)
    for operation_id in INVENTED_IDS:
        op = ops[operation_id][2]
        assert op.get("x-moodhood-assumed") is True, operation_id
        assert "operationid" in op["description"].lower(), operation_id


def test_path_parameters_are_declared(spec: dict[str, Any]) -> None:
    for path, item in spec["paths"].items():
        names = {
            _resolve(spec, p)["name"] for p in item.get("parameters", []) if _resolve(spec, p)["in"] == "path"
        }
        assert names == set(re.findall(r"{(\w+)}", path)), path


# --- security ----------------------------------------------------------------------------------------


def test_global_bearer_security(spec: dict[str, Any]) -> None:
    assert spec["security"] == [{"bearerAuth": []}]
    schemes = spec["components"]["securitySchemes"]
    assert list(schemes) == ["bearerAuth"]
    scheme = schemes["bearerAuth"]
    assert scheme["type"] == "http" and scheme["scheme"] == "bearer"
    text = scheme["description"].lower()
    for word in ("client token", "user token", "personal token", "x-cl-id"):
        assert word in text


def test_security_empty_exactly_on_token_and_guest_url(spec: dict[str, Any]) -> None:
    for _, _, op in _operations(spec):
        if op["operationId"] in NO_AUTH:
            assert op["security"] == []
        else:
            # Operation-level security would make the generator demand AuthenticatedClient.
            assert "security" not in op, op["operationId"]


def test_x_cl_id_is_not_attached_to_operations(spec: dict[str, Any]) -> None:
    header = spec["components"]["parameters"]["XClId"]
    assert header["in"] == "header" and header["required"] is False
    for path, method, op in _operations(spec):
        params = list(spec["paths"][path].get("parameters", [])) + list(op.get("parameters", []))
        names = {_resolve(spec, p)["name"].lower() for p in params}
        assert "x-cl-id" not in names, f"{method} {path}"


# --- status codes and errors ---------------------------------------------------------------------------


@pytest.mark.parametrize("operation_id", CREATES)
def test_creates_declare_200_and_201_with_the_same_schema(spec: dict[str, Any], operation_id: str) -> None:
    op = _by_id(spec)[operation_id][2]
    responses = op["responses"]
    assert _response_schema(spec, responses["200"]) == _response_schema(spec, responses["201"])
    assert _resolve(spec, responses["201"]).get("x-moodhood-assumed") is True


@pytest.mark.parametrize("operation_id", EMPTY_SUCCESS)
def test_empty_successes_declare_200_and_204(spec: dict[str, Any], operation_id: str) -> None:
    op = _by_id(spec)[operation_id][2]
    for code in ("200", "204"):
        assert "content" not in _resolve(spec, op["responses"][code])
    assert not {"201", "202"} & set(op["responses"])


def test_token_endpoint_errors_are_oauth(spec: dict[str, Any]) -> None:
    op = _by_id(spec)["getAccessToken"][2]
    for code in ("400", "401"):
        assert _response_schema(spec, op["responses"][code]) == {"$ref": "#/components/schemas/OAuthError"}
    oauth = spec["components"]["schemas"]["OAuthError"]
    assert set(oauth["properties"]) == {"error", "error_description"}


def test_other_endpoints_declare_shared_error_responses(spec: dict[str, Any]) -> None:
    expected = {
        "400": "BadRequest",
        "401": "Unauthorized",
        "403": "Forbidden",
        "404": "NotFound",
        "422": "UnprocessableEntity",
        "429": "TooManyRequests",
    }
    for _, _, op in _operations(spec):
        if op["operationId"] == "getAccessToken":
            continue
        for code, name in expected.items():
            assert op["responses"][code] == {"$ref": f"#/components/responses/{name}"}, (
                op["operationId"],
                code,
            )
    for name in expected.values():
        assert _response_schema(spec, {"$ref": f"#/components/responses/{name}"}) == {
            "$ref": "#/components/schemas/Error"
        }
    assert set(spec["components"]["schemas"]["Error"]["properties"]) == {"message", "code"}


def test_429_carries_retry_after(spec: dict[str, Any]) -> None:
    too_many = spec["components"]["responses"]["TooManyRequests"]
    assert _resolve(spec, too_many["headers"]["Retry-After"])["schema"]["type"] == "string"
    assert _by_id(spec)["getAccessToken"][2]["responses"]["429"] == {
        "$ref": "#/components/responses/TooManyRequests"
    }


def test_download_record_declares_text_url_and_redirect(spec: dict[str, Any]) -> None:
    responses = _by_id(spec)["RedirectToDownloadRoomRecord"][2]["responses"]
    assert responses["200"]["content"]["text/plain"]["schema"] == {"type": "string"}
    assert "Location" in responses["302"]["headers"]


def test_analytics_report_content_types(spec: dict[str, Any]) -> None:
    op = _by_id(spec)["getRoomAnalyticsReport"][2]
    content = op["responses"]["200"]["content"]
    assert set(content) == {
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/json",
    }
    xlsx = content["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]["schema"]
    assert xlsx == {"type": "string", "format": "binary"}
    report = _resolve(spec, content["application/json"]["schema"])
    assert report["type"] == "object" and report["additionalProperties"] is True
    formats = {p["name"]: _resolve(spec, p["schema"]) for p in op["parameters"]}
    assert formats["format"]["enum"] == ["xlsx", "json"]
    assert all(p["required"] for p in op["parameters"])


# --- query parameters ----------------------------------------------------------------------------------


def test_analytics_calls_query(spec: dict[str, Any]) -> None:
    method, _, op = _by_id(spec)["analyticsCalls"]
    assert method == "get"
    params = {p["name"]: p for p in op["parameters"]}
    assert set(params) == {"roomId", "date"}
    assert all(p["in"] == "query" and p["required"] for p in params.values())
    assert params["date"]["schema"] == {"type": "string"}


def test_list_room_records_query(spec: dict[str, Any]) -> None:
    op = _by_id(spec)["listRoomRecords"][2]
    params = {p["name"]: p for p in op["parameters"]}
    assert set(params) == {"dateFrom", "dateTo"}
    for p in params.values():
        assert p["in"] == "query" and p["required"] is False
        assert p["schema"] == {"type": "string", "format": "date-time"}


def test_no_invented_paging_parameters(spec: dict[str, Any]) -> None:
    for where, node in _walk(spec["paths"]):
        if isinstance(node, dict) and node.get("in") == "query":
            assert node["name"].lower() not in {"page", "limit", "offset", "cursor", "perpage", "skip"}, where


# --- assumptions ---------------------------------------------------------------------------------------


def test_every_assumption_is_explained(spec: dict[str, Any]) -> None:
    marked = [
        (where, node)
        for where, node in _walk(spec)
        if isinstance(node, dict) and "x-moodhood-assumed" in node
    ]
    assert len(marked) >= 30
    for where, node in marked:
        assert node["x-moodhood-assumed"] is True, where
        assert isinstance(node.get("description"), str) and node["description"].strip(), where
        assert "$ref" not in node, f"{where}: siblings of $ref are ignored in OpenAPI 3.0"


@pytest.mark.parametrize(
    ("pointer", "why"),
    [
        ("#/components/schemas/GrantType", "refresh grant (D4)"),
        ("#/components/schemas/Error", "error shape (D10)"),
        ("#/components/schemas/Room", "nullable choices"),
        ("#/components/responses/OAuthBadRequest", "token error status (D10)"),
        ("#/components/responses/NoContent", "204 (D11)"),
        ("#/paths/~1spaces~1{spaceId}~1rooms/post", "full Room response (D9)"),
        ("#/paths/~1users/post", "user token for createUser (D6)"),
        ("#/paths/~1spaces~1{spaceId}~1analytics~1calls/get", "GET (D8)"),
        ("#/paths/~1spaces~1{spaceId}~1rooms~1{roomId}~1generate-access~1guest-url/post", "no auth (D18)"),
    ],
)
def test_key_decisions_are_marked(spec: dict[str, Any], pointer: str, why: str) -> None:
    assert _pointer(spec, pointer).get("x-moodhood-assumed") is True, why


def test_nullable_choices_are_marked(spec: dict[str, Any]) -> None:
    """Only `breakoutRooms.session.startedAt` is documented as null; every other nullable is a choice."""
    documented = {"#/components/schemas/RoomBreakoutRoomsSession/properties/startedAt"}
    nullables = [
        where for where, node in _walk(spec) if isinstance(node, dict) and node.get("nullable") is True
    ]
    assert set(documented) < set(nullables)
    assert len(nullables) >= 20
    for where in nullables:
        node = _pointer(spec, where)
        if where in documented:
            assert "x-moodhood-assumed" not in node
        else:
            assert node.get("x-moodhood-assumed") is True, where
            assert "nullable" in node["description"].lower(), where


def test_refresh_grant_is_in_the_enum(spec: dict[str, Any]) -> None:
    grant = spec["components"]["schemas"]["GrantType"]
    assert grant["enum"] == ["client_credentials", "password", "refresh_token"]
    assert "refresh_token" in grant["description"]


# --- schemas -------------------------------------------------------------------------------------------

ROOM_FIELDS = {
    "id", "appId", "channelId", "spaceId", "templateId", "parentRoomId", "alias", "name", "isPublic", "type",
    "waitingRoomAudience", "redirectUrl", "isChatAllowed", "isFavorite", "isRecordAllowed",
    "isScreensharingAllowed", "isAutoRecordingAllowed", "isMicrophonePublishingAllowed",
    "isScreenMediaPublishingAllowed", "isCameraPublishingAllowed", "isAvatarsAllowed",
    "isSelfRenamingAllowed", "isHandRaisingAllowed", "isRemoteDrawingAllowed", "lastCallAt", "createdAt",
    "roleInRoom", "breakoutRooms", "joinSettings",
}  # fmt: skip


def test_room_has_every_documented_field(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    room = schemas["Room"]
    assert set(room["properties"]) == ROOM_FIELDS
    assert room["required"] == ["id"]
    for field in ("templateId", "parentRoomId", "lastCallAt"):
        assert room["properties"][field]["nullable"] is True
    assert schemas["RoomBreakoutRoomsSession"]["properties"]["startedAt"]["nullable"] is True
    assert set(schemas["RoomJoinSettingsField"]["properties"]) == {
        "slug", "type", "title", "enabled", "required", "description"
    }  # fmt: skip
    assert set(schemas["RoomJoinSettingsCustomField"]["properties"]) == {
        "id", "type", "title", "enabled", "required", "description", "order"
    }  # fmt: skip


def test_record_and_call_fields(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    assert set(schemas["RoomRecord"]["properties"]) == {
        "id", "name", "fileSize", "roomId", "spaceId", "callId", "state", "createdAt", "startedAt",
        "finishedAt",
    }  # fmt: skip
    assert set(schemas["RoomRecordList"]["properties"]) == {"items", "total"}
    assert set(schemas["Call"]["properties"]) == {
        "id", "active", "roomId", "participantsCount", "isBreakoutRoom", "planAlias", "roomType",
        "totalParticipantsCount", "uniqueParticipantsCount", "startedAt", "finishedAt",
    }  # fmt: skip


def test_webhook_event_envelope(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    assert set(schemas["WebhookEvent"]["required"]) == {"signature", "body"}
    body = schemas["WebhookEventBody"]
    assert set(body["properties"]) == {"eventName", "roomId", "spaceId", "recordId"}
    assert "recordId" not in body["required"]
    callback = _by_id(spec)["CreateWebHook"][2]["callbacks"]["webhookEvent"]["{$request.body#/url}"]["post"]
    assert callback["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/WebhookEvent"
    }
    assert "secret" not in schemas["Webhook"]["properties"]
    assert "secret" in schemas["WebhookWithSecret"]["required"]


def test_request_enums(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    assert schemas["RoomType"]["enum"] == ["lesson", "webinar"]
    assert schemas["SpaceInviteRole"]["enum"] == ["role_space_moderator", "role_space_user"]
    assert schemas["RoomRole"]["enum"] == ["role_room_user", "role_room_moderator"]
    assert schemas["GenerateAccessRole"]["enum"] == ["user", "moderator"]
    ttl = schemas["GenerateAccessRequest"]["properties"]["ttl"]
    assert (ttl["default"], ttl["maximum"]) == (86400, 432000)


def _schema_refs_from(spec: dict[str, Any], roots: list[Any]) -> set[str]:
    """Names of the component schemas reachable from the given nodes."""
    seen: set[str] = set()
    stack = list(roots)
    while stack:
        for _, node in _walk(stack.pop()):
            if isinstance(node, dict) and "$ref" in node:
                ref = node["$ref"]
                if ref.startswith("#/components/schemas/"):
                    name = ref.rsplit("/", 1)[1]
                    if name not in seen:
                        seen.add(name)
                        stack.append(spec["components"]["schemas"][name])
                else:
                    stack.append(_pointer(spec, ref))
    return seen


def test_response_models_hold_no_enums(spec: dict[str, Any]) -> None:
    """Generated enum classes crash on unknown values, so response-side fields stay open strings."""
    roots = [op["responses"] for _, _, op in _operations(spec)]
    roots.append(spec["components"]["schemas"]["WebhookEvent"])
    response_side = _schema_refs_from(spec, roots)
    assert {"Room", "TokenResponse", "RoomRecord", "Call", "WebhookEventBody"} <= response_side
    for name in response_side:
        for where, node in _walk(spec["components"]["schemas"][name], name):
            assert not (isinstance(node, dict) and "enum" in node), where


def test_response_required_lists_are_minimal(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    assert schemas["TokenResponse"]["required"] == ["access_token", "token_type"]
    for name in ("Space", "Room", "RoomRecord", "Call", "Participant", "IdResponse"):
        assert schemas[name]["required"] == ["id"], name
    for name in ("User", "MeetingSettings", "Error", "RoomBreakoutRooms", "RoomJoinSettings"):
        assert "required" not in schemas[name], name
    for name, schema in schemas.items():
        assert schema.get("additionalProperties", True) is True, name


def test_inline_objects_are_named_components(spec: dict[str, Any]) -> None:
    """Every object schema is a component of its own, so generated model names are stable."""
    components = spec["components"]["schemas"]
    objects = [
        where
        for where, node in _walk(spec)
        if isinstance(node, dict) and node.get("type") == "object" and "/example" not in where
    ]
    assert len(objects) >= 40
    for where in objects:
        parent, _, name = where.rpartition("/")
        assert parent == "#/components/schemas" and name in components, f"inline object at {where}"


def test_every_schema_is_typed(spec: dict[str, Any]) -> None:
    """An untyped property becomes `Any` in the generated models; only the free-form report may be open."""
    for name, schema in spec["components"]["schemas"].items():
        assert "type" in schema, name
        for where, node in _walk(schema.get("properties", {}), f"{name}/properties"):
            if where.count("/") == 2:  # a property schema
                assert "type" in node or "$ref" in node, where
                if node.get("type") == "array":
                    assert "$ref" in node["items"] or "type" in node["items"], where


def test_examples_match_their_schemas(spec: dict[str, Any]) -> None:
    _check_examples(spec)


def test_overlaid_spec_is_valid_and_its_examples_match() -> None:
    """The overlay's constraints hold for every example, the vendor's and its own."""
    validate(API_SPEC)
    _check_examples(API_SPEC)


def _check_examples(spec: dict[str, Any]) -> None:
    checked = 0
    for _, node in _walk(spec):
        if not (isinstance(node, dict) and "schema" in node):
            continue
        schema = {**_resolve_deep(spec, node["schema"])}
        examples = [node["example"]] if "example" in node else []
        examples += [e["value"] for e in node.get("examples", {}).values()]
        for example in examples:
            OAS30Validator(schema, format_checker=oas30_format_checker).validate(example)
            checked += 1
    for schema in spec["components"]["schemas"].values():
        if "example" in schema:
            validator = OAS30Validator(_resolve_deep(spec, schema), format_checker=oas30_format_checker)
            validator.validate(schema["example"])
            checked += 1
    assert checked >= 15


def _resolve_deep(spec: dict[str, Any], node: Any) -> Any:
    if isinstance(node, dict):
        if "$ref" in node:
            return _resolve_deep(spec, _pointer(spec, node["$ref"]))
        return {k: _resolve_deep(spec, v) for k, v in node.items() if k != "example"}
    if isinstance(node, list):
        return [_resolve_deep(spec, v) for v in node]
    return node


def test_token_examples_are_illustrative_jwts(spec: dict[str, Any]) -> None:
    op = _by_id(spec)["getAccessToken"][2]
    examples = op["responses"]["200"]["content"]["application/json"]["examples"]
    assert set(examples) == {"clientToken", "userToken"}
    for example in examples.values():
        value = example["value"]
        assert value["token_type"] == "Bearer"
        for key in ("access_token", "refresh_token"):
            header, _payload, signature = value[key].split(".")
            assert header.startswith("eyJ")
            assert "EXAMPLE" in signature  # never a working token
    requests = op["requestBody"]["content"]["application/json"]["examples"]
    assert {e["value"]["grant_type"] for e in requests.values()} == {
        "client_credentials",
        "password",
        "refresh_token",
    }


# --- generation ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("specgen")
    config = tmp / "config.yaml"
    config.write_text(
        "package_name_override: moodhood_api\n"
        "project_name_override: moodhood_api\n"
        "post_hooks: []\n"
        "literal_enums: false\n",
        encoding="utf-8",
    )
    out = tmp / "moodhood_api"
    result = subprocess.run(
        [sys.executable, "-m", "openapi_python_client", "generate", "--path", str(SPEC_PATH),
         "--output-path", str(out), "--meta", "none", "--config", str(config)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "warning" not in (result.stdout + result.stderr).lower(), result.stdout + result.stderr
    return out


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


@pytest.mark.parametrize("op", operations_of(SPEC), ids=lambda op: op.operation_id)
def test_generated_operation_module(generated: Path, op: Op) -> None:
    operation_id, path, tag = op.operation_id, op.path, op.operation["tags"][0]
    module = generated / "api" / _snake(tag) / f"{_snake(operation_id)}.py"
    tree = ast.parse(module.read_text(encoding="utf-8"))
    functions = {f.name: f for f in tree.body if isinstance(f, ast.FunctionDef | ast.AsyncFunctionDef)}
    assert {"sync_detailed", "sync", "asyncio_detailed", "asyncio"} <= set(functions)
    detailed = functions["sync_detailed"]
    args = {a.arg: a for a in detailed.args.args + detailed.args.kwonlyargs}
    client = args["client"].annotation
    assert client is not None and ast.unparse(client) == "AuthenticatedClient | Client"
    for param in re.findall(r"{(\w+)}", path):
        assert _snake(param) in args, (operation_id, param)
