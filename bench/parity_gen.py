"""`codegen generate` with black skipped, for a parity-only run of a large target.

Usage: python bench/parity_gen.py --target cloudflare --out /tmp/cf [other generate flags]

Parity (`bench/parity.py`) only imports and introspects the package, so its layout does not
matter; black is most of a whole-SDK run (2,897 of 3,194 s for cloudflare under load). The
rendered text is valid Python before black (every `.py` is still compiled by the pipeline), so
this writes it as rendered. Always `--no-cache`: the formatted-output cache must never store
unformatted text under black's key. The output is not the package `codegen generate` writes:
never commit it or compare it byte for byte.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from codegen.cli import main as codegen_main
from codegen.emit import render


def _unformatted(text: str) -> tuple[str | None, str | None]:
    return text, None


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    render._black = _unformatted  # black_many looks it up at call time
    return codegen_main(["generate", "--no-cache", "-j", "1", *args])


if __name__ == "__main__":
    sys.exit(main())
