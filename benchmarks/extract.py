"""Extraction throughput on a corpus built from the seeds (not part of the test suite).

    python benchmarks/extract.py [--mb 2] [--repeat 3]

Prints MB/s of `statlint.extract` over the corpus (best of --repeat runs), the claims
found, and, when quantulum3 is installed (the `bench` extra), its MB/s on the same text.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from run import best  # benchmarks/run.py, beside this script

from statlint.extract.claims import extract
from statlint.read.document import Document

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"


def corpus(megabytes: float, seed: int = 7) -> str:
    """Seed paragraphs shuffled and repeated until the corpus has the size asked for."""
    paragraphs = [
        block
        for path in sorted(SEEDS.glob("*.txt"))
        for block in path.read_text(encoding="utf-8").split("\n\n")
        if block.strip()
    ]
    rng = random.Random(seed)
    parts, size = [], 0
    while size < megabytes * 1_000_000:
        block = rng.choice(paragraphs)
        parts.append(block)
        size += len(block.encode("utf-8")) + 2
    return "\n\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=2.0, help="corpus size in MB")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    text = corpus(args.mb)
    megabytes = len(text.encode("utf-8")) / 1_000_000
    document = Document.from_text("corpus.txt", text)
    claims = extract(document)
    seconds = best(lambda: extract(document), args.repeat)
    print(f"corpus: {megabytes:.2f} MB from {len(list(SEEDS.glob('*.txt')))} seeds")
    print(f"statlint extract: {megabytes / seconds:8.2f} MB/s  ({len(claims)} claims)")
    try:
        from quantulum3 import parser as quantulum
    except ImportError:
        print("quantulum3: not installed (pip install -e '.[bench]' to compare)")
        return
    sample = text[:50_000]
    q_seconds = best(lambda: quantulum.parse(sample), 1)
    q_rate = len(sample.encode("utf-8")) / 1_000_000 / q_seconds
    print(
        f"quantulum3 parse: {q_rate:8.4f} MB/s  (on the first 50 kB; "
        f"statlint is {megabytes / seconds / q_rate:,.0f}x faster)"
    )


if __name__ == "__main__":
    main()
