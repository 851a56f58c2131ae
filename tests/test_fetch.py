"""Named targets and `codegen fetch`: an npm package's tarball, verified, unpacked safely, its
`include`d files made the target's spec. No network: tarballs are built here, `npm` is faked."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sys
import tarfile
from pathlib import Path

import pytest
from conftest import REPO, codegen

from codegen import fetch as fetch_module
from codegen.config import load_config
from codegen.errors import SpecError
from codegen.fetch import fetch
from codegen.parser import parse_spec
from codegen.parser.source import included

PY = sys.executable
SHIM = "export type Shim = typeof globalThis extends { a: infer T } ? T : never; @@@\n"


def make_tarball(path: Path, extra: dict[str, bytes] | None = None) -> str:
    """An npm-style tarball of spec/ (under `package/`), plus a file tree-sitter cannot parse."""
    files = {
        f"package/{p.relative_to(REPO / 'spec').as_posix()}": p.read_bytes()
        for p in sorted((REPO / "spec").rglob("*"))
        if p.is_file()
    }
    files["package/internal/shim-types.d.ts"] = SHIM.encode()
    files["package/index.d.mts"] = b"export {};\n"
    files.update(extra or {})
    with tarfile.open(path, "w:gz") as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return hashlib.sha256(path.read_bytes()).hexdigest()


def project(tmp_path: Path, sha256: str) -> Path:
    root = tmp_path / "project"
    root.mkdir()
    shutil.copytree(REPO / "templates", root / "templates")
    text = (REPO / "pyproject.toml").read_text()
    text += f"""
[tool.codegen.targets.t]
npm_package = "@example/sdk"
npm_version = "1.0.0"
npm_sha256 = "{sha256}"
include = ["client.d.ts", "core/**", "resources/**"]
out = "build/t"
package = "example_t"
"""
    (root / "pyproject.toml").write_text(text)
    return root


def fake_npm(tmp_path: Path, tarball: Path | None) -> dict[str, str]:
    """PATH with an `npm` whose `pack` copies `tarball` (None: fails) and logs each call."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    log = tmp_path / "npm.log"
    script = f"""#!{PY}
import json, shutil, sys
args = sys.argv[1:]
open({str(log)!r}, "a").write(" ".join(args) + "\\n")
tarball = {str(tarball) if tarball else None!r}
if tarball is None:
    print("npm ERR! 404 Not Found", file=sys.stderr)
    sys.exit(1)
dest = args[args.index("--pack-destination") + 1]
shutil.copy(tarball, dest + "/example-sdk-1.0.0.tgz")
print(json.dumps([{{"filename": "example-sdk-1.0.0.tgz"}}]))
"""
    npm = bin_dir / "npm"
    npm.write_text(script)
    npm.chmod(0o755)
    return {"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}


def npm_calls(tmp_path: Path) -> list[str]:
    log = tmp_path / "npm.log"
    return log.read_text().splitlines() if log.exists() else []


def test_generate_before_fetch_says_to_fetch(tmp_path: Path) -> None:
    root = project(tmp_path, "0" * 64)
    run = codegen("generate", "--target", "t", cwd=root)
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and "Traceback" not in run.stderr
    assert "run `codegen fetch --target t`" in run.stderr


def test_fetch_uses_the_cached_tarball_and_selects_the_included_files(tmp_path: Path) -> None:
    cache = tmp_path / "project" / ".codegen-cache"
    staging = tmp_path / "example-sdk-1.0.0.tgz"
    sha = make_tarball(staging)
    root = project(tmp_path, sha)
    cache.mkdir()
    shutil.copy(staging, cache / "example-sdk-1.0.0.tgz")
    env = fake_npm(tmp_path, None)

    run = codegen("fetch", "--target", "t", env=env, cwd=root)
    assert run.returncode == 0, run.stderr
    assert npm_calls(tmp_path) == []  # the tarball was there with the right sha256
    spec = cache / "example-sdk-1.0.0" / "spec"
    got = sorted(p.relative_to(spec).as_posix() for p in spec.rglob("*") if p.is_file())
    want = sorted(
        p.relative_to(REPO / "spec").as_posix()
        for p in (REPO / "spec").rglob("*")
        if p.is_file() and (p.name.endswith((".d.ts", ".js")) or p.name == "LICENSE")
    )
    assert got == sorted([*want, ".codegen-fetched.json"])
    assert (cache / "example-sdk-1.0.0" / "package" / "internal" / "shim-types.d.ts").is_file()

    again = codegen("fetch", "--target", "t", env=env, cwd=root)
    assert again.returncode == 0 and "already fetched" in again.stdout

    config = load_config(root / "pyproject.toml", {}, "t")
    assert config.spec == spec
    ir = parse_spec(config.spec, include=config.include)
    assert ir.resource("messages.batches") is not None

    gen = codegen("generate", "--target", "t", "-q", cwd=root)
    assert gen.returncode == 0, gen.stderr
    assert (root / "build" / "t" / "example_t" / "__init__.py").is_file()
    assert codegen("check", "--target", "t", "-q", cwd=root).returncode == 0


def test_fetch_runs_npm_pack_then_verifies(tmp_path: Path) -> None:
    tarball = tmp_path / "from-registry.tgz"
    sha = make_tarball(tarball)
    root = project(tmp_path, sha)
    run = codegen("fetch", "--target", "t", env=fake_npm(tmp_path, tarball), cwd=root)
    assert run.returncode == 0, run.stderr
    (call,) = npm_calls(tmp_path)
    assert call.startswith("pack --pack-destination ")
    assert call.endswith(" --json -- @example/sdk@1.0.0")  # after `--`: never an option
    assert (root / ".codegen-cache" / "example-sdk-1.0.0.tgz").read_bytes() == tarball.read_bytes()
    assert (root / ".codegen-cache" / "example-sdk-1.0.0" / "spec" / "client.d.ts").is_file()


def test_sha256_mismatch_is_one_line_exit_2(tmp_path: Path) -> None:
    tarball = tmp_path / "tampered.tgz"
    make_tarball(tarball, {"package/extra.d.ts": b"export interface X {}\n"})
    root = project(tmp_path, make_tarball(tmp_path / "expected.tgz"))
    run = codegen("fetch", "--target", "t", env=fake_npm(tmp_path, tarball), cwd=root)
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and "sha256" in run.stderr and "Traceback" not in run.stderr
    cache = root / ".codegen-cache"
    assert not (cache / "example-sdk-1.0.0.tgz").exists()
    assert not (cache / "example-sdk-1.0.0" / "spec").exists()


def test_npm_failure_is_one_line_exit_2(tmp_path: Path) -> None:
    root = project(tmp_path, "0" * 64)
    run = codegen("fetch", "--target", "t", env=fake_npm(tmp_path, None), cwd=root)
    assert run.returncode == 2 and run.stderr.count("\n") == 1
    assert "npm pack @example/sdk@1.0.0 failed: npm ERR! 404 Not Found" in run.stderr


@pytest.mark.parametrize(
    "name", ["package/../../evil.d.ts", "/tmp/evil.d.ts", "package/core/../../../evil.d.ts"]
)
def test_unsafe_tarball_is_refused(tmp_path: Path, name: str) -> None:
    cache = tmp_path / "project" / ".codegen-cache"
    staging = tmp_path / "evil.tgz"
    sha = make_tarball(staging, {name: b"export interface Evil {}\n"})
    root = project(tmp_path, sha)
    cache.mkdir()
    shutil.copy(staging, cache / "example-sdk-1.0.0.tgz")
    run = codegen("fetch", "--target", "t", env=fake_npm(tmp_path, None), cwd=root)
    assert run.returncode == 2 and run.stderr.count("\n") == 1
    assert "unsafe path" in run.stderr
    assert not list(tmp_path.rglob("evil.d.ts")) and not Path("/tmp/evil.d.ts").exists()
    assert not (cache / "example-sdk-1.0.0" / "spec").exists()


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("npm_version", "1/../../../x"),
        ("npm_version", "--help"),
        ("npm_package", "--registry=http://127.0.0.1:9/"),
        ("npm_package", "../../x"),
    ],
)
def test_npm_name_and_version_outside_npm_grammar_are_refused(
    tmp_path: Path, key: str, value: str
) -> None:
    """By the config (one line at the value, exit 2), and by `fetch` itself for a Config made
    in code; npm never runs and nothing is written outside the cache."""
    tarball = tmp_path / "from-registry.tgz"
    root = project(tmp_path, make_tarball(tarball))
    pyproject = root / "pyproject.toml"
    default = "1.0.0" if key == "npm_version" else "@example/sdk"
    text = pyproject.read_text().replace(f'{key} = "{default}"', f'{key} = "{value}"')
    pyproject.write_text(text)
    line = text[: text.index(f'{key} = "{value}"')].count("\n") + 1
    env = fake_npm(tmp_path, tarball)
    before = sorted(tmp_path.rglob("*"))
    run = codegen("fetch", "--target", "t", env=env, cwd=root)
    assert run.returncode == 2 and run.stderr.count("\n") == 1, run.stderr
    assert run.stderr.startswith(f"pyproject.toml:{line}:15: [tool.codegen.targets.t] {key}:")
    assert npm_calls(tmp_path) == []
    assert sorted(tmp_path.rglob("*")) == before

    config = load_config(REPO / "pyproject.toml", {"cache": tmp_path / "cache"}, "full")
    setattr(config, key, value)
    with pytest.raises(SpecError, match=f"{key} '"):
        fetch(config, npm=str(tmp_path / "bin" / "npm"), say=lambda _: None)
    assert npm_calls(tmp_path) == [] and not (tmp_path / "cache").exists()


def cached_project(tmp_path: Path, extra: dict[str, bytes]) -> Path:
    """A project whose target's tarball (the spec plus `extra`) is already in its cache."""
    staging = tmp_path / "example-sdk-1.0.0.tgz"
    root = project(tmp_path, make_tarball(staging, extra))
    (root / ".codegen-cache").mkdir()
    shutil.copy(staging, root / ".codegen-cache" / staging.name)
    return root


def test_cache_paths_must_resolve_inside_the_cache(tmp_path: Path) -> None:
    """A link in the cache that leads elsewhere is not followed to replace a folder there."""
    root = cached_project(tmp_path, {})
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "spec").mkdir(parents=True)
    (elsewhere / "spec" / "keep.txt").write_text("mine")
    (root / ".codegen-cache" / "example-sdk-1.0.0").symlink_to(elsewhere)
    config = load_config(root / "pyproject.toml", {}, "t")
    with pytest.raises(SpecError, match="outside the cache folder"):
        fetch(config, npm="false", say=lambda _: None)
    assert [p.name for p in elsewhere.rglob("*")] == ["spec", "keep.txt"]


@pytest.mark.parametrize(
    ("limit", "value", "extra", "says"),
    [
        (
            "MAX_MEMBERS",
            20,
            {f"package/x/{i}.txt": b"x" for i in range(30)},
            "more than 20 members",
        ),
        ("MAX_UNPACKED_BYTES", 1 << 20, {"package/big.bin": bytes(2 << 20)}, "more than 1048576"),
    ],
)
def test_unpacking_is_bounded(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    limit: str,
    value: int,
    extra: dict[str, bytes],
    says: str,
) -> None:
    root = cached_project(tmp_path, extra)
    config = load_config(root / "pyproject.toml", {}, "t")
    fetch(config, npm="false", say=lambda _: None)  # within the default bounds: unpacked
    shutil.rmtree(root / ".codegen-cache" / "example-sdk-1.0.0")
    monkeypatch.setattr(fetch_module, limit, value)
    with pytest.raises(SpecError, match=f"{says}.*{limit}.*not unpacked"):
        fetch(config, npm="false", say=lambda _: None)
    assert not (root / ".codegen-cache" / "example-sdk-1.0.0" / "package").exists()
    assert not (root / ".codegen-cache" / "example-sdk-1.0.0" / "spec").exists()


def test_targets_inherit_from_the_batch_target() -> None:
    base = load_config(REPO / "pyproject.toml", {})
    full = load_config(REPO / "pyproject.toml", {}, "full")
    assert base.spec == REPO / "spec" and base.out == REPO / "generated"
    assert base.resources == ["messages.batches"] and base.target is None
    assert full.spec == REPO / ".codegen-cache" / "anthropic-ai-sdk-1.14.0" / "spec"
    assert full.out == REPO / "build" / "anthropic-full"
    assert (full.package, full.distribution, full.resources) == (
        "anthropic_full",
        "anthropic-full",
        ["*"],
    )
    # internal/data: the tables the methods' warnings read (DEPRECATED_MODELS)
    assert full.include == [
        "client.d.ts", "core/**", "resources/**", "internal/data.d.ts", "internal/data/**",
    ]
    assert full.npm_sha256 is not None and len(full.npm_sha256) == 64
    for key in ("client_class", "int_fields", "float_fields", "extra_errors", "templates"):
        assert getattr(full, key) == getattr(base, key), key
    # a flag still wins over the target
    assert load_config(REPO / "pyproject.toml", {"spec": Path("x")}, "full").spec == Path("x")


def test_bad_targets_are_spec_errors(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[tool.codegen]\nspec = "spec"\n[tool.codegen.targets.a]\nout = "o"\n')
    with pytest.raises(SpecError, match=r"no target 'nope'.*known: a"):
        load_config(pyproject, {}, "nope")
    pyproject.write_text('[tool.codegen]\nspec = "spec"\n[tool.codegen.targets.a]\nbogus = 1\n')
    with pytest.raises(SpecError, match=r':4:1: \[tool.codegen.targets.a\]: unknown key "bogus"'):
        load_config(pyproject, {})  # every target is checked, not just the one asked for
    pyproject.write_text(
        '[tool.codegen.targets.b]\nnpm_package = "x"\nnpm_version = "1.0.0"\n'
        f'npm_sha256 = "{"ab" * 32}"\nspec = "elsewhere"\n'
    )
    with pytest.raises(SpecError, match=r":5:1: .*sets 'spec' for an npm target"):
        load_config(pyproject, {}, "b")


def test_include_globs() -> None:
    patterns = ["client.d.ts", "core/**", "resources/**"]
    assert included("client.d.ts", patterns)
    assert included("core/pagination.d.ts", patterns)
    assert included("resources/beta/messages/batches.d.ts", patterns)
    assert not included("internal/shim-types.d.ts", patterns)
    assert not included("index.d.ts", patterns)
    assert not included("resources.d.ts", patterns)
    assert included("core/x.d.ts", ["core"])
    assert included("a/b/c.d.ts", ["**/c.d.ts"]) and included("c.d.ts", ["**/c.d.ts"])
    assert included("a/b.d.ts", ["a/*.d.ts"]) and not included("a/x/b.d.ts", ["a/*.d.ts"])


def test_include_selects_spec_files(tmp_path: Path) -> None:
    spec = tmp_path / "spec"
    shutil.copytree(REPO / "spec", spec)
    (spec / "internal").mkdir()
    (spec / "internal" / "shim-types.d.ts").write_text(SHIM)
    with pytest.raises(SpecError):
        parse_spec(spec)
    ir = parse_spec(spec, include=["client.d.ts", "core/**", "resources/**"])
    assert "internal/shim-types.d.ts" not in {f.path for f in ir.files}
    assert json.dumps(sorted(f.path for f in ir.files)) == json.dumps(
        sorted(f.path for f in parse_spec(REPO / "spec").files)
    )


def test_npm_pack_never_hands_the_spec_to_npm_as_an_option(tmp_path: Path) -> None:
    """fetch, init and diff all pack through `npm_pack`: the spec always follows `--`."""
    from codegen.fetch import npm_pack

    argv_file = tmp_path / "argv.json"
    fake = tmp_path / "npm"
    fake.write_text(
        "#!/usr/bin/env python3\n"
        "import json, pathlib, sys\n"
        f"pathlib.Path({str(argv_file)!r}).write_text(json.dumps(sys.argv[1:]))\n"
        "dest = sys.argv[sys.argv.index('--pack-destination') + 1]\n"
        "pathlib.Path(dest, 'x-1.0.0.tgz').write_bytes(b'')\n"
    )
    fake.chmod(0o755)
    staging = tmp_path / "staging"
    staging.mkdir()
    packed = npm_pack(str(fake), "--registry=http://127.0.0.1:9/", staging)
    assert packed == staging / "x-1.0.0.tgz"
    argv = json.loads(argv_file.read_text())
    assert argv[0] == "pack" and argv[-2:] == ["--", "--registry=http://127.0.0.1:9/"]
