"""bench/parity.py for any package pair: the client class is found, not assumed; a generated
package with the official package's import name is compared through a renamed copy; the
drift/miss split reads names from the spec. Runs in a child so sys.path and sys.modules of the
test process stay clean."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from bench.parity_drift import SpecNames, classify

ROOT = Path(__file__).resolve().parent.parent


def _parity(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "generated")]))
    return subprocess.run(
        [sys.executable, "bench/parity.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_same_name_pair_through_ours_dir() -> None:
    """The committed package against itself, as two packages of one name: every counted
    metric is 100%, and the client class (`Anthropic`) is found by its base class."""
    run = _parity(
        "--ours", "anthropic_batches", "--ours-dir", "generated",
        "--official", "anthropic_batches", "--scope", "all", "--json",
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert report["ours"] == "anthropic_batches_generated"
    summary = report["summary"]
    assert summary["methods matched"]["total"] == 6
    for metric in ("methods matched", "params matched", "fields matched"):
        assert summary[metric]["pct"] == 100.0, (metric, summary[metric])


def test_same_name_without_ours_dir_is_refused() -> None:
    run = _parity("--ours", "anthropic_batches", "--official", "anthropic_batches")
    assert run.returncode == 2
    assert "give --ours-dir" in run.stderr and len(run.stderr.strip().splitlines()) == 1


def test_no_client_class_is_refused() -> None:
    run = _parity("--ours", "json", "--official", "anthropic_batches")
    assert run.returncode == 2 and "no public class subclassing SyncAPIClient" in run.stderr


def test_drift_or_miss_by_spec_names(tmp_path: Path) -> None:
    (tmp_path / "a.d.ts").write_text(
        "export declare class Client {\n    cards: Cards;\n}\n"
        "export declare class Cards extends APIResource {\n"
        "    getEmbedURL(token: string): Promise<string>;\n"
        "    provision(token: string, body: { a: (x: string) => void; b?: string }, options?:"
        " RequestOptions): Core.APIPromise<Card>;\n"
        "    listAll(options?: RequestOptions): PagePromise<CardsPage, Card>;\n"
        "}\n"
        "export declare class Webhooks extends APIResource {\n"
        "    unwrap(body: string): UnwrapWebhookEvent;\n"
        "    provision(): void;\n"
        "}\n"
        "export interface Card {\n    'spend_limit'?: number;\n"
        "    'created_at[gte]'?: string;\n    card_token: string;\n}\n",
        encoding="utf-8",
    )
    names = SpecNames(tmp_path)
    assert names.has_method("get_embed_url") and names.has_prop("spend_limit")
    # no declaration of these returns an API promise: client-side helpers
    assert names.hand_written("get_embed_url") and names.hand_written("unwrap")
    # `provision` returns one in Cards (after a param type with `;` and parentheses)
    assert not names.hand_written("provision") and not names.hand_written("list_all")
    assert not names.has_method("reassign") and not names.has_prop("tags")
    assert names.has_prop("created_at_gte")  # the wire key 'created_at[gte]' below
    report: dict[str, Any] = {
        "summary": {
            "methods matched": {"matched": 8, "total": 10, "pct": 80.0},
            "fields matched": {"matched": 48, "total": 50, "pct": 96.0},
        },
        "mismatches": [
            {"group": "method missing", "where": "cards.reassign", "ours": "-", "theirs": ""},
            {"group": "method missing", "where": "plans.get_embed_url", "ours": "-", "theirs": ""},
            {"group": "method missing", "where": "cards.get_embed_url", "ours": "-", "theirs": ""},
            {"group": "method missing", "where": "cards.provision", "ours": "-", "theirs": ""},
            {"group": "field missing", "where": "types.card.Card.card_token", "ours": "-",
             "theirs": "required"},
            {"group": "field missing", "where": "types.card.Card.tags", "ours": "-",
             "theirs": "optional"},
            {"group": "type renamed", "where": "types.X", "ours": "Y", "theirs": "X"},
        ],
    }  # fmt: skip
    classes = classify(report, tmp_path)
    assert [m.get("class") for m in report["mismatches"]] == [
        "drift", "drift", "hand-written", "miss", "miss", "drift", None,
    ]  # fmt: skip
    assert classes["rates"]["methods matched"] == {
        "total": 10, "drift": 2, "miss": 1, "unclassified": 0, "hand_written": 1,
        "miss_pct": 10.0,
    }  # fmt: skip
    assert classes["rates"]["fields matched"]["miss_pct"] == 2.0
