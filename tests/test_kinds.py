"""Rule files: the three kinds, strict loading, clear errors."""

from __future__ import annotations

import pytest

from zhproof.document import Document
from zhproof.kinds import RuleFileError, load_rule_file

HEAD = 'name = "my-rule"\nsummary = "s"\nwhat = "w"\nwhy = "y"\nfix = "f"\n'


def write(tmp_path, body):
    p = tmp_path / "r.toml"
    p.write_text(HEAD + body, encoding="utf-8")
    return p


def test_unknown_key_is_rejected(tmp_path):
    with pytest.raises(RuleFileError, match="unknown key 'colour'"):
        load_rule_file(write(tmp_path, 'kind = "existence"\ntokens = ["x"]\ncolour = "red"\n'))


def test_unknown_key_in_check(tmp_path):
    with pytest.raises(RuleFileError, match="unknown key 'regexp' in check 1"):
        load_rule_file(write(tmp_path, 'kind = "pattern"\n[[check]]\nregexp = "x"\nmessage = "m"\n'))


def test_unknown_kind_and_bad_regex(tmp_path):
    with pytest.raises(RuleFileError, match="unknown kind"):
        load_rule_file(write(tmp_path, 'kind = "magic"\n'))
    with pytest.raises(RuleFileError, match="bad regular expression"):
        load_rule_file(write(tmp_path, 'kind = "pattern"\n[[check]]\nregex = "(unclosed"\nmessage = "m"\n'))


def test_existence_and_substitution(tmp_path):
    r = load_rule_file(write(tmp_path, 'kind = "existence"\ntokens = ["不可描述"]\n'))
    found = list(r.check(Document("这是不可描述的事")))
    assert [(d.start, d.end, d.fix) for d in found] == [(2, 6, None)]
    r = load_rule_file(write(tmp_path, 'kind = "substitution"\nswap = { "新冠肺炎" = "新冠病毒感染" }\n'))
    found = list(r.check(Document("新冠肺炎疫情")))
    assert found[0].message == "建议将“新冠肺炎”改为“新冠病毒感染”"
    assert found[0].replacement("新冠肺炎疫情") == "新冠病毒感染"
    assert found[0].fix.safety.label == "unsafe"


def test_bad_name_and_missing_key(tmp_path):
    p = tmp_path / "r.toml"
    p.write_text(
        'name = "Bad Name"\nkind = "existence"\ntokens=["x"]\nsummary="s"\nwhat="w"\nwhy="y"\nfix="f"\n',
        encoding="utf-8",
    )
    with pytest.raises(RuleFileError, match="kebab-case"):
        load_rule_file(p)
    with pytest.raises(RuleFileError, match="missing key 'tokens'"):
        load_rule_file(write(tmp_path, 'kind = "existence"\n'))


def test_user_pattern_that_backtracks_forever_is_an_error_naming_it(tmp_path, monkeypatch):

    monkeypatch.setattr("zhproof.kinds.runtime.PATTERN_TIMEOUT", 0.2)  # where the checks read it
    p = tmp_path / "slow.toml"
    p.write_text(HEAD + 'kind = "pattern"\n[[check]]\nregex = \'(a|aa)+$\'\nmessage = "m"\n', encoding="utf-8")
    rule = load_rule_file(p, trusted=False)  # a user's rule (extend-rules): `regex`, with a time limit
    with pytest.raises(RuleFileError, match="my-rule.*took longer than"):
        list(rule.check(Document("a" * 40 + "b")))


def test_substitution_is_one_pass_over_the_text(tmp_path):
    """A table of words is one pattern (one scan, however long the table); each match gets its own word's
    replacement, the longest word winning where two start at the same place."""
    r = load_rule_file(
        write(tmp_path, 'kind = "substitution"\nswap = { "肺炎" = "X", "新冠肺炎" = "新冠病毒感染", "疫情" = "Y" }\n')
    )
    assert len(r.checks) == 1
    found = list(r.check(Document("新冠肺炎疫情和肺炎")))
    assert [(d.start, d.end, d.fix.edits[0].text, d.message) for d in found] == [
        (0, 4, "新冠病毒感染", "建议将“新冠肺炎”改为“新冠病毒感染”"),
        (4, 6, "Y", "建议将“疫情”改为“Y”"),
        (7, 9, "X", "建议将“肺炎”改为“X”"),
    ]
    # like Vale's substitution rules: leftmost-longest matches, so no two findings overlap (their fixes
    # could not both apply); a word that starts inside a longer match is not reported there
    r = load_rule_file(
        write(tmp_path, 'kind = "substitution"\nswap = { "人民日报" = "《人民日报》", "日报社" = "报社" }\n')
    )
    assert [(d.start, d.end) for d in r.check(Document("人民日报社发表，日报社"))] == [(0, 4), (8, 11)]
    r = load_rule_file(write(tmp_path, 'kind = "substitution"\nignorecase = true\nswap = { "covid" = "新冠" }\n'))
    assert [d.fix.edits[0].text for d in r.check(Document("COVID 与 Covid"))] == ["新冠", "新冠"]


def test_when_reports_only_matches_where_the_group_took_part(tmp_path):
    body = (
        'kind = "pattern"\n[[check]]\n'
        'regex = \'"(?:(?P<body>[^"]*中[^"]*)|[^"]*)"\'\nwhen = "body"\nmessage = "m {0}"\n'
    )
    r = load_rule_file(write(tmp_path, body))
    assert [(d.start, d.end) for d in r.check(Document('"ab" x "中文" "c"'))] == [(7, 11)]
    with pytest.raises(RuleFileError, match="'when' names group 'nope'"):
        load_rule_file(write(tmp_path, body.replace('when = "body"', 'when = "nope"')))
    with pytest.raises(RuleFileError, match="'when' names group 2, but the regex has 1"):
        load_rule_file(write(tmp_path, body.replace('when = "body"', "when = 2")))
    with pytest.raises(RuleFileError, match="'when' must name a group"):
        load_rule_file(write(tmp_path, body.replace('when = "body"', "when = true")))
    assert [
        (d.start, d.end)
        for d in load_rule_file(write(tmp_path, body.replace('when = "body"', "when = 1"))).check(Document('"ab" "中"'))
    ] == [(5, 8)]


def test_requires_skips_the_pattern_and_compiles_regex_only_patterns_on_first_use(tmp_path):
    body = (
        'kind = "pattern"\n[[check]]\n'
        'regex = \'\\u200d(?!\\p{Extended_Pictographic})\'\nrequires = "\\u200d"\nmessage = "m"\ndelete = true\n'
    )
    r = load_rule_file(write(tmp_path, body))
    pattern = r.checks[0].pattern
    assert list(r.check(Document("没有连接符"))) == [] and pattern._compiled is None  # not even compiled
    assert [(d.start, d.end) for d in r.check(Document("a\u200db"))] == [(1, 2)]
    bad = load_rule_file(write(tmp_path, body.replace("(?!", "(?!(")))  # unbalanced, found on first use
    assert list(bad.check(Document("无"))) == []
    with pytest.raises(RuleFileError, match="bad regular expression"):
        list(bad.check(Document("a\u200db")))
