"""The C heap kept while a release is written, rather than handed back to the system after every batch.

A release makes and frees the same few megabytes of buffers for every batch of rows (Arrow's columns, orjson's
texts, the encoded lines). glibc's malloc hands freed memory at the top of its heap back to the system past 128 KB
and serves large blocks with ``mmap``, so each batch faulted the same pages in again: a third of a table's time
(about 330,000 page faults exporting the articles and sentences of 1M claims as JSON lines; bench/export_speed.py).
``kept_heap`` raises both thresholds (``mallopt``) while a release is written, so the freed memory is used again;
the peak stays where it was, since what is kept was held at the peak anyway. Elsewhere than glibc it does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

# mallopt's parameters (malloc.h) and glibc's own defaults, given back afterwards.
M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
DEFAULT_THRESHOLD = 128 * 1024
# Blocks up to this size come from the heap (glibc's largest mmap threshold on 64 bits) ...
MMAP_THRESHOLD = 32 * 1024 * 1024
# ... and the heap keeps this much free memory at its top.
TRIM_THRESHOLD = 16 * 1024 * 1024


def _glibc() -> Any:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"))
        libc.gnu_get_libc_version  # noqa: B018 (glibc only: musl's mallopt does nothing, macOS has none)
    except (OSError, AttributeError, TypeError):
        return None
    return libc


@contextmanager
def kept_heap() -> Iterator[None]:
    """Freed memory stays in the process (glibc) until the block ends; then it is trimmed and the defaults are back."""
    libc = _glibc()
    if libc is None:
        yield
        return
    libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)
    libc.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD)
    try:
        yield
    finally:
        libc.mallopt(M_TRIM_THRESHOLD, DEFAULT_THRESHOLD)
        libc.mallopt(M_MMAP_THRESHOLD, DEFAULT_THRESHOLD)
        libc.malloc_trim(0)


def trim() -> None:
    """Hand the free memory of the C heap back to the system (glibc), e.g. what the fixtures left behind before the
    tables load pyarrow: ~1 MB less at the peak of a release on PostgreSQL (bench/export_speed.py)."""
    libc = _glibc()
    if libc is not None:
        libc.malloc_trim(0)
