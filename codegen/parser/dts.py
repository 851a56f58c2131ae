"""Walks one `.d.ts` syntax tree into a `ModuleScan`: imports, data declarations and classes.

Names are kept as written and qualified by their enclosing namespaces (`BatchCreateParams.Request`);
`resolve.py` links them across files afterwards.
"""

from __future__ import annotations

import dataclasses
import posixpath
from dataclasses import dataclass, field
from functools import lru_cache

from tree_sitter import Node

from codegen.diagnostics import Diagnostics
from codegen.errors import SpecError
from codegen.ir import Alias, Doc, Field_, Interface, KeyFilter, Location, TypeRef
from codegen.parser import grammar_fields as gf
from codegen.parser.jsdoc import NO_DOC, parse_jsdoc
from codegen.parser.key_filters import read_extends
from codegen.parser.literals import property_name
from codegen.parser.reexports import (
    NameAlias,
    plain_specifiers,
    read_import_alias,
    read_reexport,
)
from codegen.parser.source import SourceText
from codegen.parser.types import MAX_TYPE_DEPTH, TypeReader

_CLASS_NODES = ("class_declaration", "abstract_class_declaration")
_NOT_INNER = ("comment", "decorator")
_SKIPPED_STATEMENTS = {
    "lexical_declaration": "variable declaration",
    "function_signature": "function declaration",
    "enum_declaration": "enum",
    "expression_statement": "expression",
}


@dataclass
class ImportBinding:
    """`local` names `name` (None: the whole module) of `spec`, a module id when it was given.
    (No location: nothing reads one, and each cost a node position and a `Location`.)"""

    local: str
    spec: str
    module: str | None
    name: str | None


@dataclass
class ParamSig:
    name: str
    type: TypeRef
    optional: bool
    loc: Location


@dataclass
class MethodSig:
    name: str
    params: list[ParamSig]
    returns: TypeRef
    loc: Location
    doc: Doc
    overloads: int = 1
    # what the other overloads return (`stream: true` -> `APIPromise<Stream<Event>>`)
    overload_returns: list[TypeRef] = field(default_factory=list)


@dataclass
class ClassDecl:
    name: str
    module: str
    base: str | None
    base_args: list[TypeRef]
    type_params: list[str]
    methods: list[MethodSig]
    properties: list[Field_]
    loc: Location
    doc: Doc
    is_abstract: bool = False


@dataclass
class ModuleScan:
    source: SourceText
    imports: dict[str, ImportBinding] = field(default_factory=dict)
    declarations: list[Interface | Alias] = field(default_factory=list)
    classes: list[ClassDecl] = field(default_factory=list)
    # qualified names of the namespaces declared (merged ones once)
    namespaces: set[str] = field(default_factory=set)
    # qualified name -> what it stands for: import aliases (in scope where declared) ...
    aliases: dict[str, NameAlias] = field(default_factory=dict)
    # ... and export specifiers (members of the file or namespace, not local names)
    exports: dict[str, NameAlias] = field(default_factory=dict)
    # modules whose exports this one re-exports whole (`export * from './x'`), when given
    star_exports: list[str] = field(default_factory=list)
    # a type read was a bare `Array` (see `Recovery.array_fields`); most files have none
    bare_arrays: bool = False


@lru_cache(maxsize=4096)
def module_path(here: str, spec: str) -> str:
    """`../shared.js` from folder `resources/messages` -> `resources/shared` (a pure function of
    its arguments, cached: every file imports the same few specs; cleared per spec)."""
    target = posixpath.normpath(posixpath.join(here, spec))
    for ext in (".js", ".mjs", ".ts", ".d.ts"):
        if target.endswith(ext):
            return target[: -len(ext)]
    return target


def scan_module(source: SourceText, root: Node, diags: Diagnostics, given: set[str]) -> ModuleScan:
    scan = ModuleScan(source)
    scanner = _Scanner(scan, diags, given)
    scanner.statements(root, prefix="")
    scan.bare_arrays = scanner.types.bare_arrays
    return scan


def _interface_parts(node: Node) -> tuple[Node | None, Node | None, list[Node], Node | None]:
    """An interface's name, type parameters, extends clauses and body, in one pass over its
    children by kind (each field read would be another lookup and another node)."""
    name_node = params = body = None
    clauses = []
    for child in node.named_children:
        kind = child.type
        if kind == "interface_body":
            body = child
        elif kind == "extends_type_clause":
            clauses.append(child)
        elif kind == "type_identifier" and name_node is None:
            name_node = child
        elif kind == "type_parameters":
            params = child
    return name_node, params, clauses, body


class _Scanner:
    def __init__(self, scan: ModuleScan, diags: Diagnostics, given: set[str]) -> None:
        self.scan = scan
        self.source = scan.source
        self.diags = diags
        self.given = given
        self.types = TypeReader(scan.source, diags)

    def statements(self, body: Node, prefix: str) -> None:
        comment: str | None = None
        for node in body.named_children:
            kind = node.type  # (passed on: each read builds a new string)
            if kind == "comment":
                comment = self.source.text(node)
                continue
            self.statement(node, prefix, comment, kind)
            comment = None

    def statement(self, node: Node, prefix: str, comment: str | None, kind: str) -> None:
        if kind in ("export_statement", "ambient_declaration"):
            inner = [(c, k) for c in node.named_children if (k := c.type) not in _NOT_INNER]
            if kind == "export_statement" and (
                not inner or inner[0][1] in ("export_clause", "namespace_export", "string")
            ):
                self.reexport(node, prefix)  # `export { A as B }`, `export * from`: names only
                return
            for child, child_kind in inner:
                self.statement(child, prefix, comment, child_kind)
        elif kind == "expression_statement" and [c.type for c in node.named_children] == [
            "internal_module"
        ]:
            self.namespace(node.named_children[0], prefix)  # `namespace B {}` in a namespace
        elif kind == "import_alias":
            self.import_alias(node, prefix)
        elif kind == "import_statement":
            self.import_statement(node)
        elif kind == "interface_declaration":
            self.interface(node, prefix, comment)
        elif kind == "type_alias_declaration":
            self.alias(node, prefix, comment)
        elif kind in _CLASS_NODES:
            self.klass(node, prefix, comment)
        elif kind in ("internal_module", "module"):
            self.namespace(node, prefix)
        elif kind == "empty_statement":
            return
        else:
            what = _SKIPPED_STATEMENTS.get(kind, kind.replace("_", " "))
            self.diags.info(
                "skipped-statement", f"{what} is not modelled; skipped", self.source.loc(node)
            )

    def import_statement(self, node: Node) -> None:
        spec_node = node.child_by_field_id(gf.F_SOURCE)
        if spec_node is None:
            return
        spec = property_name(self.source, spec_node)
        module = self.resolve_module(spec)
        clause = next((c for c in node.named_children if c.type == "import_clause"), None)
        if clause is None:
            return
        for child in clause.named_children:
            if child.type == "namespace_import":
                ident = next(c for c in child.named_children if c.type == "identifier")
                self.bind(self.source.text(ident), spec, module, None)
            elif child.type == "named_imports":
                plain = plain_specifiers(self.source.text(child))
                if plain is not None:
                    for name_text, local in plain:
                        self.bind(local, spec, module, name_text)
                    continue
                for spec_node_ in child.named_children:
                    if spec_node_.type != "import_specifier":
                        continue
                    name = spec_node_.child_by_field_id(gf.F_NAME)
                    alias = spec_node_.child_by_field_id(gf.F_ALIAS) or name
                    if name is not None and alias is not None:
                        self.bind(self.source.text(alias), spec, module, self.source.text(name))
            elif child.type == "identifier":
                self.bind(self.source.text(child), spec, module, "default")

    def reexport(self, node: Node, prefix: str) -> None:
        exports, star = read_reexport(self.source, node, prefix, self.resolve_module)
        self.scan.exports.update(exports)
        if star is not None:
            self.scan.star_exports.append(star)

    def import_alias(self, node: Node, prefix: str) -> None:
        alias = read_import_alias(self.source, node, prefix)
        if alias is not None:
            self.scan.aliases[alias[0]] = alias[1]

    def bind(self, local: str, spec: str, module: str | None, name: str | None) -> None:
        self.scan.imports[local] = ImportBinding(local, spec, module, name)

    def resolve_module(self, spec: str) -> str | None:
        """`../shared.js` seen from `resources/messages/batches` -> `resources/shared`, if given."""
        if not spec.startswith("."):
            return None
        target = module_path(posixpath.dirname(self.source.module), spec)
        for candidate in (target, f"{target}/index"):
            if candidate in self.given:
                return candidate
        return None

    def doc(self, comment: str | None) -> Doc:
        return parse_jsdoc(comment) if comment and comment.startswith("/**") else NO_DOC

    def type_params(self, node: Node) -> list[str]:
        params = node.child_by_field_id(gf.F_TYPE_PARAMETERS)
        return [] if params is None else self._param_names(params)

    def _param_names(self, params: Node) -> list[str]:
        names = []
        for param in params.named_children:
            name = param.child_by_field_id(gf.F_NAME) or param.named_children[0]
            names.append(self.source.text(name))
        return names

    def qualified(self, node: Node, prefix: str) -> tuple[str, str]:
        name_node = node.child_by_field_id(gf.F_NAME)
        name = self.source.text(name_node) if name_node else "?"
        return name, f"{prefix}{name}"

    def decl_id(self, qualified: str) -> str:
        return f"{self.source.module}#{qualified}"

    def interface(self, node: Node, prefix: str, comment: str | None) -> None:
        name_node, params, clauses, body = _interface_parts(node)
        qualified = f"{prefix}{self.source.text(name_node) if name_node else '?'}"
        extends: list[TypeRef] = []
        filters: list[KeyFilter] = []
        for clause in clauses:
            bases, more = read_extends(clause, self.types, self.source, self.diags, qualified)
            filters += [dataclasses.replace(f, index=f.index + len(extends)) for f in more]
            extends += bases
        fields, index = self.types.read_members(body) if body else ([], None)
        self.scan.declarations.append(
            Interface(
                id=self.decl_id(qualified),
                name=qualified,
                module=self.source.module,
                fields=fields,
                loc=self.source.loc(node),
                extends=extends,
                extends_filters=filters,
                index=index,
                type_params=self._param_names(params) if params else [],
                doc=self.doc(comment),
            )
        )

    def alias(self, node: Node, prefix: str, comment: str | None) -> None:
        _, qualified = self.qualified(node, prefix)
        self.scan.declarations.append(
            Alias(
                id=self.decl_id(qualified),
                name=qualified,
                module=self.source.module,
                type=self.types.read(node.child_by_field_id(gf.F_VALUE)),
                loc=self.source.loc(node),
                type_params=self.type_params(node),
                doc=self.doc(comment),
            )
        )

    def namespace(self, node: Node, prefix: str) -> None:
        name_node = node.child_by_field_id(gf.F_NAME)
        body = node.child_by_field_id(gf.F_BODY)
        if name_node is None or body is None:
            return
        if prefix.count(".") >= MAX_TYPE_DEPTH:
            raise SpecError(
                self.source.loc(node),
                f"namespaces nested too deep: more than {MAX_TYPE_DEPTH} levels",
            )
        qualified = f"{prefix}{self.source.text(name_node)}"
        parts = qualified.split(".")  # `namespace A.B {}` declares `A` too
        self.scan.namespaces.update(".".join(parts[:i]) for i in range(1, len(parts) + 1))
        self.statements(body, f"{qualified}.")

    def klass(self, node: Node, prefix: str, comment: str | None) -> None:
        _, qualified = self.qualified(node, prefix)
        base, base_args = None, []
        heritage = next((c for c in node.named_children if c.type == "class_heritage"), None)
        extends = (
            next((c for c in heritage.named_children if c.type == "extends_clause"), None)
            if heritage
            else None
        )
        if extends is not None:
            value = extends.child_by_field_id(gf.F_VALUE) or extends.named_children[0]
            base = self.source.text(value)
            args = extends.child_by_field_id(gf.F_TYPE_ARGUMENTS)
            base_args = [self.types.read(a) for a in args.named_children] if args else []
        decl = ClassDecl(
            name=qualified,
            module=self.source.module,
            base=base,
            base_args=base_args,
            type_params=self.type_params(node),
            methods=[],
            properties=[],
            loc=self.source.loc(node),
            doc=self.doc(comment),
            is_abstract=node.type == "abstract_class_declaration",
        )
        body = node.child_by_field_id(gf.F_BODY)
        if body is not None:
            self.class_members(decl, body)
        self.scan.classes.append(decl)

    def class_members(self, decl: ClassDecl, body: Node) -> None:
        comment: str | None = None
        by_name: dict[str, MethodSig] = {}
        for member in body.named_children:
            if member.type == "comment":
                comment = self.source.text(member)
                continue
            modifiers = set()
            for c in member.children:  # (one pass: each `.type` read builds a string)
                kind = c.type
                modifiers.add(kind)
                if kind == "accessibility_modifier":
                    modifiers.add(self.source.text(c))
            hidden = bool(modifiers & {"private", "protected", "static", "get", "set"})
            if member.type in ("method_signature", "abstract_method_signature"):
                method = self.method(member, comment)
                if method is None or hidden:
                    pass
                elif method.name in by_name:
                    by_name[method.name].overloads += 1
                    by_name[method.name].overload_returns.append(method.returns)
                else:
                    by_name[method.name] = method
                    decl.methods.append(method)
            elif member.type == "public_field_definition":
                self.class_field(decl, member, comment, hidden)
            else:
                self.diags.info(
                    "skipped-member",
                    f"{member.type.replace('_', ' ')} in class {decl.name} is not modelled; skipped",
                    self.source.loc(member),
                )
            comment = None

    def class_field(self, decl: ClassDecl, member: Node, comment: str | None, hidden: bool) -> None:
        name_node = member.child_by_field_id(gf.F_NAME)
        if name_node is None or name_node.type == "private_property_identifier":
            self.diags.info(
                "skipped-member",
                f"private member of class {decl.name} skipped",
                self.source.loc(member),
            )
            return
        if hidden:
            return
        type_ = self.types.read(member.child_by_field_id(gf.F_TYPE))
        optional = any(c.type == "?" for c in member.children)
        decl.properties.append(
            Field_(
                property_name(self.source, name_node),
                type_,
                optional,
                self.source.loc(member),
                doc=self.doc(comment),
            )
        )

    def method(self, node: Node, comment: str | None) -> MethodSig | None:
        name_node = node.child_by_field_id(gf.F_NAME)
        if name_node is None or name_node.type == "computed_property_name":
            self.diags.info("skipped-member", "computed method name skipped", self.source.loc(node))
            return None
        name = self.source.text(name_node)
        if name == "constructor":
            return None
        params: list[ParamSig] = []
        formal = node.child_by_field_id(gf.F_PARAMETERS)
        for param in formal.named_children if formal else []:
            if param.type not in ("required_parameter", "optional_parameter"):
                continue
            pattern = param.child_by_field_id(gf.F_PATTERN)
            if pattern is None or pattern.type != "identifier":
                self.diags.info(
                    "skipped-param",
                    "destructured or rest parameter skipped",
                    self.source.loc(param),
                )
                continue
            params.append(
                ParamSig(
                    self.source.text(pattern),
                    self.types.read(param.child_by_field_id(gf.F_TYPE)),
                    param.type == "optional_parameter",
                    self.source.loc(param),
                )
            )
        returns = self.types.read(node.child_by_field_id(gf.F_RETURN_TYPE))
        return MethodSig(name, params, returns, self.source.loc(node), self.doc(comment))
