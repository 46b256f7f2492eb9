"""A map tile server on this machine, so browser tests draw maps with tiles
on, as residents see them, without a request leaving the machine.

Every `/{z}/{x}/{y}.png` gets the same small pale tile; anything else is a
404. It counts the tiles it served, so a test can tell the map asked."""

import struct
import threading
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TILE_SIZE = 256
TILE_COLOUR = (0xE8, 0xEC, 0xE6)


def png(width, height, colour):
    """A one-colour RGB PNG."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    row = b"\x00" + bytes(colour) * width
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row * height, 9))
        + chunk(b"IEND", b"")
    )


class TileServer:
    """Serves tiles from a thread on a free port of 127.0.0.1."""

    def __init__(self):
        self.tile = png(TILE_SIZE, TILE_SIZE, TILE_COLOUR)
        self.served = 0
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (the standard library's name)
                parts = self.path.strip("/").split("/")
                if len(parts) == 3 and parts[2].endswith(".png"):
                    server.served += 1
                    self.send_response(200)
                    self.send_header("Content-Type", "image/png")
                    self.send_header("Content-Length", str(len(server.tile)))
                    self.send_header("Cache-Control", "max-age=86400")
                    self.end_headers()
                    self.wfile.write(server.tile)
                else:
                    self.send_error(404)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url_template(self):
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}/{{z}}/{{x}}/{{y}}.png"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
