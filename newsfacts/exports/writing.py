"""What every release writer shares: used as a context manager, it is closed when its block ends, or abandoned
(``abort``) when the block raises, so a failed export leaves no half-written file looking complete."""

from __future__ import annotations

from types import TracebackType
from typing import Self


class Writer:
    """A release file being written. Subclasses write ``close`` (finish the file) and, if it differs, ``abort``."""

    def close(self) -> None:
        raise NotImplementedError

    def abort(self) -> None:
        """Give up on the file after an error; by default it is closed as it stands."""
        self.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        if kind is None:
            self.close()
        else:
            self.abort()
