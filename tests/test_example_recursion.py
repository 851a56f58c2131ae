# ruff: noqa: E501  (the .d.ts/.js fixtures keep the SDK's own long lines)
"""Examples of recursive types must still validate where the recursion is cut. cloudflare's
`pipelines` `SourceField` is a union discriminated by `type` whose `List` member holds a
`SourceField` again (`items`): the cut used to be `{}`, which no member of a discriminated union
accepts ("Unable to extract tag using discriminator 'type'"), and no object with required fields
either. The cut is now built once more, closing: the first union member from the sample's
choice on that needs nothing already on the way down, containers empty, optional fields left out;
`{}` stays where it fits (an object with no required field)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import codegen, run_generated_tests
from lint_generated import mypy_strict

from codegen.emit.examples import example_value, union_arity
from codegen.ir import Declaration, Ref
from codegen.parser import parse_spec

CLIENT_DTS = """
import * as API from './resources/schemas';
export declare class Flarey {
    apiToken: string;
    schemas: API.Schemas;
}
"""

CLIENT_JS = """
class Flarey {
    constructor({ baseURL = (0, env_1.readEnv)('FLAREY_BASE_URL'), apiToken = (0, env_1.readEnv)('FLAREY_API_TOKEN'), ...opts } = {}) {
        const options = { apiToken, ...opts, baseURL: baseURL || `https://api.flarey.test` };
        this.baseURL = options.baseURL;
        this.schemas = new API.Schemas(this);
    }
    authHeaders(opts) {
        return (0, headers_1.buildHeaders)([{ Authorization: this.apiToken }]);
    }
}
exports.Flarey = Flarey;
"""

SCHEMAS_DTS = """
import { APIResource } from '../core/resource';
import { APIPromise } from '../core/api-promise';
import { RequestOptions } from '../internal/request-options';
export declare class Schemas extends APIResource {
    retrieve(schemaID: string, options?: RequestOptions): APIPromise<Schema>;
    field(fieldID: string, options?: RequestOptions): APIPromise<SourceField>;
    create(body: SchemaCreateParams, options?: RequestOptions): APIPromise<Schema>;
}
export interface Schema {
    fields: Array<SourceField>;
    root: TreeNode;
    loose?: Loose;
}
export type Tree = Array<TreeNode>;
export interface TreeNode {
    label: string;
    kids: Tree;
}
export interface Loose {
    name?: string;
    next?: Loose;
}
export type SourceField = SourceField.List | SourceField.Struct | SourceField.Int32;
export declare namespace SourceField {
    interface List {
        items: SourceField;
        type: 'list';
        name?: string;
    }
    interface Struct {
        fields: Array<SourceField>;
        type: 'struct';
    }
    interface Int32 {
        type: 'int32';
        name?: string;
    }
}
export type SourceFieldParam = SourceFieldParam.List | SourceFieldParam.Int32;
export declare namespace SourceFieldParam {
    interface List {
        items: SourceFieldParam;
        type: 'list';
    }
    interface Int32 {
        type: 'int32';
    }
}
export interface SchemaCreateParams {
    fields: Array<SourceFieldParam>;
    field: SourceFieldParam;
}
"""

SCHEMAS_JS = """
class Schemas extends resource_1.APIResource {
    retrieve(schemaID, options) {
        return this._client.get((0, path_1.path) `/schemas/${schemaID}`, options);
    }
    field(fieldID, options) {
        return this._client.get((0, path_1.path) `/fields/${fieldID}`, options);
    }
    create(body, options) {
        return this._client.post('/schemas', { body, ...options });
    }
}
exports.Schemas = Schemas;
"""


@pytest.fixture(scope="module")
def spec_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    spec = tmp_path_factory.mktemp("schemas") / "spec"
    (spec / "resources").mkdir(parents=True)
    for name, text in {
        "client.d.ts": CLIENT_DTS,
        "client.js": CLIENT_JS,
        "resources/schemas.d.ts": SCHEMAS_DTS,
        "resources/schemas.js": SCHEMAS_JS,
    }.items():
        (spec / name).write_text(text)
    return spec


@pytest.fixture(scope="module")
def decls(spec_dir: Path) -> dict[str, Declaration]:
    return parse_spec(spec_dir).declarations


@pytest.fixture(scope="module")
def generated(spec_dir: Path) -> Path:
    out = spec_dir.parent / "out"
    run = codegen(
        "generate", "-q", "--spec", str(spec_dir), "--out", str(out), "--resource", "schemas",
        "--package", "flarey",
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    return out


def _ref(decls: dict[str, Declaration], name: str) -> Ref:
    decl = next(d for d in decls.values() if d.name == name)
    return Ref(decl.id, decl.id)


def test_a_cut_union_takes_a_member_that_ends(decls: dict[str, Declaration]) -> None:
    """`List.items` met again: the next member that needs no type on the way down."""
    field = example_value(_ref(decls, "SourceField"), decls, "", choice=0)
    assert field == {"items": {"fields": [], "type": "struct"}, "type": "list"}
    schema = example_value(_ref(decls, "Schema"), decls, "", choice=0)
    assert isinstance(schema, dict)
    assert schema["fields"] == [field]
    # an array of required objects that are met again: empty, not `[{}]`
    assert schema["root"] == {"label": "label", "kids": []}
    # `{}` still cuts where it fits: no required field
    assert schema["loose"] == {"name": "name", "next": {}}


def test_every_sample_validates(decls: dict[str, Declaration], generated: Path) -> None:
    """Each choice's sample of the response types, through the generated pydantic models."""
    samples = {
        name: [
            example_value(_ref(decls, name), decls, "", choice=i)
            for i in range(union_arity(_ref(decls, name), decls))
        ]
        for name in ("Schema", "SourceField")
    }
    script = (
        "import json, sys\n"
        "from pydantic import TypeAdapter\n"
        "from flarey.types.schema import Schema\n"
        "from flarey.types.source_field import SourceField\n"
        "data = json.loads(sys.stdin.read())\n"
        "for s in data['Schema']: Schema.model_validate(s)\n"
        "for s in data['SourceField']: TypeAdapter(SourceField).validate_python(s)\n"
        "print(len(data['Schema']) + len(data['SourceField']))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script],
        input=json.dumps(samples),
        capture_output=True,
        text=True,
        cwd=generated,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert int(run.stdout) == 6


def test_the_generated_tests_type_check_and_pass(generated: Path) -> None:
    typed = mypy_strict(generated, "flarey", "tests/test_schemas.py")
    assert typed.returncode == 0, typed.stdout[-3000:]
    res = run_generated_tests(generated, "tests/test_schemas.py")
    assert res.returncode == 0, res.stdout[-4000:]
    assert " passed" in res.stdout and "failed" not in res.stdout
