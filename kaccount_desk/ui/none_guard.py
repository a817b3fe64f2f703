"""Keep item models alive on a Qt binding that frees ``None`` each time ``data()`` returns it.

PySide6 6.12.0 on CPython < 3.12 drops one reference to ``None`` whenever a Python ``data()`` or
``headerData()`` returns ``None`` to C++ (a view painting, a proxy model asking). A table asks for
a dozen roles per cell per repaint, so after a few hundred pages of scrolling the count reaches zero
and the interpreter aborts ("none_dealloc"). ``pyproject.toml`` keeps such installs off that
combination; this guard is the second line, for an environment that got there anyway (a bundle
built by hand, a distribution's package).

Whether the binding has the fault is *measured* once, at import, with a throw-away model behind a
``QIdentityProxyModel``, rather than guessed from version numbers: a fixed 6.12.x, or a Python where
``None`` is immortal, then costs nothing. Where it has the fault, every ``None`` a guarded method
returns is paid for with one extra reference first. A call from Python (a test, our own code) does
not give that reference back, so ``None``'s count only grows there, which is harmless: ``None`` is
never freed while the interpreter runs.
"""

from __future__ import annotations

import ctypes
import functools
import sys
from collections.abc import Callable
from typing import Any, TypeVar

from kaccount_desk.ui.qt import Qt, QtCore

F = TypeVar("F", bound=Callable[..., Any])

_PROBE_CALLS = 64


class _NoneModel(QtCore.QAbstractTableModel):
    def rowCount(self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = QtCore.QModelIndex()) -> int:
        return 1

    def columnCount(self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = QtCore.QModelIndex()) -> int:
        return 1

    def data(self, index: QtCore.QModelIndex | QtCore.QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return None


def binding_frees_none() -> bool:
    """True when returning ``None`` from ``data()`` through C++ costs ``None`` a reference."""
    model = _NoneModel()
    proxy = QtCore.QIdentityProxyModel()
    proxy.setSourceModel(model)
    index = proxy.index(0, 0)
    role = Qt.ItemDataRole.BackgroundRole
    proxy.data(index, role)  # the first call may allocate caches of its own
    before = sys.getrefcount(None)
    for _ in range(_PROBE_CALLS):
        proxy.data(index, role)
    after = sys.getrefcount(None)
    return before - after >= _PROBE_CALLS // 2


FREES_NONE = binding_frees_none()
_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


def none_safe(method: F) -> F:
    """Wrap a model's ``data()``/``headerData()`` so a faulty binding cannot free ``None``.

    On a sound binding the method is returned unchanged, so the guard costs nothing there.
    """
    if not FREES_NONE:
        return method

    @functools.wraps(method)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        value = method(*args, **kwargs)
        if value is None:
            _incref(None)
        return value

    return guarded  # type: ignore[return-value]
