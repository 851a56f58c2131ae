"""`interface X extends Omit<Base, 'a' | 'b'>` / `Pick<Base, 'a'>`: the base's fields without /
only the named keys (lithic's `CardTransaction extends Omit<Transaction, 'status'>` had lost all
24 of Transaction's other fields). Any other type function in `extends` is a warning."""

from __future__ import annotations

from pathlib import Path

from codegen.ir import Diagnostic, Interface, KeyFilter, Ref
from codegen.ir_walk import all_fields
from codegen.parser import parse_spec

TYPES_DTS = """
import * as TransactionsAPI from './transactions';
export interface CardTransaction extends Omit<TransactionsAPI.Transaction, 'status'> {
    /** Narrower than the base's. */
    status: 'PENDING';
    card_token?: string;
}
export interface Summary extends Pick<TransactionsAPI.Transaction, 'token' | 'amount'>, Extra {
}
export interface Extra {
    note: string;
}
export interface Loose extends Partial<TransactionsAPI.Transaction> {
    own: string;
}
export interface Keyed extends Omit<TransactionsAPI.Transaction, keyof Extra> {
}
"""

TRANSACTIONS_DTS = """
export interface Transaction extends Base {
    token: string;
    status: 'PENDING' | 'SETTLED';
    amount: number;
}
export interface Base {
    created: string;
    status: string;
}
"""


def _spec(tmp_path: Path) -> tuple[dict[str, Interface], list[Diagnostic]]:
    (tmp_path / "resources").mkdir()
    (tmp_path / "resources" / "types.d.ts").write_text(TYPES_DTS)
    (tmp_path / "resources" / "transactions.d.ts").write_text(TRANSACTIONS_DTS)
    spec = parse_spec(tmp_path)
    interfaces = {d.name: d for d in spec.declarations.values() if isinstance(d, Interface)}
    return interfaces, spec.diagnostics


def test_omit_copies_the_base_fields_but_the_named_keys(tmp_path: Path) -> None:
    decls, _ = _spec(tmp_path)
    card = decls["CardTransaction"]
    assert card.extends_filters == [KeyFilter(0, "omit", ["status"])]
    base = card.extends[0]
    assert isinstance(base, Ref) and base.target == "resources/transactions#Transaction"
    fields = all_fields(card.id, {d.id: d for d in decls.values()})
    assert [f.name for f in fields] == ["created", "token", "amount", "status", "card_token"]
    status = next(f for f in fields if f.name == "status")
    assert status.doc.text == "Narrower than the base's."  # the own field, not the base's


def test_pick_takes_only_the_named_keys_beside_another_base(tmp_path: Path) -> None:
    decls, _ = _spec(tmp_path)
    fields = all_fields(decls["Summary"].id, {d.id: d for d in decls.values()})
    assert [f.name for f in fields] == ["token", "amount", "note"]


def test_other_type_functions_in_extends_are_warnings(tmp_path: Path) -> None:
    decls, diagnostics = _spec(tmp_path)
    warned = [d for d in diagnostics if d.code == "extends-unmodelled"]
    assert sorted(d.message.split()[1] for d in warned) == ["Keyed", "Loose"]
    assert all(d.severity == "warning" and d.loc.file.endswith("types.d.ts") for d in warned)
    assert [f.name for f in all_fields(decls["Loose"].id, {d.id: d for d in decls.values()})] == [
        "own"
    ]
