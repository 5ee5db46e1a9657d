"""Dataset releases for researchers: ``manage.py export_dataset`` and the API's streamed CSV and NDJSON.

``tables`` holds the flat row shapes, ``selection`` the filters, ``release`` writes a release folder with its
``fixture``, ``claimreview``, ``fever`` files and ``datapackage`` descriptor.
"""
