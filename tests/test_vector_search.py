"""duplicate-word finds repeats in long texts with numpy; its answers must be the pattern's, exactly."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import zhproof
from zhproof.checks import duplicate_word as dw

CORPUS = Path(__file__).parent / "corpus"


def _all_repeats(text: str, vector: bool, monkeypatch) -> list[tuple[int, int, str]]:
    """Every answer of find(pos), for every pos the rule may ask (the start of each repeat plus one)."""
    monkeypatch.setattr(dw, "VECTOR_MIN", 0 if vector else 10**12)
    monkeypatch.setattr(dw, "VECTOR_MIN_LOADED", 0 if vector else 10**12)
    find = dw._repeat_finder(text)
    out = []
    for pos in range(len(text) + 1):
        found = find(pos)
        if found is not None and (not out or found != out[-1]):
            out.append(found)
    return out


# Han characters (one beyond the Basic Multilingual Plane), a non-Han neighbour of the Han ranges, ASCII,
# punctuation and a lone surrogate: repeats of every unit length and of mixed script.
ALPHABET = st.sampled_from(list("中国国家的家一〇𠀀𠀁〆あaA1，。\n") + ["\ud800"])


@settings(
    max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(ALPHABET, max_size=60).map("".join), st.integers(min_value=1, max_value=9))
def test_vector_search_agrees_with_the_pattern(monkeypatch, text, chunk):
    monkeypatch.setattr(dw, "VECTOR_CHUNK", chunk)  # tiny blocks: repeats across block edges
    assert _all_repeats(text, True, monkeypatch) == _all_repeats(text, False, monkeypatch)


def test_vector_search_on_runs(monkeypatch):
    for text in (
        "国" * 50,
        "中国" * 30 + "家",
        "疫情疫情疫情防控",
        "的主管人员和的主管人员和",
        "一二三四五六七一二三四五六七",
        "𠀀𠀀",
    ):
        assert _all_repeats(text, True, monkeypatch) == _all_repeats(text, False, monkeypatch), text


@pytest.mark.parametrize("name", ["news.txt", "law.txt"])
def test_same_findings_on_real_text(monkeypatch, name):
    """The whole rule on real text (with repeats injected), both ways."""
    text = (CORPUS / "clean" / name).read_text(encoding="utf-8")[:60_000]
    text = text.replace("疫情", "疫情疫情").replace("工作", "工作作").replace("市场", "市市场")
    monkeypatch.setattr(dw, "VECTOR_MIN", 10**12)
    monkeypatch.setattr(dw, "VECTOR_MIN_LOADED", 10**12)
    by_pattern = [(d.start, d.end, d.fix) for d in zhproof.lint_text(text, select="duplicate-word")]
    monkeypatch.setattr(dw, "VECTOR_MIN", 0)
    monkeypatch.setattr(dw, "VECTOR_MIN_LOADED", 0)
    monkeypatch.setattr(dw, "VECTOR_CHUNK", 4096)
    by_vector = [(d.start, d.end, d.fix) for d in zhproof.lint_text(text, select="duplicate-word")]
    assert by_vector == by_pattern
    assert len(by_pattern) > 10


def test_numpy_is_loaded_only_for_volume(tmp_path):
    """A pre-commit run on a small file loads neither numpy nor regex (start-up); a process that has been
    given enough text loads numpy and uses the vector search from then on."""
    import subprocess
    import sys

    small = tmp_path / "small.txt"
    small.write_text("疫情疫情防控工作。\n" * 20, encoding="utf-8")
    probe = (
        "import sys\n"
        "from zhproof.cli import main\n"
        "try:\n"
        f"    main(['check', {str(small)!r}])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('numpy' in sys.modules, 'regex' in sys.modules)\n"
        "import zhproof\n"
        "from zhproof.checks import duplicate_word as dw\n"
        "dw.VECTOR_MIN = 2000\n"
        "zhproof.lint_text('疫情' * 1000)\n"
        "print('numpy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[-3:] == ["False False", "True", ""], out
