"""Scenarios over real HTTP for two other vendors' shapes, from small vendored fixtures: a
lithic-like SDK (named environments, the key sent bare in `Authorization`, a cursor page) and a
cerebras-like one in the older Stainless layout (client in `index.d.ts` extending
`Core.APIClient`, `Core.APIPromise`/`Core.PagePromise` names, `Bearer` auth). Each checks the
auth header exactly as the official Python client sends it, the default base URL, and a list
that auto-paginates over three pages against a server on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import codegen, run_generated_tests

from codegen.parser import parse_spec

CURSOR_PAGE_DTS = """
export interface CursorPageResponse<Item> {
    data: Array<Item>;
    has_more: boolean;
}
export interface CursorPageParams {
    page_size?: number;
    starting_after?: string;
    ending_before?: string;
}
export declare class CursorPage<Item extends {
    token: string;
}> extends AbstractPage<Item> implements CursorPageResponse<Item> {
    data: Array<Item>;
    has_more: boolean;
    getPaginatedItems(): Item[];
    hasNextPage(): boolean;
}
"""

CURSOR_PAGE_JS = """
class CursorPage extends AbstractPage {
    constructor(client, response, body, options) {
        super(client, response, body, options);
        this.data = body.data || [];
        this.has_more = body.has_more;
    }
    getPaginatedItems() {
        return this.data ?? [];
    }
    hasNextPage() {
        return this.has_more && super.hasNextPage();
    }
    nextPageRequestOptions() {
        const data = this.getPaginatedItems();
        const isForwards = !(typeof this.options.query === 'object' && 'ending_before' in (this.options.query || {}));
        if (isForwards) {
            const token = data[data.length - 1]?.token;
            if (!token) {
                return null;
            }
            return { ...this.options, query: { ...(0, values_1.maybeObj)(this.options.query), starting_after: token } };
        }
        const token = data[0]?.token;
        if (!token) {
            return null;
        }
        return { ...this.options, query: { ...(0, values_1.maybeObj)(this.options.query), ending_before: token } };
    }
}
exports.CursorPage = CursorPage;
"""

LITHIC = {
    "client.d.ts": """
import * as API from './resources/cards';
export declare class Lithic {
    apiKey: string;
    cards: API.Cards;
}
""",
    "client.js": """
const environments = {
    production: 'https://api.lithic.test',
    sandbox: 'https://sandbox.lithic.test',
};
class Lithic {
    constructor({
        baseURL = (0, env_1.readEnv)('LITHIC_BASE_URL'),
        apiKey = (0, env_1.readEnv)('LITHIC_API_KEY'),
        ...opts
    } = {}) {
        const options = { apiKey, ...opts, baseURL, environment: opts.environment ?? 'production' };
        this.baseURL = options.baseURL || environments[options.environment || 'production'];
        this.timeout = options.timeout ?? _a.DEFAULT_TIMEOUT;
        this.maxRetries = options.maxRetries ?? 2;
        this.cards = new API.Cards(this);
    }
    async authHeaders(opts) {
        return (0, headers_1.buildHeaders)([{ Authorization: this.apiKey }]);
    }
}
_a = Lithic;
Lithic.DEFAULT_TIMEOUT = 60000;
exports.Lithic = Lithic;
""",
    "core/pagination.d.ts": "export declare abstract class AbstractPage<Item> {}\n"
    + CURSOR_PAGE_DTS,
    "core/pagination.js": "class AbstractPage {}\n" + CURSOR_PAGE_JS,
    "resources/cards.d.ts": """
import { APIResource } from '../core/resource';
import { PagePromise, CursorPage, type CursorPageParams } from '../core/pagination';
import { RequestOptions } from '../internal/request-options';
export declare class Cards extends APIResource {
    list(query?: CardListParams | null | undefined, options?: RequestOptions): PagePromise<CardsCursorPage, Card>;
}
export type CardsCursorPage = CursorPage<Card>;
export interface Card {
    token: string;
    last_four: string;
}
export interface CardListParams extends CursorPageParams {
    state?: 'OPEN' | 'CLOSED';
}
""",
    "resources/cards.js": """
class Cards extends resource_1.APIResource {
    list(query = {}, options) {
        return this._client.getAPIList('/v1/cards', (pagination_1.CursorPage), { query, ...options });
    }
}
exports.Cards = Cards;
""",
}

CEREBRAS = {
    "index.d.ts": """
import * as Core from './core';
import * as API from './resources/models';
export declare class Cerebras extends Core.APIClient {
    apiKey: string;
    models: API.Models;
}
""",
    "index.js": """
class Cerebras extends Core.APIClient {
    constructor({
        baseURL = Core.readEnv('CEREBRAS_BASE_URL'),
        apiKey = Core.readEnv('CEREBRAS_API_KEY'),
        ...opts
    } = {}) {
        const options = { apiKey, ...opts, baseURL: baseURL || `https://api.cerebras.test` };
        super({ baseURL: options.baseURL, timeout: options.timeout ?? 60000, maxRetries: options.maxRetries });
        this.apiKey = apiKey;
        this.models = new API.Models(this);
    }
    authHeaders(opts) {
        return { Authorization: `Bearer ${this.apiKey}` };
    }
}
exports.Cerebras = Cerebras;
""",
    "core.d.ts": """
export declare class APIPromise<T> extends Promise<T> {}
export declare class PagePromise<PageClass, Item> extends APIPromise<PageClass> {}
export declare abstract class APIClient {
    baseURL: string;
}
export declare abstract class AbstractPage<Item> {}
export type RequestOptions = {
    timeout?: number;
};
""",
    "core.js": """
class APIClient {
    constructor({ baseURL, maxRetries = 2, timeout = 60000 }) {
        this.baseURL = baseURL;
        this.maxRetries = maxRetries;
        this.timeout = timeout;
    }
    authHeaders(opts) {
        return {};
    }
}
exports.APIClient = APIClient;
class AbstractPage {}
exports.AbstractPage = AbstractPage;
""",
    "pagination.d.ts": "import { AbstractPage } from './core';\n" + CURSOR_PAGE_DTS,
    "pagination.js": CURSOR_PAGE_JS,
    "resources/models.d.ts": """
import { APIResource } from '../resource';
import * as Core from '../core';
import { CursorPage, type CursorPageParams } from '../pagination';
export declare class Models extends APIResource {
    retrieve(modelId: string, options?: Core.RequestOptions): Core.APIPromise<Model>;
    list(query?: ModelListParams, options?: Core.RequestOptions): Core.PagePromise<ModelsCursorPage, Model>;
}
export type ModelsCursorPage = CursorPage<Model>;
export interface Model {
    token: string;
    owned_by: string;
}
export interface ModelListParams extends CursorPageParams {
    owner?: string;
}
""",
    "resources/models.js": """
class Models extends resource_1.APIResource {
    retrieve(modelId, options) {
        return this._client.get(`/v1/models/${modelId}`, options);
    }
    list(query = {}, options) {
        return this._client.getAPIList('/v1/models', pagination_1.CursorPage, { query, ...options });
    }
}
exports.Models = Models;
""",
}

SCENARIO = '''
"""Written by tests/test_vendor_scenarios.py: auth, default base URL, three pages."""
import http.server
import json
import threading
from urllib.parse import parse_qs, urlparse

from {package} import {client}

PAGES = {{
    None: ["t1", "t2"],
    "t2": ["t3", "t4"],
    "t4": ["t5"],
}}
SEEN = []


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        url = urlparse(self.path)
        query = {{k: v[0] for k, v in parse_qs(url.query).items()}}
        SEEN.append((url.path, query, self.headers.get("Authorization")))
        tokens = PAGES[query.get("starting_after")]
        body = {{"data": [{{"token": t, {field!r}: "x"}} for t in tokens], "has_more": len(tokens) == 2}}
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


def test_auth_header_default_base_url_and_three_pages() -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = "http://127.0.0.1:%d" % server.server_address[1]
        with {client}(api_key="my-key", base_url=url) as client:
            tokens = [item.token for item in client.{resource}.list({params})]
    finally:
        server.shutdown()
    assert tokens == ["t1", "t2", "t3", "t4", "t5"]
    assert [q.get("starting_after") for _, q, _ in SEEN] == [None, "t2", "t4"]
    assert {{p for p, _, _ in SEEN}} == {{{path!r}}}
    assert {{a for _, _, a in SEEN}} == {{{auth!r}}}
    with {client}(api_key="my-key") as client:
        assert str(client.base_url).rstrip("/") == {base_url!r}
'''


def write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    return root


def generate(tmp_path: Path, files: dict[str, str], package: str) -> Path:
    spec = write(tmp_path / "spec", files)
    out = tmp_path / "out"
    run = codegen(
        "generate",
        "-q",
        "--spec",
        str(spec),
        "--out",
        str(out),
        "--package",
        package,
        "--resource",
        "*",
    )
    assert run.returncode == 0, run.stderr
    return out


def scenario(out: Path, **values: str) -> None:
    (out / "tests" / "test_scenario.py").write_text(SCENARIO.format(**values))
    res = run_generated_tests(out, "tests/test_scenario.py")
    assert res.returncode == 0 and "1 passed" in res.stdout, res.stdout[-4000:]


def test_lithic_like_scenario(tmp_path: Path) -> None:
    spec = parse_spec(write(tmp_path / "ir", LITHIC))
    assert spec.client.class_name == "Lithic"
    assert spec.client.environments[1] == ("sandbox", "https://sandbox.lithic.test")
    warned = {d.code for d in spec.diagnostics if d.severity == "warning"}
    assert warned == {"default-errors"}, warned  # the fixture has no error.d.ts
    out = generate(tmp_path, LITHIC, "lithic_like")
    scenario(
        out,
        package="lithic_like",
        client="Lithic",
        resource="cards",
        params="state='OPEN'",
        field="last_four",
        path="/v1/cards",
        auth="my-key",  # lithic's official client: `{"Authorization": api_key}`
        base_url="https://api.lithic.test",
    )


def test_cerebras_like_scenario_in_the_older_layout(tmp_path: Path) -> None:
    spec = parse_spec(write(tmp_path / "ir", CEREBRAS))
    assert spec.client.class_name == "Cerebras"
    assert spec.client.max_retries == 2  # from core.js's APIClient, which Cerebras extends
    (models,) = spec.resources
    assert [m.name for m in models.methods] == ["retrieve", "list"] and not models.skipped_methods
    codes = {d.code for d in spec.diagnostics if d.severity == "warning"}
    assert codes == {"default-errors"}, codes  # no unmodelled-response, untyped-params...
    out = generate(tmp_path, CEREBRAS, "cerebras_like")
    scenario(
        out,
        package="cerebras_like",
        client="Cerebras",
        resource="models",
        params="owner='me'",
        field="owned_by",
        path="/v1/models",
        auth="Bearer my-key",  # cerebras-cloud-sdk: `{"Authorization": f"Bearer {api_key}"}`
        base_url="https://api.cerebras.test",
    )


@pytest.mark.parametrize("files", [LITHIC, CEREBRAS], ids=["lithic", "cerebras"])
def test_generated_suites_pass(tmp_path: Path, files: dict[str, str]) -> None:
    out = generate(tmp_path, files, "vendor")
    res = run_generated_tests(out, "-x", "-k", "list or environment or defaults_match")
    assert res.returncode == 0, res.stdout[-4000:]
