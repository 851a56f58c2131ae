"""The IR of the vendored 0.64.0 spec: resources, routes, params, types, diagnostics."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import REPO, SPEC

from codegen.ir import Alias, Interface, Ref, RuntimeRef, UnionType
from codegen.parser import parse_spec
from codegen.parser.resolve import map_refs


def test_codegen_ir_lists_the_batches_resource_with_js_routes() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "codegen", "ir", str(SPEC)],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=True,
    )
    ir = json.loads(out.stdout)
    assert list(ir) == sorted(ir)  # stable key order
    batches = next(r for r in ir["resources"] if r["path"] == "messages.batches")
    routes = {
        m["name"]: (m["route"]["verb"], m["route"]["path"], m["route"]["source"])
        for m in batches["methods"]
    }
    base = "/v1/messages/batches"
    assert routes == {
        "create": ("POST", base, "js"),
        "retrieve": ("GET", base + "/{message_batch_id}", "js"),
        "list": ("GET", base, "js"),
        "delete": ("DELETE", base + "/{message_batch_id}", "js"),
        "cancel": ("POST", base + "/{message_batch_id}/cancel", "js"),
        "results": ("GET", None, "js"),
    }
    results = next(m for m in batches["methods"] if m["name"] == "results")
    assert results["route"]["follow"] == {
        "via": "retrieve",
        "url_field": "results_url",
        "accept": "application/binary",
    }
    assert results["response"]["kind"] == "jsonl"
    listing = next(m for m in batches["methods"] if m["name"] == "list")
    assert [(p["name"], p["location"], p["required"]) for p in listing["params"]] == [
        ("limit", "query", False),
        ("before_id", "query", False),
        ("after_id", "query", False),
    ]
    assert listing["response"] == {
        "kind": "page",
        "page": "Page",
        "stream_item": None,
        "type": {
            "args": [],
            "kind": "ref",
            "target": "resources/messages/batches#MessageBatch",
            "text": "MessageBatch",
        },
    }


def test_every_resource_file_type_is_declared_and_resolved() -> None:
    spec = parse_spec(SPEC)
    names = {d.name for d in spec.declarations.values() if d.module == "resources/messages/batches"}
    assert {
        "DeletedMessageBatch",
        "MessageBatch",
        "MessageBatchCanceledResult",
        "MessageBatchErroredResult",
        "MessageBatchExpiredResult",
        "MessageBatchIndividualResponse",
        "MessageBatchRequestCounts",
        "MessageBatchResult",
        "MessageBatchSucceededResult",
        "MessageBatchesPage",
        "BatchCreateParams",
        "BatchCreateParams.Request",
        "BatchListParams",
    } <= names
    unresolved: list[str] = []

    def check(ref: Ref) -> Ref:
        if ref.target is None:
            unresolved.append(ref.text)
        return ref

    for decl in spec.declarations.values():
        if not decl.module.startswith("resources/"):
            continue
        types = [decl.type] if isinstance(decl, Alias) else [f.type for f in decl.fields]
        for t in types:
            map_refs(t, check)
    assert unresolved == []
    unresolved_warnings = [
        d for d in spec.diagnostics if d.code == "unresolved-ref" and "resources/" in d.loc.file
    ]
    assert [d.message for d in unresolved_warnings] == [
        "unresolved type 'MessageStream' (imported from '../../lib/MessageStream.js', which was not given)"
    ] or unresolved_warnings == []


def test_discriminated_union_and_open_enum() -> None:
    spec = parse_spec(SPEC)
    result = spec.declarations["resources/messages/batches#MessageBatchResult"]
    assert isinstance(result, Alias) and isinstance(result.type, UnionType)
    assert result.type.discriminator == "type"
    model = spec.declarations["resources/messages/messages#Model"]
    assert isinstance(model, Alias) and isinstance(model.type, UnionType) and model.type.open


def test_runtime_primitives_are_named_as_such() -> None:
    spec = parse_spec(SPEC)
    batches = spec.resource("messages.batches")
    assert batches is not None
    params = next(m for m in batches.methods if m.name == "create").params_type
    assert (
        isinstance(params, Ref) and params.target == "resources/messages/batches#BatchCreateParams"
    )
    request = spec.declarations["resources/messages/batches#BatchCreateParams"]
    assert isinstance(request, Interface)
    assert not any(isinstance(f.type, RuntimeRef) for f in request.fields)


def test_client_errors_and_pages_come_from_the_spec() -> None:
    spec = parse_spec(SPEC)
    assert spec.client.class_name == "Anthropic"
    assert spec.client.base_url == "https://api.anthropic.com"
    assert spec.client.version_header == ("anthropic-version", "2023-06-01")
    assert {(e.name, e.status, e.match) for e in spec.errors} >= {
        ("NotFoundError", 404, "exact"),
        ("InternalServerError", 500, "at_least"),
    }
    page = next(p for p in spec.pages if p.name == "Page")
    assert [(c.when_query_has, c.param, c.field) for c in page.cursors] == [
        ("before_id", "before_id", "first_id"),
        (None, "after_id", "last_id"),
    ]
