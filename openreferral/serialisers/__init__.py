"""Our records as the UK profile's JSON, one module per kind of object.
Plain functions over loaded pages and rows: none of them queries the
database (the kinds prefetch what they read)."""
