"""Archive mode: a generated archive of press releases linted with -j 1 and -j 2.

    python benchmarks/archive.py [--files 5000] [--repeat 2]

Builds the archive from the seeds and the rule fixtures in a temporary folder (nothing is
committed), runs `statlint --registry fixtures/registries/london.yaml --format json` over
it with one and with two processes, and prints the wall times, the speed-up and whether
the two outputs are byte-identical.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REGISTRY = ROOT / "fixtures" / "registries" / "london.yaml"


def paragraphs() -> list[str]:
    found = []
    sources = [
        *sorted((ROOT / "fixtures" / "seeds").glob("*.txt")),
        *sorted((ROOT / "fixtures" / "rules").glob("*.txt")),
    ]
    for path in sources:
        for block in path.read_text(encoding="utf-8").split("\n\n"):
            if block.strip() and not block.lstrip().startswith("#"):
                found.append(block.strip())
    return found


def build(folder: Path, files: int, seed: int = 11) -> int:
    """Write `files` drafts of 3 to 12 paragraphs each; returns the bytes written."""
    rng = random.Random(seed)
    pool = paragraphs()
    size = 0
    for number in range(files):
        text = "\n\n".join(rng.choice(pool) for _ in range(rng.randint(3, 12))) + "\n"
        path = folder / f"{number // 500:02d}" / f"release-{number:05d}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        size += len(text.encode("utf-8"))
    return size


def run(folder: Path, jobs: int) -> tuple[float, bytes]:
    command = [
        sys.executable,
        "-m",
        "statlint",
        "--registry",
        str(REGISTRY),
        "--format",
        "json",
        "-j",
        str(jobs),
        str(folder),
    ]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, check=False)
    if done.returncode not in (0, 1):
        raise SystemExit(done.stderr.decode())
    return time.perf_counter() - started, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        size = build(Path(folder), args.files)
        print(f"archive: {args.files} files, {size / 1e6:.1f} MB")
        timings = {}
        outputs = {}
        for jobs in (1, 2):
            runs = [run(Path(folder), jobs) for _ in range(args.repeat)]
            timings[jobs] = min(seconds for seconds, _ in runs)
            outputs[jobs] = runs[0][1]
            print(f"-j {jobs}: {timings[jobs]:6.2f} s  ({size / 1e6 / timings[jobs]:.2f} MB/s)")
        print(f"speed-up -j 2 over -j 1: {timings[1] / timings[2]:.2f}x")
        print(f"outputs byte-identical: {outputs[1] == outputs[2]} ({len(outputs[1]):,} bytes)")


if __name__ == "__main__":
    main()
