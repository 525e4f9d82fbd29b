"""The Infobutton response in MedlinePlus Connect's three forms.

The feed is built once as JSON in MedlinePlus Connect's shape (each Atom
element an object, its text in ``_value``), which is what is cached; Atom XML
and JSONP are written from it.
"""

from __future__ import annotations

import json
import re
from typing import Any
from xml.etree import ElementTree

from django.utils import timezone

from .params import CODE, CODE_SYSTEM, InfobuttonQuery
from .search import Entry

ATOM = "http://www.w3.org/2005/Atom"
XML_NS = "http://www.w3.org/XML/1998/namespace"
# The review date has no Atom element: schema.org's property, in its namespace.
SCHEMA_ORG = "https://schema.org/"
# Characters XML 1.0 cannot carry (a request may echo them back).
NOT_XML = re.compile("[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
ElementTree.register_namespace("", ATOM)
ElementTree.register_namespace("schema", SCHEMA_ORG)


def feed_data(
    request, query: InfobuttonQuery, entries: list[Entry], publisher: str, language: str
) -> dict[str, Any]:
    """The response as MedlinePlus Connect's JSON (``feed.entry[]``).

    ``language`` is the language asked for (or the default), "" when the site
    has not got it. The feed's own text is language-neutral (the hospital's
    name, the code), so it never claims a language for text not in it; each
    entry states its own.
    """
    updates = [entry.updated for entry in entries if entry.updated]
    updated = max(updates) if updates else timezone.now()
    return {
        "feed": {
            "base": request.build_absolute_uri("/"),
            "lang": language,
            "title": {"_value": publisher, "type": "text"},
            "subtitle": {
                "_value": f"{query.system.name} {query.requested_code}",
                "type": "text",
            },
            "id": {"_value": request.build_absolute_uri()},
            "updated": {"_value": updated.isoformat()},
            "author": {
                "name": {"_value": publisher},
                "uri": {"_value": request.build_absolute_uri("/")},
            },
            "category": [
                {"scheme": CODE, "term": query.requested_code},
                {"scheme": CODE_SYSTEM, "term": query.system.oid},
            ],
            "entry": [_entry(entry) for entry in entries],
        }
    }


def _entry(entry: Entry) -> dict[str, Any]:
    data: dict[str, Any] = {
        "lang": entry.language,
        "title": {"_value": entry.title, "type": "text"},
        "link": [{"href": entry.url, "rel": "alternate", "hreflang": entry.language}],
        "id": {"_value": entry.url},
        "updated": {"_value": entry.updated.isoformat() if entry.updated else ""},
        "summary": {"_value": entry.summary, "type": "text"},
    }
    if entry.last_reviewed:
        data["lastReviewed"] = {"_value": entry.last_reviewed.isoformat()}
    return data


def to_json(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode()


def to_jsonp(data: dict[str, Any], callback: str) -> bytes:
    # The leading comment stops a response being read as a Flash file
    # (Rosetta Flash); the callback name was checked in params.py.
    return f"/**/{callback}(".encode() + to_json(data) + b");"


def to_atom(data: dict[str, Any]) -> bytes:
    """The Atom feed, each entry with its own ``xml:lang``."""
    feed_json = data["feed"]
    feed = ElementTree.Element(f"{{{ATOM}}}feed")
    feed.set(f"{{{XML_NS}}}base", NOT_XML.sub("", feed_json["base"]))
    if feed_json["lang"]:
        feed.set(f"{{{XML_NS}}}lang", feed_json["lang"])
    for name in ("title", "subtitle", "id", "updated"):
        _text(feed, name, feed_json[name])
    author = ElementTree.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", feed_json["author"]["name"])
    _text(author, "uri", feed_json["author"]["uri"])
    for category in feed_json["category"]:
        clean = {key: NOT_XML.sub("\ufffd", value) for key, value in category.items()}
        ElementTree.SubElement(feed, f"{{{ATOM}}}category", clean)
    for entry_json in feed_json["entry"]:
        entry = ElementTree.SubElement(feed, f"{{{ATOM}}}entry")
        entry.set(f"{{{XML_NS}}}lang", entry_json["lang"])
        _text(entry, "title", entry_json["title"])
        for link in entry_json["link"]:
            ElementTree.SubElement(entry, f"{{{ATOM}}}link", link)
        for name in ("id", "updated", "summary"):
            _text(entry, name, entry_json[name])
        if "lastReviewed" in entry_json:
            reviewed = ElementTree.SubElement(entry, f"{{{SCHEMA_ORG}}}lastReviewed")
            reviewed.text = entry_json["lastReviewed"]["_value"]
    return ElementTree.tostring(feed, encoding="utf-8", xml_declaration=True)


def _text(parent, name: str, value: dict[str, Any]) -> None:
    element = ElementTree.SubElement(parent, f"{{{ATOM}}}{name}")
    if "type" in value:
        element.set("type", value["type"])
    element.text = NOT_XML.sub("\ufffd", value["_value"])
