"""The benchmark suite: one command, one table (not part of the test suite).

    python benchmarks/run.py [--quick]

Builds corpora from the fixtures (1 MB and 10 MB of prose, 5,000 small files) in a
temporary folder and prints:
- extraction MB/s (in process) and full lint MB/s with the fixture registry (`statlint
  -j 1` as a user runs it), on 1 MB and 10 MB, and the 10 MB / 1 MB time ratio;
- the cold start of `statlint one-page-draft.txt` as a ratio to `python -c pass` of the
  same interpreter (median of 9 runs, in the draft's folder), bare and with a
  statlint.toml naming the registry. Measure it in a venv with `pip install '.[bench]'`:
  an editable install's import hook slows every interpreter start, `pass` included;
- peak RSS of the 10 MB lint;
- pathological inputs (1 MB of digits, 100,000 "%" signs, a 1 MB line, 50,000 nested
  parentheses): extraction MB/s each; then two dense inputs (a statement every few
  bytes), which show the cost per statement;
- when installed (`pip install '.[bench]'`), quantulum3's extraction and proselint's
  lint on the same text, as ratios to statlint.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REGISTRY = ROOT / "fixtures" / "registries" / "london.yaml"
BIN = Path(sys.executable).parent


def paragraphs() -> list[str]:
    found = []
    for path in sorted((ROOT / "fixtures").glob("*/*.txt")):
        for block in path.read_text(encoding="utf-8").split("\n\n"):
            if block.strip() and not block.lstrip().startswith("#"):
                found.append(block.strip())
    return found


def documents(folders=("seeds",)) -> list[str]:
    """Fixture documents whole, comment lines left out. Prose corpora are built from the
    seeds, the real releases and letters; the rule drafts are test cases written to be
    wrong in every paragraph, so they make a separate, denser corpus."""
    found = []
    for path in sorted(p for folder in folders for p in (ROOT / "fixtures" / folder).glob("*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        found.append("\n".join(line for line in lines if not line.startswith("#")).strip())
    return found


def prose(megabytes: float, seed: int = 3, folders=("seeds",)) -> str:
    rng = random.Random(seed)
    pool = documents(folders)
    parts, size = [], 0
    while size < megabytes * 1_000_000:
        document = rng.choice(pool)
        parts.append(document)
        size += len(document.encode("utf-8")) + 2
    return "\n\n".join(parts) + "\n"


def pathological(text: str) -> dict[str, str]:
    """Hostile inputs: each must extract at 1 MB/s or more."""
    return {
        "1 MB of digits": "7" * 1_000_000,
        "100,000 % signs": "%" * 100_000,
        "1 MB line, no newline": text[:1_000_000].replace("\n", " "),
        "50,000 nested parentheses": "(" * 50_000 + "24%" + ")" * 50_000,
    }


def dense() -> dict[str, str]:
    """Every few bytes a statement: linear, but bound by the work each statement takes
    (tens of microseconds), so slower than the pathological inputs per MB."""
    return {
        "1 MB of statements back to back": "a 24% fall in homicides since 2019, " * 28_000,
        "1 MB of numbers and spaces": "12 34% £5m 2019 " * 62_500,
    }


def megabytes(text: str) -> float:
    return len(text.encode("utf-8")) / 1_000_000


def best(run, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def wall(command: list[str], repeat: int = 1) -> float:
    return best(
        lambda: subprocess.run(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False
        ),
        repeat,
    )


def median_wall(command: list[str], runs: int = 9, cwd: Path | None = None) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def statlint(*args: str) -> list[str]:
    return [str(BIN / "statlint"), *args]


def lint_command(path: Path) -> list[str]:
    return statlint("--registry", str(REGISTRY), "-j", "1", "--no-config", str(path))


def row(name: str, value: str, note: str = "") -> None:
    print(f"{name:<44} {value:>14}  {note}")


def extraction(text: str, repeat: int) -> float:
    from statlint.extract.claims import extract
    from statlint.read.document import Document

    document = Document.from_text("corpus.txt", text)
    return megabytes(text) / best(lambda: extract(document), repeat)


def peak_rss_mb(command: list[str]) -> float:
    """Peak RSS of one run, measured by a fresh parent (RUSAGE_CHILDREN keeps the maximum
    over every child a process ever had)."""
    probe = (
        "import resource, subprocess, sys; "
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    done = subprocess.run([sys.executable, "-c", probe, *command], capture_output=True, text=True)
    return int(done.stdout.strip()) / 1024


def peers(folder: Path, text: str, statlint_extract: float, statlint_lint: float) -> None:
    sample = text[:100_000]
    try:
        from quantulum3 import parser as quantulum
    except ImportError:
        row("quantulum3 extraction", "not installed", "pip install -e '.[bench]'")
    else:
        rate = megabytes(sample) / best(lambda: quantulum.parse(sample), 1)
        row(
            "quantulum3 extraction (100 kB)",
            f"{rate:.4f} MB/s",
            f"statlint extracts {statlint_extract / rate:,.0f}x faster",
        )
    proselint = shutil.which("proselint", path=str(BIN))
    if not proselint:
        row("proselint lint", "not installed", "pip install -e '.[bench]'")
        return
    path = folder / "proselint-1mb.txt"
    path.write_text(text[:1_000_000], encoding="utf-8")
    seconds = wall([proselint, "check", str(path)])
    rate = megabytes(path.read_text(encoding="utf-8")) / seconds
    row(
        "proselint lint (1 MB)",
        f"{rate:.2f} MB/s",
        f"statlint lints {statlint_lint / rate:,.1f}x faster",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats, no 5,000 files")
    args = parser.parse_args()
    repeat = 1 if args.quick else 3
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        small, large = prose(1), prose(10)
        (folder / "1mb.txt").write_text(small, encoding="utf-8")
        (folder / "10mb.txt").write_text(large, encoding="utf-8")
        page = folder / "one-page-draft.txt"
        page.write_text((ROOT / "fixtures/seeds/000_60c6f7e6b95cca2a.txt").read_text())

        print(f"{'measure':<44} {'value':>14}  note")
        rate_extract = extraction(large, repeat)
        row("extraction, 10 MB (in process)", f"{rate_extract:.2f} MB/s")
        small_seconds = wall(lint_command(folder / "1mb.txt"), repeat)
        large_seconds = wall(lint_command(folder / "10mb.txt"), repeat)
        rate_lint = megabytes(large) / large_seconds
        row("full lint, 1 MB (statlint -j 1)", f"{megabytes(small) / small_seconds:.2f} MB/s")
        row("full lint, 10 MB (statlint -j 1)", f"{rate_lint:.2f} MB/s", "per core")
        row("10 MB time / 1 MB time", f"{large_seconds / small_seconds:.2f}x", "linear: ~10")
        densest = folder / "10mb-dense.txt"
        densest.write_text(prose(10, folders=("seeds", "rules")), encoding="utf-8")
        dense_rate = megabytes(densest.read_text(encoding="utf-8")) / wall(lint_command(densest))
        row(
            "full lint, 10 MB seeds + rule cases",
            f"{dense_rate:.2f} MB/s",
            "every rule case is a finding: the densest input",
        )
        row("peak RSS, 10 MB lint", f"{peak_rss_mb(lint_command(folder / '10mb.txt')):.0f} MB")

        bare = median_wall([sys.executable, "-c", "pass"])
        # Run where the draft is, as an editor would: the configuration is looked for
        # from the working folder up, and this repository's own pyproject.toml is not
        # the user's. The second row is the pre-commit set-up: a statlint.toml naming
        # the registry. Each is timed after one warm-up run has filled the caches.
        for name, setup in (
            ("", None),
            (", statlint.toml + registry", f'registry = "{REGISTRY}"\n'),
        ):
            drafts = folder / f"drafts{len(name)}"
            drafts.mkdir()
            (drafts / page.name).write_text(page.read_text())
            if setup:
                (drafts / "statlint.toml").write_text(setup)
            subprocess.run(statlint(page.name), cwd=drafts, capture_output=True)
            cold = median_wall(statlint(page.name), cwd=drafts)
            row(
                f"cold start, one-page draft{name}",
                f"{cold * 1000:.0f} ms",
                f"{cold / bare:.1f}x python -c pass ({bare * 1000:.0f} ms)",
            )

        if not args.quick:
            archive = folder / "archive"
            archive.mkdir()
            rng = random.Random(9)
            pool = paragraphs()
            for number in range(5000):
                text = "\n\n".join(rng.choice(pool) for _ in range(rng.randint(3, 12)))
                (archive / f"release-{number:05d}.txt").write_text(text + "\n")
            size = sum(p.stat().st_size for p in archive.iterdir()) / 1e6
            seconds = wall(
                statlint("--registry", str(REGISTRY), "-j", "1", "--no-config", str(archive))
            )
            row(
                "5,000 small files (statlint -j 1)",
                f"{size / seconds:.2f} MB/s",
                f"{seconds:.1f} s for {size:.1f} MB",
            )

        for name, text in pathological(large).items():
            # best of three: one run of a second or less is at the mercy of the machine
            row(f"pathological: {name}", f"{extraction(text, 3):.2f} MB/s", "target >= 1")
        for name, text in dense().items():
            row(f"dense: {name}", f"{extraction(text, 1):.2f} MB/s")
        peers(folder, large, rate_extract, rate_lint)


if __name__ == "__main__":
    main()
