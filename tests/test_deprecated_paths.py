"""Import paths that moved still work for one release, with a warning."""

import importlib
import sys

import pytest

MOVED = {
    f"recurrence_content.api.{name}": f"recurrence_content.api.v1.{name}"
    for name in (
        "views",
        "schemas",
        "payloads",
        "queries",
        "caching",
        "http",
        "signals",
    )
} | {
    "recurrence_content.translation.loading": "recurrence_content.loading.with_translations"
}


@pytest.mark.parametrize(("old", "new"), MOVED.items())
def test_an_old_path_warns_and_gives_the_same_objects(old, new):
    sys.modules.pop(old, None)

    with pytest.warns(DeprecationWarning, match="removed in 0.3") as caught:
        __import__(old)  # as an import statement does
    module = sys.modules[old]

    # The warning points at the code that imported the old path.
    assert caught[0].filename == __file__
    assert new in str(caught[0].message)
    current = importlib.import_module(new)
    names = [name for name in vars(current) if not name.startswith("_")]
    assert names
    for name in names:
        assert getattr(module, name) is getattr(current, name), name
    assert set(module.__all__) <= set(dir(current))


def test_the_old_import_statements_still_work():
    sys.modules.pop("recurrence_content.api.views", None)
    sys.modules.pop("recurrence_content.translation.loading", None)

    with pytest.warns(DeprecationWarning) as caught:
        from recurrence_content.api.views import api
        from recurrence_content.translation.loading import LoadReport

    assert [warning.filename for warning in caught] == [__file__, __file__]
    from recurrence_content.api.v1.views import api as current_api
    from recurrence_content.loading.with_translations import LoadReport as Current

    assert api is current_api
    assert LoadReport is Current
