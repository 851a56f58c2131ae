"""codegen: turn the `.d.ts` declarations of a Stainless-style TypeScript SDK into a Python client."""

__version__ = "0.1.0"
