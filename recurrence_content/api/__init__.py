"""The content feed: a typed JSON API over the app's articles.

``representation`` turns block values into JSON (shared with Wagtail API v2),
``links`` resolves internal links in one query, ``schemas`` is the OpenAPI
contract, ``queries`` decides what is public, ``caching`` and ``http`` add
conditional GET, caching and CORS, and ``views`` wires them to django-ninja.
"""
