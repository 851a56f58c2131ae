"""Child of `bench/peer_calls.py`: replays call sites through one SDK's sync client.

Reads {"package", "base_url", "label", "calls"} as JSON on stdin; for each call posts the tag
`<label>::<call id>` to the mock, resolves `client.<path...>` and calls it with the arguments
evaluated here (standard library only, so both SDKs get equal values), reads a returned stream
to its end, and prints one JSON line: call id -> "ok" or "<ExceptionType>: message". Runs in the
interpreter that has the SDK; imports nothing from this repo.
"""

from __future__ import annotations

import datetime as _dt
import importlib
import json
import sys
import urllib.request
import warnings
from typing import Any


def parse_datetime(text: str) -> _dt.datetime:
    return _dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def parse_date(text: str) -> _dt.date:
    return _dt.date.fromisoformat(text)


NAMESPACE: dict[str, Any] = {
    "parse_datetime": parse_datetime, "parse_date": parse_date, "date": _dt.date,
    "datetime": _dt.datetime, "timezone": _dt.timezone, "timedelta": _dt.timedelta,
}


def _consume(result: Any) -> None:
    """Read a stream, JSONL decoder or binary body to its end, so the request completes."""
    close = getattr(result, "close", None)
    if hasattr(result, "__iter__") and not isinstance(result, (dict, list, str, bytes)) and (
        type(result).__name__ in ("Stream", "JSONLDecoder")
        or "Stream" in type(result).__name__ or "Decoder" in type(result).__name__
    ):
        for _ in result:
            pass
    if callable(close):
        close()


def main() -> None:
    job = json.loads(sys.stdin.read())
    pkg = importlib.import_module(job["package"])
    client = pkg.Anthropic(api_key="my-anthropic-api-key", base_url=job["base_url"],
                           max_retries=0)
    tag_url = job["base_url"] + "/__peer/tag"
    out: dict[str, str] = {}
    warnings.simplefilter("ignore")
    for call in job["calls"]:
        tag = f"{job['label']}::{call['id']}"
        urllib.request.urlopen(urllib.request.Request(tag_url, data=tag.encode())).read()
        try:
            target: Any = client
            for attr in call["path"]:
                target = getattr(target, attr)
            args = [eval(a, dict(NAMESPACE)) for a in call["args"]]
            kwargs = {k: eval(v, dict(NAMESPACE)) for k, v in call["kwargs"].items()}
            _consume(target(*args, **kwargs))
            out[call["id"]] = "ok"
        except Exception as exc:  # every failure is an outcome to report, not a crash
            out[call["id"]] = f"{type(exc).__name__}: {exc}"[:300]
    client.close()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
