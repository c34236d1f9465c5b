"""Importing from a URL: SSRF rules, redirects, limits, content types, stubs.

Every test talks to a server on this machine (or to none): the real network is never used.
Loopback is allowed only where a test sets ``NEWSDESK_FETCH_ALLOW_LOOPBACK``.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from claims import fetching
from claims.fetching import fetch_article, refusal_reason
from claims.importing import ArticleInputError

BODY_WORDS = (
    "Fire crews fought a blaze at the harbour warehouse on Monday evening, the fire service "
    "said. About 40 firefighters attended and nobody was hurt, according to officials. "
)
ARTICLE_HTML = (
    "<!doctype html><html><head><title>Harbour fire</title>"
    "<meta property='og:site_name' content='Port Times'></head><body>"
    "<nav>Home | World | Sport</nav><article><h1>Harbour fire</h1>"
    + "".join(f"<p>{BODY_WORDS} Paragraph {i}.</p>" for i in range(6))
    + "</article><script>alert('x')</script></body></html>"
)
STUB_HTML = (
    "<html><head><title>Harbour fire</title></head><body><article><h1>Harbour fire</h1>"
    "<p>Fire crews fought a blaze at the harbour. Subscribe to read the full story.</p>"
    "</article></body></html>"
)
PLAIN = "Harbour fire\nOUTLET: Port Times\n\n" + BODY_WORDS * 8


class Handler(BaseHTTPRequestHandler):
    routes: dict = {}
    hosts_seen: list = []

    def log_message(self, *args):  # keep test output quiet
        pass

    def do_GET(self):
        type(self).hosts_seen.append(self.headers.get("Host"))
        status, headers, body = self.routes.get(self.path, (404, {}, b"not found"))
        if callable(body):
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.end_headers()
            body(self.wfile)
            return
        self.send_response(status)
        headers = {"Content-Length": str(len(body)), **headers}
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)


def _serve(host: str):
    handler = type("RouteHandler", (Handler,), {"routes": {}, "hosts_seen": []})
    server = ThreadingHTTPServer((host, 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.base = f"http://{host}:{server.server_address[1]}"
    return server, handler


@pytest.fixture
def site(settings):
    """A web server on 127.0.0.1; fetching from loopback is allowed (for this test only)."""
    settings.NEWSDESK_FETCH_ALLOW_LOOPBACK = True
    server, handler = _serve("127.0.0.1")
    html = {"Content-Type": "text/html; charset=utf-8"}
    handler.routes.update(
        {
            "/article": (200, html, ARTICLE_HTML.encode()),
            "/stub": (200, html, STUB_HTML.encode()),
            "/plain": (200, {"Content-Type": "text/plain; charset=utf-8"}, PLAIN.encode()),
            "/latin1": (
                200,
                {"Content-Type": "text/html; charset=iso-8859-1"},
                ARTICLE_HTML.replace("Harbour fire", "Café fire").encode("latin-1"),
            ),
            "/pdf": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.7 binary"),
            "/json": (200, {"Content-Type": "application/json"}, b'{"a": 1}'),
            "/notype": (200, {}, b"<html>hi</html>"),
            "/paywall": (402, html, b"pay"),
            "/gone": (404, html, b"gone"),
            "/r1": (302, {"Location": "/r2"}, b""),
            "/r2": (301, {"Location": server.base + "/article"}, b""),
        }
    )
    for i in range(7):
        handler.routes[f"/loop{i}"] = (302, {"Location": f"/loop{i + 1}"}, b"")
    yield server, handler
    server.shutdown()
    server.server_close()


# --- what works -------------------------------------------------------------------------------


def test_fetches_and_extracts_an_article(site):
    server, _ = site
    parsed = fetch_article(server.base + "/article")
    assert parsed.title == "Harbour fire"
    assert "blaze at the harbour warehouse" in parsed.body
    assert "alert" not in parsed.body and "Home | World" not in parsed.body
    assert parsed.url == server.base + "/article"


def test_plain_text_is_read_as_the_import_format(site):
    server, _ = site
    parsed = fetch_article(server.base + "/plain")
    assert parsed.title == "Harbour fire" and parsed.outlet == "Port Times"
    assert parsed.url == server.base + "/plain"


def test_declared_charset_is_used(site):
    server, _ = site
    assert fetch_article(server.base + "/latin1").title == "Café fire"


def test_follows_a_few_redirects(site):
    server, _ = site
    parsed = fetch_article(server.base + "/r1")
    assert parsed.url == server.base + "/article"


# --- refusals ---------------------------------------------------------------------------------


def test_too_many_redirects_are_refused(site):
    server, _ = site
    with pytest.raises(ArticleInputError, match="redirects more than 5 times"):
        fetch_article(server.base + "/loop0")
    # Five are fine: /loop2 → … → /loop7 would be 5 redirects to a 404.
    with pytest.raises(ArticleInputError, match="answered 404"):
        fetch_article(server.base + "/loop2")


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/pdf", "not a web page or plain text (application/pdf)"),
        ("/json", "not a web page"),
        ("/notype", "no content type"),
        ("/paywall", "answered 402 instead of the page. The page may need a login"),
        ("/gone", "answered 404"),
        ("/stub", "looks like a paywall, a teaser"),
    ],
)
def test_wrong_pages_are_refused_with_a_reason(site, path, message):
    server, _ = site
    with pytest.raises(ArticleInputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        fetch_article(server.base + path)


def test_declared_oversize_is_refused_before_reading(site, settings):
    server, handler = site
    settings.NEWSDESK_MAX_ARTICLE_BYTES = 10_000
    handler.routes["/big"] = (200, {"Content-Type": "text/html"}, b"<p>x</p>" * 5_000)
    with pytest.raises(ArticleInputError, match=r"the limit is 0\.01 MB"):
        fetch_article(server.base + "/big")


def test_undeclared_oversize_stops_reading_past_the_limit(site, settings):
    server, handler = site
    settings.NEWSDESK_MAX_ARTICLE_BYTES = 100_000
    sent = []

    def endless(wfile):
        try:
            for _ in range(10_000):  # up to 80 MB if nobody stops reading
                wfile.write(b"<p>word</p>" * 750)
                sent.append(1)
        except OSError:
            pass

    handler.routes["/endless"] = (200, {"Content-Type": "text/html"}, endless)
    with pytest.raises(ArticleInputError, match=r"larger than the 0\.1 MB limit"):
        fetch_article(server.base + "/endless")
    assert len(sent) < 10_000


def test_slow_server_hits_the_total_timeout(site, monkeypatch):
    server, handler = site
    monkeypatch.setattr(fetching, "TOTAL_TIMEOUT", 1.0)
    release = threading.Event()

    def trickle(wfile):
        for _ in range(100):
            wfile.write(b"<p>" + b"word " * 2000 + b"</p>")
            wfile.flush()
            if release.wait(0.05):
                return

    handler.routes["/slow"] = (200, {"Content-Type": "text/html"}, trickle)
    with pytest.raises(ArticleInputError, match="longer than 1 seconds"):
        fetch_article(server.base + "/slow")
    release.set()


@pytest.mark.parametrize(
    "url",
    ["ftp://example.org/a", "file:///etc/passwd", "gopher://x/", "javascript:alert(1)", "", "a"],
)
def test_only_http_and_https(url):
    with pytest.raises(ArticleInputError):
        fetch_article(url)


def test_credentials_in_the_url_are_refused():
    with pytest.raises(ArticleInputError, match="user name or password"):
        fetch_article("http://admin:secret@example.org/")


# --- SSRF: addresses ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "127.1.2.3",
        "::1",
        "10.0.0.5",
        "172.16.3.4",
        "192.168.1.1",
        "fd12:3456::1",
        "169.254.169.254",
        "169.254.10.10",
        "fd00:ec2::254",
        "fe80::1",
        "224.0.0.1",
        "ff02::1",
        "0.0.0.0",
        "::",
        "240.0.0.1",
        "255.255.255.255",
        "100.64.0.1",
        "::ffff:127.0.0.1",
        "::ffff:169.254.169.254",
        "64:ff9b::a9fe:a9fe",  # NAT64 form of 169.254.169.254
        "2002:7f00:1::",  # 6to4 form of 127.0.0.1
    ],
)
def test_internal_addresses_are_refused(address):
    assert refusal_reason(ipaddress.ip_address(address)) is not None


@pytest.mark.parametrize("address", ["93.184.215.14", "151.101.1.69", "2606:4700::6810:84e5"])
def test_public_addresses_are_allowed(address):
    assert refusal_reason(ipaddress.ip_address(address)) is None


def test_metadata_is_named_in_the_message(monkeypatch):
    monkeypatch.setattr(fetching, "resolve", lambda host, port: ["169.254.169.254"])
    with pytest.raises(ArticleInputError, match="cloud metadata address"):
        fetch_article("http://metadata.example/latest/meta-data/")


def test_loopback_is_refused_without_the_test_setting(settings):
    settings.NEWSDESK_FETCH_ALLOW_LOOPBACK = False
    server, _handler = _serve("127.0.0.1")
    try:
        for url in (server.base + "/", f"http://localhost:{server.server_address[1]}/"):
            with pytest.raises(ArticleInputError, match="loopback"):
                fetch_article(url)
        assert _handler.hosts_seen == []  # refused before connecting
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize(
    "literal",
    ["http://10.1.2.3/", "http://[::1]/", "http://[fd00:ec2::254]/", "http://0x7f000001/"],
)
def test_address_literals_are_vetted_too(literal):
    with pytest.raises(ArticleInputError, match="only public web pages"):
        fetch_article(literal)


def test_a_host_with_any_internal_address_is_refused(monkeypatch):
    """DNS answering one public and one private address: refused, whichever comes first."""
    monkeypatch.setattr(fetching, "resolve", lambda host, port: ["93.184.215.14", "10.0.0.8"])
    with pytest.raises(ArticleInputError, match="private network"):
        fetch_article("http://mixed.example/")


def test_connects_to_the_vetted_address_without_a_second_lookup(site, monkeypatch):
    """DNS rebinding: the host is resolved once per hop and the connection uses that answer."""
    server, handler = site
    answers = iter([["127.0.0.1"], ["10.0.0.9"], ["10.0.0.9"]])
    lookups = []

    def rebinding_dns(host, port):
        lookups.append(host)
        return next(answers)

    monkeypatch.setattr(fetching, "resolve", rebinding_dns)
    real_getaddrinfo = socket.getaddrinfo

    def numeric_only(host, *args, **kwargs):
        ipaddress.ip_address(host)  # a name here would be a second lookup: ValueError
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", numeric_only)
    port = server.server_address[1]
    parsed = fetch_article(f"http://news.example:{port}/article")
    assert parsed.title == "Harbour fire"
    assert lookups == ["news.example"]
    assert handler.hosts_seen == [f"news.example:{port}"]


def test_a_redirect_to_loopback_is_refused(settings):
    """The first hop is allowed (a server on 127.0.0.2, allowed by the test setting); its
    redirect to 127.0.0.1 (another service on this machine) is vetted and refused."""
    try:
        server, handler = _serve("127.0.0.2")
    except OSError:
        pytest.skip("this system cannot listen on 127.0.0.2")
    settings.NEWSDESK_FETCH_ALLOW_LOOPBACK = ["127.0.0.2"]
    other, other_handler = _serve("127.0.0.1")
    try:
        handler.routes["/go"] = (302, {"Location": other.base + "/secret"}, b"")
        handler.routes["/meta"] = (
            302,
            {"Location": "http://169.254.169.254/latest/meta-data/"},
            b"",
        )
        handler.routes["/v6"] = (307, {"Location": "http://[::1]/"}, b"")
        with pytest.raises(ArticleInputError, match="loopback"):
            fetch_article(server.base + "/go")
        with pytest.raises(ArticleInputError, match="metadata"):
            fetch_article(server.base + "/meta")
        with pytest.raises(ArticleInputError, match="loopback"):
            fetch_article(server.base + "/v6")
        assert other_handler.hosts_seen == []
        assert len(handler.hosts_seen) == 3
    finally:
        for s in (server, other):
            s.shutdown()
            s.server_close()


def test_unknown_host_is_a_clear_message(monkeypatch):
    def nxdomain(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", nxdomain)
    with pytest.raises(ArticleInputError, match="was not found"):
        fetch_article("https://no-such-host.invalid/a")
