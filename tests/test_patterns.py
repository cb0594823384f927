"""The fast-engine translation of rule patterns agrees with `regex`; the start-up cache is correct."""
from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys

import pytest
import regex

from zhproof import cache
from zhproof.patterns import HAN, KANA, LazyRegex, compile_fast, compile_re, is_han, to_re


@pytest.mark.parametrize(("ranges", "prop"), [(HAN, r"\p{Han}"), (KANA, r"[\p{Hiragana}\p{Katakana}]")])
def test_script_classes_match_regex_properties(ranges, prop):
    ours = re.compile(f"[{ranges}]")
    theirs = regex.compile(prop)
    # every code point but the surrogates
    diff = [c for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF and (ours.match(chr(c)) is None) != (theirs.match(chr(c)) is None)]
    assert diff == []


def test_is_han_agrees_with_the_class():
    ours = re.compile(f"[{HAN}]")
    wrong = [c for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF and is_han(chr(c)) != (ours.match(chr(c)) is not None)]
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
    assert [f.name for f in files] == [f"startup-{sys.implementation.cache_tag}.marshal"]
    assert cached() == "True"  # served from the cache
    files[0].write_bytes(b"damaged")
    assert cached() == "False"
    assert cached() == "True"
    header, sections = marshal.loads(files[0].read_bytes())
    files[0].write_bytes(marshal.dumps((header[:3] + ("another python",) + header[4:], sections)))
    assert cached() == "False"  # another interpreter's cache is not used


def test_cache_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv("ZHPROOF_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("ZHPROOF_NO_CACHE", "1")
    assert not cache.enabled() and cache.cache_dir() is None
    assert compile_re("a+b").match("aab")


def test_toml_cache_follows_the_file(tmp_path, monkeypatch):
    monkeypatch.setenv("ZHPROOF_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("ZHPROOF_NO_CACHE", raising=False)
    f = tmp_path / "x.toml"
    f.write_text('a = 1\nb = ["x"]\n', encoding="utf-8")
    first = cache.load_toml(f)
    assert first == {"a": 1, "b": ["x"]}
    assert cache.get("toml", cache.file_key(f)) == first  # remembered
    first["b"].append("changed by a caller")
    assert cache.load_toml(f) == {"a": 1, "b": ["x"]}  # callers get copies
    st = f.stat()
    f.write_text('a = 2\nb = ["x"]\n', encoding="utf-8")  # the same size
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    assert cache.load_toml(f)["a"] == 2
    assert [k for k in cache._load()["toml"] if k[0] == str(f)] == [cache.file_key(f)]  # the old one is gone


def test_may_have_astral():
    from zhproof.patterns import may_have_astral

    assert may_have_astral("中文𠀀") and may_have_astral("𠀀") and may_have_astral("a" * 100 + "\U0001f600")
    if sys.implementation.name == "cpython":
        assert not may_have_astral("中文" * 1000) and not may_have_astral("abc") and not may_have_astral("")
    # a string built from a wider one keeps the narrowest storage that holds it
    assert not may_have_astral(("中𠀀" * 3).replace("𠀀", "")) or sys.implementation.name != "cpython"
