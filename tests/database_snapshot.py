"""Every table's rows, copied once per test process and put back in a
test's database in a fraction of a second.

Building the demo site takes seconds (the whole directory about twenty), and
dozens of tests start from it. `DatabaseSnapshot.take(build)` runs `build` in
a transaction, copies every model table's rows, and rolls the transaction
back, so the database is as it was. `restore()` then empties every table and
puts the copied rows back with their own primary keys: in a test's
transaction (rolled back after the test, as pytest-django's `db` does) or
committed for a live server (emptied after the test by `transactional_db`).

Rows travel as the database gives them: SQLite's values through
`executemany`, PostgreSQL's through COPY in its text format, so JSON, arrays
and search vectors come back exactly. Tables are those of installed models,
many-to-many tables included, less those that triggers fill (Wagtail's
SQLite full-text table follows its index entries by trigger)."""

import re

import factory.random
from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, transaction


class _RollBack(Exception):
    """Raised to leave the build's transaction without keeping anything."""


def rolled_back(work):
    """`work()`'s answer, with everything it wrote to the database undone."""
    answer = None
    try:
        with transaction.atomic():
            answer = work()
            raise _RollBack
    except _RollBack:
        pass
    return answer


def tables_filled_by_triggers():
    if connection.vendor != "sqlite":
        return set()
    with connection.cursor() as cursor:
        cursor.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger'")
        found = (re.findall(r"INSERT INTO\s+\"?(\w+)", sql) for (sql,) in cursor.fetchall())
    return {table for tables in found for table in tables}


def model_tables():
    """(table, columns, model) for every installed model's table that exists
    and that no trigger fills."""
    existing = set(connection.introspection.table_names()) - tables_filled_by_triggers()
    tables = {}
    for model in apps.get_models(include_auto_created=True):
        opts = model._meta
        if opts.proxy or opts.db_table not in existing or opts.db_table in tables:
            continue
        columns = [field.column for field in opts.local_concrete_fields]
        tables[opts.db_table] = (columns, model)
    return [(table, columns, model) for table, (columns, model) in tables.items()]


def _quoted(names):
    return ", ".join(connection.ops.quote_name(name) for name in names)


class DatabaseSnapshot:
    """The rows of every table after some build, and factory_boy's random
    state at that moment (so factories draw what they would have drawn right
    after the build)."""

    def __init__(self, tables, rows, random_state):
        self.tables = tables
        self.rows = rows
        self.random_state = random_state

    @classmethod
    def take(cls, build, start=None):
        """The rows after `build()`, run on `start`'s rows (another
        snapshot) when given, so what earlier tests left cannot leak in."""
        from django.contrib.contenttypes.models import ContentType

        tables = model_tables()

        def build_and_read():
            if start is not None:
                start.restore()
            build()
            rows = {table: cls._read(table, columns) for table, columns, _ in tables}
            return rows, factory.random.get_random_state()

        rows, random_state = rolled_back(build_and_read)
        # Content types made by the build were rolled back with it.
        ContentType.objects.clear_cache()
        rows = {table: data for table, data in rows.items() if data}
        return cls(tables, rows, random_state)

    @classmethod
    def of_database(cls, name, random_state):
        """The rows of another database with the same tables (a template
        tests/prepared.py built): a file SQLite attaches, or a PostgreSQL
        database read over a connection of its own."""
        tables = model_tables()
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("ATTACH DATABASE %s AS prepared", [name])
            try:
                rows = {t: cls._read(t, columns, "prepared.") for t, columns, _ in tables}
            finally:
                with connection.cursor() as cursor:
                    cursor.execute("DETACH DATABASE prepared")
        else:
            import psycopg

            params = connection.get_connection_params()
            keys = ("user", "password", "host", "port")
            found = {key: params[key] for key in keys if params.get(key)}
            with psycopg.connect(dbname=name, **found) as other:
                rows = {t: cls._read(t, columns, cursor=other.cursor()) for t, columns, _ in tables}
        rows = {table: data for table, data in rows.items() if data}
        return cls(tables, rows, random_state)

    @staticmethod
    def _read(table, columns, schema="", cursor=None):
        if cursor is not None:
            return DatabaseSnapshot._read_with(cursor, table, columns, schema)
        with connection.cursor() as cursor:
            return DatabaseSnapshot._read_with(cursor.cursor, table, columns, schema)

    @staticmethod
    def _read_with(cursor, table, columns, schema):
        # Table and column names come from the models, quoted; no values.
        # `cursor` is the driver's own (psycopg's or sqlite3's).
        source = schema + connection.ops.quote_name(table)
        if connection.vendor == "postgresql":
            select = f"SELECT {_quoted(columns)} FROM {source}"  # noqa: S608
            with cursor.copy(f"COPY ({select}) TO STDOUT") as copy:
                return b"".join(bytes(block) for block in copy)
        # SQLite: a unary plus hides each column's declared type, so the
        # values come back as stored rather than through Django's
        # converters (a time would not go back in as it came out).
        plain = ", ".join(f"+{connection.ops.quote_name(column)}" for column in columns)
        cursor.execute(f"SELECT {plain} FROM {source}")  # noqa: S608
        return cursor.fetchall()

    def _delete_all(self, cursor):
        for table, _, _ in self.tables:
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")  # noqa: S608

    def restore(self):
        """Make the database hold exactly the snapshot's rows."""
        from django.contrib.contenttypes.models import ContentType

        with transaction.atomic(), connection.cursor() as cursor:
            self._delete_all(cursor)
            for table, columns, _ in self.tables:
                if table in self.rows:
                    self._write(cursor, table, columns, self.rows[table])
            if connection.vendor == "postgresql":
                models = [model for _, _, model in self.tables]
                for sql in connection.ops.sequence_reset_sql(no_style(), models):
                    cursor.execute(sql)
        # Content types are cached by id in each process; a flushed and
        # rebuilt database may have given them other ids.
        ContentType.objects.clear_cache()
        factory.random.set_random_state(self.random_state)

    @staticmethod
    def _write(cursor, table, columns, data):
        into = f"{connection.ops.quote_name(table)} ({_quoted(columns)})"
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {into} FROM STDIN") as copy:
                copy.write(data)
            return
        marks = ", ".join("%s" for _ in columns)
        cursor.cursor.executemany(f"INSERT INTO {into} VALUES ({marks})", data)  # noqa: S608
