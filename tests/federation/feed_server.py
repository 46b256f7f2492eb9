"""A feed server on the loopback address, in a thread, for the import
tests: each address answers with JSON, raw bytes, or a function that writes
the answer itself (for feeds that misbehave). Addresses are matched with
their query string first, then without it."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


class FeedServer:
    def __init__(self):
        self.routes = {}
        self.asked = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (the standard library's name)
                server.asked.append(self.path)
                parts = urlsplit(self.path)
                route = server.routes.get(self.path) or server.routes.get(parts.path)
                if route is None:
                    self.send_error(404)
                    return
                route(self)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base_url(self):
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()

    def raw(self, path, body, status=200, headers=()):
        def answer(handler):
            handler.send_response(status)
            for name, value in headers:
                handler.send_header(name, value)
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            handler.wfile.write(body)

        self.routes[path] = answer

    def json(self, path, data, status=200):
        self.raw(path, json.dumps(data).encode(), status, [("Content-Type", "application/json")])

    def answer_with(self, path, function):
        self.routes[path] = function

    def services(self, services, prefix="/oruk", per_page=50):
        """A well-behaved feed of these full services: its /services pages
        (the profile's envelope) and each /services/{id}."""
        pages = [services[start : start + per_page] for start in range(0, len(services), per_page)]
        pages = pages or [[]]
        for number, contents in enumerate(pages, start=1):
            self.json(
                f"{prefix}/services?page={number}&per_page={per_page}",
                {
                    "total_items": len(services),
                    "total_pages": len(pages),
                    "page_number": number,
                    "size": len(contents),
                    "first_page": number == 1,
                    "last_page": number == len(pages),
                    "empty": not contents,
                    "contents": [{"id": s["id"], "name": s["name"]} for s in contents],
                },
            )
        for service in services:
            self.json(f"{prefix}/services/{service['id']}", service)
