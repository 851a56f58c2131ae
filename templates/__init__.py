"""The built-in templates, installed as package data of `codegen` (read with importlib.resources)."""
