"""Warnings a method gives for some param values (`DEPRECATED_MODELS`): the table is read from
the `.js`, in the method's own file or behind `require` and re-exports; the generated package
keeps it importable from the resource module and warns before the request, and its own tests
check that over real HTTP."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import codegen, run_generated_tests
from lint_generated import ruff_default_rules

from codegen.ir import Spec, ValueWarning, WarnPart
from codegen.parser import parse_spec
from codegen.parser.js import read_js

CLIENT_DTS = """
import * as API from './resources/things';
export declare class Acme {
    apiKey: string | null;
    things: API.Things;
}
"""

CLIENT_JS = """
class Acme {
    constructor({ baseURL = (0, env_1.readEnv)('ACME_BASE_URL'), apiKey, ...opts } = {}) {
        const options = { apiKey, ...opts, baseURL: baseURL || `https://api.acme.test` };
        this.baseURL = options.baseURL;
        this.things = new API.Things(this);
    }
    async authHeaders(opts) {
        return (0, headers_1.buildHeaders)([{ 'X-Acme-Key': this.apiKey }]);
    }
}
exports.Acme = Acme;
"""

THINGS_DTS = """
import { APIResource } from '../core/resource';
import { APIPromise } from '../core/api-promise';
import { RequestOptions } from '../internal/request-options';
export declare class Things extends APIResource {
    create(params: ThingCreateParams, options?: RequestOptions): APIPromise<Thing>;
    local(params: ThingCreateParams, options?: RequestOptions): APIPromise<Thing>;
    odd(params: ThingCreateParams, options?: RequestOptions): APIPromise<Thing>;
}
export interface Thing {
    id: string;
}
export interface ThingCreateParams {
    /** Body param: the model. */
    model: string;
    /** Body param: a name. */
    name?: string;
}
"""

THINGS_JS = """
const tslib_1 = require("../internal/tslib.js");
const data_1 = tslib_1.__importStar(require("../internal/data.js"));
class Things extends resource_1.APIResource {
    create(params, options) {
        const { ...body } = params;
        if (body.model in data_1.RETIRED_MODELS) {
            console.warn(
                `The model '${body.model}' is deprecated since ${data_1.RETIRED_MODELS[body.model]}\\nMove on.`);
        }
        return this._client.post('/v1/things', { body, ...options });
    }
    local(body, options) {
        if (body.model in OLD_NAMES) {
            console.warn(`'${body.model}' is now called ${OLD_NAMES[body.model]}`);
        }
        return this._client.post('/v1/things/local', { body, ...options });
    }
    odd(body, options) {
        if (body.model in OLD_NAMES) {
            console.warn(`'${body.model}' at ${Date.now()}`);
        }
        return this._client.post('/v1/things/odd', { body, ...options });
    }
}
exports.Things = Things;
const OLD_NAMES = { 'thing-1': 'thing-one', "thing-2": 'thing-two' };
"""

DATA_JS = """
Object.defineProperty(exports, "__esModule", { value: true });
exports.RETIRED_MODELS = void 0;
var retired_models_1 = require("./data/retired-models.js");
Object.defineProperty(exports, "RETIRED_MODELS", {
    enumerable: true, get: function () { return retired_models_1.RETIRED_MODELS; } });
"""

RETIRED_JS = """
exports.RETIRED_MODELS = {
    'acme-1': 'May 1st, 2025',
    'acme-2': "June 2nd, 2025",
};
"""


@pytest.fixture(scope="module")
def acme(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("acme-warn") / "spec"
    (root / "resources").mkdir(parents=True)
    (root / "internal" / "data").mkdir(parents=True)
    (root / "client.d.ts").write_text(CLIENT_DTS)
    (root / "client.js").write_text(CLIENT_JS)
    (root / "resources" / "things.d.ts").write_text(THINGS_DTS)
    (root / "resources" / "things.js").write_text(THINGS_JS)
    (root / "internal" / "data.d.ts").write_text(
        'export { RETIRED_MODELS } from "./data/retired-models.js";\n'
    )
    (root / "internal" / "data.js").write_text(DATA_JS)
    (root / "internal" / "data" / "retired-models.d.ts").write_text(
        "export declare const RETIRED_MODELS: { [model: string]: string };\n"
    )
    (root / "internal" / "data" / "retired-models.js").write_text(RETIRED_JS)
    return root


@pytest.fixture(scope="module")
def spec(acme: Path) -> Spec:
    return parse_spec(acme)


def _warnings(spec: Spec, name: str) -> list[ValueWarning]:
    things = spec.resource("things")
    assert things is not None
    method = next(m for m in things.methods if m.name == name)
    assert method.request is not None
    return method.request.warnings


def test_a_table_behind_require_and_reexport_is_read(spec: Spec) -> None:
    assert _warnings(spec, "create") == [
        ValueWarning(
            "model",
            "RETIRED_MODELS",
            [("acme-1", "May 1st, 2025"), ("acme-2", "June 2nd, 2025")],
            [
                WarnPart("text", "The model '"),
                WarnPart("value"),
                WarnPart("text", "' is deprecated since "),
                WarnPart("entry"),
                WarnPart("text", "\n"),
                WarnPart("text", "Move on."),
            ],
            "user",
        )
    ]


def test_a_table_in_the_same_file_is_read(spec: Spec) -> None:
    (w,) = _warnings(spec, "local")
    assert (w.table, w.entries) == ("OLD_NAMES", [("thing-1", "thing-one"), ("thing-2", "thing-two")])


def test_a_message_not_read_is_a_diagnostic_not_a_guess(spec: Spec) -> None:
    assert _warnings(spec, "odd") == []
    (d,) = [d for d in spec.diagnostics if d.code == "warning-unread"]
    assert "Things.odd" in d.message and d.loc.file.endswith("things.js")


def test_the_category_follows_the_table_name() -> None:
    source = (Path(__file__).resolve().parent.parent / "spec" / "resources" / "messages" / "messages.js")
    spec = parse_spec(source.parent.parent.parent)
    messages = spec.resource("messages")
    assert messages is not None
    create = next(m for m in messages.methods if m.name == "create")
    assert create.request is not None
    (w,) = create.request.warnings
    assert (w.param, w.table, w.category) == ("model", "DEPRECATED_MODELS", "deprecation")
    assert ("claude-2.1", "July 21st, 2025") in w.entries
    assert read_js(source.read_bytes(), "messages.js").tables[0][0] == "DEPRECATED_MODELS"


def test_generated_package_warns_before_the_request(acme: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run = codegen("generate", "-q", "--spec", str(acme), "--out", str(out), "--resource", "things")
    assert run.returncode == 0, run.stderr
    module = (out / "anthropic_batches" / "resources" / "things.py").read_text()
    assert "RETIRED_MODELS: dict[str, str] = {" in module and "OLD_NAMES" in module
    tests = (out / "tests" / "test_things.py").read_text()
    assert "def test_create_warns_for_a_model_in_retired_models" in tests
    res = run_generated_tests(out, "tests/test_things.py", "-k", "warns")
    assert res.returncode == 0, res.stdout[-4000:]
    assert "2 passed" in res.stdout
    # the warning tests are templates the batch target never renders: lint them here
    ruff = ruff_default_rules(out)
    assert ruff.returncode == 0, ruff.stdout[-3000:]
