"""Case conversions of *wire and route* names (not Python names: see `emit/naming.py`)."""

from __future__ import annotations

import re

_BOUNDARY_1 = re.compile(r"([A-Z]+)([A-Z][a-z])")
_BOUNDARY_2 = re.compile(r"([a-z0-9])([A-Z])")


def snake_case(name: str) -> str:
    """`messageBatchID` -> `message_batch_id`, `HTTPServer2` -> `http_server2`."""
    name = _BOUNDARY_1.sub(r"\1_\2", name)
    name = _BOUNDARY_2.sub(r"\1_\2", name)
    return re.sub(r"[^0-9a-zA-Z]+", "_", name).strip("_").lower()
