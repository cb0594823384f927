"""The Ray Data integration on a local cluster gives exactly the single-process results."""

from __future__ import annotations

import pytest

import zhproof

ray = pytest.importorskip("ray", reason="pip install -e '.[ray]' (the CI installs it)")


@pytest.fixture(scope="module")
def cluster():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, ignore_reinit_error=True)
    yield
    ray.shutdown()


def documents(root, n=300):
    texts = []
    for f in sorted((root / "tests" / "corpus" / "clean").glob("*.txt")):
        if f.stem != "twlaw":
            texts += [chunk.partition("\n")[2] for chunk in f.read_text(encoding="utf-8").split("\n## ")[1:]]
    damaged = ["疫情疫情防控，，要加强。交通運輸“绿色通道”。", "我们在在会上发言。", "维护市场秩序、市场秩序等。"]
    docs = []
    for i in range(n):
        text = texts[i % len(texts)]
        if i % 3 == 0:
            text = text + damaged[i % len(damaged)]
        docs.append({"id": i, "text": text})
    return docs


def test_lint_and_fix_match_single_process(cluster, root):
    from zhproof.integrations import ray as zr
    from zhproof.integrations.ray import finding_rows

    docs = documents(root)
    ds = ray.data.from_items(docs, override_num_blocks=4)
    got = sorted(
        (r["id"], r["rule"], r["start"], r["end"], r["replacement"]) for r in zr.lint(ds, id_column="id").take_all()
    )
    linter = zhproof.Linter()
    want = sorted(
        (doc["id"], f["rule"], f["start"], f["end"], f["replacement"])
        for doc in docs
        for f in finding_rows(doc["text"], linter)
    )
    assert len(want) >= 100 and got == want
    fixed = {r["id"]: r["clean"] for r in zr.fix(ds, output_column="clean").take_all()}
    assert fixed == {doc["id"]: zhproof.fix_text(doc["text"]) for doc in docs}
