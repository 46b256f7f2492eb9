"""Database faults for tests: the server gone away at the save, or stopped
altogether. Both fail the way the real thing does (django.db.OperationalError),
not by patching the code under test."""

import socket
from contextlib import contextmanager

from django.db import OperationalError, connections

WRITES = ("INSERT", "UPDATE", "DELETE")


@contextmanager
def database_fails_at_the_save():
    """Every write fails as when the connection drops at the moment of the
    save; reads (the page around the form) still work."""

    def refuse(execute, sql, params, many, context):
        if sql.lstrip().upper().startswith(WRITES):
            raise OperationalError("server closed the connection unexpectedly")
        return execute(sql, params, many, context)

    with connections["default"].execute_wrapper(refuse):
        yield


def closed_port():
    """A loopback port on which nothing listens, so connecting is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def database_stopped(django_db_blocker):
    """The default database as if its server were stopped: every attempt to
    connect fails (PostgreSQL: refused on a closed port; SQLite: a file that
    cannot be opened). For tests without the django_db mark, so that no test
    transaction holds the connection open."""
    connection = connections["default"]
    saved = dict(connection.settings_dict)
    with django_db_blocker.unblock():
        connection.close()
        if connection.vendor == "postgresql":
            connection.settings_dict.update(HOST="127.0.0.1", PORT=str(closed_port()))
        else:
            connection.settings_dict["NAME"] = "/nonexistent/stopped.sqlite3"
        try:
            yield
        finally:
            connection.close()
            connection.settings_dict.clear()
            connection.settings_dict.update(saved)
