"""`codegen diff` as a command: its sides (folder, git:REF, NAME@VERSION pinned in the cache),
its three formats and `--fail-on`; and `codegen check --format json`."""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
import tarfile
from pathlib import Path

import pytest
from diff_specs import TYPES, widgets, write

from codegen.cli import main
from codegen.diff.sides import PINS

NEW_TYPES = TYPES.replace("    color?: 'red' | 'blue';\n}", "}")  # a request param removed


def sides(tmp_path: Path) -> tuple[Path, Path]:
    return write(tmp_path / "old", widgets()), write(tmp_path / "new", widgets(NEW_TYPES))


def diff(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["diff", "--config", "/nonexistent/pyproject.toml", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_formats_and_fail_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = sides(tmp_path)
    code, text, _ = diff(capsys, str(old), str(new))
    assert code == 0
    assert "widgets.create(color): removed  (param-removed, input)" in text
    assert text.rstrip().endswith("Verdict: major (1 breaking, 0 additions, 0 other)")
    code, md, _ = diff(capsys, str(old), str(new), "--format", "markdown")
    assert "| `widgets.create(color)` | removed | `param-removed` | input |" in md
    assert md.rstrip().endswith("**Verdict: major (1 breaking, 0 additions, 0 other)**")
    code, raw, _ = diff(capsys, str(old), str(new), "--format", "json", "--fail-on", "major")
    data = json.loads(raw)
    assert code == 1 and data["verdict"] == "major"
    assert data["changes"][0]["rule"] == "param-removed" and data["changes"][0]["breaking"]
    assert data["changes"][0]["loc"] == "widgets.d.ts:12"  # in the old spec folder
    assert diff(capsys, str(new), str(old), "--fail-on", "major")[0] == 0  # an addition
    assert diff(capsys, str(new), str(old), "--fail-on", "minor")[0] == 1
    assert diff(capsys, str(old), str(old), "--fail-on", "patch")[0] == 0


def test_bad_side_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = diff(capsys, str(tmp_path / "missing"), str(tmp_path))
    assert code == 2 and err.count("\n") == 1 and "not NAME@VERSION or git:REF" in err


def test_git_ref_side(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = tmp_path / "repo"
    write(repo / "spec", widgets())
    (repo / "pyproject.toml").write_text('[tool.codegen]\nspec = "spec"\n')

    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
            cwd=repo,
            check=True,
            capture_output=True,
        )

    git("init", "-q")
    git("add", "-A")
    git("commit", "-q", "-m", "old")
    write(repo / "spec", widgets(NEW_TYPES))
    code = main(["diff", "--config", str(repo / "pyproject.toml"), "git:HEAD", str(repo / "spec")])
    out = capsys.readouterr().out
    assert code == 0 and "param-removed" in out and "Verdict: major" in out
    code = main(["diff", "--config", str(repo / "pyproject.toml"), "git:no-such-ref", "git:HEAD"])
    assert code == 2 and "git archive failed" in capsys.readouterr().err


def tarball(path: Path, files: dict[str, str]) -> str:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        for name, text in files.items():
            data = text.encode()
            info = tarfile.TarInfo(f"package/{name}")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buf.getvalue())
    return hashlib.sha256(buf.getvalue()).hexdigest()


def test_npm_side_is_pinned_on_first_use(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A tarball already in the cache is unpacked and its sha256 pinned; one that then changes
    is not used (it would be packed again and checked against the pin; without npm on PATH
    here, that is an error). No network: the tarballs are where `npm pack` puts them."""
    monkeypatch.setenv("PATH", str(tmp_path / "no-bin"))
    cache = tmp_path / "cache"
    old_sha = tarball(cache / "widgets-sdk-1.0.0.tgz", widgets())
    tarball(cache / "widgets-sdk-1.1.0.tgz", widgets(NEW_TYPES))
    args = ["--cache-dir", str(cache), "widgets-sdk@1.0.0", "widgets-sdk@1.1.0"]
    code, out, _ = diff(capsys, *args)
    assert code == 0 and "param-removed" in out
    pins = json.loads((cache / PINS).read_text())
    assert pins["widgets-sdk@1.0.0"] == old_sha and set(pins) == {
        "widgets-sdk@1.0.0",
        "widgets-sdk@1.1.0",
    }
    tarball(cache / "widgets-sdk-1.0.0.tgz", widgets(NEW_TYPES))  # replaced behind our back
    code, _, err = diff(capsys, *args)
    assert code == 2 and "'npm' not found" in err and err.count("\n") == 1


def test_check_format_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = write(tmp_path / "spec", widgets())
    out = tmp_path / "out"
    config = tmp_path / "pyproject.toml"
    config.write_text('[tool.codegen]\npackage = "widgets_sdk"\n')
    base = ["--config", str(config), "--spec", str(spec), "--out", str(out)]
    flags = [
        "--resource",
        "widgets",
        "--templates",
        str(Path(__file__).parent.parent / "templates"),
    ]
    assert main(["generate", "-q", *base, *flags, "--no-cache"]) == 0
    capsys.readouterr()
    (out / "README.md").write_text("edited\n")
    (out / "pyproject.toml").unlink()
    code = main(["check", *base, *flags, "--no-cache", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 1 and report["clean"] is False
    assert report["changed"] == ["README.md"] and report["added"] == ["pyproject.toml"]
    assert report["removed"] == []
