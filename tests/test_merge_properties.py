"""Properties of the three-way merge over random edits on both sides (Hypothesis)."""

import copy

from hypothesis import given, settings
from hypothesis import strategies as st

from recurrence_content.loading.merge import merge

TEXT = st.text(alphabet="abcxyz", min_size=0, max_size=3)


@st.composite
def block(draw, block_id: str) -> dict:
    if draw(st.booleans()):
        return {"type": "paragraph", "value": draw(TEXT), "id": block_id}
    count = draw(st.integers(0, 3))
    items = [
        {"type": "item", "value": draw(TEXT), "id": f"{block_id}.{n}"}
        for n in range(count)
    ]
    return {
        "type": "definition",
        "value": {"term": draw(TEXT), "also_called": items},
        "id": block_id,
    }


@st.composite
def article(draw) -> dict:
    count = draw(st.integers(0, 6))
    return {
        "title": draw(TEXT),
        "summary": draw(TEXT),
        "body": [draw(block(f"b{n}")) for n in range(count)],
    }


@st.composite
def edited(draw, base: dict, side: str) -> dict:
    """``base`` after random edits: fields changed, blocks changed, removed,
    added (ids only this side uses), list items changed, removed and added."""
    content = copy.deepcopy(base)
    for name in ("title", "summary"):
        if draw(st.booleans()):
            content[name] = draw(TEXT)
    body = []
    for n, item in enumerate(content["body"]):
        choice = draw(st.sampled_from(["keep", "change", "remove", "items"]))
        if choice == "remove":
            continue
        if choice == "change":
            item = draw(block(item["id"]))
        elif choice == "items" and item["type"] == "definition":
            items = [
                {**sub, "value": draw(TEXT)} if draw(st.booleans()) else sub
                for sub in item["value"]["also_called"]
                if draw(st.booleans())
            ]
            if draw(st.booleans()):
                new = {"type": "item", "value": draw(TEXT), "id": f"{side}{n}"}
                items.insert(draw(st.integers(0, len(items))), new)
            item["value"]["also_called"] = items
        body.append(item)
    for n in range(draw(st.integers(0, 2))):
        body.insert(draw(st.integers(0, len(body))), draw(block(f"{side}-new{n}")))
    content["body"] = body
    return content


@st.composite
def three_versions(draw):
    base = draw(article())
    return base, draw(edited(base, "l")), draw(edited(base, "u"))


def _by_id(content: dict) -> dict:
    return {item["id"]: item for item in content["body"]}


def _from_versions(item: dict, versions: list[dict | None]) -> bool:
    """``item`` is one of its versions, or (a block whose list items were
    merged) its parts outside the list are, and so is every list item."""
    versions = [v for v in versions if v is not None]
    if item in versions:
        return True
    if not isinstance(item["value"], dict):
        return False
    outside = {k: v for k, v in item["value"].items() if k != "also_called"}
    if outside not in [
        {k: v for k, v in version["value"].items() if k != "also_called"}
        for version in versions
        if isinstance(version["value"], dict)
    ]:
        return False
    for sub in item["value"].get("also_called", []):
        subs = [
            next((s for s in v["value"]["also_called"] if s["id"] == sub["id"]), None)
            for v in versions
            if isinstance(v["value"], dict)
        ]
        if sub not in subs:
            return False
    return True


@settings(max_examples=300, deadline=None)
@given(three_versions())
def test_no_block_is_lost(versions):
    base, local, upstream = versions
    result = _by_id(merge(base, local, upstream).content)
    base_ids, local_ids, upstream_ids = map(set, map(_by_id, versions))
    for block_id, item in _by_id(local).items():
        removed_upstream = block_id in base_ids and block_id not in upstream_ids
        unchanged_here = item == _by_id(base).get(block_id)
        assert block_id in result or (removed_upstream and unchanged_here)
    for block_id in upstream_ids - base_ids:
        assert block_id in result
    # Nothing comes back that one side removed and the other left alone.
    assert set(result) <= local_ids | (upstream_ids - base_ids)


@settings(max_examples=300, deadline=None)
@given(three_versions())
def test_every_block_and_field_comes_from_a_version(versions):
    base, local, upstream = versions
    content = merge(base, local, upstream).content
    for name in ("title", "summary"):
        assert content[name] in (base[name], local[name], upstream[name])
    for block_id, item in _by_id(content).items():
        candidates = [_by_id(v).get(block_id) for v in versions]
        assert _from_versions(item, candidates), (item, candidates)


@settings(max_examples=200, deadline=None)
@given(three_versions())
def test_a_version_merged_with_itself_or_an_unchanged_side_is_that_version(versions):
    base, local, upstream = versions
    assert merge(base, upstream, upstream).content == upstream
    assert merge(base, base, upstream).content == upstream
    assert merge(base, local, base).content == local
    assert merge(upstream, upstream, upstream).changes == []
