"""Build zhproof's word trigram language model (rules/lm/) from fcitx5's KenLM model of simplified Chinese.

Source: ``zh_CN.lm`` from the Debian/Ubuntu package ``libime-data-language-model`` (upstream
https://github.com/fcitx/libime, data from https://download.fcitx-im.org/data), LGPL-2.1-or-later.
It is a KenLM binary ("mmap lm http://kheafield.com/code format version 5"), model type
QUANT_ARRAY_TRIE: a reversed trie with quantized bigram/trigram weights and Bhiksha-compressed pointers.

This tool decodes that file with numpy alone (no kenlm at build time; the layout follows kpu/kenlm's
lm/binary_format.cc, lm/vocab.cc, lm/search_trie.cc, lm/trie.cc, lm/quantize.cc, lm/bhiksha.cc and
util/bit_packing.hh) and re-encodes it losslessly in a layout that zhproof reads with ``mmap`` and
``memoryview`` only (see src/zhproof/langmodel.py):

  vocab.marisa  MARISA trie of the vocabulary; a word's id is its trie key id
  lm.bin        little-endian arrays, 8-byte aligned, offsets in meta.json:
                  uni_prob  f32[V]   log10 p(w)
                  uni_back  f32[V]   log10 backoff(w)
                  uni_next  u32[V+1] first bigram whose first word is w
                  bi_word   u32[B]   second word of each bigram, bigrams sorted by (w1, w2)
                  bi_prob   u8[B]    index into bigram_prob_bins
                  bi_back   u8[B]    index into bigram_backoff_bins
                  tri_key   u64[T]   (bigram index << 18) | w3, sorted
                  tri_prob  u8[T]    index into trigram_prob_bins
  meta.json     counts, special ids, offsets, the quantization tables (exact float32 values), provenance

Run:
  apt-get download libime-data-language-model && dpkg -x libime-data-language-model_*.deb /tmp/lm/x
  python tools/build_lm.py /tmp/lm/x/usr/lib/x86_64-linux-gnu/libime/zh_CN.lm
  python tools/build_lm.py --verify [path/to/zh_CN.lm]   # compare with the kenlm module, if importable
"""

from __future__ import annotations

import argparse
import json
import math
import random
import struct
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "rules" / "lm"
DEFAULT_SRC = Path("/tmp/lm/x/usr/lib/x86_64-linux-gnu/libime/zh_CN.lm")
PACKAGE = "libime-data-language-model 1.0.16-1 (Debian)"
WORD_BITS = 18  # vocabulary ids fit in 18 bits (checked)

MAGIC = b"mmap lm http://kheafield.com/code format version 5\n\0"


def align8(n: int) -> int:
    return ((n - 1) // 8 + 1) * 8


def required_bits(max_value: int) -> int:
    """util::RequiredBits."""
    if not max_value:
        return 0
    return max_value.bit_length()


class BitReader:
    """util::ReadInt57 over a little-endian bit stream, vectorized."""

    def __init__(self, data: np.ndarray, start: int) -> None:
        self.data = data
        self.start = start

    def read(self, bit_offsets: np.ndarray, length: int) -> np.ndarray:
        assert length <= 57
        byte = self.start + (bit_offsets >> 3).astype(np.int64)
        shift = (bit_offsets & 7).astype(np.uint64)
        value = np.zeros(len(bit_offsets), dtype=np.uint64)
        for k in range(8):
            value |= self.data[byte + k].astype(np.uint64) << np.uint64(8 * k)
        return (value >> shift) & np.uint64((1 << length) - 1)


def chop_bits(max_offset: int, max_next: int, pointer_bhiksha_bits: int) -> int:
    """lm/bhiksha.cc ChopBits."""
    required = required_bits(max_next)
    best_chop, lowest = 0, None
    for chop in range(0, min(required, pointer_bhiksha_bits) + 1):
        change = (max_next >> (required - chop)) * 64 - max_offset * chop
        if lowest is None or change < lowest:
            lowest, best_chop = change, chop
    return best_chop


class KenLMTrie:
    """A decoded QUANT_ARRAY_TRIE KenLM binary (order 3)."""

    def __init__(self, path: Path) -> None:
        raw = path.read_bytes()
        data = np.frombuffer(raw + b"\0" * 16, dtype=np.uint8)  # padding for the 8-byte bit reads
        # -- header: Sanity (magic padded to 8, 3 floats, 3 uint32, uint64), FixedWidthParameters, counts
        magic_len = align8(len(MAGIC))
        if raw[: len(MAGIC)] != MAGIC:
            raise ValueError(f"{path}: not a KenLM binary of format version 5")
        zero_f, one_f, minus_half_f, one_wi, max_wi, _pad, one_u64 = struct.unpack_from("<fffIIIQ", raw, magic_len)
        if (zero_f, one_f, minus_half_f, one_wi, max_wi, one_u64) != (0.0, 1.0, -0.5, 1, 0xFFFFFFFF, 1):
            raise ValueError("sanity values do not match (not a little-endian 64-bit KenLM file?)")
        off = magic_len + 32
        order, probing_multiplier, model_type, has_vocabulary, search_version = struct.unpack_from(
            "<B3xfI?3xI", raw, off
        )
        off += 20
        counts = list(struct.unpack_from(f"<{order}Q", raw, off))
        header_size = align8(off + 8 * order)
        if order != 3 or model_type != 5 or not has_vocabulary:
            raise ValueError(
                f"expected an order-3 QUANT_ARRAY_TRIE with vocabulary, got order={order} type={model_type} vocab={has_vocabulary}"
            )
        self.counts = counts
        self.search_version = search_version
        V, B, T = counts
        # -- SortedVocabulary: uint64 count, then counts[0] uint64 hashes (ids 1..: position + 1; <unk> = 0)
        pos = header_size
        (n_hashes,) = struct.unpack_from("<Q", raw, pos)
        self.hashes = np.frombuffer(raw, dtype="<u8", count=n_hashes, offset=pos + 8)
        pos += 8 + 8 * V
        bound = n_hashes + 1
        # -- SeparatelyQuantize: 8-byte header (version, prob_bits, backoff_bits), then float tables
        version, prob_bits, backoff_bits = raw[pos], raw[pos + 1], raw[pos + 2]
        if version != 2:
            raise ValueError(f"quantization version {version}, expected 2")
        self.prob_bits, self.backoff_bits = prob_bits, backoff_bits
        t = pos + 8
        np_, nb = 1 << prob_bits, 1 << backoff_bits
        self.bi_prob_bins = np.frombuffer(raw, dtype="<f4", count=np_, offset=t)
        self.bi_back_bins = np.frombuffer(raw, dtype="<f4", count=nb, offset=t + 4 * np_)
        self.tri_prob_bins = np.frombuffer(raw, dtype="<f4", count=np_, offset=t + 4 * (np_ + nb))
        pos += (order - 2) * 4 * (np_ + nb) + 4 * np_ + 8
        # -- Unigrams: (V + 2) x {float prob, float backoff, uint64 next}
        uni = np.frombuffer(
            raw, dtype=np.dtype([("prob", "<f4"), ("back", "<f4"), ("next", "<u8")]), count=V + 2, offset=pos
        )
        self.uni_prob = uni["prob"][:bound].copy()
        self.uni_back = uni["back"][:bound].copy()
        uni_next = uni["next"][: bound + 1].astype(np.int64)
        pos += (V + 2) * 16
        # -- Middle (bigrams): ArrayBhiksha block, then bit-packed entries {word, backoff q, prob q, next low bits}
        bh_version, bh_bits = raw[pos], raw[pos + 1]
        if bh_version != 0:
            raise ValueError(f"array compression version {bh_version}, expected 0")
        max_offset, max_next = B + 1, T
        chop = chop_bits(max_offset, max_next, bh_bits)
        required = required_bits(max_next)
        inline_bits = required - chop
        array_count = (max_next >> (required - chop)) + 1
        aligned = align8(pos) if pos % 8 else pos
        offsets = np.frombuffer(raw, dtype="<u8", count=array_count, offset=aligned + 8).astype(np.int64)
        bh_size = 8 * (1 + array_count) + 7
        base = pos + bh_size
        word_bits = required_bits(V)
        quant_bits = prob_bits + backoff_bits
        total_bits = word_bits + quant_bits + inline_bits
        reader = BitReader(data, base)
        idx = np.arange(B + 1, dtype=np.int64)
        at = idx * total_bits
        self.mid_word = reader.read(at[:B], word_bits).astype(np.int64)
        self.mid_back = reader.read(at[:B] + word_bits, backoff_bits).astype(np.int64)
        self.mid_prob = reader.read(at[:B] + word_bits + backoff_bits, prob_bits).astype(np.int64)
        low = reader.read(at + word_bits + quant_bits, inline_bits).astype(np.int64)
        high = np.searchsorted(offsets, idx, side="right") - 1
        mid_next = (high << inline_bits) | low
        pos = base + ((1 + B) * total_bits + 7) // 8 + 8
        # -- Longest (trigrams): bit-packed {word, prob q}
        lw_total = word_bits + prob_bits
        reader = BitReader(data, pos)
        at = np.arange(T, dtype=np.int64) * lw_total
        self.long_word = reader.read(at, word_bits).astype(np.int64)
        self.long_prob = reader.read(at + word_bits, prob_bits).astype(np.int64)
        pos += ((1 + T) * lw_total + 7) // 8 + 8
        # -- vocabulary strings: "<unk>\0" then the words in id order, each null-terminated
        strings = raw[pos:].split(b"\0")
        if strings[0] != b"<unk>" or strings[-1] != b"":
            raise ValueError(f"vocabulary strings not found at byte {pos}")
        self.words = [s.decode("utf-8") for s in strings[:-1]]
        if len(self.words) != bound:
            raise ValueError(f"{len(self.words)} vocabulary strings, expected {bound}")
        # -- sanity of the pointers
        if uni_next[0] != 0 or uni_next[bound] != B or np.any(np.diff(uni_next) < 0):
            raise ValueError("unigram next pointers are inconsistent")
        if mid_next[0] != 0 or mid_next[B] != T or np.any(np.diff(mid_next) < 0):
            raise ValueError("bigram next pointers are inconsistent")
        # -- flatten the reversed trie: bigram (ctx, w) is stored under w; trigram (c2, c1, w) under (c1, w)
        self.bi_last = np.repeat(np.arange(bound, dtype=np.int64), np.diff(uni_next))  # w
        self.bi_first = self.mid_word  # the context word
        tri_parent = np.repeat(np.arange(B, dtype=np.int64), np.diff(mid_next))
        self.tri_last = self.bi_last[tri_parent]
        self.tri_mid = self.bi_first[tri_parent]
        self.tri_first = self.long_word
        self.bound = bound

    def check_hashes(self, sample: int = 2000) -> None:
        """Word ids agree with the sorted MurmurHash64A table (spot check)."""
        rng = random.Random(0)
        for i in rng.sample(range(1, self.bound), min(sample, self.bound - 1)):
            h = murmur_hash_64a(self.words[i].encode("utf-8"))
            if int(self.hashes[i - 1]) != h:
                raise ValueError(f"hash of word {i} {self.words[i]!r} does not match")


def murmur_hash_64a(key: bytes, seed: int = 0) -> int:
    m = 0xC6A4A7935BD1E995
    r = 47
    mask = 0xFFFFFFFFFFFFFFFF
    h = (seed ^ (len(key) * m)) & mask
    n8 = len(key) // 8
    for i in range(n8):
        (k,) = struct.unpack_from("<Q", key, 8 * i)
        k = (k * m) & mask
        k ^= k >> r
        k = (k * m) & mask
        h ^= k
        h = (h * m) & mask
    tail = key[8 * n8 :]
    if tail:
        for i in range(len(tail) - 1, -1, -1):
            h ^= tail[i] << (8 * i)
        h = (h * m) & mask
    h ^= h >> r
    h = (h * m) & mask
    h ^= h >> r
    return h


def build(src: Path, out: Path) -> dict:
    import marisa_trie

    t0 = time.time()
    lm = KenLMTrie(src)
    lm.check_hashes()
    V, B, T = lm.counts
    print(
        f"decoded {src} in {time.time() - t0:.1f}s: {lm.bound} words, {B} bigrams, {T} trigrams; "
        f"prob bits {lm.prob_bits}, backoff bits {lm.backoff_bits}",
        file=sys.stderr,
    )
    if len(set(lm.words)) != len(lm.words):
        raise ValueError("duplicate vocabulary strings")
    if lm.bound > 1 << WORD_BITS or B >= 1 << (64 - WORD_BITS):
        raise ValueError("vocabulary too large for the key layout")
    if lm.prob_bits > 8 or lm.backoff_bits > 8:
        raise ValueError("quantization tables larger than 256 entries are not supported by this layout")
    trie = marisa_trie.Trie(lm.words)
    new_id = np.array([trie[w] for w in lm.words], dtype=np.int64)  # kenlm id -> marisa id
    Vn = lm.bound
    # unigrams
    uni_prob = np.zeros(Vn, dtype="<f4")
    uni_back = np.zeros(Vn, dtype="<f4")
    uni_prob[new_id] = lm.uni_prob
    uni_back[new_id] = lm.uni_back
    # bigrams, forward: (w1, w2) with w1 the context word
    b1 = new_id[lm.bi_first]
    b2 = new_id[lm.bi_last]
    border = np.lexsort((b2, b1))
    bi_w1 = b1[border]
    bi_word = b2[border].astype("<u4")
    bi_prob = lm.mid_prob[border].astype(np.uint8)
    bi_back = lm.mid_back[border].astype(np.uint8)
    uni_next = np.searchsorted(bi_w1, np.arange(Vn + 1), side="left").astype("<u4")
    bigram_key = bi_w1 << WORD_BITS | b2[border]
    if np.any(np.diff(bigram_key) <= 0):
        raise ValueError("duplicate bigrams")
    # trigrams: find the bigram (w1, w2) of each trigram (w1 w2 w3)
    t1, t2, t3 = new_id[lm.tri_first], new_id[lm.tri_mid], new_id[lm.tri_last]
    parent = np.searchsorted(bigram_key, t1 << WORD_BITS | t2)
    if np.any(parent >= B) or np.any(bigram_key[np.minimum(parent, B - 1)] != (t1 << WORD_BITS | t2)):
        raise ValueError("a trigram's context is not a bigram")
    tri_key = (parent.astype(np.uint64) << np.uint64(WORD_BITS)) | t3.astype(np.uint64)
    torder = np.argsort(tri_key, kind="stable")
    tri_key = tri_key[torder].astype("<u8")
    if np.any(np.diff(tri_key.astype(np.int64)) <= 0):
        raise ValueError("duplicate trigrams")
    tri_prob = lm.long_prob[torder].astype(np.uint8)
    # KenLM drops a context word from its state when the context's backoff is exactly -0.0 ("does not extend").
    # Plain backoff semantics (what the reader implements) give the same scores iff such contexts really have
    # no longer n-grams: check that.
    neg_zero = np.frombuffer(np.float32(-0.0).tobytes(), dtype="<u4")[0]
    uni_noext = uni_back.view("<u4") == neg_zero
    if np.any(uni_noext & (np.diff(uni_next.astype(np.int64)) > 0)):
        raise ValueError("a unigram marked as not extending has bigrams")
    if lm.bi_back_bins.view("<u4")[0] != neg_zero or lm.bi_back_bins[1] != 0.0:
        raise ValueError("backoff bins 0/1 are not -0.0/+0.0")
    tri_parents = (tri_key >> np.uint64(WORD_BITS)).astype(np.int64)
    if np.any(bi_back[tri_parents] == 0):
        raise ValueError("a bigram marked as not extending has trigrams")

    out.mkdir(parents=True, exist_ok=True)
    trie.save(str(out / "vocab.marisa"))
    sections = [
        ("uni_prob", uni_prob, "f"),
        ("uni_back", uni_back, "f"),
        ("uni_next", uni_next, "I"),
        ("bi_word", bi_word, "I"),
        ("bi_prob", bi_prob, "B"),
        ("bi_back", bi_back, "B"),
        ("tri_key", tri_key, "Q"),
        ("tri_prob", tri_prob, "B"),
    ]
    layout = {}
    with open(out / "lm.bin", "wb") as f:
        pos = 0
        for name, arr, code in sections:
            pad = (-pos) % 8
            f.write(b"\0" * pad)
            pos += pad
            blob = np.ascontiguousarray(arr).tobytes()
            f.write(blob)
            layout[name] = {"offset": pos, "count": int(len(arr)), "type": code}
            pos += len(blob)
    # This model has no <s> or </s>: KenLM then maps both to <unk> (vocab.cc SetSpecial), and so do we.
    special = {"unk": int(trie["<unk>"])}
    for w in ("<s>", "</s>"):
        if w in trie:
            raise ValueError(f"the model has {w}: the reader's begin/end-of-sentence handling must be extended")
    meta = {
        "source": f"zh_CN.lm from {PACKAGE}; upstream https://github.com/fcitx/libime, data from https://download.fcitx-im.org/data",
        "licence": "LGPL-2.1-or-later (see rules/lm/LICENSE and rules/lm/SOURCES.md)",
        "format": 1,
        "order": 3,
        "counts": [Vn, int(B), int(T)],
        "word_bits": WORD_BITS,
        "max_word_length": max(len(w) for w in lm.words),
        "special": special,
        "sections": layout,
        # float32 values written as their exact decimal expansion (json floats round-trip through float64)
        "bigram_prob_bins": [float(x) for x in lm.bi_prob_bins],
        "bigram_backoff_bins": [float(x) for x in lm.bi_back_bins],
        "trigram_prob_bins": [float(x) for x in lm.tri_prob_bins],
    }
    (out / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out} in {time.time() - t0:.1f}s", file=sys.stderr)
    return meta


# ----------------------------------------------------------------------------------------------------------
# Verification against the kenlm module (optional)


def corpus_sentences(lm, limit: int) -> list[list[str]]:
    import re

    paths = sorted((ROOT.parent / "shared" / "corpus" / "zh-Hans" / "news").glob("*.txt"))
    out = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            for sent in re.split(r"(?<=[。！？；])", line):
                sent = sent.strip()
                if 4 <= len(sent) <= 80:
                    out.append(sent)
    rng = random.Random(1)
    rng.shuffle(out)
    # whitespace cannot be a KenLM token (the kenlm module splits on it): drop it, as LanguageModel.score does
    return [[t for t in lm.segment(s) if not t.isspace()] for s in out[:limit]]


def verify(src: Path, n_random: int, n_corpus: int) -> int:
    sys.path.insert(0, str(ROOT / "src"))
    from zhproof.langmodel import LanguageModel

    try:
        import kenlm
    except ImportError:
        print(
            "kenlm is not importable: nothing to verify against (pip install kenlm in a throwaway venv)",
            file=sys.stderr,
        )
        return 2
    ref = kenlm.Model(str(src))
    ours = LanguageModel(OUT)
    words = [w for w in ours.trie.keys() if w not in ("<s>", "</s>")]
    rng = random.Random(42)
    seqs: list[list[str]] = []
    for _ in range(n_random):
        seqs.append([rng.choice(words) for _ in range(rng.randint(1, 12))])
    corpus = corpus_sentences(ours, n_corpus)
    seqs += corpus
    # mixtures that exercise backoff inside real contexts: corpus sentences with a word swapped / an OOV token
    for s in corpus[: n_corpus // 4]:
        s = list(s)
        s[rng.randrange(len(s))] = rng.choice(words + ["𠀀未登录词"])
        seqs.append(s)
    worst_sent = worst_word = worst_exact = 0.0
    worst_case = None
    compared_words = 0
    for seq in seqs:
        for bos, eos in ((False, False), (True, True)):
            line = " ".join(seq)
            expect = ref.score(line, bos=bos, eos=eos)
            per = [p for p, _, _ in ref.full_scores(line, bos=bos, eos=eos)]
            mine = ours.token_scores(seq, bos=bos, eos=eos)
            got = sum(mine)
            assert len(per) == len(mine) == len(seq) + eos
            compared_words += len(per)
            for a, b in zip(per, mine):
                worst_word = max(worst_word, abs(a - b))
            if abs(expect - got) > worst_sent:
                worst_sent, worst_case = abs(expect - got), (seq, bos, eos, expect, got)
            # kenlm's score() adds the words up in float32; the same words added in float64:
            worst_exact = max(worst_exact, abs(math.fsum(per) - got))
    print(
        f"compared {len(seqs)} sequences ({n_random} random, {len(corpus)} corpus sentences, "
        f"{len(seqs) - n_random - len(corpus)} perturbed), each without and with <s>/</s> "
        f"({2 * len(seqs)} sentence scores, {compared_words} per-word scores)"
    )
    print(
        f"max |kenlm - ours|: per word {worst_word:.3g}; sentence, kenlm's score() {worst_sent:.3g}; "
        f"sentence, kenlm's full_scores() summed in float64 {worst_exact:.3g}"
    )
    if worst_case and worst_sent > 1e-4:
        print(f"worst score() case ({len(worst_case[0])} tokens; kenlm sums in float32):", worst_case)
    # a few recorded values for the tests
    samples = [
        "我们 要 大力 推进 改革 开放",
        "我们 要 大力 推 推进 改革 开放",
        "今天 天气 很 好",
        "中华人民共和国 成立 了",
        "他 在 北京 工作",
        "她 再 北京 工作",
        "这 是 一个 问题",
        "这 是 一各 问题",
        "我 爱 吃 苹果",
        "经济 发展 水平",
        "的 的 的",
        "𠀀未登录词 的",
        "<s> 你好",
        "人工智能 技术",
    ]
    print("recorded values (bos=False, eos=False, then bos=True, eos=True):")
    for s in samples:
        print(f"    ({s!r}, {ref.score(s, bos=False, eos=False)!r}, {ref.score(s, bos=True, eos=True)!r}),")
    return 0 if worst_exact <= 1e-4 and worst_word <= 1e-4 else 1


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("src", nargs="?", type=Path, default=DEFAULT_SRC, help="the KenLM binary zh_CN.lm")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--verify", action="store_true", help="compare rules/lm with the kenlm module instead of building")
    ap.add_argument("--random", type=int, default=3000, help="random word sequences to verify")
    ap.add_argument("--corpus", type=int, default=3000, help="corpus sentences to verify")
    args = ap.parse_args(argv[1:])
    if args.verify:
        return verify(args.src, args.random, args.corpus)
    build(args.src, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
