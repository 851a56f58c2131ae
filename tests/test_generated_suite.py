"""The committed generated package: its own test suite passes, and it is clean under mypy --strict."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import REPO, run_generated_tests
from lint_generated import mypy_strict, ruff_default_rules

GENERATED = REPO / "generated"
ENV = {**os.environ, "PYTHONPATH": str(GENERATED)}


def test_generated_tests_pass() -> None:
    run = run_generated_tests(GENERATED, "tests")
    assert run.returncode == 0, run.stdout[-4000:]


def test_generated_package_is_mypy_strict_clean() -> None:
    run = mypy_strict(GENERATED, "anthropic_batches", "tests")
    assert run.returncode == 0, run.stdout[-4000:]


def test_generated_package_is_clean_under_ruff_default_rules() -> None:
    """ruff's default rules, as a user runs them (no config): no finding."""
    run = ruff_default_rules(GENERATED)
    assert run.returncode == 0, run.stdout + run.stderr


def test_readme_usage_example_runs_against_a_local_server() -> None:
    """The generated README's usage block, run as written, against the generated test server."""
    readme = (GENERATED / "README.md").read_text()
    code = readme.split("```python\n", 1)[1].split("```", 1)[0]
    script = f"""
import json, sys
sys.path.insert(0, {str(GENERATED)!r})
from tests.server import MockServer
batch = {{"id": "msgbatch_1", "archived_at": None, "cancel_initiated_at": None,
    "created_at": "2024-08-20T18:37:24Z", "ended_at": None, "expires_at": "2024-08-21T18:37:24Z",
    "processing_status": "ended", "request_counts": {{"canceled": 0, "errored": 0, "expired": 0,
    "processing": 0, "succeeded": 1}}, "results_url": None, "type": "message_batch"}}
with MockServer() as server:
    done = dict(batch, results_url=server.url + "/results.jsonl")
    for path in ("/v1/messages/batches", "/v1/messages/batches/msgbatch_1", "/v1/messages/batches/message_batch_id"):
        for method in ("GET", "POST", "DELETE"):
            server.expect(method, path).respond(json=dict(done, type="message_batch_deleted") if method == "DELETE" else done, times=None)
    server.expect("GET", "/v1/messages/batches").respond(json={{"data": [batch], "has_more": False, "first_id": "msgbatch_1", "last_id": "msgbatch_1"}}, times=None)
    server.expect("POST", "/v1/messages/batches/message_batch_id/cancel").respond(json=batch, times=None)
    line = {{"custom_id": "my-custom-id-1", "result": {{"type": "canceled"}}}}
    server.expect("GET", "/results.jsonl").respond(body=(json.dumps(line) + "\\n").encode(), times=None)
    import os
    os.environ["ANTHROPIC_BASE_URL"] = server.url
    exec(compile({code!r}, "README.md", "exec"))
    seen = {{(r.method, r.path) for r in server.requests}}
    assert ("POST", "/v1/messages/batches") in seen and ("GET", "/results.jsonl") in seen, seen
print("README example ok")
"""
    run = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=ENV, cwd=GENERATED
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert "README example ok" in run.stdout
