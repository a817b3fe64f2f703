"""The two ID-card copies (正面 front, 反面 back) of one application: pick, drop or paste; enlarge, turn, remove.

A clerk has the card on a scanner, in a phone photo sent by chat, or on the clipboard from a
screenshot tool; every one of those paths ends in the same service call, which checks and
re-encodes the image, so a refused image stores nothing and says why in the slot itself.
A wrong or sideways copy is put right here too, each change through the service.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kaccount_desk.services import id_copies
from kaccount_desk.services.changes import APPLICATION_CHANGED
from kaccount_desk.services.context import Context
from kaccount_desk.services.enrollment import ApplicationView
from kaccount_desk.services.errors import ServiceError
from kaccount_desk.services.id_copies import IdCopyImage
from kaccount_desk.ui.enrollment.id_copy_viewer import CopyViewer
from kaccount_desk.ui.file_names import ask_open_path
from kaccount_desk.ui.messages import current_lang
from kaccount_desk.ui.operations import run_change, run_query
from kaccount_desk.ui.palette import text_style
from kaccount_desk.ui.qt import Qt, QtCore, QtGui, QtWidgets, Signal

THUMB_SIZE = 160
THUMB_HEIGHT = int(THUMB_SIZE * 0.63)  # a card's proportions (85.6 × 54 mm)
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".bmp", ".tif", ".tiff", ".webp", ".gif")


def image_to_png(image: QtGui.QImage) -> bytes:
    """A pasted image as PNG bytes, the form every other path also hands to the service."""
    buffer = QtCore.QBuffer()
    buffer.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; PySide6 6.x refuses bytes, takes str
    return bytes(buffer.data().data())


def local_files(mime: QtCore.QMimeData) -> list[Path]:
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()] if mime.hasUrls() else []


class CopySlot(QtWidgets.QFrame):
    """One side of the card: a thumbnail or an empty frame, and the three ways to fill it."""

    def __init__(self, owner: IdCopiesWidget, side: str, title: str) -> None:
        super().__init__()
        self._owner = owner
        self.side = side
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
        self.setObjectName("copySlot")
        self.setStyleSheet("#copySlot { border: 1px dashed #8c8c8c; border-radius: 4px; } #copySlot:focus { border: 2px solid #2f6fdf; }")
        self.side_title = title
        self.title = QtWidgets.QLabel(f"<b>{title}</b>")
        self.picture = QtWidgets.QLabel(self.tr("Drop, paste (Ctrl+V)\nor choose an image"))
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # A fixed box: a turned (upright) copy or a message appearing must not move the buttons under the pointer.
        self.picture.setMinimumWidth(THUMB_SIZE)
        self.picture.setFixedHeight(THUMB_HEIGHT)
        self.picture.setStyleSheet(text_style("calm"))
        self.message = QtWidgets.QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.choose_button = QtWidgets.QPushButton(self.tr("Choose file…"))
        self.paste_button = QtWidgets.QPushButton(self.tr("Paste"))
        self.choose_button.clicked.connect(self.choose_file)
        self.paste_button.clicked.connect(self.paste)
        # Tool buttons: three plain push buttons per side would make the form scroll sideways at 1366 px.
        self.enlarge_button = self._tool(self.tr("Enlarge"))
        self.enlarge_button.setToolTip(self.tr("Open the copy at full size (Enter, or double-click the picture)"))
        self.turn_button = self._tool(self.tr("Turn ↻"))
        self.turn_button.setToolTip(self.tr("Turn the copy a quarter to the right (R)"))
        self.remove_button = self._tool(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove this copy, after a confirmation (Delete)"))
        self.enlarge_button.clicked.connect(self.enlarge)
        self.turn_button.clicked.connect(lambda: self._owner.turn(self.side, True))
        self.remove_button.clicked.connect(self.remove)
        buttons = QtWidgets.QGridLayout()
        buttons.setSpacing(4)
        buttons.addWidget(self.choose_button, 0, 0, 1, 3)
        buttons.addWidget(self.paste_button, 0, 3, 1, 3)
        buttons.addWidget(self.enlarge_button, 1, 0, 1, 2)
        buttons.addWidget(self.turn_button, 1, 2, 1, 2)
        buttons.addWidget(self.remove_button, 1, 4, 1, 2)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.picture)
        layout.addLayout(buttons)
        layout.addWidget(self.message)  # below the buttons, so a message never moves them
        layout.addStretch(1)
        self.set_actions(editable=True, viewable=True)

    @staticmethod
    def _tool(text: str) -> QtWidgets.QToolButton:
        button = QtWidgets.QToolButton()
        button.setText(text)
        button.setSizePolicy(QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Fixed)
        return button

    def set_actions(self, editable: bool, viewable: bool) -> None:
        """Offer what this person may do to this side now: fill it while editable, put a copy right or open it."""
        filled = self.has_thumbnail
        self.choose_button.setEnabled(editable)
        self.paste_button.setEnabled(editable)
        self.setAcceptDrops(editable)
        self.enlarge_button.setEnabled(filled and viewable)
        self.turn_button.setEnabled(filled and editable)
        self.remove_button.setEnabled(filled and editable)
        self.picture.setCursor(Qt.CursorShape.PointingHandCursor if filled and viewable else Qt.CursorShape.ArrowCursor)

    @property
    def has_thumbnail(self) -> bool:
        pixmap = self.picture.pixmap()
        return pixmap is not None and not pixmap.isNull()

    def show_thumbnail(self, data: bytes | None) -> None:
        if not data:
            self.picture.clear()
            self.picture.setText(self.tr("Drop, paste (Ctrl+V)\nor choose an image"))
            return
        pixmap = QtGui.QPixmap()
        pixmap.loadFromData(data)
        self.picture.setPixmap(
            pixmap.scaled(THUMB_SIZE, THUMB_HEIGHT, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        )

    def say(self, text: str, ok: bool) -> None:
        self.message.setStyleSheet(text_style("ok" if ok else "reason"))
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def choose_file(self) -> None:
        images = self.tr("Images (%1)").replace("%1", " ".join(f"*{s}" for s in IMAGE_SUFFIXES))
        path = ask_open_path(self, self.tr("ID card image"), images)
        if path is not None:
            self._owner.attach_file(self.side, path)

    def paste(self) -> None:
        self._owner.paste(self.side)

    def enlarge(self) -> None:
        if self.enlarge_button.isEnabled():
            self._owner.enlarge(self.side)

    def remove(self) -> None:
        if not self.remove_button.isEnabled():
            return
        asked = QtWidgets.QMessageBox.question(
            self, self.tr("Remove copy"), self.tr("Remove the %1 of the ID card from this application? It must then be attached again.")
            .replace("%1", self.side_title),
            QtWidgets.QMessageBox.StandardButton.Yes | QtWidgets.QMessageBox.StandardButton.No, QtWidgets.QMessageBox.StandardButton.No,
        )
        if asked == QtWidgets.QMessageBox.StandardButton.Yes:
            self._owner.remove(self.side)

    def mouseDoubleClickEvent(self, event: QtGui.QMouseEvent) -> None:
        self.enlarge()

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        if event.matches(QtGui.QKeySequence.StandardKey.Paste):
            self.paste()
            return
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enlarge()
        elif key == Qt.Key.Key_Delete:
            self.remove()
        elif key == Qt.Key.Key_R and self.turn_button.isEnabled():
            self._owner.turn(self.side, True)
        else:
            super().keyPressEvent(event)

    def dragEnterEvent(self, event: QtGui.QDragEnterEvent) -> None:
        if any(p.suffix.lower() in IMAGE_SUFFIXES for p in local_files(event.mimeData())) or event.mimeData().hasImage():
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QtGui.QDragMoveEvent) -> None:
        event.acceptProposedAction()

    def dropEvent(self, event: QtGui.QDropEvent) -> None:
        if self._owner.attach_mime(self.side, event.mimeData()):
            event.acceptProposedAction()


class IdCopiesWidget(QtWidgets.QWidget):
    """Front and back slots bound to one application.

    ``draft_saver`` is the form's way to turn an unsaved draft into an application on the first
    attach, so the clerk never has to stop and press Save before scanning the card; it saves and
    then calls back with the new id, or None when the draft cannot be saved yet (the form shows why).
    Every store call runs off the GUI thread (``ui/operations.py``), a busy cursor on the copies.
    """

    changed = Signal(object)

    def __init__(self, ctx: Context, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._app_id: int | None = None
        self._editable, self._viewable = True, True
        self.viewer: CopyViewer | None = None  # the one open at full size, kept so it is not collected
        self.draft_saver: Callable[[Callable[[int | None], object]], None] | None = None
        self.slots = {
            "front": CopySlot(self, "front", self.tr("Front (photo side)")),
            "back": CopySlot(self, "back", self.tr("Back (issuing authority)")),
        }
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for slot in self.slots.values():
            layout.addWidget(slot)

    def focus_chain(self) -> list[QtWidgets.QWidget]:
        """The order Tab walks through the copies: each side, then its buttons (the form places it after the fields)."""
        return [w for slot in self.slots.values() for w in (slot, slot.choose_button, slot.paste_button, slot.enlarge_button,
                                                              slot.turn_button, slot.remove_button)]

    @property
    def application_id(self) -> int | None:
        return self._app_id

    def set_application(self, application_id: int | None, editable: bool = True, viewable: bool = True) -> None:
        """Show this application's copies (thumbnails only, read through the service in the background).

        ``viewable`` is the service's word on opening them at full size (``copies_viewable``). The
        same application again (after a save) keeps its thumbnails in sight until the fresh ones come.
        """
        same = application_id is not None and application_id == self._app_id
        self._app_id = application_id
        self._editable, self._viewable = editable, viewable
        for slot in self.slots.values():
            slot.say("", True)
            if not same:
                slot.show_thumbnail(None)
            slot.set_actions(editable, viewable)
        if application_id is not None:
            self._read_thumbnails(application_id)

    def _read_thumbnails(self, application_id: int, sides: tuple[str, ...] = ("front", "back")) -> None:
        """The thumbnails, read (and decoded in the service's confined child) in the background."""
        def read() -> dict[str, bytes | ServiceError | None]:
            found: dict[str, bytes | ServiceError | None] = {}
            for side in sides:
                try:
                    found[side] = id_copies.id_copy_thumbnail(self._ctx, application_id, side, THUMB_SIZE)
                except ServiceError as exc:
                    found[side] = exc
            return found

        def done(found: dict[str, bytes | ServiceError | None]) -> None:
            if application_id != self._app_id:
                return  # another application is shown now
            for side, data in found.items():
                slot = self.slots[side]
                if isinstance(data, ServiceError):
                    slot.say(data.text(current_lang()), False)
                    data = None
                slot.show_thumbnail(data)
                slot.set_actions(self._editable, self._viewable)

        run_query(self, read, done)

    def attach_file(self, side: str, path: Path) -> None:
        """The path a file picker and a dropped file both take (the file is read in the background too)."""
        self._attach(side, path, path.name)

    def attach_mime(self, side: str, mime: QtCore.QMimeData) -> bool:
        """A drop or the clipboard: a file URL is read from disk, an image is sent as PNG; False when it holds neither."""
        files = local_files(mime)
        if files:
            self.attach_file(side, files[0])
            return True
        if mime.hasImage():
            image = QtGui.QImage(mime.imageData())
            if not image.isNull():
                self.attach_bytes(side, image_to_png(image), self.tr("pasted image"))
                return True
        self.slots[side].say(self.tr("The clipboard holds no image or image file."), False)
        return False

    def paste(self, side: str) -> bool:
        mime = QtWidgets.QApplication.clipboard().mimeData()
        if mime is None:
            self.slots[side].say(self.tr("The clipboard holds no image or image file."), False)
            return False
        return self.attach_mime(side, mime)

    def attach_bytes(self, side: str, raw: bytes, name: str) -> None:
        self._attach(side, raw, name)

    def _attach(self, side: str, image: bytes | Path, name: str) -> None:
        """A draft not saved yet is saved first (by the form), then the copy goes to that application."""
        if self._app_id is None and self.draft_saver is not None:
            self.draft_saver(lambda application_id: self._attach_to(application_id, side, image, name))
            return
        self._attach_to(self._app_id, side, image, name)

    def _attach_to(self, application_id: int | None, side: str, image: bytes | Path, name: str) -> None:
        if application_id is None:
            self.slots[side].say(self.tr("Save the application first (see the reasons at the top), then attach the copy."), False)
            return

        def attach() -> ApplicationView:
            raw = id_copies.read_image_file(image) if isinstance(image, Path) else image
            return id_copies.attach_id_copy(self._ctx, application_id, side, raw, name)

        run_change(self, attach, APPLICATION_CHANGED, self._changed(side, self.tr("Attached ✓")), self._refusal(side))

    def _changed(self, side: str, said: str, then: Callable[[], object] | None = None) -> Callable[[ApplicationView], None]:
        """What follows a change to one side's copy: said in its slot, its thumbnail read again, the form told.

        Painted only while the same application is shown.
        """
        def done(view: ApplicationView) -> None:
            if view.id != self._app_id:
                return
            self.slots[side].say(said, True)
            self._read_thumbnails(view.id, (side,))
            self.changed.emit(view)
            if then is not None:
                then()

        return done

    def _refusal(self, side: str) -> Callable[[BaseException], bool]:
        """A refusal is said in that side's slot; anything else goes where ``operations`` sends it."""
        def refused(exc: BaseException) -> bool:
            if isinstance(exc, ServiceError):
                self.slots[side].say(exc.text(current_lang()), False)
                return True
            return False

        return refused

    def turn(self, side: str, clockwise: bool, then: Callable[[], object] | None = None) -> None:
        """Turn the stored copy a quarter; the thumbnail (and the printed sheet) follow, then ``then`` (the open viewer)."""
        application_id = self._app_id
        if application_id is not None:
            run_change(self, lambda: id_copies.rotate_id_copy(self._ctx, application_id, side, clockwise), APPLICATION_CHANGED,
                       self._changed(side, self.tr("Turned ✓"), then), self._refusal(side))

    def remove(self, side: str) -> None:
        application_id = self._app_id
        if application_id is not None:
            run_change(self, lambda: id_copies.remove_id_copy(self._ctx, application_id, side), APPLICATION_CHANGED,
                       self._changed(side, self.tr("Removed")), self._refusal(side))

    def enlarge(self, side: str) -> None:
        """Open the copy at full size once read (the service checks the right and records the view)."""
        application_id = self._app_id
        if application_id is None:
            return

        def show(image: IdCopyImage) -> None:
            if application_id != self._app_id:
                return
            slot = self.slots[side]
            title = self.tr("%1 — application %2").replace("%1", slot.side_title)
            turn = (lambda clockwise, then: self.turn(side, clockwise, then)) if self._editable else None
            viewer = CopyViewer(self, title.replace("%2", str(application_id)), image.data, turn)
            self.viewer = viewer
            viewer.open()

        run_query(self, lambda: id_copies.view_id_copy(self._ctx, application_id, side), show, self._refusal(side))
