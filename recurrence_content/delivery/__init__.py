"""What every channel that delivers articles to readers shares.

``visibility`` decides which articles a request may see, ``json_ld`` builds
schema.org data for the HTML page and the feed, ``openapi`` lets optional
channels add their paths to the feed's OpenAPI document, and ``wagtail_api``
is Wagtail API v2's pages endpoint without unfinished translations. The
channels themselves (``recurrence_content.api``, ``recurrence_content.infobutton``)
are optional apps that import this package, never each other.
"""
