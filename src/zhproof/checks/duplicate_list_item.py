"""duplicate-list-item: an item repeated inside one enumeration (市场秩序、市场秩序)."""

from __future__ import annotations

from typing import Iterable

from ..document import Document
from ..model import Diagnostic, Edit, Fix, Safety, Severity
from ..lexicon import lexicon
from ..patterns import HAN, compile_re
from ..rule import BaseRule, Example, RuleDoc

# An enumeration: a clause that contains the enumeration comma 、 (group "enum"). Each match starts where a
# clause starts and passes over the clauses without 、 inside the engine (possessive loops, no backtracking),
# so each character is scanned once and Python sees only the enumerations; at the end of the text a clause
# without 、 ends the last match.
_D = "，。；：！？!?;:\r\n（）()“”「」《》"
_ENUM = compile_re(f"(?:[^{_D}、]*+[{_D}])*+(?:(?P<enum>[^{_D}、]*+、[^{_D}]*+)|[^{_D}、]*+\\Z)")
# What may follow the last item and is not part of it (市场秩序等, 高校和企业).
TAIL_START = set("等和及与或")
MIN_ITEM = 2  # characters; a one-character item (甲、乙) repeats legitimately in tables of contrasts
_HAN = compile_re(f"[{HAN}]")
# Parts of speech (jieba's tags) of a word that governs a list: 维护|市场秩序、市场秩序
GOVERNING_POS = frozenset({"v", "vd"})

DOC = RuleDoc(
    summary="an item repeated inside one enumeration",
    what=(
        "Finds an item written twice in a row in an enumeration of items separated by the enumeration comma 、 "
        "(维护市场秩序、市场秩序等). The first item may carry the verb that governs the list (维护市场秩序); any "
        "other text before the copy makes a different item (超级大回转、大回转, 东南亚、南亚, 政务处分、处分). "
        "Items of one character and numbers (增长20.4%、20.4%) repeat legitimately and are ignored; so do items "
        "that recur further apart in one sentence, which usually belong to two lists, and one word said again and "
        "again inside quotation marks that hold nothing else, as a sound or a call (“知了、知了”地叫, 喊着“加油、加油”; "
        "not a term: 本法所称“产品、产品”)."
    ),
    why="A repeated list item is a copy-paste slip that makes the list look careless and miscounts its items.",
    fix=(
        "Deletes the repeated item with its comma: safe (the two items are identical and adjacent), unless the list "
        "stands whole inside quotation marks, where it may be cited as it was said (“进攻、撤退、撤退”)."
    ),
    examples=(
        Example(
            "维护市场秩序、市场秩序等，严厉打击违法犯罪",
            "维护市场秩序、市场秩序等，严厉打击违法犯罪".replace("、市场秩序等", "等"),
        ),
        Example("加强科研院所、高校、高校、企业的合作", "加强科研院所、高校、企业的合作"),
        Example("设置超级大回转、大回转和回转等项目，沟通东亚与东南亚、南亚，增长20.4%、20.4%", ok=True),
        Example("发现了问题、发现了问题的苗头就要处理", ok=True),
        Example("维护交通秩序、防疫秩序、市场秩序、社会秩序", ok=True),
        Example("甲、乙、甲三方", ok=True),
        Example("树上的知了“知了、知了”地叫个不停", ok=True),
        Example("他看到的是“进攻、撤退、撤退”，多数是撤退", "他看到的是“进攻、撤退”，多数是撤退"),
    ),
)


class DuplicateListItem(BaseRule):
    def check(self, doc: Document) -> Iterable[Diagnostic]:
        text = doc.text
        for m in _ENUM.finditer(text):
            enum = m.group("enum")
            if enum is None:
                continue
            parts = enum.split("、")
            if not _may_repeat(parts):
                continue  # the common case, decided cheaply
            items: list[tuple[int, int]] = []
            pos = m.start("enum")
            for part in parts:
                lead = len(part) - len(part.lstrip())
                items.append((pos + lead, pos + len(part.rstrip())))
                pos += len(part) + 1
            names = [text[s:e] for s, e in items]
            found: list[tuple[int, int, str]] = []  # (start, end, item) of the copies to delete
            for idx in range(1, len(items)):
                name = names[idx]
                s, e = items[idx]
                if idx == len(items) - 1:
                    # the last item may run on into the sentence (市场秩序等): cut it where the item before
                    # ends and a conjunction follows
                    for cut in range(len(name) - 1, MIN_ITEM - 1, -1):
                        head = name[:cut]
                        if name[cut] in TAIL_START and (
                            head == names[idx - 1] or (idx == 1 and names[0].endswith(head))
                        ):
                            name, e = head, s + cut
                            break
                if len(name) < MIN_ITEM or not _HAN.search(name):
                    continue  # 甲、甲 and 20.4%、20.4% repeat legitimately
                if names[idx - 1] == name and idx > 1:
                    pass
                elif idx == 1 and names[0].endswith(name):
                    # the first item may carry the word that governs the list: 维护|市场秩序. Anything else
                    # before the copy makes another item (超级大回转、大回转; 东南亚、南亚; 政务处分、处分).
                    lex = lexicon()  # cached; loaded on first use only
                    if not _governed(lex, names[0], name):
                        continue
                else:
                    continue
                del_start = items[idx - 1][1]
                if found and found[-1][1] == del_start and found[-1][2] == name:
                    found[-1] = (found[-1][0], e, name)  # one finding for A、A、A: fixed in one pass
                else:
                    found.append((del_start, e, name))
            # a list quoted whole may be cited as it was said (他看到的是“进攻、撤退、撤退”，多数是撤退): a person decides
            lo, hi = m.start("enum"), m.end("enum")
            quoted = lo > 0 and text[lo - 1] in "“「『" and text[hi : hi + 1] in ("”", "」", "』")
            if quoted and len(set(names)) == 1 and _sound(text, lo - 1, hi + 1):
                continue  # one word said again and again, quoted whole: a sound or a call (“知了、知了”地叫), no list
            for start, end, name in found:
                yield Diagnostic(
                    self.name,
                    start,
                    end,
                    f"列举项“{name}”重复",
                    Severity.ERROR,
                    Fix((Edit(start, end, ""),), Safety.UNSAFE if quoted else Safety.SAFE, f"删去重复的“{name}”"),
                )


#: A quotation of a sound or a call: a verb of calling or saying before it, or 地 or 声 after it.
_CALLED_BEFORE = frozenset("叫喊唱念说道嚷着")
_SOUND_AFTER = frozenset("地声")


def _sound(text: str, open_at: int, close_at: int) -> bool:
    """Is the quotation from ``open_at`` to ``close_at`` (its marks) a sound or a call as it was heard: a verb of
    calling or saying before it (喊着“加油、加油”), or 地 or 声 after it (“知了、知了”地叫)? Not a term or a principle
    quoted in formal text (本法所称“产品、产品”, 提出“创新、创新”的理念: a paste)."""
    return text[open_at - 1 : open_at] in _CALLED_BEFORE or text[close_at : close_at + 1] in _SOUND_AFTER


def _may_repeat(parts: list[str]) -> bool:
    """Can an item be a copy? A copy (two or more characters, a prefix of its item) is what the item before it
    ends with, so that item holds the copy's first two characters and ends with a character the copy holds
    after its first."""
    for i in range(1, len(parts)):
        prev = parts[i - 1].rstrip()
        cur = parts[i].lstrip()
        if prev and cur[:2] in prev and prev[-1] in cur[1:]:
            return True
    return False


def _governed(lex, first: str, name: str) -> bool:
    """Is ``first`` a governing word followed by ``name`` (维护 + 市场秩序), or ``name`` itself?"""
    if first == name:
        return True
    cut = len(first) - len(name)
    bounds = lex.segment(first)
    if not any(s == cut for s, _ in bounds):
        return False  # the copy is the end of a longer word: 东南亚、南亚
    before = [first[s:e] for s, e in bounds if e == cut]
    return bool(before) and lex.pos(before[0]) in GOVERNING_POS


RULE = DuplicateListItem(name="duplicate-list-item", doc=DOC, fixable="always", origin=__name__)
