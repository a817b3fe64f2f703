"""Attaching the ID card's front and back to an application, and reading them back."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kaccount_desk.domain.audit import Action
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.domain.roles import Permission, check_view_id_image
from kaccount_desk.domain.workflow import check_editable
from kaccount_desk.services import id_privacy
from kaccount_desk.services.context import Context
from kaccount_desk.services.enrollment import ApplicationView, check_application, view
from kaccount_desk.services.errors import Refused, not_found
from kaccount_desk.services.id_images import MAX_FILE_BYTES, clean_id_image, rotated, thumbnail
from kaccount_desk.store.crypto import StoreKeys, Undecryptable, copy_aad
from kaccount_desk.store.models import Application, IdCopy

SIDES = {"front": ("正面", "front"), "back": ("反面", "back")}


@dataclass(frozen=True)
class IdCopyImage:
    side: str
    sha256: str
    width: int
    height: int
    data: bytes


def read_image_file(path: Path) -> bytes:
    """Read a picked or dropped file, refusing a huge one before it fills memory."""
    # One byte past the limit is enough for the image check to say "too large"; the rest of a
    # huge file is never read, whatever its size claims to be (a pipe, a growing file).
    try:
        with path.open("rb") as handle:
            return handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise Refused(Reason("image.read", f"无法读取文件 {path.name}:{exc.strerror}", f"Cannot read {path.name}: {exc.strerror}")) from exc


def _check_side(side: str) -> None:
    if side not in SIDES:
        raise Refused(Reason("image.side", "只能上传身份证正面或反面", "Only the front or the back of the card"))


def _editable_row(session: Session, application_id: int) -> Application:
    """The application to change a copy of, inside the caller's transaction, refused once it has moved on."""
    row = session.get(Application, application_id)
    if row is None:
        raise not_found("申请", "application", application_id)
    locked = check_editable(row.status)
    if locked:
        raise Refused(*locked)
    return row


def _no_copy(application_id: int, side: str) -> Refused:
    zh_side, en_side = SIDES[side]
    return Refused(
        Reason("image.none", f"申请{application_id}没有身份证{zh_side}复印件",
               f"Application {application_id} has no ID card {en_side} copy"),
    )


def attach_id_copy(ctx: Context, application_id: int, side: str, raw: bytes, name: str = "") -> ApplicationView:
    """Replace one side's copy; the image is checked and re-encoded before anything is written."""
    ctx.require(Permission.TAKE_APPLICATIONS)
    _check_side(side)
    check_application(ctx, application_id)
    clean = clean_id_image(raw, name)
    with ctx.transaction() as session:
        row = _editable_row(session, application_id)
        for old in [c for c in row.copies if c.side == side]:
            row.copies.remove(old)
        session.flush()
        row.copies.append(
            IdCopy(
                side=side,
                sha256=clean.sha256,
                mime=clean.mime,
                width=clean.width,
                height=clean.height,
                data=ctx.store.keys.encrypt(clean.data, copy_aad(application_id, side)),
                added_by=ctx.actor.id,
                added_at=ctx.now(),
            )
        )
        row.updated_at = ctx.now()
        session.flush()
        return view(ctx, session, row, "attach_copy")


def rotate_id_copy(ctx: Context, application_id: int, side: str, clockwise: bool = True) -> ApplicationView:
    """Turn a copy a quarter turn, for a card scanned or photographed sideways."""
    ctx.require(Permission.TAKE_APPLICATIONS)
    _check_side(side)
    check_application(ctx, application_id)
    with ctx.transaction() as session:
        row = _editable_row(session, application_id)
        copy = next((c for c in row.copies if c.side == side), None)
        if copy is None:
            raise _no_copy(application_id, side)
        turned = rotated(open_copy(ctx.store.keys, copy), clockwise)
        copy.data = ctx.store.keys.encrypt(turned.data, copy_aad(application_id, side))
        copy.sha256, copy.width, copy.height = turned.sha256, turned.width, turned.height
        copy.added_by, copy.added_at = ctx.actor.id, ctx.now()
        row.updated_at = ctx.now()
        session.flush()
        return view(ctx, session, row, "turn_copy")


def remove_id_copy(ctx: Context, application_id: int, side: str) -> ApplicationView:
    """Take a wrong or unreadable copy off before the application moves on; the change is audited."""
    ctx.require(Permission.TAKE_APPLICATIONS)
    _check_side(side)
    check_application(ctx, application_id)
    with ctx.transaction() as session:
        row = _editable_row(session, application_id)
        old = [c for c in row.copies if c.side == side]
        if not old:
            raise _no_copy(application_id, side)
        for copy in old:
            row.copies.remove(copy)
        row.updated_at = ctx.now()
        session.flush()
        return view(ctx, session, row, "remove_copy")


def view_id_copy(ctx: Context, application_id: int, side: str) -> IdCopyImage:
    """The full-size copy a person opens on screen: allowed by ``check_view_id_image`` and recorded."""
    _check_side(side)
    refused = check_view_id_image(ctx.actor.role, check_application(ctx, application_id))
    if refused:
        raise Refused(*refused)
    with ctx.transaction() as session:
        row = session.scalar(select(IdCopy).where(IdCopy.application_id == application_id, IdCopy.side == side))
        if row is None:
            raise _no_copy(application_id, side)
        image = IdCopyImage(row.side, row.sha256, row.width, row.height, open_copy(ctx.store.keys, row))
        id_privacy.record(ctx, Action.VIEW_ID_IMAGE, f"applications {application_id}", session, side=side)
        return image


def id_copy(ctx: Context, application_id: int, side: str) -> IdCopyImage | None:
    """The stored copy for thumbnails and checks; a person's full-size view goes through :func:`view_id_copy`."""
    check_application(ctx, application_id)
    with ctx.store.read() as session:
        row = session.scalar(select(IdCopy).where(IdCopy.application_id == application_id, IdCopy.side == side))
        if row is None:
            return None
        return IdCopyImage(row.side, row.sha256, row.width, row.height, open_copy(ctx.store.keys, row))


def open_copy(keys: StoreKeys, row: IdCopy) -> bytes:
    """The image's JPEG bytes; changed or foreign ciphertext is refused in words, never shown."""
    try:
        return keys.decrypt(row.data, copy_aad(row.application_id, row.side))
    except Undecryptable as exc:
        zh_side, en_side = SIDES.get(row.side, (row.side, row.side))
        raise Refused(
            Reason(
                "image.damaged",
                f"申请{row.application_id}的身份证{zh_side}复印件已损坏或被改动(加密校验不符),不能显示或打印;请重新上传",
                f"The ID card {en_side} copy of application {row.application_id} was damaged or altered "
                "(its encryption check fails); it cannot be shown or printed. Please attach it again",
            )
        ) from exc


def id_copy_thumbnail(ctx: Context, application_id: int, side: str, size: int = 240) -> bytes | None:
    image = id_copy(ctx, application_id, side)
    return thumbnail(image.data, size) if image else None
