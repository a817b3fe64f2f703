"""Writing a PDF so that a crash or a full disk never leaves half a file behind.

Offices print straight from the folder; a truncated PDF that opens as a blank page is worse
than no file, so the document is built beside its target and renamed into place only when whole.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from kaccount_desk.documents.errors import DocumentError
from kaccount_desk.domain.reasons import Reason


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
    """Run ``build`` on a temp file in ``path``'s folder, then ``os.replace`` it over ``path``.

    The temp file lives in the same folder so the final rename never crosses file systems.
    """
    path = Path(path)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _unwritable(path, exc) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            build(out)
            out.flush()
            os.fsync(out.fileno())
        tmp.chmod(0o666 & ~_umask())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _unwritable(path, exc) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
