"""Keep the code's own objects out of the garbage collector's way.

A Django process holds a couple of hundred thousand objects from loading its
code (modules, models, URL patterns, templates) that live as long as the
process. Python's full collections walk every one of them, and a request that
creates many short-lived objects (a search's hits, twenty page objects)
sets one off now and then: profiling the directory search showed those
collections as the slowest one in twenty requests. `gc.freeze()` moves what
exists at start-up into a generation the collector never walks; objects made
later are collected as usual. (It also keeps those objects' memory pages
shared between workers forked from one parent, as gunicorn --preload does.)"""

import gc


def freeze_startup_objects():
    gc.collect()
    gc.freeze()
