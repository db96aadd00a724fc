"""Wire size of a kiosk page with everything it loads, as a browser that takes gzip receives it.

The page's own <link href>, <script src> and <img src> (same origin) are fetched once each; the
service worker's background copy of the catalogue is not counted (it is the offline feature)."""
import http.client
import re

HOST = "127.0.0.1"
BROWSER = {"Accept-Encoding": "gzip, deflate, br"}
_ASSET = re.compile(r'<(?:link[^>]+href|script[^>]+src|img[^>]+src)="(/[^"]+)"')


def _fetch(port: int, path: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(HOST, port, timeout=10)
    try:
        connection.request("GET", path.replace("&amp;", "&"), headers=BROWSER)
        response = connection.getresponse()
        body = response.read()
        head = sum(len(k) + len(v) + 4 for k, v in response.getheaders()) + 17
        return head + len(body), body
    finally:
        connection.close()


def page_weight(port: int, path: str) -> tuple[int, int]:
    """(bytes on the wire in all, number of requests) for `path` and the files it loads."""
    size, body = _fetch(port, path)
    if body[:2] == b"\x1f\x8b":
        import gzip
        body = gzip.decompress(body)
    assets = dict.fromkeys(_ASSET.findall(body.decode("utf-8", "replace")))
    total = size + sum(_fetch(port, asset)[0] for asset in assets)
    return total, 1 + len(assets)
