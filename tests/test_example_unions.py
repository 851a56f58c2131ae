# ruff: noqa: E501  (the .d.ts/.js fixtures keep the SDK's own long lines)
"""Example arguments of cloudflare 7.3.0's shapes that the generated tests must type-check with.
A list whose item is a union of object types (`entries?: Array<WithID | New>`,
`zero_trust.dlp.profiles.custom.update`): mypy checks a dict display in such a list against the
wrong member ("Extra key 'entry_id' for TypedDict New"), so the test builds the item with its
TypedDict (`[ProfileUpdateParamsWithID({...})]`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import codegen, run_generated_tests
from lint_generated import mypy_strict

from codegen.emit.examples import Constructed, example_value
from codegen.ir import Spec
from codegen.parser import parse_spec

CLIENT_DTS = """
import * as API from './resources/profiles';
export declare class Flarey {
    apiToken: string;
    profiles: API.Profiles;
}
"""

CLIENT_JS = """
class Flarey {
    constructor({ baseURL = (0, env_1.readEnv)('FLAREY_BASE_URL'), apiToken = (0, env_1.readEnv)('FLAREY_API_TOKEN'), ...opts } = {}) {
        const options = { apiToken, ...opts, baseURL: baseURL || `https://api.flarey.test` };
        this.baseURL = options.baseURL;
        this.profiles = new API.Profiles(this);
    }
    authHeaders(opts) {
        return (0, headers_1.buildHeaders)([{ Authorization: this.apiToken }]);
    }
}
exports.Flarey = Flarey;
"""

PROFILES_DTS = """
import { APIResource } from '../core/resource';
import { APIPromise } from '../core/api-promise';
import { RequestOptions } from '../internal/request-options';
export declare class Profiles extends APIResource {
    update(profileID: string, body: ProfileUpdateParams, options?: RequestOptions): APIPromise<Profile>;
}
export interface Profile {
    id: string;
}
export interface ProfileUpdateParams {
    name: string;
    entries?: Array<ProfileUpdateParams.WithID | ProfileUpdateParams.New> | null;
    tags?: Record<string, ProfileUpdateParams.WithID | ProfileUpdateParams.New>;
    plain?: Array<ProfileUpdateParams.New | string>;
}
export declare namespace ProfileUpdateParams {
    interface WithID {
        enabled: boolean;
        entry_id: string;
        name: string;
        description?: string | null;
    }
    interface New {
        enabled: boolean;
        name: string;
        description?: string | null;
    }
}
"""

PROFILES_JS = """
class Profiles extends resource_1.APIResource {
    update(profileID, body, options) {
        return this._client.put(`/profiles/${profileID}`, { body, ...options });
    }
}
exports.Profiles = Profiles;
"""


@pytest.fixture(scope="module")
def flarey(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("flarey") / "spec"
    (root / "resources").mkdir(parents=True)
    for name, text in {
        "client.d.ts": CLIENT_DTS,
        "client.js": CLIENT_JS,
        "resources/profiles.d.ts": PROFILES_DTS,
        "resources/profiles.js": PROFILES_JS,
    }.items():
        (root / name).write_text(text)
    return root


@pytest.fixture(scope="module")
def spec(flarey: Path) -> Spec:
    return parse_spec(flarey)


def test_items_of_a_union_of_objects_are_constructed(spec: Spec) -> None:
    """In a list or a record: the item is built with its TypedDict; one object type and a
    string is no such union (mypy infers that display)."""
    profiles = spec.resource("profiles")
    assert profiles is not None
    update = next(m for m in profiles.methods if m.name == "update")
    types = {p.name: p.type for p in update.params}
    entries = example_value(types["entries"], spec.declarations, "entries")
    assert isinstance(entries, list) and isinstance(entries[0], Constructed)
    assert spec.declarations[entries[0].decl].name.endswith("WithID")
    assert entries == [{"enabled": True, "entry_id": "entry_id", "name": "name"}]
    tags = example_value(types["tags"], spec.declarations, "tags")
    assert isinstance(tags, dict) and isinstance(tags["key"], Constructed)
    plain = example_value(types["plain"], spec.declarations, "plain")
    assert isinstance(plain, list) and not isinstance(plain[0], Constructed)


def test_the_generated_tests_type_check_and_pass(flarey: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run = codegen(
        "generate",
        "-q",
        "--spec",
        str(flarey),
        "--out",
        str(out),
        "--resource",
        "profiles",
        "--package",
        "flarey",
    )
    assert run.returncode == 0, run.stderr
    tests = "".join((out / "tests" / "test_profiles.py").read_text().split())  # black's layout
    assert 'entries=[ProfileUpdateParamsWithID({"enabled":True,"entry_id"' in tests
    typed = mypy_strict(out, "flarey", "tests/test_profiles.py")
    assert typed.returncode == 0, typed.stdout[-3000:]
    res = run_generated_tests(out, "tests/test_profiles.py")
    assert res.returncode == 0, res.stdout[-4000:]
    assert " passed" in res.stdout and "failed" not in res.stdout
