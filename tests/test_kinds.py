"""Rule files: the three kinds, strict loading, clear errors."""

from __future__ import annotations

import pickle

import pytest

from zhproof.document import Document
from zhproof.fixer import FixNotConvergedError, fix_until_stable
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


def test_at_end_searches_only_the_white_space_that_ends_the_text(tmp_path):
    body = 'kind = "pattern"\n[[check]]\nregex = \'\\n+\'\nat-end = true\nmessage = "m"\ndelete = true\n'
    r = load_rule_file(write(tmp_path, body))
    assert [(d.start, d.end) for d in r.check(Document("a\n\nb\n\n\n"))] == [(4, 7)]
    assert [(d.start, d.end) for d in r.check(Document("a\n\nb \u3000\n\n"))] == [(6, 8)]
    assert [(d.start, d.end) for d in r.check(Document("\n\n"))] == [(0, 2)]  # all white space: all searched
    assert list(r.check(Document("a\n\nb"))) == []
    with pytest.raises(RuleFileError, match="'at-end' must be true or false"):
        load_rule_file(write(tmp_path, body.replace("at-end = true", 'at-end = "yes"')))


def test_blank_lines_at_the_end_are_found_as_a_scan_from_the_start_finds_them(monkeypatch):
    """blank-lines' check of the end of a file searches only the white space there: the same findings as the scan
    of the whole text, on texts with runs of blank lines (with white space in them) everywhere."""
    from zhproof.registry import builtin_rules

    rule = builtin_rules()["blank-lines"]
    end_checks = [c for c in rule.checks if c.at_end]
    assert len(end_checks) == 1
    pieces = ["正文。", "\n", "\n\n", "\r\n", " \n", "\u3000\n\n", "\n \t\n", "\xa0\n", "标题"]
    texts = []
    for i in range(400):
        texts.append("".join(pieces[(i * 7 + k * k) % len(pieces)] for k in range(i % 11 + 1)))
    found = [list(rule.check(Document(t))) for t in texts]
    monkeypatch.setattr(end_checks[0], "at_end", False)
    assert found == [list(rule.check(Document(t))) for t in texts]
    assert sum(any(d.message == "文件末尾有空行" for d in f) for f in found) > 50


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


def test_requires_as_a_list_of_strings_needs_one_of_them(tmp_path):
    body = (
        'kind = "pattern"\n[[check]]\nregex = \'x*。{3,}\'\nrequires = ["。。。", "ab"]\nmessage = "m"\ndelete = true\n'
    )
    r = load_rule_file(write(tmp_path, body))
    assert r.checks[0].requires == ("。。。", "ab")
    assert list(r.check(Document("好。。好。"))) == []  # the pre-test fails: the pattern is not run
    assert [(d.start, d.end) for d in r.check(Document("好x。。。"))] == [(1, 5)]
    assert [(d.start, d.end) for d in r.check(Document("ab。。。。"))] == [(2, 6)]
    for bad in ("[]", '[""]', "[1]", "1"):
        with pytest.raises(RuleFileError, match="'requires' must be"):
            load_rule_file(write(tmp_path, body.replace('["。。。", "ab"]', bad)))


def fix_with(rule, text, variant="zh-Hans"):
    """``text`` fixed (unsafe fixes too) by ``rule`` alone, as ``--fix --unsafe-fixes`` would."""
    return fix_until_stable(text, lambda t: list(rule.check(Document(t, variant=variant))), unsafe=True).text


def test_fix_not_converged_error_survives_pickling():
    """Raised in a worker process of a pool, it travels to the parent pickled; unpickling it used to fail
    (its __init__ takes the rules and the passes, not the message), and the pool hung."""
    e = FixNotConvergedError(["b", "a", "b"], 10)
    e.add_note("in a.txt")
    back = pickle.loads(pickle.dumps(e))
    assert type(back) is FixNotConvergedError
    assert str(back) == str(e) == "fixes did not converge after 10 passes; rules still fixing: a, b"
    assert (back.rules, back.passes, back.__notes__) == (["a", "b"], 10, ["in a.txt"])


def test_the_sample_rule_pack_loads_and_its_examples_hold(root):
    pack = sorted((root / "samples" / "rule-pack").glob("*.toml"))
    assert len(pack) >= 2
    for path in pack:
        rule = load_rule_file(path, trusted=False)  # as extend-rules loads it
        for ex in rule.doc.examples:
            found = list(rule.check(Document(ex.text, variant=ex.variant)))
            assert bool(found) != ex.ok, (rule.name, ex.text)
            if ex.fixed is not None:
                assert fix_with(rule, ex.text, ex.variant) == ex.fixed
    quoted = load_rule_file(root / "samples" / "rule-pack" / "newsroom-quoted-terms.toml", trusted=False)
    terms = load_rule_file(root / "samples" / "rule-pack" / "newsroom-terms.toml", trusted=False)
    for rule in (quoted, terms):  # already quoted: left alone (the pack used to quote it again, without end)
        assert list(rule.check(Document("“十三五”规划期间。"))) == []
    assert fix_with(quoted, "十三五规划期间，‘十四五’开局。") == "“十三五”规划期间，‘十四五’开局。"


def test_zhproofs_own_rules_pass_the_checks_of_user_rules(root):
    """The checks that need every pattern compiled (lazy ones are not, for zhproof's own rules) and those
    that run only for extend-rules (fixing the examples): zhproof's own rule files pass them all."""
    from zhproof.resources import rules_dir

    for path in sorted(rules_dir().glob("*.toml")):
        load_rule_file(path, trusted=False)


def test_substitution_whose_replacement_holds_its_word_is_rejected(tmp_path):
    """十三五 -> “十三五” quotes the quoted word again on every pass: --fix could never finish. The words of the
    table tell it at load time (for extend-rules)."""
    body = 'kind = "substitution"\nswap = { "新冠肺炎" = "新冠病毒感染", "十三五" = "“十三五”" }\n'
    with pytest.raises(RuleFileError, match=r"r\.toml: 'swap': the fix does not converge on its word '十三五'"):
        load_rule_file(write(tmp_path, body), trusted=False)
    with pytest.raises(RuleFileError, match="does not converge on its word '甲'"):  # two words undoing each other
        load_rule_file(write(tmp_path, 'kind = "substitution"\nswap = { "甲" = "乙", "乙" = "甲" }\n'), trusted=False)
    with pytest.raises(RuleFileError, match="does not converge on its word 'covid'"):
        load_rule_file(
            write(tmp_path, 'kind = "substitution"\nignorecase = true\nswap = { "covid" = "COVID-19" }\n'),
            trusted=False,
        )
    # a replacement that holds another word of the table, fixed in turn, converges: not an error
    rule = load_rule_file(
        write(tmp_path, 'kind = "substitution"\nswap = { "甲" = "乙丙", "乙" = "丁" }\n'), trusted=False
    )
    assert fix_with(rule, "甲") == "丁丙"


def test_pattern_whose_replacement_is_matched_again_is_rejected(tmp_path):
    """A pattern rule is tried on its own examples: a fix that the same pattern matches again at the replaced
    span fails there, naming the check and the example."""
    body = (
        "kind = \"pattern\"\n[[check]]\nregex = '十三五'\nmessage = \"m\"\nreplace = '“\\g<0>”'\n"
        '[[example]]\nok = "无"\n[[example]]\ntext = "十三五规划"\nfixed = "“十三五”规划"\n'
    )
    with pytest.raises(
        RuleFileError,
        match=r"r\.toml: check 1: the fix does not converge on example 2 \('十三五规划' -> '“十三五”规划'",
    ):
        load_rule_file(write(tmp_path, body), trusted=False)
    fixed = body.replace("regex = '十三五'", "regex = '(?<!“)十三五(?!”)'")
    assert fix_with(load_rule_file(write(tmp_path, fixed), trusted=False), "十三五规划") == "“十三五”规划"
    # checks that undo each other's fixes
    cycle = (
        'kind = "pattern"\n[[check]]\nregex = "甲"\nmessage = "m"\nreplace = "乙"\n'
        '[[check]]\nregex = "乙"\nmessage = "m"\nreplace = "甲"\n[[example]]\ntext = "甲"\n'
    )
    with pytest.raises(RuleFileError, match="the checks together: the fix does not converge on example 1"):
        load_rule_file(write(tmp_path, cycle), trusted=False)


@pytest.mark.parametrize("trusted", [True, False], ids=["re", "regex"])
@pytest.mark.parametrize(
    "check,error",
    [
        ('replace = "\\\\5"', r"check 1: bad 'replace' template '\\\\5': .*; the regex has 1 group$"),
        ('replace = "\\\\g<nope>"', r"check 1: bad 'replace' template '\\\\g<nope>': .*; the regex has 1 group"),
        ('replace = "x\\\\"', r"check 1: bad 'replace' template"),
        ("replace = 5", r"key 'replace' in check 1 must be a string"),
        ("span = 3", r"check 1: 'span' names group 3, but the regex has 1$"),
        ("span = -1", r"check 1: 'span' names group -1, but the regex has 1$"),
        ('span = "nope"', r"check 1: 'span' names group 'nope'"),
        ("span = true", r"check 1: 'span' must name a group"),
        (
            'message = "{9}"',
            r"check 1: 'message' has the placeholder \{9\}, which the rule cannot fill in \(it "
            r"provides \{0\} to \{1\}, \{new\}\)",
        ),
        ('message = "{old}"', r"check 1: 'message' has the placeholder \{old\}, which the rule cannot"),
        ('message = "{} {} {}"', r"check 1: 'message' has the placeholder \{\}, which the rule cannot"),
        ('message = "{0[1]}"', r"check 1: 'message' has the placeholder \{0\[1\]\}; placeholders name a group"),
        ('message = "{0:{7}}"', r"check 1: 'message' has the placeholder \{7\}"),
        ('message = "{0:d}"', r"check 1: 'message' is not a valid format string"),
        ('message = "{0"', r"check 1: 'message' is not a valid format string"),
        ('message = "{0!z}"', r"check 1: 'message' is not a valid format string"),
        (
            'message = "m"\ntitle = "{0}"',
            r"check 1: 'title' has the placeholder \{0\}, which the rule cannot fill "
            r"in \(it provides \{new\}, \{old\}\)",
        ),
        ('message = "m"\ntitle = 1', r"key 'title' in check 1 must be a string"),
    ],
)
def test_pattern_check_that_cannot_run_is_an_error_at_load_time(tmp_path, trusted, check, error):
    """A replacement, span or placeholder that names a group the regex lacks used to fail on the first match
    as an internal error (IndexError, KeyError); it is an error naming the file and the check when loaded."""
    keys = check if check.startswith("message") else 'message = "m {0}{1}"\n' + check
    body = f'kind = "pattern"\n[[check]]\nregex = "a(b)"\n{keys}\n'
    if "replace" not in keys:
        body += 'replace = "x"\n'
    with pytest.raises(RuleFileError, match=r"r\.toml: " + error):
        load_rule_file(write(tmp_path, body), trusted=trusted)


def test_what_a_pattern_check_may_use_in_its_templates(tmp_path):
    body = (
        'kind = "pattern"\n[[check]]\nregex = "(?P<word>a)(b)"\n'
        'message = "{0}|{1}|{2}|{word}|{new}|{0!r}|{1:>3}|{{}}"\nreplace = "\\\\g<word>\\\\2\\\\g<2>"\n'
        'title = "{old}->{new}"\n'
    )
    for trusted in (True, False):
        (d,) = load_rule_file(write(tmp_path, body), trusted=trusted).check(Document("xab"))
        assert d.message == "ab|a|b|a|abb|'ab'|  a|{}"
        assert d.fix.title == "ab->abb"
    with pytest.raises(RuleFileError, match="a group named 'new'"):  # the keyword of the replacement
        load_rule_file(write(tmp_path, body.replace("?P<word>", "?P<new>")))


@pytest.mark.parametrize(
    "kind,message",
    [("substitution", "{1}"), ("substitution", "{old}"), ("existence", "{1}"), ("existence", "{word}")],
)
def test_word_list_message_with_a_placeholder_it_cannot_fill_is_an_error(tmp_path, kind, message):
    table = 'swap = { "新冠肺炎" = "新冠病毒感染" }' if kind == "substitution" else 'tokens = ["新冠肺炎"]'
    body = f'kind = "{kind}"\n{table}\nmessage = "{message}"\n'
    with pytest.raises(
        RuleFileError, match=r"r\.toml: 'message' has the placeholder .* \(it provides \{0\}, \{new\}\)"
    ):
        load_rule_file(write(tmp_path, body))
    with pytest.raises(RuleFileError, match="key 'message' in the rule must be a string"):
        load_rule_file(write(tmp_path, f'kind = "{kind}"\n{table}\nmessage = 1\n'))


def test_example_variant_must_be_known(tmp_path):
    body = 'kind = "existence"\ntokens = ["x"]\n[[example]]\ntext = "x"\nvariant = "zh-XX"\n'
    with pytest.raises(RuleFileError, match="example 1: 'variant' must be one of"):
        load_rule_file(write(tmp_path, body))
