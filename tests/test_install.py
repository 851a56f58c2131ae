"""codegen as an installed tool: its templates ship inside the package, a user folder overlays
them one file at a time (and the caches see the overlay), and a wheel installed into a fresh
venv outside the repository generates the same package as the checkout."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from conftest import REPO, codegen

from codegen.cache import Caches
from codegen.config import load_config
from codegen.emit.render import environment
from codegen.emit.templates import builtin_root, template_names, templates_digest
from codegen.pipeline import build_files, generate


def test_every_codegen_package_is_packaged() -> None:
    """`packages` in pyproject.toml is an explicit list (the templates are mapped in): a new
    subpackage left out of it would be missing from the wheel."""
    listed = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    found = {
        ".".join(p.parent.relative_to(REPO).parts)
        for p in (REPO / "codegen").rglob("*.py")
        if "__pycache__" not in p.parts
    }
    assert found | {"codegen.templates"} == set(listed)


def test_builtin_templates_are_the_repository_templates() -> None:
    root = builtin_root()
    assert root is not None
    names = template_names(environment(None))
    on_disk = sorted(
        p.relative_to(REPO / "templates").as_posix() for p in (REPO / "templates").rglob("*.j2")
    )
    assert names == on_disk
    assert (root / "dist" / "README.md.j2").read_text() == (
        REPO / "templates/dist/README.md.j2"
    ).read_text()


def test_overlay_replaces_one_template_and_keys_the_caches(project: Path, tmp_path: Path) -> None:
    overlay = tmp_path / "mine"
    (overlay / "dist").mkdir(parents=True)
    readme = overlay / "dist" / "README.md.j2"
    readme.write_text("# {{ pkg.name }}: my own README\n")
    pyproject = project / "pyproject.toml"
    base = load_config(pyproject, {"templates": None})
    text = pyproject.read_text()
    pyproject.write_text(text.replace('templates = "templates"', f"templates = {str(overlay)!r}"))
    mine = load_config(pyproject, {})
    assert mine.templates == overlay

    caches = Caches(mine.cache)
    plain, over = build_files(base, caches).files, build_files(mine, caches).files
    assert over["README.md"] == "# anthropic_batches: my own README\n"
    assert {k: v for k, v in over.items() if k != "README.md"} == {
        k: v for k, v in plain.items() if k != "README.md"
    }
    assert templates_digest(environment(None)) != templates_digest(environment(overlay))

    # the warm-run stamp sees an edit to the overlay
    generate(mine, caches)
    assert generate(mine, caches).stats.up_to_date
    readme.write_text("# {{ pkg.name }}: edited\n")
    assert not generate(mine, caches).stats.up_to_date
    assert (mine.out / "README.md").read_text() == "# anthropic_batches: edited\n"


def test_missing_templates_folder_is_bad_input(project: Path) -> None:
    result = codegen("generate", "--templates", str(project / "nope"), cwd=project)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"codegen: templates folder {project / 'nope'} does not exist"
    ]


@pytest.mark.skipif(
    not os.environ.get("CODEGEN_WHEEL"),
    reason="opt-in, ~90 s: CODEGEN_WHEEL=1 (builds a wheel, pip installs it into a fresh venv)",
)
def test_wheel_in_a_fresh_venv_generates_outside_the_repository(tmp_path: Path) -> None:
    """Built from a copy of the sources, installed with pip into a new venv, run in a folder
    holding only a copy of spec/ and a pyproject without `templates`: same output as generated/."""
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(REPO / "pyproject.toml", src)
    for name in ("codegen", "templates"):
        shutil.copytree(REPO / name, src / name, ignore=shutil.ignore_patterns("__pycache__"))
    pip_env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(src)],
        check=True,
        env=pip_env,
        capture_output=True,
    )
    (wheel,) = wheels.glob("codegen-*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", str(wheel)],
        check=True,
        env=pip_env,
        capture_output=True,
    )

    work = tmp_path / "work"
    work.mkdir()
    shutil.copytree(REPO / "spec", work / "spec")
    config = (REPO / "pyproject.toml").read_text()
    section = config[config.index("[tool.codegen]") : config.index("[tool.codegen.targets.")]
    section = re.sub(r"(?m)^(templates|cache) = .*\n", "", section)
    (work / "pyproject.toml").write_text(section)
    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    where = subprocess.run(
        [str(python), "-c", "import codegen.templates as t; print(t.__file__)"],
        cwd=work,
        env=clean,
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(where.stdout.strip()).is_relative_to(venv)
    result = subprocess.run(
        [str(venv / "bin" / "codegen"), "generate", "-q"],
        cwd=work,
        env=clean,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    out = work / "generated"
    expected = {
        p.relative_to(REPO / "generated").as_posix(): p.read_bytes()
        for p in (REPO / "generated").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and ".mypy_cache" not in p.parts
    }
    got = {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in out.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert got == expected
