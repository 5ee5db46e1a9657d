"""Dataset releases for researchers: ``manage.py export_dataset`` and the API's streamed CSV and NDJSON.

``tables`` holds the flat row shapes and reads their rows, ``selection`` the filters, ``release`` writes a release
with its ``fixture``, ``parquet`` tables, ``sqlite`` database, ``claimreview`` and ``fever`` files, dataset ``card``,
``changes`` since an earlier release and ``datapackage`` descriptor; ``storage`` publishes and reads releases through
Django's storage API.
"""
