"""The degraded seed alone gives the same batches resource and types as 0.64.0's batches.d.ts."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import SEED, SPEC

from codegen.ir import Spec, to_jsonable
from codegen.parser import parse_spec


def _normal(value: object) -> object:
    """IR data without locations, ids' module part, routes and whitespace differences."""
    if isinstance(value, dict):
        return {
            k: _normal(v)
            for k, v in value.items()
            if k not in ("loc", "route", "examples")
        }
    if isinstance(value, list):
        return [_normal(v) for v in value]
    if isinstance(value, str):
        return " ".join(value.split()).split("#")[-1]
    return value


def _resource_and_types(spec: Spec) -> object:
    resource = spec.resource("messages.batches")
    decls = {d.name: to_jsonable(d) for d in spec.declarations.values()}
    return _normal({"resource": to_jsonable(resource), "declarations": decls})


def test_seed_equals_the_full_file(tmp_path: Path) -> None:
    alone = tmp_path / "batches.d.ts"
    shutil.copy(SPEC / "resources" / "messages" / "batches.d.ts", alone)
    seed = parse_spec(SEED)
    full = parse_spec(alone)
    assert _resource_and_types(seed) == _resource_and_types(full)


def test_seed_recoveries_are_reported_with_their_evidence() -> None:
    spec = parse_spec(SEED)
    recovered = [d.message for d in spec.diagnostics if d.code == "recovered-type"]
    assert any(
        "Batches.create -> APIPromise<MessageBatch>" in m and "'messageBatch'" in m
        for m in recovered
    )
    assert any("Batches.delete -> APIPromise<DeletedMessageBatch>" in m for m in recovered)
    assert any("PagePromise<MessageBatchesPage, MessageBatch>" in m for m in recovered)
    assert any(
        "Promise<JSONLDecoder<MessageBatchIndividualResponse>>" in m
        and "imported but otherwise unused" in m
        for m in recovered
    )
    assert any("Array<BatchCreateParams.Request>" in m for m in recovered)
    codes = {d.code for d in spec.diagnostics}
    assert {
        "recovered-stray-angle",
        "default-page-params",
        "default-page",
        "unresolved-ref",
    } <= codes
    unresolved = {d.message.split("'")[1] for d in spec.diagnostics if d.code == "unresolved-ref"}
    assert {
        "Shared.ErrorResponse",
        "MessagesAPI.Message",
        "MessagesAPI.MessageCreateParamsNonStreaming",
    } <= unresolved
    assert all(d.severity == "warning" for d in spec.diagnostics if d.code == "unresolved-ref")


def test_seed_routes_follow_the_convention() -> None:
    resource = parse_spec(SEED).resource("messages.batches")
    assert resource is not None
    routes = {m.name: (m.route.verb, m.route.path) for m in resource.methods if m.route}
    base = "/v1/messages/batches"
    assert routes == {
        "create": ("POST", base),
        "retrieve": ("GET", base + "/{message_batch_id}"),
        "list": ("GET", base),
        "delete": ("DELETE", base + "/{message_batch_id}"),
        "cancel": ("POST", base + "/{message_batch_id}/cancel"),
        "results": ("GET", base + "/{message_batch_id}/results"),
    }
