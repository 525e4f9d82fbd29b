"""JSON shared by the blocks, Wagtail API v2, templates and the feed.

``representation`` turns block values into JSON, ``links`` resolves internal
links in one query and ``json_ld`` builds schema.org data. The feed itself,
one version per folder as Wagtail keeps ``api/v2/``, lives in ``v1/``.
"""
