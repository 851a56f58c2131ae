"""`codegen init --npm NAME[@VERSION] [--dir DIR]`: start a project for a Stainless-style npm SDK.

`npm pack` resolves and downloads the package (a registry name, or anything else npm can pack,
e.g. a `file:` path); its own `package.json` names it. The tarball goes into the cache where
`codegen fetch` looks first, and a `[tool.codegen]` target pinning it (name, version, sha256,
`include` globs guessed from the package's layout, Python names derived from the npm name) is
added to `DIR/pyproject.toml`. Then the spec is fetched and parsed, and what was found is printed,
so `codegen fetch` and `codegen generate` work there with no flags.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import tarfile
import tempfile
import tomllib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from codegen.config import load_config, npm_slug
from codegen.errors import SpecError
from codegen.fetch import bounded_members, fetch, file_sha256
from codegen.fetch import npm_pack as pack
from codegen.ir import PageClass, Spec

# The current Stainless layout, then the older one (client class in index.d.ts, runtime files
# at the package root); each entry must exist for its layout to be chosen.
LAYOUTS = (
    (("client.d.ts", "core/"), ["client.d.ts", "core/**", "resources/**"]),
    (
        ("index.d.ts", "core.d.ts"),
        [
            "index.d.ts",
            "core.d.ts",
            "error.d.ts",
            "streaming.d.ts",
            "pagination.d.ts",
            "resources/**",
        ],
    ),
)
# npm names too generic to be a Python package on their own: the scope is kept in front
GENERIC = {"sdk", "api", "client", "node", "js", "core"}


@dataclass
class Packed:
    name: str
    version: str
    tarball: Path
    sha256: str
    members: list[str]  # paths inside the package, `package/` stripped


def python_names(npm_name: str) -> tuple[str, str]:
    """(import name, distribution name): `@cerebras/cerebras_cloud_sdk` -> `cerebras_cloud_sdk`,
    `groq-sdk` -> `groq_sdk`, `@anthropic-ai/sdk` -> `anthropic_ai_sdk`."""
    scope, _, bare = npm_name.removeprefix("@").rpartition("/")
    words = bare if bare.lower() not in GENERIC or not scope else f"{scope}_{bare}"
    name = re.sub(r"[^0-9a-zA-Z]+", "_", words).strip("_").lower() or "client"
    if name[0].isdigit():
        name = f"sdk_{name}"
    return name, name.replace("_", "-")


def guess_include(members: list[str], package: str) -> list[str]:
    have = set(members)
    for markers, globs in LAYOUTS:
        if all(m in have or any(x.startswith(m) for x in have) for m in markers):
            return [g for g in globs if g.endswith("**") or g in have]
    raise SpecError(
        None,
        f"{package}: not a Stainless-style SDK (neither client.d.ts with core/ nor index.d.ts "
        "with core.d.ts at the package root)",
    )


def npm_pack(spec: str, dest: Path, npm: str = "npm") -> Packed:
    """`npm pack <spec>` into `dest`; name and version from the tarball's own package.json."""
    staging = Path(tempfile.mkdtemp(prefix=".npm-init-", dir=dest))
    try:
        packed = pack(npm, spec, staging)
        name, version, members = _read_tarball(packed, spec)
        final = dest / f"{npm_slug(name)}-{version}.tgz"
        os.replace(packed, final)
        return Packed(name, version, final, file_sha256(final), members)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _read_tarball(tgz: Path, spec: str) -> tuple[str, str, list[str]]:
    try:
        with tarfile.open(tgz, "r:*") as tar:
            every = bounded_members(tgz, tar)  # the same bounds and path checks as fetch
            members = [m.name.partition("/")[2] for m in every if m.isfile()]
            meta = next((m for m in every if m.name == "package/package.json"), None)
            handle = tar.extractfile(meta) if meta is not None else None
            data = json.load(io.TextIOWrapper(handle, "utf-8")) if handle else None
    except (tarfile.TarError, OSError, ValueError) as exc:
        raise SpecError(None, f"npm pack {spec}: cannot read the tarball: {exc}") from None
    if not isinstance(data, dict) or not data.get("name") or not data.get("version"):
        raise SpecError(None, f"npm pack {spec}: the tarball has no package.json name/version")
    return str(data["name"]), str(data["version"]), sorted(members)


def target_text(packed: Packed, include: list[str]) -> str:
    package, distribution = python_names(packed.name)
    globs = ", ".join(json.dumps(g) for g in include)
    return (
        "\n# Written by `codegen init`; `codegen fetch` then `codegen generate`.\n"
        "[tool.codegen]\n"
        f"npm_package = {json.dumps(packed.name)}\n"
        f"npm_version = {json.dumps(packed.version)}\n"
        f'npm_sha256 = "{packed.sha256}"\n'
        f"include = [{globs}]\n"
        f"package = {json.dumps(package)}\n"
        f"distribution = {json.dumps(distribution)}\n"
        'resources = ["*"]\n'
        'out = "generated"\n'
    )


def existing_text(pyproject: Path) -> str:
    """The file's text (empty when absent); refuses invalid TOML or an existing [tool.codegen]."""
    old = pyproject.read_text(encoding="utf-8") if pyproject.exists() else ""
    try:
        data = tomllib.loads(old)
    except tomllib.TOMLDecodeError as exc:
        raise SpecError(None, f"{pyproject}: not valid TOML ({exc}); nothing written") from None
    tool = data.get("tool")
    if isinstance(tool, dict) and "codegen" in tool:
        raise SpecError(None, f"{pyproject} already has [tool.codegen]; nothing written")
    return old


def add_target(pyproject: Path, text: str) -> None:
    """Append the target after what is there, which is left as it was."""
    old = existing_text(pyproject)
    if not old:
        text = text.lstrip("\n")
    elif not old.endswith("\n"):
        old += "\n"
    pyproject.write_text(old + text, encoding="utf-8")


def page_style(page: PageClass) -> str:
    """`CursorPage (items in data: after=last item's id, stops when has_more is false)`."""
    if not page.rule_known:
        return f"{page.name} (next-page rule not read: a warning)"
    what = {
        "field": "{field}",
        "last_item": "last item's {field}",
        "first_item": "first item's {field}",
        "page_number": "page number + 1",
        "offset": "offset + items",
    }
    steps = [
        f"{c.param}={what[c.source].format(field=c.field)}"
        + (f" when {c.when_query_has} is sent" if c.when_query_has else "")
        for c in page.cursors
    ]
    rule = "; ".join(steps) if steps else "a single page"
    stop = f", stops when {page.has_more_field} is false" if page.has_more_field else ""
    return f"{page.name} (items in {page.item_field}: {rule}{stop})"


def report(spec: Spec, say: Callable[[str], None]) -> None:
    resources = [r for r in spec.resources if r.methods]
    methods = sum(len(r.methods) for r in spec.resources)
    say(f"  resources: {len(resources)} with methods ({len(spec.resources)} in all)")
    for resource in resources:
        say(f"    {resource.path}: {', '.join(m.name for m in resource.methods)}")
    say(f"  methods: {methods}")
    client = spec.client
    auth = client.auth_header or "none read from the spec"
    env = f" (key from ${client.api_key_env})" if client.api_key_env else ""
    say(f"  client: {client.class_name or '?'}, base URL {client.base_url or '?'}")
    if client.environments:
        named = ", ".join(f"{k} {v}" for k, v in client.environments)
        say(f"  environments: {named} (default {client.default_environment})")
    say(f"  auth: {auth}{env}")
    say(f"  pages: {', '.join(page_style(p) for p in spec.pages) or 'none'}")
    counts = Counter(f"{d.severity} {d.code}" for d in spec.diagnostics)
    say(f"  diagnostics: {sum(counts.values())}")
    for kind, count in sorted(counts.items()):
        say(f"    {count:5d} {kind}")


def init(npm_spec: str, folder: Path, npm: str = "npm", say: Callable[[str], None] = print) -> Spec:
    from codegen.parser import RouteConfig, parse_spec

    folder = folder.resolve()
    folder.mkdir(parents=True, exist_ok=True)
    pyproject = folder / "pyproject.toml"
    existing_text(pyproject)  # refuse before packing anything
    cache = folder / ".codegen-cache"
    cache.mkdir(exist_ok=True)
    packed = npm_pack(npm_spec, cache, npm)
    include = guess_include(packed.members, packed.name)
    add_target(pyproject, target_text(packed, include))
    say(f"codegen: {packed.name}@{packed.version} (sha256 {packed.sha256})")
    say(f"codegen: wrote [tool.codegen] to {pyproject} (include {', '.join(include)})")
    config = load_config(pyproject, {})
    fetch(config, npm, say)
    spec = parse_spec(config.spec, RouteConfig(prefix=config.route_prefix))
    report(spec, say)
    say("codegen: next: `codegen generate` (`--strict` fails on any warning)")
    return spec
