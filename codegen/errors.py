"""The one error the CLI turns into a `file:line:col: message` line and exit code 2."""

from __future__ import annotations

from typing import TYPE_CHECKING

from codegen.printable import printable

if TYPE_CHECKING:
    from codegen.ir import Location  # not imported at run time: a warm run never needs the IR


class SpecError(Exception):
    """Input the generator cannot use: malformed TypeScript, a missing file, a bad config."""

    def __init__(self, loc: Location | None, message: str) -> None:
        super().__init__(message)
        self.loc = loc
        self.message = message

    def __str__(self) -> str:
        """One printable line: control characters from the input are escaped."""
        return printable(f"{self.loc}: {self.message}" if self.loc else self.message)
