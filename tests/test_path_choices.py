# ruff: noqa: E501  (the .d.ts/.js fixtures keep the SDK's own long lines)
"""Route segments chosen by which param is given (cloudflare's `/${accountOrZone}/${accountOrZoneId}`):
read from the `.js`, modelled as `PathSelect`, emitted as the official Python SDK does
(ValueError for none or both), and checked over real HTTP by the generated tests. A route
placeholder codegen cannot fill is a warning and its method is skipped, never sent with a
literal `{placeholder}`. A small SDK of cloudflare's shape, with its V4 page (items in `result`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import codegen, run_generated_tests
from lint_generated import mypy_strict, ruff_default_rules

from codegen.ir import Method, PathChoice, PathSelect, PathValue, Spec
from codegen.parser import parse_spec
from codegen.parser.js import read_js

CLIENT_DTS = """
import * as API from './resources/certs';
export declare class Cloudy {
    apiToken: string | null;
    certs: API.Certs;
}
"""

CLIENT_JS = """
class Cloudy {
    constructor({ baseURL = (0, env_1.readEnv)('CLOUDY_BASE_URL'), apiToken = (0, env_1.readEnv)('CLOUDY_API_TOKEN') ?? null, ...opts } = {}) {
        const options = { apiToken, ...opts, baseURL: baseURL || `https://api.cloudy.test/v4` };
        this.baseURL = options.baseURL;
        this.certs = new API.Certs(this);
    }
    async authHeaders(opts) {
        return (0, headers_1.buildHeaders)([await this.tokenAuth(opts)]);
    }
    async tokenAuth(opts) {
        if (this.apiToken == null) { return undefined; }
        return (0, headers_1.buildHeaders)([{ Authorization: `Bearer ${this.apiToken}` }]);
    }
}
exports.Cloudy = Cloudy;
"""

PAGINATION_DTS = """
export declare abstract class AbstractPage<Item> implements AsyncIterable<Item> {
    abstract getPaginatedItems(): Item[];
}
export declare class PagePromise<PageClass extends AbstractPage<Item>, Item = ReturnType<PageClass['getPaginatedItems']>[number]> extends APIPromise<PageClass> implements AsyncIterable<Item> {
}
export interface V4PagePaginationArrayResponse<Item> {
    result: Array<Item>;
    result_info: V4PagePaginationArrayResponse.ResultInfo;
}
export declare namespace V4PagePaginationArrayResponse {
    interface ResultInfo {
        page?: number;
        per_page?: number;
    }
}
export interface V4PagePaginationArrayParams {
    page?: number;
    per_page?: number;
}
export declare class V4PagePaginationArray<Item> extends AbstractPage<Item> implements V4PagePaginationArrayResponse<Item> {
    result: Array<Item>;
    result_info: V4PagePaginationArrayResponse.ResultInfo;
    getPaginatedItems(): Item[];
    nextPageRequestOptions(): PageRequestOptions | null;
}
"""

PAGINATION_JS = """
class AbstractPage {
}
class V4PagePaginationArray extends AbstractPage {
    constructor(client, response, body, options) {
        super(client, response, body, options);
        this.result = body.result || [];
        this.result_info = body.result_info || {};
    }
    getPaginatedItems() {
        return this.result ?? [];
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
exports.V4PagePaginationArray = V4PagePaginationArray;
"""

CERTS_DTS = """
import { APIResource } from '../core/resource';
import { APIPromise } from '../core/api-promise';
import { PagePromise, V4PagePaginationArray, type V4PagePaginationArrayParams } from '../core/pagination';
import { RequestOptions } from '../internal/request-options';
export declare class Certs extends APIResource {
    create(params: CertCreateParams, options?: RequestOptions): APIPromise<Cert>;
    list(params?: CertListParams | null | undefined, options?: RequestOptions): PagePromise<CertsV4PagePaginationArray, Cert>;
    get(certID: string, params?: CertGetParams | null | undefined, options?: RequestOptions): APIPromise<Cert>;
    delete(certID: string, params?: CertDeleteParams | null | undefined, options?: RequestOptions): APIPromise<void>;
    rotate(certID: string, params?: CertRotateParams | null | undefined, options?: RequestOptions): APIPromise<Cert>;
    renew(certID: string, options?: RequestOptions): APIPromise<Cert>;
    search(params: CertSearchParams, options?: RequestOptions): PagePromise<CertsV4PagePaginationArray, Cert>;
}
export type CertsV4PagePaginationArray = V4PagePaginationArray<Cert>;
export interface Cert {
    id: string;
    name?: string;
}
export interface CertCreateParams {
    /** Body param: the name. */
    name: string;
    /** Path param: the account. Mutually exclusive with the zone. */
    account_id?: string;
    /** Path param: the zone. Mutually exclusive with the account. */
    zone_id?: string;
}
export interface CertListParams extends V4PagePaginationArrayParams {
    account_id?: string;
    zone_id?: string;
    /** Query param: sort order. */
    direction?: 'asc' | 'desc';
}
export interface CertGetParams {
    /** Required in the .d.ts, but only one of the two is needed. */
    account_id: string;
    zone_id?: string;
}
export interface CertDeleteParams {
    account_id?: string;
    zone_id?: string;
}
export interface CertSearchParams {
    /** Path param: the account. */
    account_id: string;
    /** Body param: what to look for. */
    text: string;
}
export interface CertRotateParams {
    region?: string;
}
"""

GUARDS = """
            if (!account_id && !zone_id) {
                throw new error_1.CloudyError('You must provide either account_id or zone_id.');
            }
            if (account_id && zone_id) {
                throw new error_1.CloudyError('You cannot provide both account_id and zone_id.');
            }
            const { accountOrZone, accountOrZoneId } = account_id ?
                {
                    accountOrZone: 'accounts',
                    accountOrZoneId: account_id,
                }
                : {
                    accountOrZone: 'zones',
                    accountOrZoneId: zone_id,
                };"""

CERTS_JS = f"""
class Certs extends resource_1.APIResource {{
    create(params, options) {{
        const {{ account_id, zone_id, ...body }} = params;{GUARDS}
        return this._client.post((0, path_1.path) `/${{accountOrZone}}/${{accountOrZoneId}}/certs`, {{
            body,
            ...options,
        }})._thenUnwrap((obj) => obj.result);
    }}
    list(params = {{}}, options) {{
        const {{ account_id, zone_id, ...query }} = params ?? {{}};{GUARDS}
        return this._client.getAPIList((0, path_1.path) `/${{accountOrZone}}/${{accountOrZoneId}}/certs`, (pagination_1.V4PagePaginationArray), {{ query, ...options }});
    }}
    get(certID, params = {{}}, options) {{
        const {{ account_id, zone_id }} = params ?? {{}};{GUARDS}
        return this._client.get((0, path_1.path) `/${{accountOrZone}}/${{accountOrZoneId}}/certs/${{certID}}`, options)._thenUnwrap((obj) => obj.result);
    }}
    delete(certID, params = {{}}, options) {{
        const {{ account_id, zone_id }} = params ?? {{}};
        const {{ scope, scopeId }} = account_id ? {{ scope: 'accounts', scopeId: account_id }} : zone_id ? {{ scope: 'zones', scopeId: zone_id }} : {{ scope: 'user', scopeId: 'me' }};
        return this._client.delete((0, path_1.path) `/${{scope}}/${{scopeId}}/certs/${{certID}}`, options);
    }}
    rotate(certID, params = {{}}, options) {{
        const {{ region }} = params ?? {{}};
        const {{ where }} = region ? {{ where: pickRegion(region) }} : {{ where: 'global' }};
        return this._client.post((0, path_1.path) `/certs/${{certID}}/${{where}}/rotate`, options);
    }}
    renew(certID, options) {{
        const target = this._client.lookup(certID);
        return this._client.post((0, path_1.path) `/certs/${{target}}/renew`, options);
    }}
    search(params, options) {{
        const {{ account_id, ...body }} = params;
        return this._client.getAPIList((0, path_1.path) `/accounts/${{account_id}}/certs/search`, (pagination_1.V4PagePaginationArray), {{ body, method: 'post', ...options }});
    }}
}}
exports.Certs = Certs;
"""


@pytest.fixture(scope="module")
def cloudy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cloudy") / "spec"
    (root / "resources").mkdir(parents=True)
    (root / "core").mkdir()
    for name, text in {
        "client.d.ts": CLIENT_DTS,
        "client.js": CLIENT_JS,
        "core/pagination.d.ts": PAGINATION_DTS,
        "core/pagination.js": PAGINATION_JS,
        "resources/certs.d.ts": CERTS_DTS,
        "resources/certs.js": CERTS_JS,
    }.items():
        (root / name).write_text(text)
    return root


@pytest.fixture(scope="module")
def spec(cloudy: Path) -> Spec:
    return parse_spec(cloudy)


def method(spec: Spec, name: str) -> Method:
    certs = spec.resource("certs")
    assert certs is not None
    return next(m for m in certs.methods if m.name == name)


ACCOUNT_OR_ZONE = PathSelect(
    ["account_or_zone", "account_or_zone_id"],
    [
        PathChoice(
            "account_id",
            [
                PathValue("account_or_zone", literal="accounts"),
                PathValue("account_or_zone_id", param="account_id"),
            ],
        ),
        PathChoice(
            "zone_id",
            [
                PathValue("account_or_zone", literal="zones"),
                PathValue("account_or_zone_id", param="zone_id"),
            ],
        ),
    ],
    exclusive=True,
)


def test_the_js_choice_and_its_guards_are_read() -> None:
    module = read_js(CERTS_JS.encode(), "certs.js")
    get = next(m for m in module.classes[0].methods if m.name == "get")
    (choice,) = get.path_choices
    assert choice.readable and choice.names == ("accountOrZone", "accountOrZoneId")
    assert choice.branches == (
        (
            "account_id",
            (("accountOrZone", "literal", "accounts"), ("accountOrZoneId", "ref", "account_id")),
        ),
        (None, (("accountOrZone", "literal", "zones"), ("accountOrZoneId", "ref", "zone_id"))),
    )
    assert get.throw_tests == (
        ("none", ("account_id", "zone_id")),
        ("all", ("account_id", "zone_id")),
    )


@pytest.mark.parametrize("name", ["create", "list", "get"])
def test_account_or_zone_is_a_path_select_and_its_params_go_nowhere_else(
    spec: Spec, name: str
) -> None:
    m = method(spec, name)
    assert m.route is not None and m.route.path is not None
    assert m.route.path.startswith("/{account_or_zone}/{account_or_zone_id}/certs")
    assert m.request is not None and m.request.path_selects == [ACCOUNT_OR_ZONE]
    placed = {p.name: p.location for p in m.params}
    assert placed["account_id"] == placed["zone_id"] == "path"
    assert not any(p.required for p in m.params if p.name in ("account_id", "zone_id"))
    assert "body" not in placed.values() or name == "create"


def test_a_nested_choice_with_a_default_and_no_guard(spec: Spec) -> None:
    """`a ? {...} : b ? {...} : { scope: 'user', scopeId: 'me' }`: the last is a default."""
    (select,) = method(spec, "delete").request.path_selects  # type: ignore[union-attr]
    assert not select.exclusive
    assert [c.param for c in select.choices] == ["account_id", "zone_id", None]
    assert select.choices[2].values == [
        PathValue("scope", literal="user"),
        PathValue("scope_id", literal="me"),
    ]


def test_a_route_placeholder_codegen_cannot_fill_skips_the_method_with_a_warning(
    spec: Spec,
) -> None:
    certs = spec.resource("certs")
    assert certs is not None
    assert {"rotate", "renew"} <= set(certs.skipped_methods)
    warned = [d for d in spec.diagnostics if d.code == "path-unmodelled"]
    assert sorted(d.message.split(":")[0] for d in warned) == ["Certs.renew", "Certs.rotate"]
    assert all(d.severity == "warning" and d.loc.file.endswith("certs.js") for d in warned)
    assert all(d.loc.line > 1 for d in warned)


def test_a_page_request_with_its_own_verb_sends_its_body(spec: Spec) -> None:
    """`getAPIList(path, Page, { body, method: 'post' })`: POST with the body, not GET."""
    search = method(spec, "search")
    assert search.route is not None and search.route.verb == "POST"
    assert {p.name: p.location for p in search.params} == {"account_id": "path", "text": "body"}
    assert not [d for d in spec.diagnostics if "'method'" in d.message]


def test_the_generated_package_chooses_the_route_over_real_http(
    cloudy: Path, tmp_path: Path
) -> None:
    """As the official SDK: account_id/zone_id optional keywords, ValueError for none or both,
    `/accounts/<id>` or `/zones/<id>` sent, nothing in the body or query; the list's items are in
    the page's `result`. The generated tests check every choice over real HTTP."""
    out = tmp_path / "out"
    run = codegen(
        "generate",
        "-q",
        "--spec",
        str(cloudy),
        "--out",
        str(out),
        "--resource",
        "certs",
        "--package",
        "cloudy",
    )
    assert run.returncode == 0, run.stderr
    resource = (out / "cloudy" / "resources" / "certs.py").read_text()
    assert "%7B" not in resource and "body={" not in resource.split("def get(")[1].split("def ")[0]
    assert 'raise ValueError("You cannot provide both account_id and zone_id")' in resource
    assert 'raise ValueError("You must provide either account_id or zone_id")' in resource
    tests = (out / "tests" / "test_certs.py").read_text()
    assert "test_get_path_choices" in tests and "test_get_refuses_an_ambiguous_route" in tests
    assert '"/zones/zone_id_value/certs/cert_id_value"' in tests
    assert '"/user/me/certs/cert_id_value"' in tests
    search = resource.split("def search(")[1].split("def ")[0]
    assert 'method="post"' in search and "body={" in search
    res = run_generated_tests(out, "tests/test_certs.py")
    assert res.returncode == 0, res.stdout[-4000:]
    assert " passed" in res.stdout and "failed" not in res.stdout
    # the choosing code, the page's own verb and the test of `delete` (`APIPromise<void>`,
    # whose value a test may not assign: func-returns-value) type-check
    typed = mypy_strict(out, "cloudy", "tests/test_certs.py")
    assert typed.returncode == 0, typed.stdout[-3000:]
    ruff = ruff_default_rules(out)
    assert ruff.returncode == 0, ruff.stdout[-3000:]
