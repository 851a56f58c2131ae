"""Pages whose items sit one field down (cloudflare's `V4PagePagination`: items at
`result.items`; `ContainersInstancesV1Pagination`: `result.instances`), the page field typed by a
generic interface over the item. Such a page is a page model whose items field holds a generic
model (`NestedPageResult[_T]`, the official cloudflare package's shape); its list methods are
generated and auto-paginate per the page's `.js` rule. Items at a path this does not model stay
a `page-items-unmodelled` warning, and those methods are skipped."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import REPO, run_generated_tests
from lint_generated import mypy_strict, ruff_default_rules

from codegen.cache import Caches
from codegen.config import load_config
from codegen.parser import RouteConfig, parse_spec
from codegen.pipeline import generate

# core/pagination.d.ts and .js of cloudflare 7.3.0, renamed; `DeepPage` (items two fields
# down) is what stays unmodelled
NESTED_PAGES_DTS = """
export interface NestedPageResponse<Item> {
    result: NestedPageResponse.Result<Item>;
    result_info: NestedPageResponse.ResultInfo;
}
export declare namespace NestedPageResponse {
    interface Result<Item> {
        items?: Array<Item>;
    }
    interface ResultInfo {
        page?: number;
        per_page?: number;
    }
}
export declare class NestedPage<Item> extends AbstractPage<Item> implements NestedPageResponse<Item> {
    result: NestedPageResponse.Result<Item>;
    result_info: NestedPageResponse.ResultInfo;
    getPaginatedItems(): Item[];
    nextPageRequestOptions(): PageRequestOptions | null;
}
export interface InstancesPageResponse<Item> {
    result: InstancesPageResponse.Result<Item>;
    result_info: InstancesPageResponse.ResultInfo;
}
export declare namespace InstancesPageResponse {
    interface Result<Item> {
        instances?: Array<Item>;
    }
    interface ResultInfo {
        next_page_token?: string;
        page_token?: string;
        per_page?: number;
    }
}
export declare class InstancesPage<Item> extends AbstractPage<Item> implements InstancesPageResponse<Item> {
    result: InstancesPageResponse.Result<Item>;
    result_info: InstancesPageResponse.ResultInfo;
    getPaginatedItems(): Item[];
    nextPageRequestOptions(): PageRequestOptions | null;
}
export declare namespace DeepPageResponse {
    interface Result<Item> {
        page?: { items?: Array<Item> };
    }
}
export declare class DeepPage<Item> extends AbstractPage<Item> {
    result: DeepPageResponse.Result<Item>;
    getPaginatedItems(): Item[];
    nextPageRequestOptions(): PageRequestOptions | null;
}
"""
NESTED_PAGES_JS = """
class NestedPage extends AbstractPage {
    constructor(client, response, body, options) {
        super(client, response, body, options);
        this.result = body.result || {};
        this.result_info = body.result_info || {};
    }
    getPaginatedItems() {
        return this.result?.items ?? [];
    }
    nextPageRequestOptions() {
        const query = this.options.query;
        const currentPage = query?.page ?? 1;
        return {
            ...this.options,
            query: {
                ...(0, values_1.maybeObj)(this.options.query),
                page: currentPage + 1,
            },
        };
    }
}
exports.NestedPage = NestedPage;
class InstancesPage extends AbstractPage {
    constructor(client, response, body, options) {
        super(client, response, body, options);
        this.result = body.result || {};
        this.result_info = body.result_info || {};
    }
    getPaginatedItems() {
        return this.result?.instances ?? [];
    }
    nextPageRequestOptions() {
        const cursor = this.result_info?.next_page_token;
        if (!cursor) {
            return null;
        }
        return {
            ...this.options,
            query: {
                ...(0, values_1.maybeObj)(this.options.query),
                page_token: cursor,
            },
        };
    }
}
exports.InstancesPage = InstancesPage;
class DeepPage extends AbstractPage {
    constructor(client, response, body, options) {
        super(client, response, body, options);
        this.result = body.result || {};
    }
    getPaginatedItems() {
        return this.result?.page?.items ?? [];
    }
    nextPageRequestOptions() {
        return null;
    }
}
exports.DeepPage = DeepPage;
"""
# batches.list{Nested,Instances,Deep}: one list method over each page
METHODS = {"listNested": "NestedPage", "listInstances": "InstancesPage", "listDeep": "DeepPage"}


def nested_project(root: Path) -> Path:
    """pyproject, templates and spec/ of the repo, with the three pages and their methods."""
    project = root / "project"
    project.mkdir()
    shutil.copy(REPO / "pyproject.toml", project)
    shutil.copytree(REPO / "spec", project / "spec")
    shutil.copytree(REPO / "templates", project / "templates")
    core = project / "spec" / "core"
    (core / "pagination.d.ts").write_text((core / "pagination.d.ts").read_text() + NESTED_PAGES_DTS)
    (core / "pagination.js").write_text((core / "pagination.js").read_text() + NESTED_PAGES_JS)
    dts = project / "spec" / "resources" / "messages" / "batches.d.ts"
    text = dts.read_text().replace("{ Page,", "{ NestedPage, InstancesPage, DeepPage, Page,", 1)
    method = "    list(query?: BatchListParams"
    declared = "".join(
        f"    {name}(query?: BatchListNestedParams | null | undefined, options?: RequestOptions): "
        f"PagePromise<Batches{page}, MessageBatch>;\n"
        for name, page in METHODS.items()
    )
    text = text.replace(method, declared + method, 1)
    text += "\nexport interface BatchListNestedParams {\n    per_page?: number;\n}\n"
    text += "".join(
        f"export type Batches{page} = {page}<MessageBatch>;\n" for page in METHODS.values()
    )
    dts.write_text(text)
    js = project / "spec" / "resources" / "messages" / "batches.js"
    defined = "".join(
        f"    {name}(query = {{}}, options) {{\n"
        f"        return this._client.getAPIList('/v1/messages/batches/{name}', "
        f"(pagination_1.{page}), {{ query, ...options }});\n    }}\n"
        for name, page in METHODS.items()
    )
    text = js.read_text().replace(
        "    list(query = {}, options) {", defined + "    list(query = {}, options) {", 1
    )
    js.write_text(text)
    return project


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    root = tmp_path_factory.mktemp("nested-pages")
    project = nested_project(root)
    config = load_config(project / "pyproject.toml", {"out": project / "out"})
    build = generate(config, Caches(root / "cache"), jobs=1)
    return project / "out", build.warnings


def test_items_one_field_down_are_modelled_in_the_ir(tmp_path: Path) -> None:
    spec = parse_spec(nested_project(tmp_path) / "spec", RouteConfig())
    pages = {p.name: p for p in spec.pages}
    box = pages["NestedPage"].items_container
    assert box is not None and (box.field, box.item_field) == ("result", "items")
    assert box.name == "NestedPageResponse.Result" and [f.name for f in box.fields] == ["items"]
    assert pages["NestedPage"].item_field == "result.items"
    assert [(c.param, c.source, c.field) for c in pages["NestedPage"].cursors] == [
        ("page", "page_number", "page")
    ]
    instances = pages["InstancesPage"]
    assert instances.items_container is not None
    assert instances.items_container.item_field == "instances"
    assert [(c.param, c.field) for c in instances.cursors] == [
        ("page_token", "result_info.next_page_token")
    ]
    # two fields down is not modelled: that page and its method are warnings, as before
    assert "DeepPage" not in pages
    unmodelled = [d for d in spec.diagnostics if d.code == "page-items-unmodelled"]
    assert len(unmodelled) == 2 and all(d.severity == "warning" for d in unmodelled)
    assert any("'DeepPage'" in d.message and "'result.page.items'" in d.message for d in unmodelled)
    assert any("listDeep" in d.message and "skipped" in d.message for d in unmodelled)
    (batches,) = [r for r in spec.resources if r.path == "messages.batches"]
    names = [m.name for m in batches.methods]
    assert "listNested" in names and "listInstances" in names and "listDeep" not in names
    assert batches.skipped_methods == ["listDeep"]


def test_the_page_model_holds_a_generic_items_model(generated: tuple[Path, list[str]]) -> None:
    out, warnings = generated
    assert len([w for w in warnings if "page-items-unmodelled" in w]) == 2, warnings
    pagination = (out / "anthropic_batches" / "pagination.py").read_text()
    # the official cloudflare package's names and shapes
    assert re.search(
        r"class NestedPageResult\(BaseModel, Generic\[_T\]\):\n(.*\n)*?"
        r"    items: list\[_T\] \| None = None\n",
        pagination,
    ), pagination
    assert "    result: NestedPageResult[_T] | None = None\n" in pagination
    assert "    result: InstancesPageResult[_T] | None = None\n" in pagination
    assert "    instances: list[_T] | None = None\n" in pagination
    assert '"NestedPageResult",' in pagination and "DeepPage" not in pagination
    resource = (out / "anthropic_batches" / "resources" / "messages" / "batches.py").read_text()
    assert "def list_nested(" in resource and "def list_instances(" in resource
    assert "SyncNestedPage[MessageBatch]" in resource and "list_deep" not in resource


SCENARIO = '''
"""Written by tests/test_nested_pages.py: nested-items pages auto-paginate over real HTTP."""
import asyncio
import http.server
import json
import threading
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

from anthropic_batches import Anthropic, AsyncAnthropic

SEEN: list[tuple[str, dict[str, str]]] = []


def batch(n: int) -> dict[str, Any]:
    return {
        "id": f"b_{n}", "type": "message_batch", "processing_status": "ended",
        "request_counts": {"canceled": 0, "errored": 0, "expired": 0, "processing": 0, "succeeded": 1},
        "created_at": "2024-05-01T12:00:00Z", "expires_at": "2024-05-02T12:00:00Z",
        "archived_at": None, "cancel_initiated_at": None, "ended_at": None, "results_url": None,
    }


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        url = urlparse(self.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        SEEN.append((url.path, query))
        if url.path.endswith("/listNested"):  # page numbers; only an empty page ends it
            page = int(query.get("page", "1"))
            ids = [2 * page - 1, 2 * page] if page <= 3 else []
            body = {"result": {"items": [batch(n) for n in ids]}, "result_info": {"page": page}}
        else:  # a token names the next page; none on the last
            page = int(query.get("page_token", "p1")[1:])
            body = {
                "result": {"instances": [batch(2 * page - 1), batch(2 * page)]},
                "result_info": {"next_page_token": f"p{page + 1}" if page < 3 else None},
            }
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def url() -> Iterator[str]:
    SEEN.clear()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


SIX = [f"b_{n}" for n in range(1, 7)]


def test_page_numbers_over_nested_items(url: str) -> None:
    with Anthropic(api_key="k", base_url=url) as client:
        first = client.messages.batches.list_nested(per_page=2)
        assert first.result is not None and [b.id for b in first.result.items or []] == ["b_1", "b_2"]
        assert [b.id for b in first] == SIX
        assert len(list(first.iter_pages())) == 4
    sent = [q for p, q in SEEN if p.endswith("/listNested")]
    assert sent[:4] == [{"per_page": "2"}] + [{"per_page": "2", "page": str(n)} for n in (2, 3, 4)]


def test_a_nested_cursor_over_nested_items(url: str) -> None:
    with Anthropic(api_key="k", base_url=url) as client:
        assert [b.id for b in client.messages.batches.list_instances()] == SIX
    assert [q for _, q in SEEN] == [{}, {"page_token": "p2"}, {"page_token": "p3"}]


def test_async_iteration(url: str) -> None:
    async def main() -> tuple[list[str], list[str]]:
        async with AsyncAnthropic(api_key="k", base_url=url) as client:
            nested = [b.id async for b in client.messages.batches.list_nested()]
            instances = [b.id async for b in client.messages.batches.list_instances()]
            return nested, instances

    assert asyncio.run(main()) == (SIX, SIX)
'''


def test_nested_pages_auto_paginate_over_real_http(generated: tuple[Path, list[str]]) -> None:
    """Three pages and more, sync and async, against a server on 127.0.0.1: the scenario here,
    the generated package's own pagination tests of each page class and its list methods'
    tests; ruff and mypy --strict on what they cover."""
    out, _ = generated
    (out / "tests" / "test_scenario_nested.py").write_text(SCENARIO)
    scenario = run_generated_tests(out, "tests/test_scenario_nested.py")
    assert scenario.returncode == 0 and "3 passed" in scenario.stdout, scenario.stdout[-4000:]
    own = ("tests/test_client.py", "tests/test_messages_batches.py")
    run = run_generated_tests(out, *own, "-k", "nested or instances")
    assert run.returncode == 0, run.stdout[-4000:]
    ran = re.search(r"(\d+) passed", run.stdout)
    assert ran and int(ran.group(1)) >= 10, run.stdout[-2000:]
    typed = mypy_strict(
        out,
        "anthropic_batches/pagination.py",
        "anthropic_batches/resources/messages/batches.py",
        "tests/test_client.py",
        "tests/test_messages_batches.py",
        "tests/test_scenario_nested.py",
    )
    assert typed.returncode == 0, typed.stdout[-3000:]
    ruff = ruff_default_rules(out)
    assert ruff.returncode == 0, ruff.stdout[-3000:]
