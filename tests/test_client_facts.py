"""Client facts the spec decides for every target: named environments (and the base URL chosen
from them), the base-URL variable only when client.js reads one. Small client.js fixtures of
other vendors' shapes, then a generated package whose own tests check them."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import codegen, run_generated_tests

from codegen.parser import parse_spec
from codegen.parser.js import read_js

CLIENT_DTS = """
import * as API from './resources/things';
export declare class Acme {
    apiKey: string;
    things: API.Things;
}
"""

THINGS_DTS = """
import { APIResource } from '../core/resource';
import { APIPromise } from '../core/api-promise';
import { RequestOptions } from '../internal/request-options';
export declare class Things extends APIResource {
    retrieve(thingID: string, options?: RequestOptions): APIPromise<Thing>;
}
export interface Thing {
    id: string;
}
"""

THINGS_JS = """
class Things extends resource_1.APIResource {
    retrieve(thingID, options) {
        return this._client.get((0, path_1.path) `/things/${thingID}`, options);
    }
}
exports.Things = Things;
"""


def client_js(
    base_url: str = "options.baseURL || environments[options.environment || 'production']",
    table: str = "{ production: 'https://api.acme.test', sandbox: 'https://sandbox.acme.test' }",
    env_var: str = "(0, env_1.readEnv)('ACME_BASE_URL')",
) -> str:
    return f"""
const environments = {table};
class Acme {{
    constructor({{ baseURL = {env_var}, apiKey = (0, env_1.readEnv)('ACME_API_KEY'), ...opts }} = {{}}) {{
        const options = {{ apiKey, ...opts, baseURL, environment: opts.environment ?? 'production' }};
        this.baseURL = {base_url};
        this.things = new API.Things(this);
    }}
    authHeaders(opts) {{
        return (0, headers_1.buildHeaders)([{{ Authorization: `Bearer ${{this.apiKey}}` }}]);
    }}
}}
exports.Acme = Acme;
"""


@pytest.mark.parametrize(
    "base_url",
    [
        "options.baseURL || environments[options.environment || 'production']",
        "options.baseURL ?? environments[this._options.environment ?? 'production']",
        "options.environment ? environments[options.environment || 'production'] : options.baseURL",
    ],
)
def test_named_environments_are_read_with_their_default(base_url: str) -> None:
    client = read_js(client_js(base_url).encode(), "client.js").client
    assert client is not None
    assert client.environments == (
        ("production", "https://api.acme.test"),
        ("sandbox", "https://sandbox.acme.test"),
    )
    assert client.default_environment == "production"
    assert client.base_url == "https://api.acme.test"


@pytest.mark.parametrize(
    "base_url, table",
    [
        # a value that is not a literal, a default that is not in the table, another option
        (None, "{ production: 'https://api.acme.test', sandbox: sandboxURL() }"),
        ("options.baseURL || environments[options.environment || 'staging']", None),
        ("options.baseURL || environments[options.region || 'production']", None),
    ],
)
def test_environments_not_read_are_none(base_url: str | None, table: str | None) -> None:
    source = client_js(
        **{k: v for k, v in (("base_url", base_url), ("table", table)) if v is not None}
    )
    client = read_js(source.encode(), "client.js").client
    assert client is not None
    assert client.environments == () and client.default_environment is None
    assert client.base_url is None


def write_spec(root: Path, js: str) -> Path:
    (root / "resources").mkdir(parents=True)
    (root / "client.d.ts").write_text(CLIENT_DTS)
    (root / "client.js").write_text(js)
    (root / "resources" / "things.d.ts").write_text(THINGS_DTS)
    (root / "resources" / "things.js").write_text(THINGS_JS)
    return root


def test_environments_reach_the_ir_without_a_base_url_warning(tmp_path: Path) -> None:
    spec = parse_spec(write_spec(tmp_path / "spec", client_js()))
    assert spec.client.environments == [
        ("production", "https://api.acme.test"),
        ("sandbox", "https://sandbox.acme.test"),
    ]
    assert spec.client.default_environment == "production"
    assert spec.client.base_url == "https://api.acme.test"
    assert spec.client.base_url_env == "ACME_BASE_URL"
    assert not [d for d in spec.diagnostics if d.code == "base-url-unread"]


@pytest.fixture(scope="module")
def acme_env(tmp_path_factory: pytest.TempPathFactory) -> Path:
    spec = write_spec(tmp_path_factory.mktemp("acme_env") / "spec", client_js())
    out = spec.parent / "out"
    run = codegen("generate", "-q", "--spec", str(spec), "--out", str(out), "--resource", "things")
    assert run.returncode == 0, run.stderr
    return out


def test_generated_client_takes_environment_as_the_official_client(acme_env: Path) -> None:
    client = (acme_env / "anthropic_batches" / "_client.py").read_text()
    assert '"sandbox": "https://sandbox.acme.test"' in client
    assert 'environment: Literal["production", "sandbox"] | None = None' in client
    assert 'DEFAULT_ENVIRONMENT = "production"' in client
    res = run_generated_tests(
        acme_env, "tests/test_client.py", "-k", "environment or defaults_match or from_environment"
    )
    assert res.returncode == 0, res.stdout[-4000:]
    assert "3 passed" in res.stdout, res.stdout[-2000:]


def test_no_base_url_variable_is_invented(tmp_path: Path) -> None:
    """client.js reads no `ACME_BASE_URL`: neither does the package (nor config's fallback)."""
    js = client_js(env_var="undefined")
    spec = write_spec(tmp_path / "spec", js)
    assert parse_spec(spec).client.base_url_env is None
    out = tmp_path / "out"
    run = codegen("generate", "-q", "--spec", str(spec), "--out", str(out), "--resource", "things")
    assert run.returncode == 0, run.stderr
    package = "\n".join(p.read_text() for p in (out / "anthropic_batches").glob("*.py"))
    assert '_BASE_URL"' not in package and "ANTHROPIC_BASE_URL" not in package
    res = run_generated_tests(out, "tests/test_client.py", "-k", "environment or defaults_match")
    assert res.returncode == 0, res.stdout[-4000:]


CHAIN_DTS = """
import * as API from './resources/index';
export declare class BaseAcme {
    apiKey: string;
}
export declare class Acme extends BaseAcme {
    static Acme: typeof Acme;
    things: API.Things;
}
"""

CHAIN_JS = """
class BaseAcme {
    constructor({ baseURL = (0, env_1.readEnv)('ACME_BASE_URL'), apiKey, ...opts } = {}) {
        this.baseURL = baseURL || `https://api.acme.test`;
    }
    authHeaders(opts) {
        return (0, headers_1.buildHeaders)([{ 'X-Acme-Key': this.apiKey }]);
    }
}
class Acme extends BaseAcme {
    constructor() { super(...arguments); this.things = new API.Things(this); }
}
exports.Acme = Acme;
"""

SUBCLASSED_THINGS_DTS = (
    THINGS_DTS.replace(
        "export declare class Things extends APIResource {",
        "export declare class BaseThings extends APIResource {",
    )
    + "export declare class Things extends BaseThings {\n    other: BaseThings;\n}\n"
)


def test_client_class_through_a_base_class(tmp_path: Path) -> None:
    """`Acme extends BaseAcme`, its resources re-exported through an index file not given and
    subclassed (`Things extends BaseThings`): the class is still the chain's most derived."""
    root = write_spec(tmp_path / "spec", CHAIN_JS)
    (root / "client.d.ts").write_text(CHAIN_DTS)
    (root / "resources" / "things.d.ts").write_text(SUBCLASSED_THINGS_DTS)
    spec = parse_spec(root)
    assert spec.client.class_name == "Acme"
    assert spec.client.base_url == "https://api.acme.test"
    assert [a.header for a in spec.client.auth] == ["X-Acme-Key"]


def test_init_report_names_the_environments(tmp_path: Path) -> None:
    from codegen.init import report

    lines: list[str] = []
    report(parse_spec(write_spec(tmp_path / "spec", client_js())), lines.append)
    assert (
        "  environments: production https://api.acme.test, sandbox https://sandbox.acme.test "
        "(default production)"
    ) in lines
    assert "  client: Acme, base URL https://api.acme.test" in lines
