"""tools/make_pdf.py's small PDF reader, on hand-written PDFs (no browser; the PDFs it reads are
checked in tests/browser/test_pdf.py)."""

import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import make_pdf  # noqa: E402


def _pdf(objects: dict[int, bytes]) -> bytes:
    body = b"".join(b"%d 0 obj\n%s\nendobj\n" % (n, o) for n, o in objects.items())
    return b"%PDF-1.4\n" + body + b"%%EOF\n"


IMAGE = b"<</Type /XObject /Subtype /Image /SMask 5 0 R /Length 4>> stream\nabcd\nendstream"
MASK = b"<</Type /XObject /Subtype /Image /ColorSpace /DeviceGray /Length 4>> stream\nabcd\nendstream"
PAGES = b"<</Type /Pages /Kids [2 0 R 3 0 R] /Count 2>>"


def test_pages_pictures_and_masks(tmp_path):
    path = tmp_path / "two.pdf"
    path.write_bytes(_pdf({1: PAGES,
                           2: b"<</Type /Page /Resources <</XObject <</X4 4 0 R>>>> /Parent 1 0 R>>",
                           3: b"<</Type /Page /Parent 1 0 R>>", 4: IMAGE, 5: MASK}))
    # Two pages (not the /Pages node), one picture (its alpha mask is not a second one), uncut.
    assert make_pdf.pdf_facts(path) == {"pages": 2, "images": 1, "images_on_two_pages": 0}


def test_a_picture_drawn_on_two_pages_is_reported(tmp_path):
    path = tmp_path / "cut.pdf"
    page = b"<</Type /Page /Resources <</XObject <</X4 4 0 R>>>> /Parent 1 0 R>>"
    path.write_bytes(_pdf({1: PAGES, 2: page, 3: page, 4: IMAGE, 5: MASK}))
    assert make_pdf.pdf_facts(path)["images_on_two_pages"] == 1


def test_objects_packed_in_an_object_stream_are_read(tmp_path):
    packed = [(2, b"<</Type /Page /Parent 1 0 R>>"), (3, b"<</Type /Page /Parent 1 0 R>>")]
    header, data = b"", b""
    for number, obj in packed:
        header += b"%d %d " % (number, len(data))
        data += obj + b" "
    stream = zlib.compress(header + data)
    objstm = (b"<</Type /ObjStm /N 2 /First %d /Filter /FlateDecode /Length %d>> stream\n"
              % (len(header), len(stream)) + stream + b"\nendstream")
    path = tmp_path / "packed.pdf"
    path.write_bytes(_pdf({1: PAGES, 6: objstm}))
    assert make_pdf.pdf_facts(path)["pages"] == 2
