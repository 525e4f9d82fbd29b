"""Version 1 of the content feed, served under ``api/v1/``.

``views`` wires the endpoints to django-ninja; ``schemas`` is the OpenAPI
contract, ``payloads`` builds response bodies, ``queries`` decides what is
public, ``caching`` and ``http`` add caching, conditional GET and CORS, and
``signals`` empties the cache when content changes.
"""
