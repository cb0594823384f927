"""The word trigram language model (rules/lm, read by zhproof.langmodel)."""

from __future__ import annotations

import pickle
import subprocess
import sys

import pytest

from zhproof.langmodel import LanguageModel, language_model

# Recorded with the kenlm module (kenlm 0.3.0, pip) on the original zh_CN.lm of libime-data-language-model
# 1.0.16-1: model.score(tokens, bos=False, eos=False) and model.score(tokens, bos=True, eos=True).
# (tools/build_lm.py --verify prints them.)
KENLM_SCORES = [
    ("我们 要 大力 推进 改革 开放", -15.740311622619629, -22.92595100402832),
    ("我们 要 大力 推 推进 改革 开放", -21.146066665649414, -28.33170509338379),
    ("今天 天气 很 好", -7.889971733093262, -15.650938034057617),
    ("中华人民共和国 成立 了", -11.345492362976074, -18.22150993347168),
    ("他 在 北京 工作", -9.644375801086426, -17.019027709960938),
    ("她 再 北京 工作", -14.190804481506348, -21.56545639038086),
    ("这 是 一个 问题", -14.958405494689941, -21.781513214111328),
    ("这 是 一各 问题", -15.378851890563965, -22.20195960998535),
    ("我 爱 吃 苹果", -10.339038848876953, -17.241313934326172),
    ("经济 发展 水平", -7.032268047332764, -14.069868087768555),
    ("的 的 的", -7.1952362060546875, -14.304729461669922),
    ("𠀀未登录词 的", -8.213351249694824, -15.236360549926758),
    ("<s> 你好", -12.251568794250488, -18.66312026977539),
    ("人工智能 技术", -9.784441947937012, -16.68805694580078),
]


@pytest.fixture(scope="module")
def lm() -> LanguageModel:
    return language_model()


@pytest.mark.parametrize("tokens, plain, sentence", KENLM_SCORES)
def test_matches_kenlm(lm, tokens, plain, sentence):
    words = tokens.split()
    assert lm.score_tokens(words) == pytest.approx(plain, abs=1e-4)
    assert lm.score_tokens(words, bos=True, eos=True) == pytest.approx(sentence, abs=1e-4)


def test_token_scores_add_up(lm):
    words = "我们 要 大力 推进 改革 开放".split()
    per = lm.token_scores(words)
    assert len(per) == len(words)
    assert all(p < 0 for p in per)
    assert sum(per) == pytest.approx(lm.score_tokens(words))
    assert len(lm.token_scores(words, bos=True, eos=True)) == len(words) + 1


def test_vocabulary(lm):
    assert lm.vocab_id("改革") is not None
    assert lm.vocab_id("改革") == lm.vocab_id("改革")  # cached
    assert "开放" in lm
    assert lm.vocab_id("𠀀未登录词") is None
    assert lm.vocab_id("<unk>") is None  # <unk> is the out-of-vocabulary id, not a word
    assert lm.vocab_id("\ud800") is None  # a lone surrogate is no word
    assert lm.score_tokens(["<s>"]) == lm.score_tokens(["𠀀"])  # no <s> in this model: <unk>, as in KenLM


def test_segment(lm):
    assert lm.segment("我们要大力推进改革开放") == ["我们", "要", "大力", "推进", "改革", "开放"]
    assert lm.segment("") == []
    assert "".join(lm.segment("《求是》杂志发表文章，2021年1月1日出版")) == "《求是》杂志发表文章，2021年1月1日出版"
    assert lm.segment("\ud800改革") == ["\ud800", "改革"]  # unknown characters stay single tokens


def _segment_by_dag(lm, text: str, route) -> list[str]:
    """The segmentation spelled out as jieba does it (the DAG of every position's words, then the best route from
    the right: the likeliest, ties to the longer first word), for comparison with LanguageModel.segment."""
    n = len(text)
    dags = []
    for k in range(n):
        words = lm.trie.iter_prefixes_with_ids(text[k : k + lm.max_word])
        ends = [(k + len(w), lm.uni_prob[i]) for w, i in words if i != lm.unk]
        if not ends or ends[0][0] != k + 1:
            ends.insert(0, (k + 1, lm.unk_prob))  # a character the model lacks is a word of its own
        dags.append(ends)
    return [text[s:e] for s, e in route(dags)]


def test_segment_is_the_best_route(lm, segment_pieces, best_route):
    """Pieces of the sample document (and characters outside the vocabulary, alone or in a run) are segmented as
    the DAG's best route."""
    assert len(segment_pieces) > 400
    for piece in segment_pieces:
        assert lm.segment(piece) == _segment_by_dag(lm, piece, best_route), piece


def test_segment_takes_a_known_character_for_unk_even_when_unk_scores_higher(best_route):
    """A character the model has as a word is that word, never <unk>, even in a model whose <unk> is likelier than
    the word (no such word in the bundled model, so a small one is built)."""
    import marisa_trie

    stub = LanguageModel.__new__(LanguageModel)
    stub.trie = marisa_trie.Trie(["<unk>", "中", "中国", "国"])
    stub.unk = stub.trie["<unk>"]
    stub.uni_prob = [0.0] * 4
    for word, p in (("<unk>", -1.0), ("中", -9.0), ("中国", -9.5), ("国", -9.0)):
        stub.uni_prob[stub.trie[word]] = p
    stub.unk_prob = -1.0
    stub.max_word = 4
    assert stub.segment("中国") == ["中国"]  # -9.5 for the word against -18 for its characters
    assert stub.segment("中x国") == ["中", "x", "国"]
    assert _segment_by_dag(stub, "中国中x国", best_route) == stub.segment("中国中x国")


def test_signal(lm):
    assert lm.score("我们要大力推进改革开放") > lm.score("我们要大力推推进改革开放") + 1.0
    assert lm.score("他在北京工作") > lm.score("她再北京工作") + 1.0


def test_score_text(lm):
    assert lm.score("") == 0.0
    assert lm.score("改革 开放") == pytest.approx(lm.score("改革开放"))  # whitespace is skipped
    assert lm.score("我们要大力推进改革开放") == pytest.approx(KENLM_SCORES[0][1], abs=1e-4)


def test_pickle(lm):
    again = pickle.loads(pickle.dumps(lm))
    assert again.score("改革开放") == lm.score("改革开放")


def test_no_numpy_at_run_time():
    code = (
        "import sys\n"
        "from zhproof.langmodel import language_model\n"
        "language_model().score('我们要大力推进改革开放')\n"
        "assert 'numpy' not in sys.modules, 'numpy was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
