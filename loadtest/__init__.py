"""`make loadtest`: Locust against gunicorn and PostgreSQL (see docs/operations.md)."""
