"""Static files as production stores them: WhiteNoise's hashed names, and a
gzip and a Brotli copy of each file that compresses.

Brotli at its best quality (11) is what residents' phones should download,
but it is slow: about 13 s for every collected file on this project's CI
machine, most of it Wagtail's admin. So the site's own public files (the
stylesheet and scripts, Leaflet's among them) get quality 11, and the rest, which
only editors load, quality 5, which takes a hundredth of the time for a file
a few per cent larger."""

import brotli
from django.conf import settings
from whitenoise.compress import Compressor
from whitenoise.storage import CompressedManifestStaticFilesStorage

# What public pages load: the stylesheets and scripts static/src/build.mjs
# writes (their source maps are for developers' tools).
PUBLIC_FOLDERS = ("css/", "js/", "vendor/")
PUBLIC_TYPES = (".css", ".js")
BEST, QUICK = 11, 5


class BrotliCompressor(Compressor):
    def __init__(self, quality, **kwargs):
        super().__init__(**kwargs)
        self.quality = quality

    def compress_brotli(self, data):
        return brotli.compress(data, quality=self.quality)


class SiteCompressor(Compressor):
    """Best Brotli for public files, quick Brotli for the rest."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.best = BrotliCompressor(BEST, **kwargs)
        self.quick = BrotliCompressor(QUICK, **kwargs)

    def compress(self, path):
        name = str(path).removeprefix(str(settings.STATIC_ROOT)).lstrip("/")
        public = name.startswith(PUBLIC_FOLDERS) and name.endswith(PUBLIC_TYPES)
        chosen = self.best if public else self.quick
        return chosen.compress(path)


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    # Rewrite `import … from "./govuk-frontend.min.js"` in app.js to the
    # hashed name, so the module is cached for a year like every other file
    # instead of being asked for again on each visit.
    support_js_module_import_aggregation = True

    def create_compressor(self, **kwargs):
        return SiteCompressor(**kwargs)
