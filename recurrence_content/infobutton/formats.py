"""The Infobutton response in MedlinePlus Connect's forms.

The feed is built once as JSON in MedlinePlus Connect's shape (each Atom
element an object, its text in ``_value``), which is what is cached; Atom XML,
JSONP and the page for patients are written from it. Elements come in the
order of HL7's ``KnowledgeResponse.xsd``, which MedlinePlus Connect declares.
"""

from __future__ import annotations

import json
import re
from typing import Any
from xml.etree import ElementTree

from django.utils import timezone
from django.utils.html import escape

from .params import CODE, CODE_SYSTEM, DISPLAY_NAME, RECIPIENT, InfobuttonQuery
from .search import Entry

ATOM = "http://www.w3.org/2005/Atom"
XML_NS = "http://www.w3.org/XML/1998/namespace"
# Characters XML 1.0 cannot carry (a request may echo them back).
NOT_XML = re.compile("[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
ElementTree.register_namespace("", ATOM)


def feed_data(
    request, query: InfobuttonQuery, entries: list[Entry], publisher: str, language: str
) -> dict[str, Any]:
    """The response as MedlinePlus Connect's JSON (``feed.entry[]``).

    ``language`` is the language asked for when the site has it, else the
    site's default: the feed's own text (the hospital's name, the code) is
    in no particular language, and each entry states its own, so no text is
    ever claimed to be in a language it is not in.
    """
    updates = [entry.updated for entry in entries if entry.updated]
    updated = (max(updates) if updates else timezone.now()).isoformat()
    return {
        "feed": {
            "base": request.build_absolute_uri("/"),
            "lang": language,
            "title": {"_value": publisher, "type": "text"},
            "subtitle": {
                "_value": f"{query.system.name} {query.requested_code}",
                "type": "text",
            },
            "author": {
                "name": {"_value": publisher},
                "uri": {"_value": request.build_absolute_uri("/")},
            },
            "updated": {"_value": updated},
            # The request echoed, as MedlinePlus Connect does.
            "category": [
                {"scheme": CODE, "term": query.requested_code},
                {"scheme": CODE_SYSTEM, "term": query.system.oid},
                {"scheme": DISPLAY_NAME, "term": query.display_name},
                {"scheme": RECIPIENT, "term": query.recipient},
            ],
            "id": {"_value": request.build_absolute_uri()},
            "entry": [_entry(entry, updated) for entry in entries],
        }
    }


def _entry(entry: Entry, feed_updated: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "lang": entry.language,
        "title": {"_value": entry.title, "type": "text"},
        "link": [
            {
                "href": entry.url,
                "rel": "alternate",
                "type": "html",
                "hreflang": entry.language,
                "title": entry.title,
            }
        ],
        "id": {"_value": entry.url},
        "updated": {
            "_value": entry.updated.isoformat() if entry.updated else feed_updated
        },
        "summary": {"_value": summary_html(entry.summary), "type": "html"},
    }
    if entry.last_reviewed:
        data["lastReviewed"] = {"_value": entry.last_reviewed.isoformat()}
    return data


def summary_html(summary: str) -> str:
    """The editor's plain-text summary as the HTML MedlinePlus Connect sends
    (clients put it into ``innerHTML``): escaped, in one paragraph."""
    return f"<p>{escape(summary)}</p>" if summary else ""


def languages(data: dict[str, Any]) -> str:
    """The Content-Language of the body: the feed's, then its entries'."""
    feed = data["feed"]
    found = [feed["lang"]] + [entry["lang"] for entry in feed["entry"]]
    return ", ".join(dict.fromkeys(language for language in found if language))


def to_json(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode()


def to_jsonp(data: dict[str, Any], callback: str) -> bytes:
    # The leading comment stops a response being read as a Flash file
    # (Rosetta Flash); the callback name was checked in params.py.
    return f"/**/{callback}(".encode() + to_json(data) + b");"


def to_atom(data: dict[str, Any]) -> bytes:
    """The Atom feed, valid against HL7's KnowledgeResponse.xsd: its order,
    ``xml:lang`` on the feed and every entry. The review date, which that
    schema has no place for in an entry, is only in the JSON form."""
    feed_json = data["feed"]
    feed = ElementTree.Element(f"{{{ATOM}}}feed")
    feed.set(f"{{{XML_NS}}}base", NOT_XML.sub("", feed_json["base"]))
    feed.set(f"{{{XML_NS}}}lang", feed_json["lang"])
    _text(feed, "title", feed_json["title"])
    _text(feed, "subtitle", feed_json["subtitle"])
    author = ElementTree.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", feed_json["author"]["name"])
    _text(author, "uri", feed_json["author"]["uri"])
    _text(feed, "updated", feed_json["updated"])
    for category in feed_json["category"]:
        clean = {key: NOT_XML.sub("\ufffd", value) for key, value in category.items()}
        ElementTree.SubElement(feed, f"{{{ATOM}}}category", clean)
    _text(feed, "id", feed_json["id"])
    for entry_json in feed_json["entry"]:
        entry = ElementTree.SubElement(feed, f"{{{ATOM}}}entry")
        entry.set(f"{{{XML_NS}}}lang", entry_json["lang"])
        _text(entry, "title", entry_json["title"])
        for link in entry_json["link"]:
            ElementTree.SubElement(entry, f"{{{ATOM}}}link", link)
        for name in ("id", "updated", "summary"):
            _text(entry, name, entry_json[name])
    return ElementTree.tostring(feed, encoding="utf-8", xml_declaration=True)


def _text(parent, name: str, value: dict[str, Any]) -> None:
    element = ElementTree.SubElement(parent, f"{{{ATOM}}}{name}")
    if "type" in value:
        element.set("type", value["type"])
    element.text = NOT_XML.sub("\ufffd", value["_value"])
