"""The content feed, an optional app: add ``recurrence_content.api`` to
``INSTALLED_APPS`` and include ``recurrence_content.api.urls``.

One version per folder, as Wagtail keeps ``api/v2/``: ``v1/`` is the feed.
Block JSON lives with the blocks (``recurrence_content.blocks.representation``)
and what channels share in ``recurrence_content.delivery``.
"""
