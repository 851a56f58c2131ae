# ruff: noqa: E501  (the .d.ts/.js fixtures keep the SDK's own long lines)
"""Two params shapes of lithic 0.145.0, end to end. A params union whose members' fields differ
(`create(body: KYB | KYC)`, `owners: Array<KYB.Owner>` in one, `Array<KYC.Owner>` in the other):
mypy infers no list display against `Iterable[A] | Iterable[B]`, so the generated test builds
each item with its TypedDict (`[HolderCreateParamsKYBOwner({...})]`) and type-checks. A route
placeholder read from an inline params object (`resend(holderID, params: { subscriptionToken:
string })` with `${params.subscriptionToken}`, lithic's `events.resend`): a keyword path param,
sent in the URL, as the official Python SDK's `event_subscription_token`."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import codegen, run_generated_tests
from lint_generated import mypy_strict

from codegen.emit.examples import Constructed, example_literal, example_value
from codegen.ir import ArrayType, Interface, RecordType, Spec, UnionType
from codegen.parser import parse_spec

CLIENT_DTS = """
import * as API from './resources/holders';
export declare class Holdy {
    apiKey: string;
    holders: API.Holders;
}
"""

CLIENT_JS = """
class Holdy {
    constructor({ baseURL = (0, env_1.readEnv)('HOLDY_BASE_URL'), apiKey = (0, env_1.readEnv)('HOLDY_API_KEY'), ...opts } = {}) {
        const options = { apiKey, ...opts, baseURL: baseURL || `https://api.holdy.test` };
        this.baseURL = options.baseURL;
        this.holders = new API.Holders(this);
    }
    authHeaders(opts) {
        return (0, headers_1.buildHeaders)([{ Authorization: this.apiKey }]);
    }
}
exports.Holdy = Holdy;
"""

HOLDERS_DTS = """
import { APIResource } from '../core/resource';
import { APIPromise } from '../core/api-promise';
import { RequestOptions } from '../internal/request-options';
export declare class Holders extends APIResource {
    create(body: HolderCreateParams, options?: RequestOptions): APIPromise<Holder>;
    resend(holderID: string, params: {
        subscriptionToken: string;
    }, options?: RequestOptions): APIPromise<void>;
    rotate(holderID: string, params: {
        region: string;
    }, options?: RequestOptions): APIPromise<void>;
}
export interface Holder {
    id: string;
}
export type HolderCreateParams = HolderCreateParams.KYB | HolderCreateParams.KYC;
export declare namespace HolderCreateParams {
    interface KYB {
        owners: Array<KYB.Owner>;
        contacts?: Record<string, KYB.Contact>;
        workflow: 'KYB';
    }
    namespace KYB {
        interface Owner {
            first_name: string;
            last_name: string;
            dob: string;
        }
        interface Contact {
            email: string;
        }
    }
    interface KYC {
        owners?: Array<KYC.Owner>;
        contacts?: Record<string, KYC.Contact>;
        workflow: 'KYC';
    }
    namespace KYC {
        interface Owner {
            first_name: string;
            nickname?: string;
        }
        interface Contact {
            phone: string;
        }
    }
}
"""

HOLDERS_JS = """
class Holders extends resource_1.APIResource {
    create(body, options) {
        return this._client.post('/holders', { body, ...options });
    }
    resend(holderID, params, options) {
        return this._client.post(`/holders/${holderID}/subscriptions/${params.subscriptionToken}/resend`, options);
    }
    rotate(holderID, params, options) {
        return this._client.post(`/holders/${holderID}/rotate/${params.where}`, options);
    }
}
exports.Holders = Holders;
"""


@pytest.fixture(scope="module")
def holdy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("holdy") / "spec"
    (root / "resources").mkdir(parents=True)
    for name, text in {
        "client.d.ts": CLIENT_DTS,
        "client.js": CLIENT_JS,
        "resources/holders.d.ts": HOLDERS_DTS,
        "resources/holders.js": HOLDERS_JS,
    }.items():
        (root / name).write_text(text)
    return root


@pytest.fixture(scope="module")
def spec(holdy: Path) -> Spec:
    return parse_spec(holdy)


def test_a_params_object_field_in_the_route_is_a_keyword_path_param(spec: Spec) -> None:
    holders = spec.resource("holders")
    assert holders is not None
    resend = next(m for m in holders.methods if m.name == "resend")
    assert resend.route is not None
    assert resend.route.path == "/holders/{holder_id}/subscriptions/{subscription_token}/resend"
    assert [(p.name, p.location, p.required, p.positional) for p in resend.params] == [
        ("holder_id", "path", True, True),
        ("subscription_token", "path", True, False),
    ]
    assert not [d for d in spec.diagnostics if d.code == "untyped-params"]


def test_a_params_object_placeholder_no_field_fills_still_skips_the_method(spec: Spec) -> None:
    holders = spec.resource("holders")
    assert holders is not None and holders.skipped_methods == ["rotate"]
    (warned,) = [d for d in spec.diagnostics if d.code == "path-unmodelled"]
    assert warned.severity == "warning" and warned.message.startswith("Holders.rotate: ")
    assert "where" in warned.message and warned.loc.file.endswith("holders.js")


def test_items_of_a_union_of_containers_are_constructed(spec: Spec) -> None:
    """The first member's item type, in the item of each container, and only there."""
    decls = spec.declarations
    holders = spec.resource("holders")
    assert holders is not None
    create = next(m for m in holders.methods if m.name == "create")
    types = {p.name: p.type for p in create.params}
    owners, contacts = types["owners"], types["contacts"]
    assert isinstance(owners, UnionType) and all(isinstance(m, ArrayType) for m in owners.members)
    assert isinstance(contacts, UnionType)
    assert all(isinstance(m, RecordType) for m in contacts.members)
    value = example_value(owners, decls, "owners")
    assert isinstance(value, list) and isinstance(value[0], Constructed)
    kyb_owner = decls[value[0].decl]
    assert isinstance(kyb_owner, Interface) and kyb_owner.name.endswith("Owner")
    assert value == [{"first_name": "first_name", "last_name": "last_name", "dob": "dob"}]
    record = example_value(contacts, decls, "contacts")
    assert isinstance(record, dict) and isinstance(record["key"], Constructed)
    assert not isinstance(record, Constructed)
    text = example_literal(value, lambda decl: decls[decl].name.replace(".", ""))
    assert (
        text
        == "[HolderCreateParamsKYBOwner({'first_name': 'first_name', 'last_name': 'last_name', 'dob': 'dob'})]"
    )
    # one container in the union: a display mypy infers, nothing constructed
    single = example_value(owners.members[0], decls, "owners")
    assert isinstance(single, list) and not isinstance(single[0], Constructed)


def test_the_generated_tests_type_check_and_send_the_params_path(
    holdy: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    run = codegen(
        "generate",
        "-q",
        "--spec",
        str(holdy),
        "--out",
        str(out),
        "--resource",
        "holders",
        "--package",
        "holdy",
    )
    assert run.returncode == 0, run.stderr
    tests = "".join((out / "tests" / "test_holders.py").read_text().split())  # black's layout
    assert 'owners=[HolderCreateParamsKYBOwner({"first_name"' in tests
    assert 'contacts={"key":HolderCreateParamsKYBContact({"email"' in tests
    assert '"/holders/holder_id_value/subscriptions/subscription_token_value/resend"' in tests
    resource = (out / "holdy" / "resources" / "holders.py").read_text()
    assert "subscription_token: str," in resource.split("def resend(")[1].split(")")[0]
    typed = mypy_strict(out, "holdy", "tests/test_holders.py")
    assert typed.returncode == 0, typed.stdout[-3000:]
    res = run_generated_tests(out, "tests/test_holders.py")
    assert res.returncode == 0, res.stdout[-4000:]
    assert " passed" in res.stdout and "failed" not in res.stdout
