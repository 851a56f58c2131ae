"""`codegen init`: a folder npm packs (no registry) becomes a pinned `[tool.codegen]` target that
`codegen fetch` and `codegen generate` then take with no flags."""

from __future__ import annotations

import hashlib
import json
import shutil
import tomllib
from pathlib import Path

import pytest
from conftest import REPO, codegen

from codegen.errors import SpecError
from codegen.init import guess_include, python_names

needs_npm = pytest.mark.skipif(shutil.which("npm") is None, reason="npm is not installed")


@pytest.mark.parametrize(
    ("npm", "package", "distribution"),
    [
        ("openai", "openai", "openai"),
        ("groq-sdk", "groq_sdk", "groq-sdk"),
        ("@cerebras/cerebras_cloud_sdk", "cerebras_cloud_sdk", "cerebras-cloud-sdk"),
        ("@anthropic-ai/sdk", "anthropic_ai_sdk", "anthropic-ai-sdk"),
        ("@x/9lives", "sdk_9lives", "sdk-9lives"),
    ],
)
def test_python_names(npm: str, package: str, distribution: str) -> None:
    assert python_names(npm) == (package, distribution)


def test_include_follows_the_layout() -> None:
    new = ["client.d.ts", "client.js", "core/api-promise.d.ts", "resources/a.d.ts"]
    assert guess_include(new, "p") == ["client.d.ts", "core/**", "resources/**"]
    old = ["index.d.ts", "core.d.ts", "error.d.ts", "streaming.d.ts", "resources/a.d.ts"]
    assert guess_include(old, "p") == [
        "index.d.ts",
        "core.d.ts",
        "error.d.ts",
        "streaming.d.ts",
        "resources/**",
    ]
    with pytest.raises(SpecError, match="not a Stainless-style SDK"):
        guess_include(["index.d.ts", "lib/x.d.ts"], "p")


def fake_package(tmp_path: Path) -> Path:
    """spec/ as an npm package folder named @example/tiny-sdk 1.2.3."""
    folder = tmp_path / "tiny-sdk"
    shutil.copytree(REPO / "spec", folder, ignore=shutil.ignore_patterns("README.md"))
    (folder / "package.json").write_text(
        json.dumps({"name": "@example/tiny-sdk", "version": "1.2.3", "license": "MIT"})
    )
    return folder


@needs_npm
def test_init_then_fetch_and_generate_with_no_flags(tmp_path: Path) -> None:
    package = fake_package(tmp_path)
    project = tmp_path / "project"
    project.mkdir()
    mine = '[project]\nname = "mine"\n\n[tool.other]\nkey = 1'  # no final newline
    (project / "pyproject.toml").write_text(mine)

    run = codegen("init", "--npm", str(package), "--dir", str(project), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    text = (project / "pyproject.toml").read_text()
    assert text.startswith(mine + "\n")
    section = tomllib.loads(text)["tool"]["codegen"]
    tgz = project / ".codegen-cache" / "example-tiny-sdk-1.2.3.tgz"

    assert section == {
        "npm_package": "@example/tiny-sdk",
        "npm_version": "1.2.3",
        "npm_sha256": hashlib.sha256(tgz.read_bytes()).hexdigest(),
        "include": ["client.d.ts", "core/**", "resources/**"],
        "package": "tiny_sdk",
        "distribution": "tiny-sdk",
        "resources": ["*"],
        "out": "generated",
    }
    out = run.stdout
    assert "@example/tiny-sdk@1.2.3" in out
    assert "messages.batches: create, retrieve, list, delete, cancel, results" in out
    assert "auth: x-api-key (key from $ANTHROPIC_API_KEY)" in out
    assert "Page (items in data: before_id=first_id when before_id is sent" in out
    assert "diagnostics:" in out

    fetched = codegen("fetch", cwd=project)
    assert fetched.returncode == 0, fetched.stderr
    assert "already fetched" in fetched.stdout
    generated = codegen("generate", "-j", "1", cwd=project)
    assert generated.returncode == 0, generated.stderr
    assert (project / "generated" / "tiny_sdk" / "resources" / "messages" / "batches.py").is_file()

    again = codegen("init", "--npm", str(package), "--dir", str(project), cwd=tmp_path)
    assert again.returncode == 2
    assert again.stderr.strip().endswith("already has [tool.codegen]; nothing written")
    assert (project / "pyproject.toml").read_text() == text


@needs_npm
def test_init_refuses_a_package_of_another_shape(tmp_path: Path) -> None:
    folder = tmp_path / "plain"
    folder.mkdir()
    (folder / "index.js").write_text("module.exports = 1;\n")
    (folder / "package.json").write_text(json.dumps({"name": "plain", "version": "1.0.0"}))
    project = tmp_path / "project"
    run = codegen("init", "--npm", str(folder), "--dir", str(project), cwd=tmp_path)
    assert run.returncode == 2
    assert run.stderr.strip() == (
        "codegen: plain: not a Stainless-style SDK (neither client.d.ts with core/ nor "
        "index.d.ts with core.d.ts at the package root)"
    )
    assert not (project / "pyproject.toml").exists()
