"""Version 1 of the content feed, served under ``api/v1/``.

``views`` wires the endpoints to django-ninja and ``document`` keeps the
OpenAPI document and error bodies to the contract; ``schemas`` (with
``json_ld_schema``, ``review`` and ``translation_schemas``) is that contract,
``payloads`` builds response bodies, ``queries`` parses the list's parameters
and ``purge`` empties front-end caches of the feed's URLs on publish. What the
feed shares with other channels (visibility, caching, HTTP validators) is in
``recurrence_content.delivery``.
"""
