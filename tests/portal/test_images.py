"""The upload pipeline: every image decoded, pixel-limited, re-encoded without metadata."""

from __future__ import annotations

import io
import zlib

import pytest
from PIL import Image

from portal.images import MAX_SIDE, RejectedImage, clean_image

GPS = {1: "N", 2: (51.0, 12.0, 0.0), 3: "E", 4: (11.0, 58.0, 0.0)}


def encoded(format: str = "PNG", size=(40, 30), mode: str = "RGB", **options) -> io.BytesIO:
    buffer = io.BytesIO()
    Image.new(mode, size, "teal").save(buffer, format=format, **options)
    buffer.seek(0)
    return buffer


def jpeg_with_gps() -> io.BytesIO:
    exif = Image.Exif()
    exif[0x010F] = "Kamera GmbH"
    exif[0x8825] = GPS
    exif[0x0112] = 6  # rotated: stored 40 wide and 30 high, upright 30 wide
    return encoded("JPEG", exif=exif.tobytes(), comment=b"Treffpunkt Markt 1")


def bomb_png(side: int) -> io.BytesIO:
    """A black square PNG (one bit per pixel), some kilobytes when compressed."""
    row = b"\0" * (1 + (side + 7) // 8)
    raw = zlib.compress(row * side, 9)

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    header = side.to_bytes(4, "big") * 2 + bytes([1, 0, 0, 0, 0])
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")
    return io.BytesIO(png)


def test_it_drops_exif_gps_and_comments_and_keeps_the_picture_upright():
    cleaned = clean_image(jpeg_with_gps())

    data = cleaned.read()
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "JPEG"
        assert image.size == (30, 40)
        assert not image.getexif()
        assert "comment" not in image.info and "exif" not in image.info
    assert b"Kamera" not in data and b"Treffpunkt" not in data


def test_it_reencodes_a_png_pdf_polyglot_into_a_plain_png_under_a_random_name():
    polyglot = encoded("PNG").read() + b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
    upload = io.BytesIO(polyglot)
    upload.name = "flyer.pdf"

    cleaned = clean_image(upload)

    data = cleaned.read()
    assert b"%PDF" not in data
    assert data.startswith(b"\x89PNG")
    assert cleaned.name.endswith(".png") and "flyer" not in cleaned.name
    assert cleaned.content_type == "image/png"
    assert clean_image(upload).name != cleaned.name


def test_it_refuses_a_decompression_bomb_before_decoding_it():
    bomb = bomb_png(13_000)
    assert len(bomb.getvalue()) < 50_000

    with pytest.raises(RejectedImage) as refused:
        clean_image(bomb)

    assert refused.value.code == "too_many_pixels"


@pytest.mark.parametrize(
    "upload",
    [
        io.BytesIO(b"%PDF-1.7\n%%EOF\n"),
        io.BytesIO(b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
        encoded("BMP"),
        encoded("TIFF"),
        io.BytesIO(encoded("PNG").read()[:60]),
    ],
    ids=["pdf", "svg", "bmp", "tiff", "truncated"],
)
def test_it_refuses_what_is_no_accepted_image(upload):
    with pytest.raises(RejectedImage) as refused:
        clean_image(upload)

    assert refused.value.code == "format"


@pytest.mark.parametrize(
    ("upload", "format", "mode"),
    [
        (encoded("PNG", mode="RGBA"), "PNG", "RGBA"),
        (encoded("WEBP"), "WEBP", "RGB"),
        (encoded("GIF", mode="P"), "PNG", "RGB"),
        (encoded("JPEG", mode="L"), "JPEG", "L"),
        (encoded("JPEG", mode="CMYK"), "JPEG", "RGB"),
    ],
)
def test_it_saves_only_png_jpeg_or_webp(upload, format, mode):
    with Image.open(clean_image(upload)) as image:
        assert (image.format, image.mode) == (format, mode)


def test_it_takes_an_image_at_the_side_limit_and_refuses_one_pixel_more():
    assert clean_image(encoded("PNG", size=(MAX_SIDE, 1)))
    with pytest.raises(RejectedImage):
        clean_image(encoded("PNG", size=(MAX_SIDE + 1, 1)))
