"""Resources declared as a subclass of a resource class (cloudflare's `class Roles extends
BaseRoles {}`, with every method on `BaseRoles extends APIResource` and the sub-resources as
properties of the subclass): the subclass is the resource, attached where the client and its
parents say, with its base's methods; a base attached nowhere is not placed by its name."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import codegen, run_generated_tests

from codegen.parser import parse_spec

CLIENT_DTS = """
import * as API from './resources/accounts/accounts';
export declare class BaseFlare {
    apiToken: string;
}
export declare class Flare extends BaseFlare {
    accounts: API.Accounts;
}
"""

CLIENT_JS = """
class BaseFlare {
    constructor({
        baseURL = (0, env_1.readEnv)('FLARE_BASE_URL'),
        apiToken = (0, env_1.readEnv)('FLARE_API_TOKEN'),
        ...opts
    } = {}) {
        const options = { apiToken, ...opts, baseURL: baseURL || `https://api.flare.test` };
        this.baseURL = options.baseURL;
    }
    authHeaders(opts) {
        return (0, headers_1.buildHeaders)([{ Authorization: `Bearer ${this.apiToken}` }]);
    }
}
exports.BaseFlare = BaseFlare;
class Flare extends BaseFlare {
    constructor() {
        super(...arguments);
        this.accounts = new API.Accounts(this);
    }
}
exports.Flare = Flare;
"""

ACCOUNTS_DTS = """
import { APIResource } from '../../core/resource';
import { APIPromise } from '../../core/api-promise';
import { RequestOptions } from '../../internal/request-options';
import * as RolesAPI from './roles';
export declare class BaseAccounts extends APIResource {
    static readonly _key: readonly ['accounts'];
    get(accountID: string, options?: RequestOptions): APIPromise<Account>;
    rename(accountID: string, body: AccountRenameParams, options?: RequestOptions): APIPromise<Account>;
}
/** Accounts you are a member of. */
export declare class Accounts extends BaseAccounts {
    roles: RolesAPI.Roles;
    /** the subclass's own method wins over the base's of that name */
    rename(accountID: string, body: AccountRenameParams, options?: RequestOptions): APIPromise<Account>;
}
export interface Account {
    id: string;
    name: string;
}
export interface AccountRenameParams {
    name: string;
}
"""

ACCOUNTS_JS = """
var BaseAccounts = /* @__PURE__ */ (() => {
    class BaseAccounts extends resource_1.APIResource {
        get(accountID, options) {
            return this._client.get((0, path_1.path) `/accounts/${accountID}`, options);
        }
        rename(accountID, body, options) {
            return this._client.post((0, path_1.path) `/accounts/${accountID}/old-rename`, { body, ...options });
        }
    }
    BaseAccounts._key = Object.freeze(['accounts']);
    return BaseAccounts;
})();
exports.BaseAccounts = BaseAccounts;
class Accounts extends BaseAccounts {
    constructor() {
        super(...arguments);
        this.roles = new RolesAPI.Roles(this._client);
    }
    rename(accountID, body, options) {
        return this._client.post((0, path_1.path) `/accounts/${accountID}/rename`, { body, ...options });
    }
}
exports.Accounts = Accounts;
"""

ROLES_DTS = """
import { APIResource } from '../../core/resource';
import { APIPromise } from '../../core/api-promise';
import { RequestOptions } from '../../internal/request-options';
export declare class BaseRoles extends APIResource {
    static readonly _key: readonly ['accounts', 'roles'];
    get(roleID: string, params: RoleGetParams, options?: RequestOptions): APIPromise<Role>;
}
export declare class Roles extends BaseRoles {
}
export interface Role {
    id: string;
}
export interface RoleGetParams {
    account_id: string;
}
"""

ROLES_JS = """
var BaseRoles = /* @__PURE__ */ (() => {
    class BaseRoles extends resource_1.APIResource {
        get(roleID, params, options) {
            const { account_id } = params;
            return this._client.get((0, path_1.path) `/accounts/${account_id}/roles/${roleID}`, options);
        }
    }
    return BaseRoles;
})();
exports.BaseRoles = BaseRoles;
class Roles extends BaseRoles {
}
exports.Roles = Roles;
"""

# a second `Roles` family elsewhere, attached nowhere: placed by name, with its base not
ORPHAN_DTS = ROLES_DTS.replace("'accounts', 'roles'", "'orphans'").replace("../../", "../")
ORPHAN_JS = ROLES_JS.replace("/accounts/${account_id}/roles/", "/orphans/${account_id}/")


@pytest.fixture(scope="module")
def flare(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("attach") / "spec"
    (root / "resources" / "accounts").mkdir(parents=True)
    for name, text in {
        "client.d.ts": CLIENT_DTS,
        "client.js": CLIENT_JS,
        "resources/accounts/accounts.d.ts": ACCOUNTS_DTS,
        "resources/accounts/accounts.js": ACCOUNTS_JS,
        "resources/accounts/roles.d.ts": ROLES_DTS,
        "resources/accounts/roles.js": ROLES_JS,
    }.items():
        (root / name).write_text(text)
    return root


def test_subclass_is_the_resource_with_its_bases_methods(flare: Path) -> None:
    spec = parse_spec(flare)
    got = {r.path: (r.name, [m.name for m in r.methods]) for r in spec.resources}
    assert got == {
        "accounts": ("Accounts", ["get", "rename"]),
        "accounts.roles": ("Roles", ["get"]),
    }
    accounts = next(r for r in spec.resources if r.path == "accounts")
    assert [(s.attr, s.resource) for s in accounts.subresources] == [("roles", "accounts.roles")]
    assert accounts.doc.text == "Accounts you are a member of."
    routes = {
        (r.path, m.name): (m.route.verb, m.route.path) if m.route else None
        for r in spec.resources
        for m in r.methods
    }
    assert routes == {
        ("accounts", "get"): ("GET", "/accounts/{account_id}"),
        ("accounts", "rename"): ("POST", "/accounts/{account_id}/rename"),
        ("accounts.roles", "get"): ("GET", "/accounts/{account_id}/roles/{role_id}"),
    }
    assert spec.client.class_name == "Flare"
    codes = [
        (d.code, d.severity) for d in spec.diagnostics if "resource" in d.code or "path" in d.code
    ]
    assert sorted(codes) == [("resource-base", "info")] * 2


def test_a_family_attached_nowhere_is_placed_once(flare: Path, tmp_path: Path) -> None:
    root = tmp_path / "spec"
    (root / "resources").mkdir(parents=True)
    for path in flare.rglob("*"):
        if path.is_file():
            dest = root / path.relative_to(flare)
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(path.read_bytes())
    (root / "resources" / "orphans.d.ts").write_text(ORPHAN_DTS)
    (root / "resources" / "orphans.js").write_text(ORPHAN_JS)
    spec = parse_spec(root)
    assert sorted(r.path for r in spec.resources) == ["accounts", "accounts.roles", "roles"]
    warned = [d for d in spec.diagnostics if d.code == "path-from-name"]
    assert [(Path(d.loc.file).name, d.message) for d in warned] == [
        ("orphans.d.ts", "resource Roles is attached nowhere; placed at 'roles'")
    ]


def test_generated_client_reaches_the_inherited_methods(flare: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run = codegen(
        "generate", "-q", "--spec", str(flare), "--out", str(out), "--resource", "accounts"
    )
    assert run.returncode == 0, run.stderr
    package = out / "anthropic_batches"
    client = (package / "_client.py").read_text()
    assert "        return Accounts(self)\n" in client and "Base" not in client
    roles = (package / "resources" / "accounts" / "roles.py").read_text()
    assert "class Roles(" in roles and "def get(" in roles
    res = run_generated_tests(out, "tests/test_accounts.py", "tests/test_accounts_roles.py")
    assert res.returncode == 0 and " passed" in res.stdout, res.stdout[-4000:]


SUB_DTS = """
import { APIResource } from '../../core/resource';
import { APIPromise } from '../../core/api-promise';
import { RequestOptions } from '../../internal/request-options';
export declare class BaseNAME extends APIResource {
    get(id: string, options?: RequestOptions): APIPromise<NAMEItem>;
}
export declare class NAME extends BaseNAME {
}
export interface NAMEItem {
    id: string;
}
"""
SUB_JS = """
class BaseNAME extends resource_1.APIResource {
    get(id, options) {
        return this._client.get((0, path_1.path) `/ROUTE/${id}`, options);
    }
}
exports.BaseNAME = BaseNAME;
class NAME extends BaseNAME {
}
exports.NAME = NAME;
"""


def test_sub_resource_classes_never_shadow_a_name_of_their_parent_module(
    flare: Path, tmp_path: Path
) -> None:
    """cloudflare's `zero_trust.devices.devices` (a `Devices` under `Devices`) and
    `logs.log_explorer.query` (a resource `Query`, the runtime's type of `extra_query`): the
    first is imported under a name of its own (`Accounts_2`); the second is class
    `QueryResource`, as its own module binds `Query` (mypy's no-redef otherwise)."""
    root = tmp_path / "spec"
    shutil.copytree(flare, root)
    accounts = root / "resources" / "accounts"
    for name, route, module in [("Accounts", "subaccounts", "sub"), ("Query", "query", "query")]:
        (accounts / f"{module}.d.ts").write_text(SUB_DTS.replace("NAME", name))
        (accounts / f"{module}.js").write_text(SUB_JS.replace("NAME", name).replace("ROUTE", route))
    dts = accounts / "accounts.d.ts"
    dts.write_text(
        dts.read_text()
        .replace(
            "import * as RolesAPI from './roles';",
            "import * as RolesAPI from './roles';\nimport * as SubAPI from './sub';\n"
            "import * as QueryAPI from './query';",
        )
        .replace(
            "    roles: RolesAPI.Roles;",
            "    roles: RolesAPI.Roles;\n    accounts: SubAPI.Accounts;\n    query: QueryAPI.Query;",
        )
    )
    (root / "resources" / "mapping.d.ts").write_text(
        SUB_DTS.replace("NAME", "Mapping").replace("../../", "../")
    )
    (root / "resources" / "mapping.js").write_text(
        SUB_JS.replace("NAME", "Mapping").replace("ROUTE", "mappings")
    )
    client = root / "client.d.ts"
    client.write_text(
        client.read_text()
        .replace(
            "import * as API", "import * as MappingAPI from './resources/mapping';\nimport * as API"
        )
        .replace(
            "    accounts: API.Accounts;",
            "    accounts: API.Accounts;\n    mappings: MappingAPI.Mapping;",
        )
    )
    out = tmp_path / "out"
    selected = ("--resource", "accounts", "--resource", "mappings")
    run = codegen("generate", "-q", "--spec", str(root), "--out", str(out), *selected)
    assert run.returncode == 0, run.stderr
    package = out / "anthropic_batches"
    client_module = (package / "_client.py").read_text()
    # ruff's import order puts an aliased name on its own line
    assert "from .resources.mappings import AsyncMapping\n" in client_module
    assert "from .resources.mappings import Mapping as Mapping_2\n" in client_module
    resources_init = (package / "resources" / "__init__.py").read_text()
    assert '"Mapping": (".mappings", "Mapping"),' in resources_init
    parent = (out / "anthropic_batches" / "resources" / "accounts" / "__init__.py").read_text()
    assert "from .accounts import Accounts as Accounts_2\n" in parent
    assert "from .accounts import AsyncAccounts as AsyncAccounts_2\n" in parent
    assert "from .query import AsyncQueryResource, QueryResource\n" in parent
    query = (package / "resources" / "accounts" / "query.py").read_text()
    assert "class QueryResource(SyncAPIResource):" in query and "class Query(" not in query
    check = (
        "import anthropic_batches as p, anthropic_batches._types as t\n"
        "import anthropic_batches.resources.accounts as m\n"
        "c = p.Client(api_token='k', base_url='http://127.0.0.1:9')\n"
        "assert m.Query is t.Query and m.Accounts is type(c.accounts)\n"
        "assert type(c.accounts.accounts).__module__.endswith('accounts.accounts')\n"
        "assert type(c.accounts.query).__name__ == 'QueryResource'\n"
        "from anthropic_batches.resources import Mapping\n"
        "assert type(c.mappings) is Mapping and p._client.Mapping is not Mapping\n"
    )
    ran = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, cwd=out)
    assert ran.returncode == 0, ran.stderr
    tests = ("tests/test_accounts_accounts.py", "tests/test_accounts_query.py")
    res = run_generated_tests(out, *tests, "tests/test_mappings.py")
    assert res.returncode == 0 and " passed" in res.stdout, res.stdout[-4000:]
