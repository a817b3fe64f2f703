"""Writing a PDF so that a crash or a full disk never leaves half a file behind.

Offices print straight from the folder; a truncated PDF that opens as a blank page is worse
than no file, so the document is built beside its target and renamed into place only when whole.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from kaccount_desk.documents.errors import DocumentError
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.safe_files import UnsafeTarget, replacing


def _umask() -> int:
    """mkstemp makes files private (0600); a printed document should get the user's usual mode."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _unwritable(path: Path, exc: OSError) -> DocumentError:
    why = exc.strerror or str(exc)
    return DocumentError(
        Reason(
            "doc.unwritable",
            f"无法写入文件 {path}:{why}",
            f"Cannot write the file {path}: {why}",
        )
    )


def write_pdf_atomically(path: Path, build: Callable[[BinaryIO], None]) -> None:
    """Run ``build`` on a temp file in ``path``'s folder, then rename it over ``path``.

    The temp file lives in the same folder so the final rename never crosses file systems;
    safe_files removes it on any failure, at exit, or at the next start after a kill.
    """
    path = Path(path)
    try:
        with replacing(path) as tmp:
            with tmp.open("wb") as out:
                build(out)
                out.flush()
                os.fsync(out.fileno())
            tmp.chmod(0o666 & ~_umask())
    except UnsafeTarget as exc:
        raise DocumentError(exc.reason) from exc
    except OSError as exc:
        raise _unwritable(path, exc) from exc
