# ruff: noqa: E501  (the .d.ts/.js fixtures keep the SDK's own long lines)
"""The generated tests' oracle expects each param under its wire name. A body, query or header
param that clashes with a path param's Python name (cloudflare's `update(originIP, {origin_ip})`,
`cache.origin_cloud_regions`) is renamed `origin_ip_2` in Python only: the request still carries
`origin_ip`, and so must the test's expected body, query and headers, at every depth; the `.js`'s
header built from that param follows the rename (not the path param it now shares a name with)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import codegen, run_generated_tests
from lint_generated import mypy_strict

CLIENT_DTS = """
import * as API from './resources/regions';
export declare class Flarey {
    apiToken: string;
    regions: API.Regions;
}
"""

CLIENT_JS = """
class Flarey {
    constructor({ baseURL = (0, env_1.readEnv)('FLAREY_BASE_URL'), apiToken = (0, env_1.readEnv)('FLAREY_API_TOKEN'), ...opts } = {}) {
        const options = { apiToken, ...opts, baseURL: baseURL || `https://api.flarey.test` };
        this.baseURL = options.baseURL;
        this.regions = new API.Regions(this);
    }
    authHeaders(opts) {
        return (0, headers_1.buildHeaders)([{ Authorization: this.apiToken }]);
    }
}
exports.Flarey = Flarey;
"""

REGIONS_DTS = """
import { APIResource } from '../core/resource';
import { APIPromise } from '../core/api-promise';
import { RequestOptions } from '../internal/request-options';
export declare class Regions extends APIResource {
    update(originIP: string, params: RegionUpdateParams, options?: RequestOptions): APIPromise<Region>;
    search(originIP: string, query: RegionSearchParams, options?: RequestOptions): APIPromise<Region>;
    check(originIP: string, params: RegionCheckParams, options?: RequestOptions): APIPromise<Region>;
}
export interface Region {
    origin_ip: string;
}
export interface RegionUpdateParams {
    /**
     * Path param: Identifier.
     */
    zone_id: string;
    /**
     * Body param: must match the path.
     */
    origin_ip: string;
    /**
     * Body param: where.
     */
    placement?: RegionUpdateParams.Placement;
}
export declare namespace RegionUpdateParams {
    interface Placement {
        origin_ip: string;
        'from': string;
        region?: string;
    }
}
export interface RegionSearchParams {
    origin_ip?: string;
    filter?: RegionSearchParams.Filter;
}
export declare namespace RegionSearchParams {
    interface Filter {
        origin_ip?: string;
    }
}
export interface RegionCheckParams {
    /**
     * Body param: the region.
     */
    region: string;
    /**
     * Header param: the origin.
     */
    origin_ip?: string;
    /**
     * Body param: a Python keyword.
     */
    class?: string;
}
"""

REGIONS_JS = """
class Regions extends resource_1.APIResource {
    update(originIP, params, options) {
        const { zone_id, ...body } = params;
        return this._client.put((0, path_1.path) `/zones/${zone_id}/regions/${originIP}`, { body, ...options });
    }
    search(originIP, query = {}, options) {
        return this._client.get((0, path_1.path) `/regions/${originIP}/search`, { query, ...options });
    }
    check(originIP, params, options) {
        const { origin_ip, ...body } = params;
        return this._client.post((0, path_1.path) `/regions/${originIP}/check`, {
            body,
            ...options,
            headers: (0, headers_1.buildHeaders)([{ 'X-Origin-IP': origin_ip }, options?.headers]),
        });
    }
}
exports.Regions = Regions;
"""


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("regions")
    spec = root / "spec"
    (spec / "resources").mkdir(parents=True)
    for name, text in {
        "client.d.ts": CLIENT_DTS,
        "client.js": CLIENT_JS,
        "resources/regions.d.ts": REGIONS_DTS,
        "resources/regions.js": REGIONS_JS,
    }.items():
        (spec / name).write_text(text)
    out = root / "out"
    run = codegen(
        "generate", "-q", "--spec", str(spec), "--out", str(out), "--resource", "regions",
        "--package", "flarey",
    )
    assert run.returncode == 0, run.stderr
    return out


def _flat(path: Path) -> str:
    return "".join(path.read_text().split())  # black's layout aside


def test_the_oracle_expects_wire_names(generated: Path) -> None:
    """Body, query and headers: the renamed param under its wire name, nested keys as sent."""
    tests = _flat(generated / "tests" / "test_regions.py").replace('"', "'")
    # the call passes the Python name; the request body holds the wire name
    assert "origin_ip_2=" in tests
    assert "{'origin_ip_2'" not in tests
    expected_body = "'/zones/zone_id_value/regions/origin_ip_value',[],{'origin_ip':'origin_ip_2',"
    assert expected_body + "'placement':{'origin_ip':'origin_ip','from':'from'" in tests
    assert "['origin_ip','origin_ip_2']" in tests
    assert "['filter[origin_ip]','origin_ip']" in tests
    assert "'x-origin-ip':'origin_ip_2'" in tests
    assert "class_='class'" in tests and "{'region':'region','class':'class'}" in tests


def test_a_renamed_header_param_is_the_header_it_was(generated: Path) -> None:
    """The `.js` header built from `origin_ip` takes the renamed body-side param, once; the path
    param of the same Python name is not sent as that header."""
    resource = _flat(generated / "flarey" / "resources" / "regions.py").replace("'", '"')
    assert '"X-Origin-IP":origin_ip,' not in resource
    assert resource.count('"X-Origin-IP":origin_ip_2,') == 2  # sync and async


def test_the_generated_tests_type_check_and_pass(generated: Path) -> None:
    typed = mypy_strict(generated, "flarey", "tests/test_regions.py")
    assert typed.returncode == 0, typed.stdout[-3000:]
    res = run_generated_tests(generated, "tests/test_regions.py")
    assert res.returncode == 0, res.stdout[-4000:]
    assert " passed" in res.stdout and "failed" not in res.stdout
