"""Processing phase vs the bare PyMuPDF loop it is built on, measured side by side.

    python bench/processing.py [--pages 500] [--rounds 3] [--database-url postgres://...]

Reads a generated statement of --pages pages three ways, alternating, several rounds:
  bare      for page in document: page.get_text("words")        (the floor)
  plain     for page in document: page.get_text()               (pages/s, for reference)
  recon     ExtractionService.run(): lines, patterns, rows written to the database,
            progress reported for every page
and prints the medians of wall-clock time and of CPU time (this process and the reader
processes recon starts, so it counts all the work, on however many cores), the ratios
recon/bare (target <= 1.5 for wall-clock time), and how many progress writes the run made
against the allowance of one per 2.5 s plus the boundaries.

Then the work itself, stage by stage, each on one core in this process (medians of the same
rounds): MuPDF's words, the statement reader's per-page half, handing each page's result from
a reader process to the worker (pickling both ways), the document half (columns carried across
pages, dates, years, signs, totals, the rows) and writing the rows (wall-clock time, which
counts the database server's share too). However the stages are
spread over the machine's cores, the run cannot take less than their sum over the cores, nor
less than the stages that must follow the pages in order (the document half and the writing):
that floor, as a ratio to the bare loop, says what the target asks of this machine.
"""

import argparse
import math
import os
import pickle
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _setup import django_in_scratch


def _cpu() -> float:
    """CPU seconds of this process and of the reader processes it has finished with."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    scratch = django_in_scratch(args.database_url)

    import pymupdf
    from django.contrib.auth import get_user_model
    from django.core.files import File

    from processing import work_queue
    from processing.extraction import ExtractionService
    from processing.samples import write_sample_set
    from processing.tracker import ProgressTracker
    from processing.upload import IncomingFile, create_session
    from sessions_app.models import Session

    samples = scratch / "samples"
    write_sample_set(out_dir=samples, seed=7, statements=1, pages=args.pages, receipts=1)
    statement = samples / "statement_01.pdf"
    data = statement.read_bytes()
    owner, _ = get_user_model().objects.get_or_create(username="bench")

    def bare() -> None:
        document = pymupdf.open(stream=data, filetype="pdf")
        for page in document:
            page.get_text("words")
        document.close()

    def plain() -> None:
        document = pymupdf.open(stream=data, filetype="pdf")
        for page in document:
            page.get_text()
        document.close()

    writes: list[tuple[int, float, int]] = []

    def recon() -> tuple[float, float]:
        with statement.open("rb") as handle:
            session = create_session(
                owner=owner,
                name="bench",
                statements=[IncomingFile(name=statement.name, content=File(handle))],
            )
        work_queue.claim(session_id=session.pk, worker="bench")
        session = Session.objects.get(pk=session.pk)
        tracker = ProgressTracker(session_id=session.pk, worker="bench", snapshot=session.progress)
        wall, cpu = time.perf_counter(), _cpu()
        ExtractionService(session=session, tracker=tracker).run()
        wall, cpu = time.perf_counter() - wall, _cpu() - cpu
        writes.append((tracker.writes, wall, session.transactions.count()))
        return wall, cpu

    def timed(function) -> tuple[float, float]:
        wall, cpu = time.perf_counter(), _cpu()
        result = function()
        if result is not None:
            return result
        return time.perf_counter() - wall, _cpu() - cpu

    results: dict[str, list[tuple[float, float]]] = {"bare": [], "plain": [], "recon": []}
    recon()  # warm-up: imports, pattern compilation, database caches
    writes.clear()
    for _ in range(args.rounds):
        for name, function in (("bare", bare), ("plain", plain), ("recon", recon)):
            results[name].append(timed(function))

    wall = {name: statistics.median(t[0] for t in times) for name, times in results.items()}
    cpu = {name: statistics.median(t[1] for t in times) for name, times in results.items()}
    pages = args.pages
    print(
        f"{pages}-page statement, {args.rounds} rounds, medians "
        f"({'PostgreSQL' if args.database_url else 'SQLite'}):"
    )
    print(f"  {'':<6} {'wall':>8} {'pages/s':>8} {'cpu':>8}")
    for name in ("bare", "plain", "recon"):
        print(f"  {name:<6} {wall[name]:7.3f}s {pages / wall[name]:8.0f} {cpu[name]:7.3f}s")
    print(
        f"  ratio recon/bare: wall {wall['recon'] / wall['bare']:.2f}, "
        f"cpu {cpu['recon'] / cpu['bare']:.2f}  (target <= 1.5)"
    )
    count, elapsed, rows = writes[-1]
    # Boundaries: phase start and end, file start and end.
    allowance = math.ceil(elapsed / 2.5) + 4
    print(
        f"  progress writes: {count} in {elapsed:.2f} s for {rows} transactions "
        f"(allowance: one per 2.5 s + 4 boundaries = {allowance})"
    )
    floor(data, owner, statement, rounds=args.rounds, bare=wall["bare"])


def floor(data: bytes, owner, statement: Path, *, rounds: int, bare: float) -> None:
    """Each stage's CPU on one core, and the least wall-clock time any schedule of them on this
    machine's cores could take."""
    import pymupdf
    from django.core.files import File
    from django.db import transaction

    from processing.patterns import PatternSet
    from processing.statements import StatementFileReader, page_content
    from processing.upload import IncomingFile, create_session
    from processing.writer import RecordWriter

    with statement.open("rb") as handle:
        session = create_session(
            owner=owner,
            name="stages",
            statements=[IncomingFile(name=statement.name, content=File(handle))],
        )
    uploaded = session.files.get()
    patterns = PatternSet.load()
    stages = ("mupdf", "pages", "transfer", "document", "write")
    times: dict[str, list[float]] = {stage: [] for stage in stages}
    for _ in range(rounds):
        spent = dict.fromkeys(stages, 0.0)
        clock = time.process_time
        document = pymupdf.open(stream=data, filetype="pdf")
        reader = StatementFileReader(patterns, profiles=[])
        # Page by page, as the run goes: each stage's share of a page timed on its own.
        for page in document:
            start = clock()
            words = page.get_text("words")
            read = clock()
            content = page_content(page, words)
            made = clock()
            content = pickle.loads(pickle.dumps(content, pickle.HIGHEST_PROTOCOL))
            sent = clock()
            reader.read_page(content, page=page.number + 1)
            done = clock()
            spent["mupdf"] += read - start
            spent["pages"] += made - read
            spent["transfer"] += sent - made
            spent["document"] += done - sent
        document.close()
        start = clock()
        rows = reader.finish()
        written = clock()
        spent["document"] += written - start
        # Wall-clock time: on PostgreSQL the server's share runs in its own process (and on
        # this machine's cores).
        written = time.perf_counter()
        with transaction.atomic():
            with RecordWriter(session=session, source_file=uploaded, employees={}) as writer:
                for first in range(0, len(rows), writer.batch_size):
                    writer.add(rows[first : first + writer.batch_size])
            transaction.set_rollback(True)  # the next round writes them again
        spent["write"] += time.perf_counter() - written
        for stage, seconds in spent.items():
            times[stage].append(seconds)

    median = {stage: statistics.median(values) for stage, values in times.items()}
    cores = len(os.sched_getaffinity(0))
    total = sum(median.values())
    ordered = median["document"] + median["write"]
    least = max(total / cores, ordered)
    print(
        "  work by stage, one core: "
        + ", ".join(f"{stage} {seconds:.3f}s" for stage, seconds in median.items())
        + f" = {total:.3f}s"
    )
    print(
        f"  floor on {cores} cores: {least:.3f}s = {least / bare:.2f}x bare "
        f"(the larger of all work / {cores} cores = {total / cores:.3f}s "
        f"and the in-order stages, document + write = {ordered:.3f}s)"
    )


if __name__ == "__main__":
    main()
