"""Static files for the test run, as production serves them: collectstatic
into STATIC_ROOT (var/test-static) with the production storage, hashed and
compressed, so pages name `main.<hash>.css` and WhiteNoise serves it with a
year's caching. It runs once per pytest run, before any test process starts
(about 3 seconds; files that have not changed are not copied again)."""

from io import StringIO

from django.core.management import call_command


def collect():
    call_command("collectstatic", "--noinput", verbosity=0, stdout=StringIO())
