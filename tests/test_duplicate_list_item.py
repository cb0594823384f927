"""duplicate-list-item: a quotation of a sound or a call is no list; a quoted term said twice is a paste."""

from zhproof import lint_text


def test_a_quoted_term_said_twice_is_a_paste_a_sound_is_not():
    # a sound or a call, quoted as heard (地 or 声 after it, a verb of calling before it): no list
    assert lint_text("树上的知了“知了、知了”地叫个不停。", select=["duplicate-list-item"]) == []
    assert lint_text("他们喊着“加油、加油”冲向终点。", select=["duplicate-list-item"]) == []
    # a term quoted in formal text (a review's cases) is still a repeated item
    assert lint_text("本法所称“产品、产品”，是指经过加工的产品。", select=["duplicate-list-item"]) != []
