"""The pre-commit hooks, driven by the real pre-commit tool against this checkout (pre-commit try-repo).

pre-commit installs this checkout into an environment of its own, which needs the package registry; the test
takes about a minute on the first run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRE_COMMIT = Path(sys.executable).parent / "pre-commit"


def git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    if not PRE_COMMIT.exists():
        pytest.fail(f"pre-commit is not installed beside {sys.executable} (pip install -e '.[test]')")
    if not (ROOT / ".git").exists():
        pytest.skip("this checkout is not a git repository: pre-commit try-repo needs one")
    d = tmp_path_factory.mktemp("precommit")
    git(d, "init", "-q")
    git(d, "config", "user.email", "t@example.invalid")
    git(d, "config", "user.name", "t")
    (d / "good.md").write_text("# 标题\n\n疫情防控工作。\n", encoding="utf-8")
    (d / "bad.txt").write_text("疫情疫情防控，，要加强。\n", encoding="utf-8")
    git(d, "add", ".")
    return d


def try_repo(repo, hook, *files):
    env = dict(os.environ, PRE_COMMIT_HOME=str(repo.parent / "pre-commit-home"), PRE_COMMIT_COLOR="never")
    return subprocess.run(
        [str(PRE_COMMIT), "try-repo", str(ROOT), hook, "--files", *files],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
    )


def test_check_hook(repo):
    r = try_repo(repo, "zhproof", "bad.txt")
    assert r.returncode == 1, r.stdout + r.stderr
    assert "duplicate-word" in r.stdout
    r = try_repo(repo, "zhproof", "good.md")
    assert r.returncode == 0, r.stdout + r.stderr


def test_fix_hook(repo):
    r = try_repo(repo, "zhproof-fix", "bad.txt")
    assert r.returncode == 1, r.stdout + r.stderr  # files were modified
    assert (repo / "bad.txt").read_text(encoding="utf-8") == "疫情防控，要加强。\n"
    r = try_repo(repo, "zhproof-fix", "bad.txt", "good.md")
    assert r.returncode == 0, r.stdout + r.stderr


def test_one_summary_per_run_and_excludes_hold(repo):
    """pre-commit splits the files among parallel processes unless the hook is serial: one summary per run.
    The configuration's `exclude` holds for the files pre-commit names (--force-exclude)."""
    for i in range(6):
        (repo / f"more{i}.txt").write_text("交通運輸很方便。\n", encoding="utf-8")
    (repo / "vendor").mkdir(exist_ok=True)
    (repo / "vendor" / "copy.txt").write_text("疫情疫情防控。\n", encoding="utf-8")
    (repo / "zhproof.toml").write_text('exclude = ["vendor"]\n', encoding="utf-8")
    files = [*(f"more{i}.txt" for i in range(6)), "vendor/copy.txt"]
    r = try_repo(repo, "zhproof", *files)
    assert r.returncode == 1, r.stdout + r.stderr
    summaries = [line for line in r.stdout.splitlines() if " fixable with --fix" in line]
    assert summaries == ["6 findings, 6 fixable with --fix, 0 more with --unsafe-fixes"], r.stdout
    assert "vendor/copy.txt" not in r.stdout
