"""duplicate-list-item: an item repeated inside one enumeration (市场秩序、市场秩序)."""
from __future__ import annotations

from typing import Iterable

import regex

from ..document import Document
from ..model import Diagnostic, Edit, Fix, Safety, Severity
from ..rule import BaseRule, Example, RuleDoc

# An enumeration: a stretch of one clause that contains the enumeration comma 、.
_ENUM = regex.compile(r"[^，。；：！？!?;:\r\n（）()“”「」《》]*、[^，。；：！？!?;:\r\n（）()“”「」《》]*")
# What may follow the last item and is not part of it (市场秩序等, 高校的合作).
TAIL_START = set("的等和及与或之")
MIN_ITEM = 2  # characters; a one-character item (甲、乙) repeats legitimately in tables of contrasts

DOC = RuleDoc(
    summary="an item repeated inside one enumeration",
    what=(
        "Finds an item written twice in one enumeration of items separated by the enumeration comma 、 "
        "(维护市场秩序、市场秩序等). The first item may carry the verb that governs the list (维护市场秩序); "
        "items of one character are ignored."
    ),
    why="A repeated list item is a copy-paste slip that makes the list look careless and miscounts its items.",
    fix=(
        "Deletes the repeated item with its comma. Safe when the copy stands right after the item it repeats; "
        "unsafe when other items stand between them (the author may have meant a different word)."
    ),
    examples=(
        Example("维护市场秩序、市场秩序等，严厉打击违法犯罪", "维护市场秩序、市场秩序等，严厉打击违法犯罪".replace("、市场秩序等", "等")),
        Example("加强科研院所、高校、企业、高校的合作", "加强科研院所、高校、企业的合作"),
        Example("维护交通秩序、防疫秩序、市场秩序、社会秩序", ok=True),
        Example("甲、乙、甲三方", ok=True),
    ),
)


class DuplicateListItem(BaseRule):
    def check(self, doc: Document) -> Iterable[Diagnostic]:
        text = doc.text
        for m in _ENUM.finditer(text):
            items: list[tuple[int, int]] = []
            pos = m.start()
            for part in m.group().split("、"):
                items.append((pos, pos + len(part)))
                pos += len(part) + 1
            # the last item stops before 等 / 和 ...; compare its head with the earlier items
            names = [text[s:e].strip() for s, e in items]
            seen: dict[str, int] = {}
            for idx in range(1, len(items)):
                name = names[idx]
                s, e = items[idx]
                if idx == len(items) - 1:
                    # the last item may run on into the sentence (市场秩序等, 高校的合作): cut it where an
                    # earlier item ends and a particle or conjunction follows
                    for cut in range(len(name) - 1, MIN_ITEM - 1, -1):
                        head = name[:cut]
                        if name[cut] in TAIL_START and (
                            head in seen or head == names[idx - 1] or (idx == 1 and names[0].endswith(head))
                        ):
                            lead = len(text[s:e]) - len(text[s:e].lstrip())
                            name, e = head, s + lead + cut
                            break
                if len(name) < MIN_ITEM:
                    continue
                prev = None
                if idx - 1 == 0 and names[0].endswith(name):
                    prev = 0  # the first item carries the governing verb: 维护|市场秩序
                elif names[idx - 1] == name:
                    prev = idx - 1
                elif name in seen:
                    prev = seen[name]
                elif names[0] == name or (len(names[0]) > len(name) and names[0].endswith(name) and idx - 1 == 0):
                    prev = 0
                if prev is None:
                    seen.setdefault(name, idx)
                    continue
                adjacent = prev == idx - 1
                # delete the separator before the copy together with the copy
                del_start, del_end = items[idx - 1][1], e
                yield Diagnostic(
                    self.name, del_start, del_end,
                    f"列举项“{name}”重复", Severity.ERROR,
                    Fix((Edit(del_start, del_end, ""),), Safety.SAFE if adjacent else Safety.UNSAFE, f"删去重复的“{name}”"),
                )
                seen.setdefault(name, idx)


RULE = DuplicateListItem(name="duplicate-list-item", doc=DOC, fixable="always", origin=__name__)
