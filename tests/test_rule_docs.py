"""docs/rules/ is generated from the rules' own documentation and must be up to date."""

from __future__ import annotations

import importlib.util


def test_rule_docs_are_in_sync(root):
    spec = importlib.util.spec_from_file_location("gen_rule_docs", root / "tools" / "gen_rule_docs.py")
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    pages = gen.expected()
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in (root / "docs" / "rules").glob("*.md")}
    stale = sorted(n for n in set(pages) | set(on_disk) if pages.get(n) != on_disk.get(n))
    assert not stale, f"docs/rules is out of date ({', '.join(stale)}): run python tools/gen_rule_docs.py"
