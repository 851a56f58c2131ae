"""A method argument typed as an alias or a union (lithic `create(body: AccountHolderCreateParams)`
with `AccountHolderCreateParams = KYB | KYBDelegated | KYC | KYCExempt`, cloudflare
`zones.settings.edit`, `summaryV2(dimension: 'ADM1' | ...)`, `appID: AppIDParam`): the method
takes the merged keyword set, and a scalar-like positional argument is a path param."""

from __future__ import annotations

from pathlib import Path

from codegen.ir import LiteralType, Method, Primitive, Ref, Spec, UnionType
from codegen.parser import parse_spec

HOLDERS_DTS = """
import { APIResource } from '../core/resource';
import { APIPromise } from '../core/api-promise';
import { RequestOptions } from '../internal/request-options';
export declare class Holders extends APIResource {
    create(body: HolderCreateParams, options?: RequestOptions): APIPromise<Holder>;
    edit(holderID: HolderID, params: HolderEditParams, options?: RequestOptions): APIPromise<Holder>;
    summary(dimension: 'ADM1' | 'AS', options?: RequestOptions): APIPromise<Holder>;
    page(n: 1 | 2, query?: Mixed | null, options?: RequestOptions): APIPromise<Holder>;
}
export type HolderID = HolderIDParam;
export type HolderIDParam = string;
export interface Holder {
    id: string;
}
export type HolderCreateParams = HolderCreateParams.KYB | HolderCreateParams.KYC;
export declare namespace HolderCreateParams {
    interface KYB {
        workflow: 'KYB';
        business: string;
        owners?: Array<string>;
    }
    interface KYC {
        workflow: 'KYC' | 'KYC_LITE';
        individual: string;
        owners?: Array<number>;
    }
}
export type HolderEditParams = EditBody;
export interface EditBody {
    name: string;
}
export type Mixed = EditBody | string;
"""

HOLDERS_JS = """
class Holders extends resource_1.APIResource {
    create(body, options) {
        return this._client.post('/holders', { body, ...options });
    }
    edit(holderID, body, options) {
        return this._client.patch(path `/holders/${holderID}`, { body, ...options });
    }
    summary(dimension, options) {
        return this._client.get(path `/holders/summary/${dimension}`, options);
    }
    page(n, query = {}, options) {
        return this._client.get(path `/holders/page/${n}`, { query, ...options });
    }
}
exports.Holders = Holders;
"""


def parse(tmp_path: Path) -> Spec:
    (tmp_path / "resources").mkdir()
    (tmp_path / "resources/holders.d.ts").write_text(HOLDERS_DTS)
    (tmp_path / "resources/holders.js").write_text(HOLDERS_JS)
    return parse_spec(tmp_path)


def method(spec: Spec, name: str) -> Method:
    return next(m for r in spec.resources for m in r.methods if m.name == name)


def test_a_union_of_params_interfaces_gives_the_merged_keyword_set(tmp_path: Path) -> None:
    spec = parse(tmp_path)
    create = method(spec, "create")
    params = {p.name: p for p in create.params}
    assert list(params) == ["workflow", "business", "owners", "individual"]
    assert {n: p.required for n, p in params.items()} == {
        "workflow": True,  # every member requires it
        "business": False,
        "owners": False,
        "individual": False,
    }
    assert all(p.location == "body" for p in params.values())
    assert params["workflow"].type == UnionType(
        [LiteralType("KYB"), LiteralType("KYC"), LiteralType("KYC_LITE")]
    )
    owners = params["owners"].type
    assert isinstance(owners, UnionType) and len(owners.members) == 2
    codes = [d.code for d in spec.diagnostics if d.loc.line == 6]
    assert "params-union" in codes and "untyped-params" not in codes


def test_an_alias_of_one_params_interface_is_that_interface(tmp_path: Path) -> None:
    spec = parse(tmp_path)
    edit = method(spec, "edit")
    assert [(p.name, p.location, p.required) for p in edit.params] == [
        ("holder_id", "path", True),
        ("name", "body", True),
    ]
    assert edit.params[0].positional and isinstance(edit.params[0].type, Ref)
    assert not [d for d in spec.diagnostics if d.code == "untyped-params" and d.loc.line == 7]


def test_literal_unions_and_scalar_aliases_are_positional_path_params(tmp_path: Path) -> None:
    spec = parse(tmp_path)
    summary = method(spec, "summary")
    assert [(p.name, p.location, p.positional) for p in summary.params] == [
        ("dimension", "path", True)
    ]
    assert summary.route is not None and summary.route.path == "/holders/summary/{dimension}"
    page = method(spec, "page")
    assert [(p.name, p.location) for p in page.params][:1] == [("n", "path")]


def test_a_union_with_a_non_interface_member_stays_a_warning(tmp_path: Path) -> None:
    spec = parse(tmp_path)
    warned = [d for d in spec.diagnostics if d.code == "untyped-params"]
    assert [(d.loc.line, d.severity) for d in warned] == [(9, "warning")]
    assert "no params interface" in warned[0].message
    page = method(spec, "page").params
    assert [p.name for p in page] == ["n"]
    assert isinstance(page[0].type, UnionType) and Primitive("string") not in page[0].type.members
