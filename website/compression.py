"""Compression of the pages the page cache keeps (website/page_cache.py).

A kept page is the same for every visitor without a session: it holds no
CSRF token, no form answers and nothing of anyone's, so there is no secret
in it for a BREACH attack to guess from its compressed length. It is
compressed once, as the visitor's browser asks (Brotli where accepted, else
gzip), kept compressed under a key that varies on Accept-Encoding, and sent
as it is to every later visitor with the same Accept-Encoding.

Every other page (forms, signed-in pages, anything with a token) is left to
Django's GZipMiddleware, further out, which pads each answer with random
bytes and is sent gzip only."""

import gzip
import re

import brotli
from django.utils.cache import patch_vary_headers

# As Django's GZipMiddleware: shorter answers are not worth the header.
MIN_LENGTH = 200
# Brotli's quality 5 compresses a 50 KB page in about a millisecond and
# beats gzip's best; the highest qualities take a hundred times longer.
BROTLI_QUALITY = 5
GZIP_LEVEL = 6
COMPRESSIBLE_TYPES = re.compile(
    r"^(text/|application/(json|javascript|xml|ld\+json|geo\+json|.*\+json))"
)


def accepted(accept_encoding):
    """The encodings a browser accepts; a quality of 0 refuses one."""
    names = set()
    for part in (accept_encoding or "").lower().split(","):
        name, *params = (piece.strip() for piece in part.split(";"))
        quality = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    quality = float(param[2:])
                except ValueError:
                    quality = 0.0
        if name and quality > 0:
            names.add(name)
    return names


def choose(request):
    """The encoding this request's browser gets a kept page in: "br",
    "gzip" or "" (none). Browsers that choose alike share a cached copy."""
    names = accepted(request.META.get("HTTP_ACCEPT_ENCODING"))
    if "br" in names:
        return "br"
    return "gzip" if "gzip" in names else ""


def encode(request, response):
    """Compress a kept response for this request's browser, in place."""
    patch_vary_headers(response, ("Accept-Encoding",))
    if response.has_header("Content-Encoding") or len(response.content) < MIN_LENGTH:
        return
    if not COMPRESSIBLE_TYPES.match(response.get("Content-Type", "")):
        return
    encoding = choose(request)
    if encoding == "br":
        body = brotli.compress(response.content, quality=BROTLI_QUALITY)
    elif encoding == "gzip":
        body = gzip.compress(response.content, GZIP_LEVEL, mtime=0)
    else:
        return
    if len(body) >= len(response.content):
        return
    response.content = body
    response["Content-Length"] = str(len(body))
    response["Content-Encoding"] = encoding
