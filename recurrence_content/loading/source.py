"""Fetches from a central site, refusing what a scheduled job must not follow.

The standard library's ``http.client``, so each limit is ours to set: https
(plain http only to loopback addresses and RECURRENCE_CONTENT_SOURCE_HTTP_HOSTS),
a connect timeout, a deadline for each whole response, a size limit checked
while reading, and redirects only within the same scheme, host and port.
Every refusal is a SourceError: one line naming the URL and what to do.
"""

from __future__ import annotations

import http.client
import ipaddress
import ssl
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from .. import __version__
from ..conf import get_setting
from .errors import LoadError

MAX_REDIRECTS = 5
CHUNK = 64 * 1024


class SourceError(LoadError):
    """A source could not be reached, or sent what a pull refuses."""


@dataclass(frozen=True)
class Fetched:
    """One answer: 200 with its body and ETag, 304, or 404."""

    url: str
    status: int
    etag: str = ""
    body: bytes = b""


def check_url(url: str) -> None:
    """Raise SourceError unless ``url`` is https, or http to a host allowed it."""
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise SourceError(
            f"{url}: not an http(s) address; give the central site's feed URL, "
            "e.g. https://central.example/recurrence-content/api/v1/"
        )
    if parts.scheme == "http" and not _plain_http_allowed(parts.hostname):
        raise SourceError(
            f"{url}: plain http is refused (anyone on the way could change the "
            "content); use https, or name the host in "
            "RECURRENCE_CONTENT_SOURCE_HTTP_HOSTS"
        )


def _plain_http_allowed(host: str) -> bool:
    if host == "localhost" or host in get_setting("SOURCE_HTTP_HOSTS"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def fetch(url: str, etag: str = "") -> Fetched:
    """GET ``url`` (with If-None-Match when ``etag``), following redirects
    only to the same scheme, host and port."""
    origin = urlsplit(url)[:2]
    for _ in range(MAX_REDIRECTS + 1):
        check_url(url)
        status, location, answer = _get(url, etag)
        if location is None:
            return answer
        target = urljoin(url, location)
        if urlsplit(target)[:2] != origin:
            raise SourceError(
                f"{url}: redirects to {target}, another host or scheme, which a "
                "pull does not follow; give the address it should use as --source"
            )
        url = target
    raise SourceError(f"{url}: more than {MAX_REDIRECTS} redirects; check --source")


def _get(url: str, etag: str) -> tuple[int, str | None, Fetched | None]:
    parts = urlsplit(url)
    connect_timeout = get_setting("SOURCE_CONNECT_TIMEOUT")
    read_timeout = get_setting("SOURCE_READ_TIMEOUT")
    if parts.scheme == "https":
        connection = http.client.HTTPSConnection(
            parts.hostname,
            parts.port,
            timeout=connect_timeout,
            context=ssl.create_default_context(),
        )
    else:
        connection = http.client.HTTPConnection(
            parts.hostname, parts.port, timeout=connect_timeout
        )
    path = parts.path or "/"
    if parts.query:
        path += f"?{parts.query}"
    headers = {
        "Accept": "application/json",
        "User-Agent": f"wagtail-recurrence-content/{__version__} (pull)",
    }
    if etag:
        headers["If-None-Match"] = etag
    try:
        try:
            connection.connect()
        except TimeoutError:
            raise SourceError(
                f"{url}: no connection within {connect_timeout} s "
                "(RECURRENCE_CONTENT_SOURCE_CONNECT_TIMEOUT); check the address "
                "and that the central site is up"
            ) from None
        deadline = time.monotonic() + read_timeout
        connection.sock.settimeout(read_timeout)
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        if response.status in (301, 302, 303, 307, 308):
            location = response.getheader("Location")
            if not location:
                raise SourceError(f"{url}: a redirect without a Location")
            return response.status, location, None
        if response.status == 304:
            return 304, None, Fetched(url, 304, etag)
        if response.status == 404:
            return 404, None, Fetched(url, 404)
        if response.status != 200:
            raise SourceError(
                f"{url}: the source answered {response.status} {response.reason}; "
                "check --source and the central site"
            )
        body = _read(url, response, deadline, read_timeout)
        return 200, None, Fetched(url, 200, response.getheader("ETag", ""), body)
    except TimeoutError:
        raise SourceError(
            f"{url}: the source took longer than {read_timeout} s to answer "
            "(RECURRENCE_CONTENT_SOURCE_READ_TIMEOUT); try again later"
        ) from None
    except ssl.SSLError as error:
        raise SourceError(f"{url}: TLS failed ({error.reason or error})") from None
    except (OSError, http.client.HTTPException) as error:
        raise SourceError(
            f"{url}: cannot reach the source ({error or type(error).__name__}); "
            "check the address and that the central site is up"
        ) from None
    finally:
        connection.close()


def _read(url: str, response, deadline: float, read_timeout: float) -> bytes:
    """The body, read in chunks: stops at the size limit and the deadline."""
    limit = get_setting("SOURCE_MAX_BYTES")
    too_big = SourceError(
        f"{url}: the response is larger than {limit} bytes "
        "(RECURRENCE_CONTENT_SOURCE_MAX_BYTES); nothing was loaded"
    )
    declared = response.getheader("Content-Length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise too_big
    chunks, size = [], 0
    while chunk := response.read1(CHUNK):
        size += len(chunk)
        if size > limit:
            raise too_big
        if time.monotonic() > deadline:
            raise TimeoutError
        chunks.append(chunk)
    return b"".join(chunks)
