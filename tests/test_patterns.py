"""The fast-engine translation of rule patterns agrees with `regex`; the start-up cache is correct."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
import regex

from zhproof import cache
from zhproof.patterns import HAN, KANA, LazyRegex, compile_fast, compile_re, is_han, to_re


@pytest.mark.parametrize(("ranges", "prop"), [(HAN, r"\p{Han}"), (KANA, r"[\p{Hiragana}\p{Katakana}]")])
def test_script_classes_match_regex_properties(ranges, prop):
    ours = re.compile(f"[{ranges}]")
    theirs = regex.compile(prop)
    # every code point but the surrogates
    diff = [
        c
        for c in range(0x110000)
        if not 0xD800 <= c <= 0xDFFF and (ours.match(chr(c)) is None) != (theirs.match(chr(c)) is None)
    ]
    assert diff == []


def test_is_han_agrees_with_the_class():
    ours = re.compile(f"[{HAN}]")
    wrong = [
        c for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF and is_han(chr(c)) != (ours.match(chr(c)) is not None)
    ]
    assert wrong == []
    assert not is_han("") and not is_han("中国")


def test_translation_inside_and_outside_classes():
    assert to_re(r"[^\p{Han}a]") == f"[^{HAN}a]"
    assert to_re(r"\p{Han}+") == f"[{HAN}]+"
    assert to_re(r"\p{Hiragana}") is None
    slow = compile_fast(r"(?<=\p{Han}[”’]?)x")  # variable look-behind: regex
    assert isinstance(slow, LazyRegex) and type(slow.compiled).__module__ == "_regex"
    assert slow.search("中”x").span() == (2, 3)
    assert isinstance(compile_fast(r"(?<=\p{Han})x"), re.Pattern)


def test_lazy_regex_compiles_on_first_use_only():
    lazy = compile_fast(r"\u200d(?!\p{Extended_Pictographic})", lazy=True)
    assert isinstance(lazy, LazyRegex) and lazy._compiled is None
    assert [m.span() for m in lazy.finditer("a\u200db")] == [(1, 2)]
    with pytest.raises(regex.error):
        compile_fast(r"\p{Extended_Pictographic}(")  # not lazy: a bad pattern fails at once


PROBE = r"""
import re
from zhproof import cache
from zhproof.patterns import HAN, compile_re
source = f'(?P<c>[{HAN}])(?P=c)+|(?<=x)[:.]'
held = cache.get('re', f'{int(re.MULTILINE)}:{source}') is not None
p = compile_re(source, re.MULTILINE)
q = re.compile(source, re.MULTILINE)
t = '疫疫情情 x: 中国国家\n𠀀𠀀'
assert [m.span() for m in p.finditer(t)] == [m.span() for m in q.finditer(t)] != []
assert (p.flags, p.groupindex, p.groups) == (q.flags, q.groupindex, q.groups)
print(held)
"""


def test_compiled_pattern_cache(tmp_path, monkeypatch):
    """Patterns come back from the cache equal to re.compile's, in a fresh process; a damaged cache file or one
    written by another Python is ignored and written anew."""
    monkeypatch.setenv("ZHPROOF_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("ZHPROOF_NO_CACHE", raising=False)

    def cached() -> str:
        return subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True).stdout.strip()

    assert cached() == "False"  # compiled afresh, then saved at exit
    files = list(tmp_path.iterdir())
    assert [f.name for f in files] == [os.path.basename(cache.cache_path())]
    assert files[0].name.startswith(f"startup-{sys.implementation.cache_tag}-")  # and this installation's
    assert cached() == "True"  # served from the cache
    files[0].write_bytes(b"damaged")
    assert cached() == "False"
    assert cached() == "True"
    header, sections = marshal.loads(files[0].read_bytes()[len(cache._MAGIC) + 4 :])
    _poison(files[0], header=header[:3] + ("another python",) + header[4:], sections=sections)
    assert cached() == "False"  # another interpreter's cache is not used


def test_cache_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv("ZHPROOF_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("ZHPROOF_NO_CACHE", "1")
    assert not cache.enabled() and cache.cache_dir() is None
    assert compile_re("a+b").match("aab")


def test_toml_cache_follows_the_contents(tmp_path, monkeypatch):
    monkeypatch.setenv("ZHPROOF_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("ZHPROOF_NO_CACHE", raising=False)
    f = tmp_path / "x.toml"
    f.write_text('a = 1\nb = ["x"]\n', encoding="utf-8")
    first = cache.load_toml(f)
    assert first == {"a": 1, "b": ["x"]}
    assert cache.get("toml", str(f))[1] == first  # remembered
    first["b"].append("changed by a caller")
    assert cache.load_toml(f) == {"a": 1, "b": ["x"]}  # callers get copies
    # the same size and the same modification time (cp -p, a filesystem with 1-second times): still seen
    st = f.stat()
    f.write_text('a = 2\nb = ["x"]\n', encoding="utf-8")
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert cache.load_toml(f)["a"] == 2
    assert list(cache._load()["toml"]) == [str(f)]  # one entry per file


def _poison(path, body: bytes | None = None, header=None, sections=None, mode=0o600):
    import zlib

    if body is None:
        body = marshal.dumps((header or cache._header(), sections))
    path.write_bytes(cache._MAGIC + zlib.crc32(body).to_bytes(4, "big") + body)
    path.chmod(mode)


@pytest.mark.parametrize("case", ["flipped-bit", "wrong-shape", "bad-entry", "writable-by-others"])
def test_a_bad_cache_file_is_ignored_and_written_anew(tmp_path, monkeypatch, case):
    """A damaged cache file (a changed byte, a wrong structure) or one that others could have written is
    never used: the run compiles afresh, gives the same findings, and replaces the file. (A compiled pattern
    is code for re's C engine, which does not check it fully: a changed number can crash the interpreter.)"""
    monkeypatch.setenv("ZHPROOF_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("ZHPROOF_NO_CACHE", raising=False)
    text = tmp_path / "a.txt"
    text.write_text("疫情疫情防控，，交通運輸。\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "zhproof", "check", "--output-format", "json", str(text)]
    clean = subprocess.run(cmd, capture_output=True, text=True)  # writes a good cache
    assert clean.returncode == 1 and "duplicate-word" in clean.stdout
    (cache_file,) = list(tmp_path.glob("startup-*.marshal"))
    good = cache_file.read_bytes()
    head = len(cache._MAGIC) + 4
    _, sections = marshal.loads(good[head:])
    if case == "flipped-bit":
        data = bytearray(good)
        data[len(data) // 2] ^= 0x01
        cache_file.write_bytes(bytes(data))
    elif case == "wrong-shape":
        _poison(cache_file, sections={"re": 5, "toml": [1, 2]})
    elif case == "bad-entry":
        sections["re"] = {k: ("not", "an", "entry") for k in sections["re"]}
        sections["toml"] = {k: 7 for k in sections["toml"]}
        sections["candidates"] = {k: (None, 3) for k in sections.get("candidates", {})}
        _poison(cache_file, sections=sections)
    else:
        _poison(cache_file, body=good[head:], mode=0o666)
    again = subprocess.run(cmd, capture_output=True, text=True)
    assert (again.returncode, again.stdout) == (clean.returncode, clean.stdout), again.stderr
    assert cache_file.read_bytes()[:head] != b"" and cache._read(str(cache_file))  # written anew, and good


def test_no_cache_does_not_read_a_bad_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("ZHPROOF_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("ZHPROOF_NO_CACHE", raising=False)
    cache_file = Path(cache.cache_path())
    assert cache_file.parent == tmp_path
    _poison(cache_file, sections={"re": 5})
    before = cache_file.read_bytes()
    text = tmp_path / "a.txt"
    text.write_text("疫情疫情。\n", encoding="utf-8")
    r = subprocess.run(
        [sys.executable, "-m", "zhproof", "check", "--no-cache", str(text)], capture_output=True, text=True
    )
    assert r.returncode == 1 and "duplicate-word" in r.stdout, r.stderr
    assert cache_file.read_bytes() == before  # neither read into use nor rewritten


def test_lazy_regex_pickles_and_copies():
    import copy
    import pickle

    lazy = compile_fast(r"\u200d(?!\p{Extended_Pictographic})", lazy=True)
    for twin in (pickle.loads(pickle.dumps(lazy)), copy.copy(lazy), copy.deepcopy(lazy)):
        assert isinstance(twin, LazyRegex) and twin.source == lazy.source
        assert [m.span() for m in twin.finditer("a\u200db")] == [(1, 2)]


def test_may_have_astral():
    from zhproof.patterns import may_have_astral

    assert may_have_astral("中文𠀀") and may_have_astral("𠀀") and may_have_astral("a" * 100 + "\U0001f600")
    if sys.implementation.name == "cpython":
        assert not may_have_astral("中文" * 1000) and not may_have_astral("abc") and not may_have_astral("")
    # a string built from a wider one keeps the narrowest storage that holds it
    assert not may_have_astral(("中𠀀" * 3).replace("𠀀", "")) or sys.implementation.name != "cpython"


def test_each_installation_has_its_own_file_and_old_ones_are_pruned(tmp_path, monkeypatch):
    """Another installation's cache file is never read; writing a cache removes the files nobody has used for
    PRUNE_DAYS days, and a file in use is touched so that it is not one of them."""
    monkeypatch.setenv("ZHPROOF_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("ZHPROOF_NO_CACHE", raising=False)
    old = time.time() - (cache.PRUNE_DAYS + 5) * 86400
    recent = time.time() - 86400 * 3
    stale = tmp_path / f"startup-{sys.implementation.cache_tag}-deadbeef.marshal"  # a deleted virtualenv's
    legacy = tmp_path / f"startup-{sys.implementation.cache_tag}.marshal"  # the one-file layout before
    other = tmp_path / f"startup-{sys.implementation.cache_tag}-0badf00d.marshal"  # still in use elsewhere
    unrelated = tmp_path / "notes.txt"
    for f in (stale, legacy, other, unrelated):
        _poison(f, sections={"re": {}})
    for f, when in ((stale, old), (legacy, old), (other, recent), (unrelated, old)):
        os.utime(f, (when, when))
    text = tmp_path / "a.txt"
    text.write_text("疫情疫情。\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "zhproof", "check", str(text)]
    assert subprocess.run(cmd, capture_output=True, text=True).returncode == 1
    mine = Path(cache.cache_path())
    assert mine.exists() and mine not in (stale, legacy, other)
    assert not stale.exists() and not legacy.exists() and other.exists() and unrelated.exists()
    os.utime(mine, (recent, recent))
    assert subprocess.run(cmd, capture_output=True, text=True).returncode == 1
    assert mine.stat().st_mtime > time.time() - 3600  # read, and touched as in use


def test_block_start_knows_the_units_of_a_part_in_both_scripts():
    from zhproof.patterns import BLOCK_START

    for line in (
        "第二百九十八条　犯罪嫌疑人",
        "第二百九十八條　犯罪嫌疑人",
        "第 2 條",
        "第三節 附則",
        "第五編 特別程序",
    ):
        assert BLOCK_START.match(line), line
    assert not BLOCK_START.match("第二名的成绩")


@pytest.mark.parametrize(
    "pattern, chars",
    [
        (r"[０-９Ａ-Ｃ]+", "０１２３４５６７８９ＡＢＣ"),
        (r"(?P<mark>[,;])(?<=\w.)(?=[0-9])", ",;"),
        (r"(?:什么|怎么|哪)x", "什怎哪"),
        (r"\A(?=a)(?:ab|c)", "ac"),
        (r"(?>ab|cd)", "ac"),
        (r"a*b", None),  # an optional first item
        (r"(?:|a)b", None),  # an empty alternative
        (r".x", None),
        (r"\sx", None),
        (r"[^a]", None),
        (r"(?i)ab", None),
        (r"(?=a)", None),  # nothing consumed
        (r"[一-鿿]", None),  # too wide a class
    ],
)
def test_first_chars(pattern, chars):
    from zhproof.patterns import first_chars

    got = first_chars(re.compile(pattern))
    assert got == (None if chars is None else frozenset(chars))


def _every_check():
    from zhproof.registry import builtin_rules

    for name, rule in builtin_rules().items():
        for i, check in enumerate(getattr(rule, "checks", ())):
            if isinstance(check.pattern, re.Pattern):
                yield pytest.param(rule, i, id=f"{name}-{i}")


@pytest.mark.parametrize("rule, index", list(_every_check()))
def test_matches_at_the_first_characters_are_finditers(rule, index):
    """Trying a built-in pattern only where one of its first characters stands finds what scanning finds, on a
    text that holds every example of every rule and the places where matches touch or overlap."""
    from zhproof.kinds.runtime import _matches_at
    from zhproof.patterns import first_chars
    from zhproof.registry import builtin_rules

    pattern = rule.checks[index].pattern
    chars = first_chars(pattern)
    if chars is None:
        pytest.skip("no first-character set: always scanned")
    texts = [e.text for r in builtin_rules().values() for e in r.doc.examples]
    text = (
        "\n".join(texts)
        + "\n"
        + "\n\n".join(texts)
        + "，，，、、：：。。。,,,;;中,a,中:中.中（接上页）【转下页】\ufffd\ufffd中\u200d\ufffd  \n\n\n\n"
    )
    positions = [i for i, ch in enumerate(text) if ch in chars]
    want = [m.span() for m in pattern.finditer(text)]
    assert want, "the text holds no match of this check: the comparison would prove nothing"
    assert [m.span() for m in _matches_at(pattern, text, positions, chars)] == want


def test_long_text_uses_the_first_characters_and_finds_the_same(monkeypatch):
    """On a long text the pattern rules try their rare checks only where those start; the findings are those of
    the plain scans (the threshold lowered to run both ways)."""
    import zhproof
    from zhproof.kinds import runtime

    text = ("这是正文,后面还有。使用ＡＰＩ\u200b接口:这里.结束\n\n\n" + "普通的句子，没有问题。\n" * 40) * 30
    select = "halfwidth-punctuation,fullwidth-alphanumeric,invisible-char,blank-lines,repeated-punctuation"
    plain = zhproof.Linter(select=select).lint(text)
    calls = []
    original = runtime._matches_at
    monkeypatch.setattr(runtime, "_matches_at", lambda *a: calls.append(1) or original(*a))
    monkeypatch.setattr(runtime, "STARTS_MIN", 1000)
    monkeypatch.setattr(runtime, "STARTS_SAMPLE", 1000)
    fast = zhproof.Linter(select=select).lint(text)
    assert calls, "the rare checks were scanned as before: the test proves nothing"
    assert len(plain) > 100 and fast == plain
