"""Dataset releases for researchers: ``manage.py export_dataset`` and the API's streamed CSV and NDJSON.

``tables`` holds the flat row shapes and reads their rows, ``selection`` the filters, ``release`` writes a release
with its ``fixture``, its ``arrowjson``, ``csvfile`` and ``parquet`` tables (written from ``arrow`` record batches,
which ``reader`` reads straight from the database through an ``adbc`` connection in the export's snapshot, while
``heap`` keeps the memory each batch frees), ``sqlite`` database, ``claimreview`` and ``fever`` files, dataset
``card``, ``changes`` since an earlier release and ``datapackage`` descriptor; ``storage`` publishes and reads
releases through Django's storage API.
"""

import os

# Arrow's default allocator (mimalloc) holds ~17 MB more than the C allocator while a Parquet row group is written
# (bench/export_speed.py prints the peak memory). pyarrow reads the variable when first imported, which in an export
# happens in this package's modules, after this line.
os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")
