"""What went wrong writing a backup or putting one back, in words a clerk can act on.

The operating system's own message (``strerror``) is English and names no remedy; the common
causes (a full disk or stick, a file too large for it, no right to write there, a read-only
drive) each get a sentence of their own. Messages from ``pg_dump``/``pg_restore`` are quoted with
any password of the store's URL replaced by ``***``.
"""

from __future__ import annotations

import errno
import subprocess
from pathlib import Path

from kaccount_desk.domain.reasons import Reason
from kaccount_desk.services.errors import Refused
from kaccount_desk.store.failures import without_password

_CAUSES: dict[int, tuple[str, str]] = {
    errno.ENOSPC: ("磁盘或U盘已满", "the disk or stick is full"),
    errno.EDQUOT: ("磁盘配额已用完", "the disk quota is used up"),
    errno.EFBIG: ("文件超过了这个磁盘或系统允许的大小(FAT 格式的U盘最大 4 GB)",
                  "the file is larger than this drive or system allows (4 GB on a FAT stick)"),
    errno.EACCES: ("没有在这里写文件的权限", "there is no permission to write there"),
    errno.EPERM: ("没有在这里写文件的权限", "there is no permission to write there"),
    errno.EROFS: ("这个磁盘是只读的", "the drive is read-only"),
    errno.ENOENT: ("这个位置不存在,或不能在其中建立文件", "the place does not exist or cannot hold new files"),
    errno.ENOTDIR: ("路径中有一部分不是文件夹", "a part of the path is not a folder"),
    errno.EIO: ("写入磁盘时出错(磁盘可能已满、文件超过其允许的大小,或磁盘有故障)",
                "the disk could not be written (it may be full, the file larger than it allows, or the disk failing)"),
}

# What the writing side says when it cannot write (the disk, the rights), as opposed to a damaged file being read.
WRITING = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EACCES, errno.EPERM, errno.EROFS, errno.EIO})


def unwritable(path: Path, exc: OSError) -> Refused:
    """The backup file at ``path`` could not be written; nothing was left half-written."""
    zh, en = _CAUSES.get(exc.errno or 0, (exc.strerror or type(exc).__name__,) * 2)
    return Refused(Reason("backup.unwritable", f"无法写入备份文件“{path}”:{zh}。请换一个位置。",
                          f"Cannot write the backup file {path}: {en}. Choose another place."))


def restore_failed(exc: OSError, folder: Path) -> Refused:
    """What a restore (or its check) needed to write in ``folder`` could not be written; the store was left as it was."""
    zh, en = _CAUSES.get(exc.errno or 0, (exc.strerror or type(exc).__name__,) * 2)
    return Refused(Reason("backup.restore_unwritable", f"无法在“{folder}”中写入恢复所需的文件:{zh}。数据库未被改动。",
                          f"Cannot write the files a restore needs in {folder}: {en}. The store was not changed."))


def tool_failed(exc: subprocess.CalledProcessError, url: str) -> Refused:
    """``pg_dump`` or ``pg_restore`` refused: their first line of complaint, never the password."""
    program = Path(str(exc.cmd[0])).name if isinstance(exc.cmd, list | tuple) and exc.cmd else "pg_dump"
    said = exc.stderr.decode("utf-8", "replace") if isinstance(exc.stderr, bytes) else str(exc.stderr or "")
    line = without_password(next((s.strip() for s in said.splitlines() if s.strip()), f"exit {exc.returncode}"), url)[:300]
    if program != "pg_dump" and ("must be owner" in said or "permission denied" in said):
        return Refused(Reason("backup.not_owner", f"只有数据库的所有者(执行数据库升级的账号)才能恢复备份,请用该账号的连接地址。({line})",
                              f"Only the database's owner (the account that runs its upgrades) can restore; use its URL. ({line})"))
    return Refused(Reason("backup.pg_tool", f"{program} 未能完成:{line}", f"{program} did not finish: {line}"))
