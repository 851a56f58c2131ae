"""What the official Stainless SDKs' `_compat` tells user code and tests about the platform
(`from <package> import _compat`; `_compat.PYDANTIC_V1`): this package runs on pydantic 2."""

from __future__ import annotations

import pydantic

__all__ = ["PYDANTIC_V1", "PYDANTIC_V2"]

PYDANTIC_V1: bool = pydantic.VERSION.startswith("1.")
PYDANTIC_V2: bool = not PYDANTIC_V1
