"""The three-way merge, case by case as docs/updates.md's table states it."""

import pytest

from recurrence_content.loading.merge import (
    Action,
    MergeError,
    merge,
    take_upstream,
)


def para(block_id: str, text: str) -> dict:
    return {"type": "paragraph", "value": f"<p>{text}</p>", "id": block_id}


def definition(block_id: str, term: str, *also: tuple[str, str]) -> dict:
    items = [{"type": "item", "value": word, "id": i} for i, word in also]
    return {
        "type": "definition",
        "value": {"term": term, "also_called": items, "definition": "x"},
        "id": block_id,
    }


def article(*blocks, title="Title", summary="Summary") -> dict:
    return {"title": title, "summary": summary, "body": list(blocks)}


BASE = article(para("a", "A"), para("b", "B"), para("c", "C"))


def actions(result) -> dict[str, str]:
    return {change.key: str(change.action) for change in result.changes}


def test_changed_upstream_only_is_taken():
    upstream = article(para("a", "A2"), para("b", "B"), para("c", "C"), title="T2")
    result = merge(BASE, BASE | {"summary": "Ours"}, upstream)
    assert result.content == upstream | {"summary": "Ours"}
    assert actions(result) == {"a": "taken", "title": "taken", "summary": "kept"}


def test_changed_locally_only_is_kept():
    local = article(para("a", "A"), para("b", "Ours"), para("c", "C"))
    upstream = article(para("a", "A"), para("b", "B"), para("c", "C2"))
    result = merge(BASE, local, upstream)
    assert result.content["body"] == [
        para("a", "A"),
        para("b", "Ours"),
        para("c", "C2"),
    ]
    assert actions(result) == {"b": "kept", "c": "taken"}


def test_the_same_change_on_both_sides_is_taken_silently():
    both = article(para("a", "A2"), para("b", "B"), para("c", "C"))
    result = merge(BASE, both, both)
    assert result.content == both
    assert result.changes == []


def test_different_changes_conflict_and_keep_ours():
    local = article(para("a", "Ours"), para("b", "B"), para("c", "C"), title="Our T")
    upstream = article(para("a", "Theirs"), para("b", "B"), para("c", "C"), title="T2")
    result = merge(BASE, local, upstream)
    assert result.content == local
    assert [(c.key, c.local, c.upstream) for c in result.conflicts] == [
        ("title", "Our T", "T2"),
        ("a", para("a", "Ours"), para("a", "Theirs")),
    ]
    assert result.conflicts[1].block_type == "paragraph"


def test_added_upstream_goes_after_its_predecessor():
    local = article(
        para("a", "A"), para("mine", "Ours"), para("b", "B"), para("c", "C")
    )
    upstream = article(
        para("new0", "N0"),
        para("a", "A"),
        para("new1", "N1"),
        para("new2", "N2"),
        para("b", "B"),
        para("c", "C"),
    )
    result = merge(BASE, local, upstream)
    assert [b["id"] for b in result.content["body"]] == [
        "new0",
        "a",
        "new1",
        "new2",
        "mine",
        "b",
        "c",
    ]
    assert actions(result) == {
        "mine": "kept",
        "new0": "added",
        "new1": "added",
        "new2": "added",
    }


def test_added_after_a_block_we_removed_goes_before_its_successor():
    local = article(para("a", "A"), para("c", "C"))  # we removed b
    upstream = article(
        para("a", "A2"), para("b", "B"), para("new", "N"), para("c", "C")
    )
    result = merge(BASE, local, upstream)
    assert [b["id"] for b in result.content["body"]] == ["a", "new", "c"]
    assert actions(result) == {"a": "taken", "b": "kept", "new": "added"}


def test_removed_upstream_and_unchanged_here_is_removed():
    local = article(para("a", "A"), para("b", "B"), para("c", "Ours"))
    upstream = article(para("a", "A"), para("c", "C"))
    result = merge(BASE, local, upstream)
    assert [b["id"] for b in result.content["body"]] == ["a", "c"]
    assert actions(result) == {"b": "removed", "c": "kept"}


def test_removed_upstream_but_changed_here_conflicts_and_stays():
    local = article(para("a", "A"), para("b", "Ours"), para("c", "C"))
    upstream = article(para("a", "A"), para("c", "C"))
    result = merge(BASE, local, upstream)
    assert result.content == local
    (conflict,) = result.conflicts
    assert (conflict.key, conflict.upstream) == ("b", None)


def test_removed_here_but_changed_upstream_conflicts_and_stays_removed():
    local = article(para("a", "A"), para("c", "C"))
    upstream = article(para("a", "A"), para("b", "B2"), para("c", "C"))
    result = merge(BASE, local, upstream)
    assert result.content == local
    (conflict,) = result.conflicts
    assert (conflict.key, conflict.local, conflict.upstream) == (
        "b",
        None,
        para("b", "B2"),
    )
    restored = take_upstream(result.content, conflict, ["a", "b", "c"])
    assert restored["body"] == upstream["body"]


def test_list_items_merge_on_their_ids():
    base = article(definition("d", "term", ("1", "one"), ("2", "two")))
    local = article(definition("d", "term", ("1", "ONE"), ("2", "two"), ("3", "ours")))
    upstream = article(definition("d", "term", ("1", "one"), ("4", "theirs")))
    result = merge(base, local, upstream)
    assert result.content["body"] == [
        definition("d", "term", ("1", "ONE"), ("4", "theirs"), ("3", "ours"))
    ]
    assert actions(result) == {"d": "merged"}


def test_the_same_list_item_changed_both_ways_is_a_block_conflict():
    base = article(definition("d", "term", ("1", "one")))
    local = article(definition("d", "term", ("1", "ours")))
    upstream = article(definition("d", "term", ("1", "theirs")))
    result = merge(base, local, upstream)
    assert result.content == local
    assert actions(result) == {"d": "conflict"}


def test_related_link_target_set_here_is_a_local_edit():
    link = {"kind": "read_also", "title": "Is cancer hereditary?", "page": None}
    base = article({"type": "related_link", "value": link | {"url": ""}, "id": "l"})
    ours = {"type": "related_link", "value": link | {"page": 7, "url": ""}, "id": "l"}
    theirs = {
        "type": "related_link",
        "value": link | {"title": "Is it hereditary?", "url": ""},
        "id": "l",
    }
    result = merge(base, article(ours), article(theirs))
    assert actions(result) == {"l": "conflict"}
    assert result.content["body"] == [ours]


def test_take_upstream_replaces_a_field_or_block():
    local = article(para("a", "Ours"), title="Our T")
    upstream = article(para("a", "Theirs"), title="Their T")
    result = merge(article(para("a", "A")), local, upstream)
    content = result.content
    for conflict in result.conflicts:
        content = take_upstream(content, conflict, ["a"])
    assert content == upstream


def test_a_repeated_block_id_is_refused():
    twice = article(para("a", "A"), para("a", "B"))
    with pytest.raises(MergeError, match="appears twice"):
        merge(BASE, twice, BASE)


@pytest.mark.parametrize("action", list(Action))
def test_every_action_has_a_plain_name(action):
    assert str(action) == action.value and " " not in action.value
