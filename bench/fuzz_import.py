"""Fuzz the import path: every parser and normaliser an article goes through before storage.

Run:
    .venv/bin/python bench/fuzz_import.py                  # 12,000 inputs, at most 300 s
    .venv/bin/python bench/fuzz_import.py --count 50000 --seconds 900 --seed 7

Inputs are seeded mutations of the real articles in claims/demo and corpus/ (bit flips, byte
insertions, truncation, splices, other encodings, NUL and control characters, markup, huge
numbers, long lines) and random bytes. Each goes through the import path without the database:

    parse_upload (.txt and .html) → prepare_body → clean_line / canonical_url / looks_english

and the text normalisers (clean_text, parse_number, parse_ordinal, parse_duration,
resolve_date, count_interval + format_count on any parsed number). An input *fails* when
anything raises other than ``ArticleInputError`` (the documented refusal with a message) or one
step takes longer than 10 s. Prints how many inputs it tried and how many failed, and writes
``bench/results/fuzz.json`` with counts, timings and the first failures per kind (repr'd input
prefixes). Exit status 0 unless ``--strict`` and something failed. Deterministic per seed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from claims.importing import (  # noqa: E402
    ArticleInputError,
    canonical_url,
    clean_line,
    looks_english,
    parse_upload,
    prepare_body,
)
from claims.nlp import normalize  # noqa: E402
from claims.nlp.clean import clean_text  # noqa: E402

NUMBER_RE = re.compile(r"[\d][\d,.]*(?: (?:thousand|million|billion))?")
RESULTS = ROOT / "bench" / "results" / "fuzz.json"
SLOW_STEP = 10.0
SNIPPETS = [
    b"\x00",
    b"\x00\x00\x00",
    b"\x1b[31m",
    b"\x07",
    b"\r",
    b"\r\n",
    b"\t",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\xc3\x28",
    b"\xed\xa0\x80",
    b"\xf0\x9f\x92\xa9",
    b"<script>alert(1)</script>",
    b"<html><body>",
    b"</p><p>",
    b"<!--",
    b"&#0;",
    b"&#x110000;",
    b"URL: ",
    b"DATE: 2025-13-45",
    b"OUTLET: ",
    b"DATE: ",
    b"9" * 320,
    b"1e999",
    b"nearly 3,000,000,000,000",
    b"-0",
    b"twenty-one thousand and fifty",
    b"last Tuesday night",
    b"31 February 2025",
    "\u2028".encode(),
    b"x" * 5000,
    b"." * 200,
    b"https://EXAMPLE.org/a/?utm_source=x#f",
    b"http://[::1]:99999/",
]


def seeds() -> list[tuple[str, bytes]]:
    files = sorted(
        p
        for folder in (ROOT / "claims" / "demo", ROOT / "corpus")
        if folder.exists()
        for p in folder.rglob("*")
        if p.is_file() and p.suffix in {".txt", ".html", ".htm"}
    )
    found = [(p.suffix, p.read_bytes()[:60_000]) for p in files]
    return found or [(".txt", b"Headline\n\nThe fire started on Monday. About 300 homes.")]


def mutate(rng: random.Random, data: bytes) -> bytes:
    data = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        op = rng.randrange(9)
        pos = rng.randrange(len(data) + 1)
        if op == 0 and data:  # bit flips
            for _ in range(rng.randint(1, 20)):
                i = rng.randrange(len(data))
                data[i] ^= 1 << rng.randrange(8)
        elif op == 1:
            data[pos:pos] = rng.choice(SNIPPETS)
        elif op == 2:  # truncate
            del data[rng.randrange(len(data) + 1) :]
        elif op == 3 and data:  # splice a chunk elsewhere
            a = rng.randrange(len(data))
            chunk = data[a : a + rng.randint(1, 2000)]
            data[pos:pos] = chunk
        elif op == 4:
            data[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
        elif op == 5:  # re-encode as another encoding
            text = bytes(data).decode("utf-8", "replace")
            enc = rng.choice(["utf-16", "utf-32", "cp1252", "latin-1", "cp1251", "shift_jis"])
            data = bytearray(text.encode(enc, "replace"))
        elif op == 6 and data:  # drop all line breaks: one long line
            data = bytearray(bytes(data).replace(b"\n", b" "))
        elif op == 7:
            data[pos:pos] = rng.choice(SNIPPETS) * rng.randint(1, 50)
        elif op == 8 and data:  # delete a chunk
            del data[pos : pos + rng.randint(1, 500)]
    return bytes(data)


def random_input(rng: random.Random) -> bytes:
    kind = rng.randrange(4)
    if kind == 0:
        return bytes(rng.randrange(256) for _ in range(rng.randint(0, 2000)))
    if kind == 1:
        return "".join(chr(rng.randrange(0x110000)) for _ in range(rng.randint(0, 300))).encode(
            "utf-8", "surrogatepass"
        )
    if kind == 2:
        return b" ".join(rng.choice(SNIPPETS) for _ in range(rng.randint(0, 40)))
    return b"Headline\n\n" + b" ".join(rng.choice(SNIPPETS) for _ in range(rng.randint(1, 80)))


def run_one(suffix: str, data: bytes, published: dt.date | None) -> None:
    """One input through the import path; raises whatever escapes."""
    try:
        parsed = parse_upload("input" + suffix, data)
        body = prepare_body(parsed.body)
    except ArticleInputError:
        parsed, body = None, data.decode("utf-8", "replace")
    if parsed is not None:
        clean_line(parsed.title)
        canonical_url(parsed.url)
    looks_english(body)
    text = clean_text(body)[:3000]
    for piece in text.split("\n")[:20]:
        piece = piece[:1000]
        normalize.parse_ordinal(piece)
        normalize.parse_duration(piece)
        normalize.resolve_date(piece, published)
        # Numbers as the extractor hands them over: the number-like spans of the line.
        for match in NUMBER_RE.finditer(piece):
            value = normalize.parse_number(match.group(0))
            if value is not None:
                for qualifier in ("", "about", "more than"):
                    low, high = normalize.count_interval(value, qualifier)
                    normalize.format_count(low, high)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=12_000, help="inputs to try (default 12000)")
    parser.add_argument("--seconds", type=float, default=300.0, help="stop after this long")
    parser.add_argument("--seed", type=int, default=20251125)
    parser.add_argument("--strict", action="store_true", help="exit 1 when anything failed")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)

    rng = random.Random(args.seed)
    corpus = seeds()
    started = time.monotonic()
    tried = 0
    failures: Counter[str] = Counter()
    examples: dict[str, dict] = {}
    slowest = 0.0
    while tried < args.count and time.monotonic() - started < args.seconds:
        if rng.random() < 0.8:
            suffix, seed = rng.choice(corpus)
            data = mutate(rng, seed)
        else:
            suffix, data = rng.choice([".txt", ".html"]), random_input(rng)
        published = rng.choice([None, dt.date(2025, 9, 2), dt.date(1999, 12, 31)])
        tried += 1
        t0 = time.monotonic()
        try:
            run_one(suffix, data, published)
        except Exception as exc:  # anything escaping is a finding
            kind = f"{exc.__class__.__name__} in {traceback.extract_tb(exc.__traceback__)[-1].name}"
            failures[kind] += 1
            examples.setdefault(
                kind,
                {"message": str(exc)[:300], "suffix": suffix, "input_prefix": repr(data[:300])},
            )
        elapsed = time.monotonic() - t0
        slowest = max(slowest, elapsed)
        if elapsed > SLOW_STEP:
            failures["slow (> 10 s)"] += 1
            examples.setdefault("slow (> 10 s)", {"seconds": round(elapsed, 1)})
    duration = time.monotonic() - started
    failed = sum(failures.values())
    result = {
        "tried": tried,
        "failed": failed,
        "failures_by_kind": dict(failures.most_common()),
        "examples": examples,
        "seconds": round(duration, 1),
        "inputs_per_second": round(tried / duration, 1) if duration else None,
        "slowest_input_seconds": round(slowest, 3),
        "seed": args.seed,
        "seed_files": len(corpus),
        "stopped_by": "count" if tried >= args.count else "time limit",
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    print(f"fuzz_import: tried {tried} inputs in {duration:.0f} s, {failed} failed")
    for kind, n in failures.most_common():
        print(f"  {n:6d}  {kind}: {examples[kind].get('message', '')[:120]}")
    print(f"results: {args.output}")
    return 1 if (args.strict and failed) else 0


if __name__ == "__main__":
    sys.exit(main())
