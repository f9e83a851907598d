"""The one way an uploaded image enters the portal (logos, event images), and when it is shown.

An upload is never kept as it came: it is decoded by Pillow (PNG, JPEG, WebP or GIF only), refused
above a pixel limit before its pixels are decoded, and drawn again into a fresh image that carries
nothing but pixels, saved as PNG, JPEG or WebP under a random name. Whatever else the file held
(EXIF with GPS positions, comments, a PDF behind the PNG, a script) does not survive.

The file waits in private storage (portal.private_storage), which no URL serves, until its owner
object is published; then it moves to the public media under the same random name. A file that
a newer published version no longer uses is deleted, and an unpublished object's file goes back
to private storage. Objects are Wagtail models with drafts (DraftStateMixin); their FileFields
are found by type, so the kernel knows no app.
"""

from __future__ import annotations

import io
import secrets
import warnings
from typing import IO, Any

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models, transaction
from django.http import HttpRequest, HttpResponse
from django.views.static import serve
from PIL import Image, ImageOps, UnidentifiedImageError
from wagtail.signals import published, unpublished

from portal.private_storage import private_storage

ACCEPTED_FORMATS = ("PNG", "JPEG", "WEBP", "GIF")
# What each accepted format is saved as: GIF (palette, animation) becomes a still PNG.
SAVED_AS = {"PNG": "PNG", "JPEG": "JPEG", "WEBP": "WEBP", "GIF": "PNG"}
EXTENSIONS = {"PNG": ".png", "JPEG": ".jpg", "WEBP": ".webp"}
CONTENT_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg", "WEBP": "image/webp"}
MAX_SIDE = 4000
MAX_PIXELS = MAX_SIDE * MAX_SIDE
QUALITY = 85


class RejectedImage(ValueError):
    """Not an image the portal takes; `code` is "format" or "too_many_pixels"."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class CleanImage(SimpleUploadedFile):
    """An upload after the pipeline: re-encoded pixels under a random name."""


def _fresh_copy(image: Image.Image, saved_as: str) -> Image.Image:
    """The pixels alone, in a new image whose info (EXIF, ICC, text chunks) is empty."""
    alpha = image.mode in ("RGBA", "LA", "PA", "RGBa") or (
        image.mode == "P" and "transparency" in image.info
    )
    if alpha and saved_as != "JPEG":
        mode = "RGBA"
    elif image.mode in ("1", "L"):
        mode = "L"
    else:
        mode = "RGB"
    pixels = image.convert(mode)
    return Image.frombytes(mode, pixels.size, pixels.tobytes())


def clean_image(upload: IO[bytes], *, max_side: int = MAX_SIDE) -> CleanImage:
    """The upload decoded, checked and re-encoded without metadata, or RejectedImage."""
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow only warns below twice its own limit; ours is far lower anyway.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(upload, formats=ACCEPTED_FORMATS)
    except (Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
        raise RejectedImage("too_many_pixels") from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise RejectedImage("format") from exc
    try:
        with image:
            width, height = image.size
            if width > max_side or height > max_side or width * height > MAX_PIXELS:
                raise RejectedImage("too_many_pixels")
            saved_as = SAVED_AS[image.format]
            image.load()
            # The orientation EXIF gave is applied to the pixels, since EXIF itself goes.
            upright = ImageOps.exif_transpose(image)
            fresh = _fresh_copy(upright, saved_as)
    except RejectedImage:
        raise
    except (
        UnidentifiedImageError,
        Image.DecompressionBombError,
        OSError,
        SyntaxError,
        ValueError,
        KeyError,
        EOFError,
    ) as exc:
        raise RejectedImage("format") from exc
    buffer = io.BytesIO()
    options: dict[str, Any] = {"quality": QUALITY} if saved_as in ("JPEG", "WEBP") else {}
    fresh.save(buffer, format=saved_as, **options)
    return CleanImage(
        f"{secrets.token_hex(16)}{EXTENSIONS[saved_as]}",
        buffer.getvalue(),
        content_type=CONTENT_TYPES[saved_as],
    )


def keep_pending(upload: IO[bytes], folder: str) -> str:
    """Store an image for an object not yet public: cleaned (again, if it did not come through
    clean_image) and kept privately. Returns the name to put in the object's field."""
    image = upload if isinstance(upload, CleanImage) else clean_image(upload)
    return private_storage().save(f"{folder}/{image.name}", image)


def _file_fields(instance: models.Model) -> list[models.FileField]:
    return [field for field in instance._meta.fields if isinstance(field, models.FileField)]


def _move(name: str, source: Any, target: Any) -> None:
    if not name or not source.exists(name):
        return
    if not target.exists(name):
        with source.open(name, "rb") as content:
            target.save(name, content)
    source.delete(name)


def _delete(name: str) -> None:
    for storage in (default_storage, private_storage()):
        if storage.exists(name):
            storage.delete(name)


def _names_in_revisions(instance: Any, field_names: list[str], *, newer_than: Any) -> tuple:
    """(names only older revisions use, names that newer, undecided revisions use)."""
    older, newer = set(), set()
    for created_at, content in instance.revisions.values_list("created_at", "content"):
        names = {content.get(name) for name in field_names} - {None, ""}
        (newer if newer_than is not None and created_at > newer_than else older).update(names)
    return older - newer, newer


def on_published(instance: Any, revision: Any = None, **kwargs: Any) -> None:
    """The published version's files go public; files no version in use needs are deleted."""
    fields = _file_fields(instance)
    if not fields:
        return
    current = {getattr(instance, field.attname).name for field in fields} - {None, ""}
    unused, _pending = _names_in_revisions(
        instance,
        [field.attname for field in fields],
        newer_than=revision.created_at if revision is not None else None,
    )

    def apply() -> None:
        for name in current:
            _move(name, private_storage(), default_storage)
        for name in unused - current:
            _delete(name)

    transaction.on_commit(apply)


def on_unpublished(instance: Any, **kwargs: Any) -> None:
    """An object taken offline takes its files out of the public media."""
    names = [getattr(instance, field.attname).name for field in _file_fields(instance)]

    def apply() -> None:
        for name in names:
            _move(name, default_storage, private_storage())

    transaction.on_commit(apply)


def connect() -> None:
    published.connect(on_published, dispatch_uid="portal.images.published")
    unpublished.connect(on_unpublished, dispatch_uid="portal.images.unpublished")


def serve_public_media(request: HttpRequest, path: str) -> HttpResponse:
    """/media/: files in the public media only, looked up where MEDIA_ROOT points now."""
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["X-Content-Type-Options"] = "nosniff"
    return response
