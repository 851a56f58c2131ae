"""Case conversions of *wire and route* names (not Python names: see `emit/naming.py`)."""

from __future__ import annotations

import re
from functools import lru_cache

_BOUNDARY_1 = re.compile(r"([A-Z]+)([A-Z][a-z])")
# a plural acronym (`URLs`, `IDs`) is one word: `actionURLs` -> `action_urls`
_PLURAL_ACRONYM = re.compile(r"([A-Z]{2,})s(?=[A-Z0-9_]|$)")
# mixed-case words that are one word in the API's own snake_case (`mcp_oauth_validate`)
_ONE_WORD = {"OAuth": "Oauth"}
_BOUNDARY_2 = re.compile(r"([a-z0-9])([A-Z])")
# a letter-digit-letter acronym (`E2E`, `P2P`) is one word: `dnssecE2E` -> `dnssec_e2e`
_DIGIT_ACRONYM = re.compile(r"([A-Z][0-9])([A-Z])(?![a-z])")


@lru_cache(maxsize=4096)
def snake_case(name: str) -> str:
    """`messageBatchID` -> `message_batch_id`, `HTTPServer2` -> `http_server2`,
    `actionURLs` -> `action_urls`, `mcpOAuthValidate` -> `mcp_oauth_validate`,
    `dnssecE2E` -> `dnssec_e2e`.

    Cached (a pure function of a string; the parser asks for the same few dozen route and
    resource names hundreds of times); `parse_spec` clears it per spec, as its own memos."""
    for word, plain in _ONE_WORD.items():
        name = name.replace(word, plain)
    name = _PLURAL_ACRONYM.sub(lambda m: m.group(1) + "S", name)
    name = _DIGIT_ACRONYM.sub(lambda m: m.group(1) + m.group(2).lower(), name)
    name = _BOUNDARY_1.sub(r"\1_\2", name)
    name = _BOUNDARY_2.sub(r"\1_\2", name)
    return re.sub(r"[^0-9a-zA-Z]+", "_", name).strip("_").lower()
