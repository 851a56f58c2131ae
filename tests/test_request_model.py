"""The request model read from the `.js`: auth schemes, per-method headers (params and appended
constants), Accept, whole-body params and query/body placement, then the package generated from
it, whose own tests check each request over real HTTP. A small SDK of another vendor's shape."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import codegen, run_generated_tests

from codegen.ir import AuthScheme, HeaderValue, Method, Spec
from codegen.parser import parse_spec
from codegen.parser.js import read_js

CLIENT_DTS = """
import * as API from './resources/things';
export declare class BaseAcme {
    apiKey: string | null;
    authToken: string | null;
}
export declare class Acme extends BaseAcme {
    things: API.Things;
}
"""

CLIENT_JS = """
class BaseAcme {
    constructor({
        baseURL = (0, env_1.readEnv)('ACME_BASE_URL'),
        apiKey = (0, env_1.readEnv)('ACME_KEY') ?? null,
        authToken = (0, env_1.readEnv)('ACME_TOKEN') ?? null,
        ...opts
    } = {}) {
        const options = { apiKey, authToken, ...opts, baseURL: baseURL || `https://api.acme.test` };
        this.baseURL = options.baseURL;
        this.maxRetries = options.maxRetries ?? 5;
    }
    async authHeaders(opts) {
        if (this._fn) {
            return (0, headers_1.buildHeaders)([{ Authorization: `Bearer ${await this._fn()}` }]);
        }
        return (0, headers_1.buildHeaders)([await this.tokenAuth(opts), await this.keyAuth(opts)]);
    }
    async keyAuth(opts) {
        if (this.apiKey == null) { return undefined; }
        return (0, headers_1.buildHeaders)([{ 'X-Acme-Key': `key=${this.apiKey};` }]);
    }
    async tokenAuth(opts) {
        if (this.authToken == null) { return undefined; }
        return (0, headers_1.buildHeaders)([{ Authorization: `Bearer ${this.authToken}` }]);
    }
    async buildHeaders({ options }) {
        return (0, headers_1.buildHeaders)([
            { Accept: 'application/json', 'acme-version': '7' },
            await this.authHeaders(options),
        ]);
    }
}
BaseAcme.DEFAULT_TIMEOUT = 30000;
class Acme extends BaseAcme {
    constructor() { super(...arguments); this.things = new API.Things(this); }
}
exports.Acme = Acme;
"""

THINGS_DTS = """
import { APIResource } from '../core/resource';
import { APIPromise } from '../core/api-promise';
import { RequestOptions } from '../internal/request-options';
export declare class Things extends APIResource {
    update(thingID: string, params: ThingUpdateParams, options?: RequestOptions): APIPromise<Thing>;
    attach(thingID: string, params: ThingAttachParams, options?: RequestOptions): APIPromise<Thing>;
    download(
        thingID: string,
        params?: ThingDownloadParams | null | undefined,
        options?: RequestOptions,
    ): APIPromise<Response>;
    send(params: ThingSendParams, options?: RequestOptions): APIPromise<Thing>;
}
export interface Thing {
    id: string;
}
export interface Target {
    kind: string;
    size: number;
}
export interface ThingUpdateParams {
    /** Body param: the new name. */
    name?: string;
    /** Query param: how much to return. */
    view?: 'basic' | 'full';
    /** Header param: optional features. */
    betas?: Array<string>;
}
export interface ThingAttachParams {
    /** Body param: what to attach to. */
    target: Target;
    /** Header param: optional features. */
    betas?: Array<string>;
}
export interface ThingDownloadParams {
    /** Header param: optional features. */
    betas?: Array<string>;
}
export interface ThingSendParams {
    /** Body param: the text. */
    text: string;
    /** Header param: the team. */
    team_id?: string;
}
"""

THINGS_JS = """
class Things extends resource_1.APIResource {
    update(thingID, params, options) {
        const { view, betas, ...body } = params;
        return this._client.post((0, path_1.path) `/v2/things/${thingID}`, {
            query: { view },
            body,
            ...options,
            headers: (0, headers_1.buildHeaders)([
                { 'acme-beta': [...(betas ?? []), 'things-2026-01-01'].toString() },
                options?.headers,
            ]),
        });
    }
    attach(thingID, params, options) {
        const { target, betas, team_id } = params;
        return this._client.post((0, path_1.path) `/v2/things/${thingID}/attach`, {
            body: target,
            ...options,
            headers: (0, headers_1.buildHeaders)([
                {
                    ...(betas?.toString() != null ? { 'acme-beta': betas?.toString() } : undefined),
                    ...(team_id != null ? { 'acme-team': team_id } : undefined),
                },
                options?.headers,
            ]),
        });
    }
    download(thingID, params = {}, options) {
        const { betas } = params ?? {};
        return this._client.get((0, path_1.path) `/v2/things/${thingID}/content`, {
            ...options,
            headers: (0, headers_1.buildHeaders)([
                { 'acme-beta': [...(betas ?? []), 'files-1'].toString(), Accept: 'application/binary' },
                options?.headers,
            ]),
            __binaryResponse: true,
        });
    }
    send(params, options) {
        return this._client.post('/v2/send', {
            body: params,
            ...options,
            headers: (0, helpers_1.sendHeaders)(params, options),
        });
    }
}
exports.Things = Things;
"""


@pytest.fixture(scope="module")
def acme(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("acme") / "spec"
    (root / "resources").mkdir(parents=True)
    (root / "client.d.ts").write_text(CLIENT_DTS)
    (root / "client.js").write_text(CLIENT_JS)
    (root / "resources" / "things.d.ts").write_text(THINGS_DTS)
    (root / "resources" / "things.js").write_text(THINGS_JS)
    return root


@pytest.fixture(scope="module")
def spec(acme: Path) -> Spec:
    return parse_spec(acme)


def method(spec: Spec, name: str) -> Method:
    things = spec.resource("things")
    assert things is not None
    return next(m for m in things.methods if m.name == name)


def test_auth_schemes_in_merge_order_with_their_env_vars(spec: Spec) -> None:
    # the early `Bearer ${await this._fn()}` return is a run-time credential, not a scheme
    assert spec.client.auth == [
        AuthScheme("authToken", "Authorization", "Bearer ", "", "ACME_TOKEN"),
        AuthScheme("apiKey", "X-Acme-Key", "key=", ";", "ACME_KEY"),
    ]
    assert spec.client.class_name == "Acme"
    assert spec.client.default_headers == [("Accept", "application/json"), ("acme-version", "7")]


def test_0_64_client_sends_the_key_bare_and_the_token_as_bearer() -> None:
    source = (Path(__file__).resolve().parent.parent / "spec" / "client.js").read_bytes()
    client = read_js(source, "client.js").client
    assert client is not None
    assert client.auth == (
        ("apiKey", "X-Api-Key", "", ""),
        ("authToken", "Authorization", "Bearer ", ""),
    )


def test_header_params_and_appended_constants(spec: Spec) -> None:
    update = method(spec, "update")
    assert update.request is not None
    assert update.request.headers == [HeaderValue("acme-beta", "betas", "things-2026-01-01")]
    where = {p.name: (p.location, p.wire_name) for p in update.params}
    # `query: { view }` beside `body`: view goes to the query, not the body
    assert where == {
        "thing_id": ("path", None),
        "name": ("body", None),
        "view": ("query", None),
        "betas": ("header", "acme-beta"),
    }


def test_accept_override_and_binary_flag(spec: Spec) -> None:
    download = method(spec, "download")
    assert download.request is not None and download.request.binary
    assert download.request.headers == [
        HeaderValue("acme-beta", "betas", "files-1"),
        HeaderValue("Accept", None, "application/binary"),
    ]


def test_a_param_sent_as_the_whole_body(spec: Spec) -> None:
    attach = method(spec, "attach")
    assert attach.request is not None and attach.request.body_param == "target"
    assert [h.name for h in attach.request.headers] == ["acme-beta"]


def test_headers_from_an_unread_helper_are_diagnosed(spec: Spec) -> None:
    send = method(spec, "send")
    team = next(p for p in send.params if p.name == "team_id")
    assert team.location == "header" and team.wire_name is None  # no other method sends it
    codes = {d.code for d in spec.diagnostics if "Things.send" in d.message}
    assert codes == {"header-helper", "header-name-unknown"}


def test_generated_package_sends_what_the_js_sends(acme: Path, tmp_path: Path) -> None:
    """The generated tests assert each request (auth, acme-beta with its constant, Accept,
    whole body, query placement) over real HTTP; the client class and env vars are the spec's."""
    out = tmp_path / "out"
    run = codegen("generate", "-q", "--spec", str(acme), "--out", str(out), "--resource", "things")
    assert run.returncode == 0, run.stderr
    client = (out / "anthropic_batches" / "_client.py").read_text()
    assert "class Acme(SyncAPIClient)" in client and "class AsyncAcme(" in client
    assert '"X-Acme-Key"' in client and '"ACME_TOKEN"' in client
    tests = (out / "tests" / "test_things.py").read_text()
    assert '"acme-beta": "betas,things-2026-01-01"' in tests.replace("'", '"')
    res = run_generated_tests(
        out, "tests/test_things.py", "tests/test_client.py", "-k", "things or auth or credential"
    )
    assert res.returncode == 0, res.stdout[-4000:]


ENVIRONMENTS_CLIENT_JS = """
const environments = { production: 'https://api.acme.test', sandbox: 'https://sandbox.acme.test' };
class Acme {
    constructor({ baseURL = (0, env_1.readEnv)('ACME_BASE_URL'), apiKey, ...opts } = {}) {
        const options = { apiKey, ...opts, baseURL: baseURL || environments[opts.environment || 'production'] };
        this.baseURL = options.baseURL;
    }
    async authHeaders(opts) {
        return { 'X-Acme-Key': this.apiKey };
    }
}
exports.Acme = Acme;
"""


def test_a_base_url_from_named_environments_is_read(tmp_path: Path) -> None:
    (tmp_path / "resources").mkdir()
    (tmp_path / "client.d.ts").write_text(CLIENT_DTS)
    (tmp_path / "client.js").write_text(ENVIRONMENTS_CLIENT_JS)
    (tmp_path / "resources" / "things.d.ts").write_text(THINGS_DTS)
    spec = parse_spec(tmp_path)
    assert spec.client.auth == [AuthScheme("apiKey", "X-Acme-Key", "", "", None)]
    assert spec.client.base_url == "https://api.acme.test"
    assert spec.client.default_environment == "production"
    assert not [d.code for d in spec.diagnostics if d.code == "base-url-unread"]
