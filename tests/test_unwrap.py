"""`._thenUnwrap((obj) => obj.result)`: a method whose promise returns a field of the response
body (cloudflare's `{success, errors, messages, result}` envelope). Read into the request model,
sent as the runtime's `unwrap` option, and checked by the generated tests, whose server answers
with the envelope; a callback of another shape is a warning, never a silently wrong client."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import codegen, run_generated_tests

from codegen.parser import parse_spec
from codegen.parser.js import read_js

CLIENT_DTS = """
import * as API from './resources/zones';
export declare class Flare {
    apiToken: string;
    zones: API.Zones;
}
"""

CLIENT_JS = """
class Flare {
    constructor({
        baseURL = (0, env_1.readEnv)('FLARE_BASE_URL'),
        apiToken = (0, env_1.readEnv)('FLARE_API_TOKEN'),
        ...opts
    } = {}) {
        const options = { apiToken, ...opts, baseURL: baseURL || `https://api.flare.test/v4` };
        this.baseURL = options.baseURL;
        this.zones = new API.Zones(this);
    }
    authHeaders(opts) {
        return (0, headers_1.buildHeaders)([{ Authorization: `Bearer ${this.apiToken}` }]);
    }
}
exports.Flare = Flare;
"""

ZONES_DTS = """
import { APIResource } from '../core/resource';
import { APIPromise } from '../core/api-promise';
import { RequestOptions } from '../internal/request-options';
export declare class Zones extends APIResource {
    create(body: ZoneCreateParams, options?: RequestOptions): APIPromise<Zone>;
    get(zoneID: string, options?: RequestOptions): APIPromise<Zone>;
    nested(zoneID: string, options?: RequestOptions): APIPromise<Zone>;
    plain(zoneID: string, options?: RequestOptions): APIPromise<Zone>;
    odd(zoneID: string, options?: RequestOptions): APIPromise<Zone>;
}
export interface Zone {
    id: string;
    name: string;
}
export interface ZoneCreateParams {
    name: string;
}
"""

ZONES_JS = """
class Zones extends resource_1.APIResource {
    create(body, options) {
        return this._client.post('/zones', { body, ...options })._thenUnwrap((obj) => obj.result);
    }
    get(zoneID, options) {
        return this._client.get((0, path_1.path) `/zones/${zoneID}`, options)._thenUnwrap(obj => obj.result);
    }
    nested(zoneID, options) {
        return this._client.get((0, path_1.path) `/zones/${zoneID}/nested`, options)._thenUnwrap((o) => o.data.zone);
    }
    plain(zoneID, options) {
        return this._client.get((0, path_1.path) `/zones/${zoneID}/plain`, options);
    }
    odd(zoneID, options) {
        return this._client.get((0, path_1.path) `/zones/${zoneID}/odd`, options)
            ._thenUnwrap((obj) => obj.result ?? obj);
    }
}
exports.Zones = Zones;
"""


@pytest.mark.parametrize(
    "callback, path",
    [
        ("(obj) => obj.result", ("result",)),
        ("obj => obj.result", ("result",)),
        ("(obj) => (obj.data.items)", ("data", "items")),
        ("(obj) => obj.result ?? obj", ()),
        ("(obj) => other.result", ()),
        ("transform", ()),
        ("(obj) => { return obj.result; }", ()),
    ],
)
def test_unwrap_callbacks(callback: str, path: tuple[str, ...]) -> None:
    js = f"""class R extends resource_1.APIResource {{
        get(options) {{ return this._client.get('/r', options)._thenUnwrap({callback}); }}
    }}"""
    module = read_js(js.encode(), "r.js")
    (request,) = module.classes[0].methods[0].requests
    assert request.unwrap == path
    assert request.unwrap_unread == (path == ())


def test_a_request_without_unwrap_has_none() -> None:
    js = b"class R extends resource_1.APIResource { get(o) { return this._client.get('/r', o); } }"
    (request,) = read_js(js, "r.js").classes[0].methods[0].requests
    assert request.unwrap == () and not request.unwrap_unread


@pytest.fixture(scope="module")
def flare(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("flare") / "spec"
    (root / "resources").mkdir(parents=True)
    (root / "client.d.ts").write_text(CLIENT_DTS)
    (root / "client.js").write_text(CLIENT_JS)
    (root / "resources" / "zones.d.ts").write_text(ZONES_DTS)
    (root / "resources" / "zones.js").write_text(ZONES_JS)
    return root


def test_unwrap_in_the_request_model_and_unread_ones_warned(flare: Path) -> None:
    spec = parse_spec(flare)
    (zones,) = spec.resources
    unwrap = {m.name: m.request.unwrap if m.request else None for m in zones.methods}
    assert unwrap == {
        "create": ["result"],
        "get": ["result"],
        "nested": ["data", "zone"],
        "plain": [],
        "odd": [],
    }
    warned = [d for d in spec.diagnostics if d.code == "unwrap-unread"]
    assert [(d.severity, Path(d.loc.file).name, d.loc.line) for d in warned] == [
        ("warning", "zones.js", 16)
    ]
    assert "Zones.odd" in warned[0].message


def test_generated_methods_return_the_unwrapped_value(flare: Path, tmp_path: Path) -> None:
    """The generated tests' server answers `{"result": zone}`: a client that casts the whole
    envelope fails them (checked below by dropping the unwrap from the package)."""
    out = tmp_path / "out"
    run = codegen("generate", "-q", "--spec", str(flare), "--out", str(out), "--resource", "zones")
    assert run.returncode == 0, run.stderr
    resource = out / "anthropic_batches" / "resources" / "zones.py"
    text = resource.read_text()
    assert text.count('unwrap=("result",)') == 4  # create and get, sync and async
    assert "".join(text.split()).count('unwrap=("data","zone",)') == 2
    select = ("tests/test_zones.py", "-k", "create or get or nested")
    res = run_generated_tests(out, *select)
    assert res.returncode == 0, res.stdout[-4000:]
    resource.write_text(text.replace('unwrap=("result",)', "unwrap=()"))
    res = run_generated_tests(out, *select)
    assert res.returncode != 0 and "failed" in res.stdout, res.stdout[-2000:]
