"""Version 1 of the content feed, served under ``api/v1/``.

``views`` wires the endpoints to django-ninja and ``document`` keeps the
OpenAPI document and error bodies to the contract; ``schemas`` (with
``json_ld_schema``, ``review`` and ``translation_schemas``) is that contract,
``payloads`` builds response bodies, ``queries`` decides what is public,
``caching`` and ``http`` add caching, conditional GET, HEAD and CORS, and
``signals`` and ``purge`` empty the caches when content changes.
"""
