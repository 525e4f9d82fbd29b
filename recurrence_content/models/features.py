"""What feature packages add to the page types, so ``models/`` imports none of them.

Translation, governance and the response cache register here from
``AppConfig.ready()``; the page types call whatever is registered. The
registry holds functions, not state about pages, so registering twice (a test
reloading an app) replaces rather than repeats: each entry has a name.

- ``context``: ``(page, request) -> dict`` merged into every page's template context.
- ``redirect``: ``(page, request) -> HttpResponse | None``, asked before serving.
- ``response``: ``(page, request, response) -> response``, after serving.
- ``before_save``: ``(page) -> None``, before a full save and before each revision.
- ``validate``: ``(page) -> {field: message}``, in ``clean()``.
- ``listing``: ``(queryset) -> queryset``, what an index page may list.
- ``review_approved``: ``(page, user) -> None``, when a clinical review task
  is approved (governance records the review).
- ``sitemap``: ``(page, request) -> list[dict] | None``, the page's entries in
  ``wagtail.contrib.sitemaps`` (None: Wagtail's own entry).
- panels by name, for ``FeaturePanel``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wagtail.admin.panels import Panel

KINDS = (
    "context",
    "redirect",
    "response",
    "before_save",
    "validate",
    "listing",
    "review_approved",
    "sitemap",
)
_registry: dict[str, dict[str, Callable[..., Any]]] = {kind: {} for kind in KINDS}
_panels: dict[str, Callable[[], Panel]] = {}


def register(kind: str, name: str, function: Callable[..., Any]) -> None:
    """Add ``function`` under ``name`` to one of ``KINDS``."""
    if kind not in _registry:
        raise ValueError(f"Unknown kind {kind!r}; use one of {', '.join(KINDS)}.")
    _registry[kind][name] = function


def registered(kind: str) -> list[Callable[..., Any]]:
    """The functions of one kind, in the order they were registered."""
    return list(_registry[kind].values())


def register_panel(name: str, build: Callable[[], Panel]) -> None:
    """Say which panel ``FeaturePanel(name)`` stands for."""
    _panels[name] = build


class FeaturePanel(Panel):
    """A place in ``content_panels`` that a feature fills with its own panel.

    Bound to a model, it becomes the registered panel; with nothing
    registered under its name (the feature left out), it shows nothing.
    """

    def __init__(self, name: str, **kwargs: Any):
        self.name = name
        super().__init__(**kwargs)

    def clone_kwargs(self) -> dict[str, Any]:
        return {**super().clone_kwargs(), "name": self.name}

    def bind_to_model(self, model):
        build = _panels.get(self.name)
        if build is None:
            return _NothingPanel().bind_to_model(model)
        return build().bind_to_model(model)


class _NothingPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        def is_shown(self) -> bool:
            return False
