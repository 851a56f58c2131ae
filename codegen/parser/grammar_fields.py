"""Field ids of the TypeScript grammar, looked up once: `node.child_by_field_id(F_NAME)` skips
the by-name lookup `child_by_field_name("name")` repeats on every call (the parser makes ~100k
such calls on a large SDK)."""

from __future__ import annotations

from codegen.parser.source import field_id

F_ALIAS = field_id("alias")
F_ALTERNATIVE = field_id("alternative")
F_ARGUMENT = field_id("argument")
F_ARGUMENTS = field_id("arguments")
F_BODY = field_id("body")
F_CONDITION = field_id("condition")
F_CONSEQUENCE = field_id("consequence")
F_CONSTRUCTOR = field_id("constructor")
F_FUNCTION = field_id("function")
F_INDEX = field_id("index")
F_KEY = field_id("key")
F_LEFT = field_id("left")
F_NAME = field_id("name")
F_OBJECT = field_id("object")
F_OPERATOR = field_id("operator")
F_PARAMETER = field_id("parameter")
F_PARAMETERS = field_id("parameters")
F_PATTERN = field_id("pattern")
F_PROPERTY = field_id("property")
F_RETURN_TYPE = field_id("return_type")
F_RIGHT = field_id("right")
F_SOURCE = field_id("source")
F_TYPE = field_id("type")
F_TYPE_ARGUMENTS = field_id("type_arguments")
F_TYPE_PARAMETERS = field_id("type_parameters")
F_VALUE = field_id("value")
