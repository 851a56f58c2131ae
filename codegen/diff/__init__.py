"""`codegen diff OLD NEW`: what changed between two specs for the generated package's users.

The two sides are parsed into IRs (`sides`), the declarations each side's methods reach are
marked input, output or both (`direction`), the IRs are compared (`compare`, `types`) and each
change is classified by a named rule that knows that direction (`rules`); `report` renders the
changes and the semver verdict as text, markdown or JSON. Names are the IR's (client paths of
resources and methods, wire names of params and fields, TypeScript names of models), not the
emitter's Python names: the emitter is not imported, so the verdict does not depend on it.
"""
