"""The peer-suite instrument (bench/peer_suite.py): its renaming, its mock and its comparison.

The pieces run on local data and a 127.0.0.1 server (the batch spec in spec/). The whole run,
which downloads the official `anthropic` sdist with pip and needs an interpreter with it and
its test dependencies, is opt-in: `CODEGEN_PEER=1 CODEGEN_PEER_PYTHON=/path/to/python`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from bench import peer_blockers, peer_compare, peer_tests
from bench.peer_calls import extract_calls
from bench.peer_mock import TAG_PATH, PeerMock
from bench.peer_suite import load_spec

ROOT = Path(__file__).resolve().parent.parent


def test_rename_touches_only_the_package_name_tokens() -> None:
    src = (
        "from anthropic import Anthropic\n"
        "from anthropic._utils import is_dict\n"
        "import anthropic.types as t\n"
        'logging.getLogger("anthropic")\n'
        "x = anthropic_worker_id\n"
    )
    test_file = peer_tests.rename_source(src, "ours", keep_private=False)
    helper = peer_tests.rename_source(src, "ours", keep_private=True)
    assert test_file.splitlines()[:3] == [
        "from ours import Anthropic", "from ours._utils import is_dict", "import ours.types as t"]
    assert helper.splitlines()[1] == "from anthropic._utils import is_dict"
    assert helper.splitlines()[0] == "from ours import Anthropic"
    for text in (test_file, helper):
        assert 'getLogger("anthropic")' in text and "anthropic_worker_id" in text


def test_helpers_take_public_names_from_ours_and_private_helpers_from_the_official() -> None:
    src = (
        "from anthropic import Anthropic\n"
        "from anthropic._models import BaseModel\n"
        "from anthropic._response import (\n"
        "    APIResponse,\n"
        "    to_raw_response_wrapper as wrap,\n"
        ")\n"
        "from anthropic._types import Omit, Headers\n"
        "x = 1\n"
    )
    helper = peer_tests.rename_source(src, "ours", keep_private=True)
    out = peer_tests.reroute_public(helper, "ours", {"BaseModel", "APIResponse", "Omit"})
    assert out.splitlines() == [
        "from ours import Anthropic",
        "from ours import BaseModel",
        "from ours import APIResponse",
        "from anthropic._response import to_raw_response_wrapper as wrap",
        "", "",
        "from ours import Omit; from anthropic._types import Headers",
        "x = 1",
    ]


def test_public_names_are_the_official_top_level_bindings(tmp_path: Path) -> None:
    import io
    import tarfile

    sdist = tmp_path / "a.tar.gz"
    init = (b"from ._models import BaseModel\nfrom ._types import Omit as Omit, _Hidden\n"
            b"from .types.shared import *\n__title__ = 'a'\nclass Client: ...\n")
    with tarfile.open(sdist, "w:gz") as tar:
        info = tarfile.TarInfo(f"anthropic-{peer_tests.SDIST_VERSION}/src/anthropic/__init__.py")
        info.size = len(init)
        tar.addfile(info, io.BytesIO(init))
    assert peer_tests.public_names(sdist) == {"BaseModel", "Omit", "Client"}


def test_blockers_rank_gaps_by_the_tests_they_block() -> None:
    assert peer_blockers.gap_of(
        "ImportError: cannot import name 'X' from 'ours.types' (/p/__init__.py)", "ours"
    ) == "missing name ours.types.X"
    assert peer_blockers.gap_of("ModuleNotFoundError: No module named 'ours.pagination'",
                                "ours") == "missing module ours.pagination"
    collected = {
        "tests/a/test_x.py::T::test_1": ["client"],
        "tests/a/test_x.py::T::test_2": ["async_client"],
        "tests/a/test_y.py::T::test_1": [],
        "tests/test_z.py::test_1": [],
    }
    per_file = {"tests/a/test_x.py": ["missing module ours.pagination"],
                "tests/utils.py": ["missing name ours.Stream"]}
    helpers = {"tests/a/test_x.py": ["tests/utils.py"], "tests/a/test_y.py": ["tests/utils.py"]}
    facts = {"Anthropic(_strict_response_validation=)": True,
             "AsyncAnthropic(_strict_response_validation=)": False}
    first = {"tests/a/test_x.py": "missing name ours.Stream",
             "tests/a/test_y.py": "missing name ours.Stream"}
    out = peer_blockers.rank(collected, per_file, helpers, facts, first)
    assert [(r["gap"], r["tests"], r["files"], r["freed_if_fixed_so_far"]) for r in out["ranked"]] == [
        ("missing name ours.Stream", 3, 2, 2),
        ("missing module ours.pagination", 2, 1, 3),
        ("AsyncAnthropic(_strict_response_validation=) not accepted (fixture async_client)",
         1, 1, 4),
    ]
    assert out["unblocked"] == 1
    assert out["first_error_tests"] == {"missing name ours.Stream": 3, "(imports resolve)": 1}
    # an error at import that no import statement names still blocks the file's tests
    late = peer_blockers.rank({"tests/test_z.py::test_1": []}, {}, {}, facts,
                              {"tests/test_z.py": "AttributeError: module has no attribute 'x'"})
    assert [(r["gap"], r["tests"]) for r in late["ranked"]] == [
        ("AttributeError: module has no attribute 'x'", 1)]


def _req(**kw: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"method": "POST", "path": "/v1/x", "query": [], "body": {"a": 1},
                            "headers": {"authorization": "Bearer k", "accept": "application/json"}}
    base.update(kw)
    return base


def test_comparison_names_each_kind_of_mismatch() -> None:
    official = {
        "same": [_req()],
        "auth": [_req()],
        "wrapped": [_req(body={"a": 1})],
        "moved": [_req(query=[["view", "basic"]], body={"a": 1})],
        "renamed": [_req(headers={"authorization": "Bearer k", "accept": "application/json",
                                  "anthropic-beta": "b1"})],
        "lost": [_req()],
        "platform": [_req()],
    }
    ours = {
        "same": [_req()],
        "auth": [_req(headers={"authorization": "k", "accept": "application/json"})],
        "wrapped": [_req(body={"target": {"a": 1}})],
        "moved": [_req(body={"a": 1, "view": "basic"})],
        "renamed": [_req(headers={"authorization": "Bearer k", "accept": "application/json",
                                  "betas": "b1"})],
        "platform": [_req(headers={"authorization": "Bearer k", "accept": "application/json",
                                   "user-agent": "python-httpx/0.28.1"})],
    }
    result = peer_compare.compare(official, ours).to_json()
    classes = result["classes"]
    assert classes["header authorization: differs"]["examples"][0] == {
        "tag": "auth", "official": "Bearer k", "ours": "k"}
    assert classes["body wrapped as {'target': …} in ours"]["count"] == 1
    assert classes["query param sent in ours' body"]["examples"][0]["ours"] == {"view": "basic"}
    assert classes["header anthropic-beta: missing in ours"]["count"] == 1
    assert classes["header betas: only in ours"]["count"] == 1
    assert classes["no request from ours"]["count"] == 1
    assert "body keys differ" not in classes  # the moved param is counted once, as a query one
    assert classes["user-agent differs"]["count"] == 1  # listed, outside the compared fields
    assert result["requests_compared"] == 6 and result["requests_equal"] == 2


def _post(url: str, data: bytes, headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def test_mock_serves_ir_routes_and_logs_requests_under_their_tag() -> None:
    mock = PeerMock(load_spec(ROOT / "pyproject.toml", None), port=0).start()
    try:
        assert _post(mock.base_url + TAG_PATH, b"run::t1")[0] == 204
        with urllib.request.urlopen(mock.base_url + "/v1/messages/batches/b1?x=1") as resp:
            batch = json.loads(resp.read())
        assert batch["type"] == "message_batch" and batch["created_at"].endswith("Z")
        assert batch["results_url"] == mock.base_url + "/v1/messages/batches/b1/results"
        with urllib.request.urlopen(batch["results_url"]) as resp:
            line = json.loads(resp.read().decode().splitlines()[0])
        assert "custom_id" in line
        status, body = _post(mock.base_url + "/v1/messages/batches",
                             json.dumps({"requests": []}).encode(),
                             {"content-type": "application/json", "anthropic-beta": "b"})
        assert status == 200 and json.loads(body)["type"] == "message_batch"
        assert _post(mock.base_url + "/v1/nowhere", b"")[0] == 404
    finally:
        mock.stop()
    log = mock.take("run::")
    assert [(r["method"], r["path"]) for r in log] == [
        ("GET", "/v1/messages/batches/b1"), ("GET", "/v1/messages/batches/b1/results"),
        ("POST", "/v1/messages/batches"), ("POST", "/v1/nowhere")]
    assert log[0]["query"] == [("x", "1")] and log[2]["body"] == {"requests": []}
    assert log[2]["headers"]["anthropic-beta"] == "b" and mock.unmatched == 1


def test_call_sites_are_read_from_sync_test_methods(tmp_path: Path) -> None:
    folder = tmp_path / "tests" / "api_resources" / "messages"
    folder.mkdir(parents=True)
    (folder / "test_batches.py").write_text(
        "class TestBatches:\n"
        "    def test_method_retrieve(self, client, respx_mock):\n"
        "        batch = client.messages.batches.retrieve('id', betas=['b'])\n"
        "        client.other.thing()\n"
        "    def test_raw_response_retrieve(self, client):\n"
        "        client.messages.batches.with_raw_response.retrieve('id')\n"
        "class TestAsyncBatches:\n"
        "    async def test_method_retrieve(self, async_client):\n"
        "        await async_client.messages.batches.retrieve('id')\n"
    )
    calls, skipped = extract_calls(tmp_path / "tests")
    assert skipped == []
    assert [(c.id, c.path, c.args, c.kwargs, c.respx) for c in calls] == [(
        "tests/api_resources/messages/test_batches.py::TestBatches::test_method_retrieve",
        ["messages", "batches", "retrieve"], ["'id'"], {"betas": "['b']"}, True)]


@pytest.mark.skipif(
    os.environ.get("CODEGEN_PEER") != "1" or not os.environ.get("CODEGEN_PEER_PYTHON"),
    reason="set CODEGEN_PEER=1 and CODEGEN_PEER_PYTHON (an interpreter with anthropic 2.14.0 "
    "and its test dependencies) to run the peer suite (pip download, several minutes)",
)
def test_peer_suite_runs_both_sdks_and_compares_requests(tmp_path: Path) -> None:
    if not (ROOT / "build" / "anthropic-full" / "anthropic_full").is_dir():
        pytest.skip("run codegen fetch --target full && codegen generate --target full first")
    out = tmp_path / "peer.json"
    run = subprocess.run(
        [sys.executable, "bench/peer_suite.py", "--python", os.environ["CODEGEN_PEER_PYTHON"],
         "--port", "0", "--json-file", str(out),
         "--select", "tests/api_resources/messages/test_batches.py"],
        cwd=ROOT, capture_output=True, text=True, timeout=3000,
    )
    assert run.returncode == 0, run.stderr
    result = json.loads(out.read_text())
    assert result["suite"]["official"]["counts"].get("passed", 0) > 0
    blockers = result["blockers"]
    assert blockers["tests"] == sum(result["suite"]["official"]["counts"].values())
    assert all(row["tests"] <= blockers["tests"] for row in blockers["ranked"])
    calls = result["calls"]
    assert calls["official"]["ok"]["count"] > 0
    assert calls["requests"]["requests_compared"] >= calls["official"]["ok"]["count"]
