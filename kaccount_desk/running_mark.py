"""The mark a running desktop app leaves for the Windows installer: named mutexes.

Setup and the uninstaller (``AppMutex`` in packaging/kaccount-desk.iss) look for these names and
ask the clerk to close the app first; without them an upgrade or uninstall at an open counter
replaces or deletes files under a running program. The local name covers the clerk's own session,
the ``Global\\`` one another session on the same PC (an all-users install while a colleague is
logged in). Elsewhere than Windows there is no installer to tell, so nothing is held.
"""

from __future__ import annotations

import sys

# Must stay equal to AppMutex in packaging/kaccount-desk.iss (tests/test_installer_script.py).
MUTEX_NAMES = ("KAccountDesk-6E0C2D7A", "Global\\KAccountDesk-6E0C2D7A")

# Handles live as long as the process: Windows releases them when it ends, crash or not.
_held: list[int] = []


def hold() -> int:
    """Create the named mutexes for this process's lifetime; returns how many are held.

    A failure to create one (a locked-down PC refusing the global name) is not worth a refusal
    to start: the installer then only misses that name.
    """
    if sys.platform != "win32" or _held:
        return len(_held)
    import ctypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.CreateMutexW.restype = ctypes.c_void_p
    kernel32.CreateMutexW.argtypes = (ctypes.c_void_p, ctypes.c_int, ctypes.c_wchar_p)
    for name in MUTEX_NAMES:
        handle = kernel32.CreateMutexW(None, False, name)
        if handle:
            _held.append(handle)
    return len(_held)
