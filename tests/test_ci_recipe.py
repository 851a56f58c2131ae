"""The GitHub Actions recipe (`examples/codegen.yml`, also in README.md) works as written: its
`run:` steps, run by bash in a clone whose pull request changes the spec, write the markdown
report to the job summary, and `codegen check` fails until the output is regenerated."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
WORKFLOW = REPO / "examples" / "codegen.yml"


def steps() -> list[dict[str, str]]:
    data = yaml.safe_load(WORKFLOW.read_text())
    result: list[dict[str, str]] = data["jobs"]["codegen"]["steps"]
    return result


def test_readme_shows_the_example_workflow() -> None:
    assert WORKFLOW.read_text() in (REPO / "README.md").read_text()


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_workflow_steps_run_as_written(tmp_path: Path) -> None:
    origin = tmp_path / "origin"
    origin.mkdir()
    for name in ("spec", "templates", "generated"):
        shutil.copytree(REPO / name, origin / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copyfile(REPO / "pyproject.toml", origin / "pyproject.toml")
    (origin / ".gitignore").write_text(".codegen-cache/\n")
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@t",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@t",
    }

    def git(cwd: Path, *args: str) -> None:
        subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)

    git(origin, "init", "-q", "-b", "main")
    git(origin, "add", "-A")
    git(origin, "commit", "-q", "-m", "base")
    head = tmp_path / "head"
    git(tmp_path, "clone", "-q", str(origin), str(head))
    batches = head / "spec" / "resources" / "messages" / "batches.d.ts"
    batches.write_text(
        batches.read_text().replace("    cancel(", "    /** @deprecated */\n    cancel(")
    )
    git(head, "commit", "-q", "-am", "pull request: deprecate cancel")

    summary = tmp_path / "summary.md"
    bindir = Path(sys.executable).parent
    run_env = {
        **env,
        "GITHUB_STEP_SUMMARY": str(summary),
        "PATH": f"{bindir}{os.pathsep}{os.environ['PATH']}",
    }
    results = {}
    for step in steps():
        if "run" not in step or step["run"].startswith("pip install"):
            continue  # installing: this test's interpreter already has codegen
        script = step["run"].replace("${{ github.base_ref }}", "main")
        results[step["name"]] = subprocess.run(
            ["bash", "-e", "-c", script], cwd=head, env=run_env, capture_output=True, text=True
        )
    report = summary.read_text()
    assert "## codegen diff: `git:origin/main` → `git:HEAD`" in report
    assert "| `messages.batches.cancel` | deprecated | `method-deprecated` |" in report
    assert "**Verdict: minor (0 breaking, 1 additions, 0 other)**" in report
    check = results["Generated code matches the spec"]
    assert check.returncode == 1 and "has drifted from the spec" in check.stderr
