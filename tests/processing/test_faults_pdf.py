"""Hostile and damaged PDFs: bombs built to exhaust a reader's memory or time end with a message
naming the file and page, within the limits; damaged files say so and never crash anything.

The bombs are generated here with PyMuPDF (and zlib): one page of 100 million characters of
text in 120 KB, and 40 pages sharing one 1 GB content stream in 2 MB.
"""

import io
import resource
import struct
import time
import zlib
from functools import cache

import pymupdf
import pytest
from django.core.management import call_command

from processing.errors import ExtractionError, UploadRefused
from processing.pages import PageStream
from processing.upload import create_session
from sessions_app.models import Session
from tests.builders.pdfs import incoming
from tests.builders.records import make_user
from tests.builders.samples import queued_session_with, sample_set

MB = 1024 * 1024


@cache
def text_bomb(characters: int = 100_000_000) -> bytes:
    """One page whose content stream draws `characters` characters of text."""
    document = pymupdf.open()
    page = document.new_page()
    page.insert_text((72, 72), "x", fontname="helv")  # the font resource
    line = b"(" + b"A" * 10_000 + b") Tj\n"
    content = b"BT /helv 1 Tf 72 72 Td\n" + line * (characters // 10_000) + b"ET\n"
    document.update_stream(page.get_contents()[0], content)
    data = document.tobytes(garbage=3, deflate=True)
    document.close()
    return data


@cache
def shared_stream_bomb(pages: int = 40, size: int = 1 << 30) -> bytes:
    """`pages` pages whose /Contents is one and the same `size`-byte stream of line drawing."""
    block = b"0 0 m 1 1 l S\n" * 75_000
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = deflate.compress(block) + deflate.flush(zlib.Z_SYNC_FLUSH)
    # Once the window holds the pattern, every further block compresses to the same bytes.
    again = deflate.compress(block) + deflate.flush(zlib.Z_SYNC_FLUSH)
    count = size // len(block)
    check = 1
    for _ in range(count):
        check = zlib.adler32(block, check)
    stream = b"\x78\xda" + first + again * (count - 1) + deflate.flush() + struct.pack(">I", check)
    document = pymupdf.open()
    for _ in range(pages):
        document.new_page()
    xref = document.get_new_xref()
    document.update_object(xref, "<<>>")
    document.update_stream(xref, stream, compress=0)
    document.xref_set_key(xref, "Filter", "/FlateDecode")
    for page in document:
        document.xref_set_key(page.xref, "Contents", f"{xref} 0 R")
    data = document.tobytes()
    document.close()
    return data


def read_all(data: bytes, name: str) -> None:
    with PageStream(data=data, name=name) as pages:
        for _ in pages:
            pass


def test_the_bombs_are_what_they_claim():
    assert len(text_bomb()) < 300_000
    assert len(shared_stream_bomb()) < 3 * MB
    document = pymupdf.open(stream=shared_stream_bomb(), filetype="pdf")
    assert document.page_count == 40
    assert len({tuple(page.get_contents()) for page in document}) == 1
    document.close()


@pytest.mark.parametrize(
    ("name", "bomb"), [("text-bomb.pdf", text_bomb), ("shared-bomb.pdf", shared_stream_bomb)]
)
def test_a_bomb_is_refused_at_its_first_page_in_milliseconds(name, bomb):
    started = time.monotonic()
    with pytest.raises(ExtractionError) as refused:
        read_all(bomb(), name)

    assert time.monotonic() - started < 5
    assert refused.value.file == name and refused.value.page == 1
    assert str(refused.value).startswith(f"Page 1 of “{name}” holds more than 2,000,000 ")


def test_without_the_character_cap_the_memory_cap_stops_the_text_bomb(settings):
    settings.RECON_MAX_PAGE_CHARACTERS = 10**12
    settings.RECON_READER_MEMORY_MB = 300
    inherited = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    started = time.monotonic()
    with pytest.raises(ExtractionError) as refused:
        read_all(text_bomb(), "text-bomb.pdf")

    assert time.monotonic() - started < 30
    assert str(refused.value).startswith(
        "Page 1 of “text-bomb.pdf” needs more memory than the 300 MB Recon allows"
    )
    assert "alloc" not in str(refused.value)  # MuPDF's words stay in the traceback
    assert "alloc" in str(refused.value.__cause__)
    # Every reader this process started stayed under its cap (3.7 GB without one).
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    assert peak < inherited + 300 * MB + 64 * MB


def test_without_the_character_cap_the_time_budget_stops_the_shared_stream_bomb(settings):
    settings.RECON_MAX_PAGE_CHARACTERS = 10**12
    settings.RECON_READER_CPU_SECONDS = 2
    started = time.monotonic()
    with pytest.raises(ExtractionError) as refused:
        read_all(shared_stream_bomb(), "shared-bomb.pdf")

    took = time.monotonic() - started
    assert took < 20, took  # 66 s of work without the budget
    assert refused.value.page == 1
    message = str(refused.value)
    assert "“shared-bomb.pdf”" in message and "page 1" in message.lower()
    assert "processing time" in message or "memory" in message


@pytest.mark.django_db(transaction=True)
def test_a_worker_given_a_bomb_fails_that_session_with_the_file_and_page_and_goes_on():
    bombed = queued_session_with([("shared-bomb.pdf", shared_stream_bomb())])

    out = io.StringIO()
    call_command("process_sessions", "--once", stdout=out, stderr=out)

    bombed.refresh_from_db()
    assert bombed.current_phase == "failed"
    error = bombed.progress.error
    assert (error.context.file, error.context.page) == ("shared-bomb.pdf", 1)
    assert "holds more than 2,000,000 characters" in error.message


@pytest.mark.django_db
def test_the_upload_opens_files_in_a_limited_child_and_a_bomb_gets_no_further_than_a_worker():
    # Opening a bomb is cheap (nothing is drawn): it is stored, and fails in the worker above.
    session = create_session(
        owner=make_user(), name="Bombs", statements=[incoming("b.pdf", text_bomb())]
    )
    assert session.files.get().page_count == 1


def truncated(fraction: float | None = None, *, size: int | None = None) -> bytes:
    data = sample_set(seed=5, statements=1, pages=30, receipts=3) / "statement_01.pdf"
    data = data.read_bytes()
    return data[: size if size is not None else int(len(data) * fraction)]


@pytest.mark.django_db
def test_a_statement_cut_to_its_first_3000_bytes_is_refused_with_a_clear_message():
    with pytest.raises(UploadRefused) as refused:
        create_session(
            owner=make_user(), name="Cut", statements=[incoming("cut.pdf", truncated(size=3000))]
        )

    assert refused.value.errors == [
        "“cut.pdf” is damaged and cannot be opened as a PDF. Save it again from the bank's "
        "website (or print it to a new PDF) and upload that."
    ]
    assert not Session.objects.exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("fraction", "readable"), [(0.7, 21), (0.85, 26)])
def test_a_truncated_statement_is_named_as_damaged_and_never_crashes(fraction, readable):
    session = create_session(
        owner=make_user(),
        name="Cut",
        statements=[incoming("cut.pdf", truncated(fraction))],
    )
    warning = (
        f"“cut.pdf” is damaged: MuPDF repaired it and {readable} of its pages could be read; "
        "rows may be missing. Save it again from the bank's website if you can."
    )
    assert session.files.get().warnings == [warning]

    call_command("process_sessions", "--once", stdout=io.StringIO(), stderr=io.StringIO())

    session.refresh_from_db()
    assert session.current_phase == "completed"
    assert session.files.get().warnings[0] == warning


def test_a_page_split_into_many_small_streams_is_counted_whole():
    # Fifty streams of 100 KB each compress to a few hundred bytes: each alone looks harmless.
    document = pymupdf.open()
    page = document.new_page()
    streams = []
    for _ in range(50):
        xref = document.get_new_xref()
        document.update_object(xref, "<<>>")
        document.update_stream(xref, b" " * 100_000)
        streams.append(f"{xref} 0 R")
    document.xref_set_key(page.xref, "Contents", f"[{' '.join(streams)}]")
    data = document.tobytes()
    document.close()

    with pytest.raises(ExtractionError, match="holds more than 2,000,000 characters"):
        read_all(data, "split.pdf")
