"""generate / check end to end: drift, determinism, spec changes, the seed, hostile names."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import SEED, codegen, run_generated_tests

PY = sys.executable


def test_committed_package_has_not_drifted() -> None:
    run = codegen("check")
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr


def test_output_is_deterministic(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    assert codegen("generate", "-q", "--out", str(a), env={"PYTHONHASHSEED": "1"}).returncode == 0
    assert codegen("generate", "-q", "--out", str(b), env={"PYTHONHASHSEED": "999"}).returncode == 0
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files_a == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    for rel in files_a:
        assert (a / rel).read_bytes() == (b / rel).read_bytes(), rel


def test_generate_keeps_foreign_files_and_drops_stale_ones(repo_copy: Path) -> None:
    out = repo_copy / "generated"
    (out / "NOTES.txt").write_text("mine")
    manifest = (
        (out / ".codegen-manifest.json")
        .read_text()
        .replace('"files": [', '"files": [\n    "anthropic_batches/old.py",')
    )
    (out / ".codegen-manifest.json").write_text(manifest)
    (out / "anthropic_batches" / "old.py").write_text("# generated before\n")
    check = codegen("check", cwd=repo_copy)
    assert check.returncode == 1 and "anthropic_batches/old.py" in check.stdout
    assert codegen("generate", "-q", cwd=repo_copy).returncode == 0
    assert (out / "NOTES.txt").read_text() == "mine"
    assert not (out / "anthropic_batches" / "old.py").exists()
    assert codegen("check", cwd=repo_copy).returncode == 0


def test_bad_spec_leaves_output_untouched(repo_copy: Path) -> None:
    before = {p: p.read_bytes() for p in (repo_copy / "generated").rglob("*") if p.is_file()}
    (repo_copy / "spec" / "resources" / "shared.d.ts").write_text("export interface Broken {")
    run = codegen("generate", cwd=repo_copy)
    assert run.returncode == 2 and run.stderr.count("\n") == 1 and "shared.d.ts:1:" in run.stderr
    after = {p: p.read_bytes() for p in (repo_copy / "generated").rglob("*") if p.is_file()}
    assert before == after


def test_spec_0_70_changes_model_members_then_regenerates(repo_copy: Path, spec_of) -> None:  # type: ignore[no-untyped-def]
    spec = spec_of("0.70.0")
    check = codegen("check", "--spec", str(spec), cwd=repo_copy)
    assert check.returncode == 1
    added = [
        line
        for line in check.stdout.splitlines()
        if line.startswith("+") and '"claude-sonnet-4-5' in line
    ]
    assert added, "the diff should show the new Model members"
    assert codegen("generate", "-q", "--spec", str(spec), cwd=repo_copy).returncode == 0
    assert codegen("check", "--spec", str(spec), cwd=repo_copy).returncode == 0
    tests = run_generated_tests(repo_copy / "generated", "tests/test_messages_batches.py")
    assert tests.returncode == 0, tests.stdout[-3000:]


def test_spec_1_0_adds_workspace_header_params(repo_copy: Path, spec_of) -> None:  # type: ignore[no-untyped-def]
    spec = spec_of("1.0.0")
    check = codegen("check", "--spec", str(spec), cwd=repo_copy)
    assert check.returncode == 1
    assert "+        workspace_id: str | NotGiven = NOT_GIVEN," in check.stdout
    assert '"anthropic-workspace-id": workspace_id' in check.stdout
    assert codegen("generate", "-q", "--spec", str(spec), cwd=repo_copy).returncode == 0
    tests = run_generated_tests(repo_copy / "generated", "tests/test_messages_batches.py")
    assert tests.returncode == 0, tests.stdout[-3000:]
    assert (
        "anthropic-workspace-id"
        in (repo_copy / "generated" / "tests" / "test_messages_batches.py").read_text()
    )


def test_seed_alone_generates_a_working_package(tmp_path: Path) -> None:
    out = tmp_path / "seed-out"
    run = codegen("generate", "--spec", str(SEED), "--out", str(out))
    assert run.returncode == 0, run.stderr
    assert "recovered" in run.stderr
    unresolved = (out / "anthropic_batches" / "types" / "unresolved.py").read_text()
    assert (
        "class ErrorResponse(BaseModel)" in unresolved and "class Message(BaseModel)" in unresolved
    )
    tests = run_generated_tests(out, "tests/test_messages_batches.py")
    assert tests.returncode == 0, tests.stdout[-3000:]


HOSTILE = '''
import { APIResource } from "./core/resource.js";
import { APIPromise } from "./core/api-promise.js";
import { RequestOptions } from "./internal/request-options.js";
/**
 * Ends a docstring: """ and a backslash \\ and {{ jinja }} {% raw %} and {# c #} and "
 */
export interface Weird {
    /** """); import os; os.system("echo pwned") # */
    class: string;
    from: number;
    json: string;
    model_config: string;
    'x-request-id': string;
    x_request_id: string;
    '2fa': boolean;
    type: 'weird"; import os */';  // a line comment with */ in it
}
export interface WeirdCreateParams {
    /** Body param: a keyword. */
    class: string;
    'x-request-id'?: string;
}
export declare class Weirds extends APIResource {
    /**
     * @example
     * ```ts
     * const weird = await client.weirds.create({ class: 'a' });
     * ```
     */
    create(body: WeirdCreateParams, options?: RequestOptions): APIPromise<Weird>;
}
'''


def test_hostile_names_and_text_stay_data(tmp_path: Path) -> None:
    spec = tmp_path / "spec" / "weirds.d.ts"
    spec.parent.mkdir()
    spec.write_text(HOSTILE)
    out = tmp_path / "out"
    before = set(tmp_path.rglob("*"))
    run = codegen("generate", "-q", "--spec", str(spec), "--out", str(out), "--resource", "weirds")
    assert run.returncode == 0, run.stderr
    written = {p for p in set(tmp_path.rglob("*")) - before if "__pycache__" not in str(p)}
    assert all(out in p.parents or p == out for p in written)
    script = (
        "import anthropic_batches.types as t\n"
        "wire = {'class': 'c', 'from': 1, 'json': 'j', 'model_config': 'm', 'x-request-id': 'r',"
        "  'x_request_id': 'r2', '2fa': True, 'type': 'weird\"; import os */'}\n"
        "w = t.Weird.model_validate(wire)\n"
        "assert (w.class_, w.from_, w.json_, w.model_config_, w.x_request_id, w.x_request_id_2, w.f_2fa) == "
        "('c', 1, 'j', 'm', 'r', 'r2', True), w\n"
        "assert w.to_dict() == wire, w.to_dict()\n"
        "import anthropic_batches\n"
        "print('ok')\n"
    )
    res = subprocess.run(
        [PY, "-c", script],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(out)},
    )
    assert res.returncode == 0 and res.stdout.strip() == "ok", res.stderr[-2000:]
    tests = run_generated_tests(out, "tests/test_weirds.py")
    assert tests.returncode == 0, tests.stdout[-3000:]
