"""The generated package's runtime, as real Python: every module here but this one is copied into
each package (see `codegen.emit.runtime_files`), with the few package-specific parts filled in from
`templates/runtime/`. In place it is a working package (with the batch target's errors and pages
as samples), so ruff, mypy and the `tests/test_runtime_*.py` unit tests see it. It needs httpx
and pydantic, as generated packages do; codegen itself never imports it."""
