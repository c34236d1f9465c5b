"""Import an article from its URL without letting the URL reach inside our network (SSRF).

``fetch_article(url)`` downloads one web page and returns a ``ParsedArticle``. The rules:

* only ``http`` and ``https`` URLs, on any port, without user names or passwords in them;
* the host name is resolved once per hop and *every* address it resolves to must be public:
  loopback, private (RFC 1918, unique local), link-local, multicast, reserved, unspecified,
  shared (CGNAT), IPv4-mapped forms of those and the cloud metadata addresses
  (169.254.169.254, fd00:ec2::254) are refused;
* the connection goes to the vetted address itself (TLS still checks the certificate against
  the host name), so a second DNS answer cannot swap in an internal address (DNS rebinding);
* redirects are followed by hand, at most ``MAX_REDIRECTS``, each new location vetted the same
  way before connecting;
* 5 s to connect, 15 s for the whole fetch, and at most ``NEWSDESK_MAX_ARTICLE_BYTES`` read:
  the download stops as soon as it goes past the limit;
* the page must be ``text/html`` or ``application/xhtml+xml`` (reduced to the article with
  trafilatura) or ``text/plain`` (read as the import format);
* an article body under ``MIN_WORDS`` words is refused as a paywall or teaser stub.

Every refusal is an ``ArticleInputError`` whose message is meant for the editor.
Tests (only) may set ``NEWSDESK_FETCH_ALLOW_LOOPBACK`` to True, or to a collection of loopback
addresses, to fetch from a server on this machine.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import urllib3
from django.conf import settings

from claims.importing import (
    ArticleInputError,
    ParsedArticle,
    decode_bytes,
    parse_html,
    parse_import_text,
)

CONNECT_TIMEOUT = 5.0
TOTAL_TIMEOUT = 15.0
MAX_REDIRECTS = 5
MIN_WORDS = 80
USER_AGENT = "Newsdesk/0.1 (article import; +https://github.com/newsdesk)"
HTML_TYPES = {"text/html", "application/xhtml+xml"}
TEXT_TYPES = {"text/plain"}
METADATA_ADDRESSES = {
    ipaddress.ip_address("169.254.169.254"),
    ipaddress.ip_address("fd00:ec2::254"),
    ipaddress.ip_address("100.100.100.200"),  # Alibaba Cloud's metadata service
}
# Blocks that ipaddress does not flag as private/reserved but that are not the internet.
EXTRA_BLOCKED = [
    ipaddress.ip_network("100.64.0.0/10"),  # shared address space (carrier-grade NAT)
    ipaddress.ip_network("192.0.0.0/24"),  # IETF protocol assignments
    ipaddress.ip_network("198.18.0.0/15"),  # benchmarking
    ipaddress.ip_network("64:ff9b:1::/48"),  # local-use NAT64
]


@dataclass(frozen=True, slots=True)
class Target:
    scheme: str
    host: str
    port: int
    path: str  # path and query, as sent on the request line

    @property
    def url(self) -> str:
        default = 443 if self.scheme == "https" else 80
        host = f"[{self.host}]" if ":" in self.host else self.host
        netloc = host if self.port == default else f"{host}:{self.port}"
        return f"{self.scheme}://{netloc}{self.path}"


def parse_target(url: str) -> Target:
    """Check the URL's shape: http(s), a host, no credentials. Raises ``ArticleInputError``."""
    url = (url or "").strip()
    if not url:
        raise ArticleInputError("Give the article's URL.")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise ArticleInputError(f"{url[:200]} is not a valid URL.") from None
    scheme = parts.scheme.lower()
    if scheme not in {"http", "https"}:
        raise ArticleInputError("Only http:// and https:// addresses can be imported.")
    if parts.username is not None or parts.password is not None:
        raise ArticleInputError("Addresses with a user name or password cannot be imported.")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise ArticleInputError(f"{url[:200]} has no host name.")
    try:
        host.encode("idna")
    except UnicodeError:
        raise ArticleInputError(f"{host[:200]} is not a valid host name.") from None
    path = parts.path or "/"
    if parts.query:
        path = f"{path}?{parts.query}"
    return Target(scheme, host, port or (443 if scheme == "https" else 80), path)


def _loopback_allowed(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    allowed = getattr(settings, "NEWSDESK_FETCH_ALLOW_LOOPBACK", False)
    if allowed is True:
        return address.is_loopback
    if not allowed or isinstance(allowed, str | bytes):
        return False
    return address.is_loopback and str(address) in {str(a) for a in allowed}


def refusal_reason(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why we must not connect to ``address`` (``None``: a public internet address)."""
    if isinstance(address, ipaddress.IPv6Address):
        mapped = address.ipv4_mapped or address.sixtofour
        if mapped is not None:
            return refusal_reason(mapped)
        if address in ipaddress.ip_network("64:ff9b::/96"):  # NAT64 of an IPv4 address
            return refusal_reason(ipaddress.IPv4Address(int(address) & 0xFFFF_FFFF))
    if address in METADATA_ADDRESSES:
        return "a cloud metadata address"
    if address.is_loopback:
        return None if _loopback_allowed(address) else "this machine (loopback)"
    if address.is_unspecified:
        return "an unspecified address"
    if address.is_link_local:
        return "a link-local address"
    if address.is_multicast:
        return "a multicast address"
    if address.is_private or any(address in net for net in EXTRA_BLOCKED):
        return "a private network address"
    if address.is_reserved or not address.is_global:
        return "a reserved address"
    return None


def resolve(host: str, port: int) -> list[str]:
    """All addresses ``host`` resolves to (tests replace this to simulate DNS)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError):
        raise ArticleInputError(f"The host {host[:200]} was not found.") from None
    return list(dict.fromkeys(info[4][0] for info in infos))


def vetted_address(target: Target) -> str:
    """Resolve the host once and return an address to connect to; refuse if any is internal."""
    try:
        addresses: Iterable[str] = [str(ipaddress.ip_address(target.host))]
    except ValueError:
        addresses = resolve(target.host, target.port)
    chosen = None
    for raw in addresses:
        address = ipaddress.ip_address(raw.split("%", 1)[0])
        reason = refusal_reason(address)
        if reason:
            raise ArticleInputError(
                f"{target.host[:200]} points to {reason}; only public web pages can be imported."
            )
        chosen = chosen or str(address)
    if chosen is None:
        raise ArticleInputError(f"The host {target.host[:200]} was not found.")
    return chosen


def _pool(target: Target, address: str, timeout: urllib3.Timeout) -> urllib3.HTTPConnectionPool:
    common = {"port": target.port, "timeout": timeout, "retries": False, "maxsize": 1}
    if target.scheme == "https":
        return urllib3.HTTPSConnectionPool(
            address,
            server_hostname=target.host,
            assert_hostname=target.host,
            cert_reqs="CERT_REQUIRED",
            **common,
        )
    return urllib3.HTTPConnectionPool(address, **common)


@dataclass(slots=True)
class Download:
    url: str
    content_type: str
    charset: str
    data: bytes


def _read_limited(response: urllib3.BaseHTTPResponse, limit: int, deadline: float) -> bytes:
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        raise ArticleInputError(
            f"That page is {int(declared) / 1_000_000:.1f} MB; "
            f"the limit is {limit / 1_000_000:g} MB."
        )
    chunks, size = [], 0
    for chunk in response.stream(65_536, decode_content=True):
        size += len(chunk)
        if size > limit:
            raise ArticleInputError(
                f"That page is larger than the {limit / 1_000_000:g} MB limit; "
                "nothing was imported."
            )
        if time.monotonic() > deadline:
            raise ArticleInputError(
                f"That site took longer than {TOTAL_TIMEOUT:g} seconds to send the page."
            )
        chunks.append(chunk)
    return b"".join(chunks)


def download(url: str, *, max_bytes: int | None = None) -> Download:
    """GET ``url`` under the rules in the module docstring; the body and its content type."""
    limit = settings.NEWSDESK_MAX_ARTICLE_BYTES if max_bytes is None else max_bytes
    deadline = time.monotonic() + TOTAL_TIMEOUT
    target = parse_target(url)
    for _hop in range(MAX_REDIRECTS + 1):
        address = vetted_address(target)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise ArticleInputError(
                f"That site took longer than {TOTAL_TIMEOUT:g} seconds to answer."
            )
        timeout = urllib3.Timeout(connect=min(CONNECT_TIMEOUT, remaining), read=remaining)
        pool = _pool(target, address, timeout)
        try:
            response = pool.urlopen(
                "GET",
                target.path,
                headers={
                    "Host": target.url.split("://", 1)[1].split("/", 1)[0],
                    "User-Agent": USER_AGENT,
                    "Accept": "text/html,application/xhtml+xml,text/plain;q=0.8",
                    "Accept-Encoding": "identity",
                },
                redirect=False,
                preload_content=False,
                assert_same_host=False,
            )
            try:
                if response.status in {301, 302, 303, 307, 308}:
                    location = response.headers.get("Location", "")
                    if not location:
                        raise ArticleInputError("That page redirects nowhere.")
                    target = parse_target(urljoin(target.url, location))
                    continue
                if response.status >= 400:
                    hint = (
                        " The page may need a login or a subscription."
                        if response.status in {401, 402, 403}
                        else ""
                    )
                    raise ArticleInputError(
                        f"That site answered {response.status} instead of the page.{hint}"
                    )
                raw_type = response.headers.get("Content-Type", "")
                content_type = raw_type.split(";", 1)[0].strip().lower()
                if content_type not in HTML_TYPES | TEXT_TYPES:
                    raise ArticleInputError(
                        f"That address is not a web page or plain text "
                        f"({content_type or 'no content type'}); nothing was imported."
                    )
                charset = ""
                for param in raw_type.split(";")[1:]:
                    key, _, value = param.partition("=")
                    if key.strip().lower() == "charset":
                        charset = value.strip().strip("\"'")
                data = _read_limited(response, limit, deadline)
                return Download(target.url, content_type, charset, data)
            finally:
                response.release_conn()
        except ArticleInputError:
            raise
        except urllib3.exceptions.SSLError:
            raise ArticleInputError(
                f"{target.host[:200]} has no valid HTTPS certificate; nothing was imported."
            ) from None
        except (urllib3.exceptions.ConnectTimeoutError, urllib3.exceptions.ReadTimeoutError):
            raise ArticleInputError(f"{target.host[:200]} did not answer in time.") from None
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            raise ArticleInputError(
                f"Could not download that page ({exc.__class__.__name__})."
            ) from None
        finally:
            pool.close()
    raise ArticleInputError(f"That page redirects more than {MAX_REDIRECTS} times.")


def _decode(download: Download) -> str:
    if download.charset:
        try:
            return download.data.decode(download.charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(download.data, filename="The page")


def fetch_article(url: str) -> ParsedArticle:
    """Download ``url`` and return its article. Raises ``ArticleInputError`` (editor-friendly)."""
    page = download(url)
    text = _decode(page)
    if page.content_type in HTML_TYPES:
        parsed = parse_html(text, url=page.url)
    else:
        parsed = parse_import_text(text)
        parsed.url = parsed.url or page.url
    words = len(parsed.body.split())
    if words < MIN_WORDS:
        raise ArticleInputError(
            f"Only {words} words of article text were found at that address: it looks like a "
            "paywall, a teaser or a page without an article. Paste the full text instead."
        )
    return parsed
