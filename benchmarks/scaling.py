"""The scaling guard: hostile inputs must cost linear time (not a test).

    python benchmarks/scaling.py [--size 25000]

For each family of generated hostile input (long clauses, separators, unclosed markup,
suppression markers, tables, digits, currency signs), lints a draft of about `size` bytes
and one four times larger, in process as `statlint.entry.main` with the fixture registry,
and prints the time ratio (about 4 when linear; the guard asks for at most 5) and the
larger draft's MB/s (the guard asks for at least 0.2). Exits 1 when a family fails either.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from fuzz import REGISTRY, run_once

MAX_RATIO = 5.0
MIN_RATE = 0.2  # MB/s

PROSE = "Homicides fell 5% in the year to March 2024 compared with 2019. "
ROW = "{i};Camden;{a};{b};-6.7%\n"


def _rows(count: int) -> str:
    return "".join(ROW.format(i=i, a=400 + i % 97, b=380 + i % 89) for i in range(count))


# name: (suffix, make(units) -> text); a unit is a few bytes to a few dozen
FAMILIES = {
    "long clauses": (".txt", lambda n: "Homicides fell 5%; " * n),
    "commas, no full stop": (".txt", lambda n: "down 3%, " * n),
    "semicolon export": (".txt", lambda n: "id;borough;2023;2024;change\n" + _rows(n // 2)),
    "pipe table": (".txt", lambda n: "a|b|c\n" + "x|431|5%\n" * n),
    "markdown table": (".md", lambda n: "| a | b |\n| --- | --- |\n" + "| x | 5% |\n" * n),
    "unclosed comment (md)": (".md", lambda n: "<!-- " + PROSE * (n // 4)),
    "unclosed comments inline (md)": (".md", lambda n: "x <!-- " * n),
    "unclosed tags (md)": (".md", lambda n: "<a " * n),
    "unclosed images (md)": (".md", lambda n: "![ " * n),
    "unclosed code (md)": (".md", lambda n: "`` x ` " * n),
    "tables (html)": (".html", lambda n: "<table><tr><td>Homicides fell 5%</td></tr></table>" * n),
    "unclosed markers": (".txt", lambda n: "statlint: disable SL1\n5%\n" * n),
    "markers that close nothing": (
        ".txt",
        lambda n: "statlint: disable SL1\n" * (n // 2) + "statlint: enable SL9\n" * (n // 2),
    ),
    "digits": (".txt", lambda n: "7" * (n * 8)),
    "numbers": (".txt", lambda n: "1,234 " * n),
    "currency signs": (".txt", lambda n: "£" * (n * 8)),
    "amounts": (".txt", lambda n: "£5m " * n),
    "nested parentheses": (".txt", lambda n: "(" * (n * 4) + "24%" + ")" * (n * 4)),
    "one long line of prose": (".txt", lambda n: PROSE * (n // 8)),
}


def _units(make, size: int) -> int:
    """How many units make about `size` bytes."""
    per_unit = len(make(1000).encode("utf-8")) / 1000
    return max(1, int(size / per_unit))


def _seconds(path: Path) -> float:
    """The run's time; the best of three when it is short, where one stray pause of the
    machine would make a linear family look worse than linear."""
    times: list[float] = []
    while len(times) < 3 and sum(times) < 1.0:
        started = time.perf_counter()
        run_once(["lint", "--registry", str(REGISTRY), "-j", "1", str(path)])
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=25_000, help="bytes of the smaller draft")
    args = parser.parse_args()
    failed = False
    print(f"{'family':34} {'bytes (4n)':>10} {'ratio 4n/n':>10} {'MB/s (4n)':>10}")
    with tempfile.TemporaryDirectory() as name:
        warm = Path(name) / "warm.txt"
        warm.write_text(PROSE)
        _seconds(warm)
        for family, (suffix, make) in FAMILIES.items():
            units = _units(make, args.size)
            times, size = [], 0
            for scale in (1, 4):
                path = Path(name) / f"draft{suffix}"
                path.write_text(make(units * scale), encoding="utf-8")
                size = path.stat().st_size
                times.append(_seconds(path))
            ratio, rate = times[1] / times[0], size / 1e6 / times[1]
            bad = ratio > MAX_RATIO or rate < MIN_RATE
            failed |= bad
            mark = "  FAIL" if bad else ""
            print(f"{family:34} {size:>10,} {ratio:>10.2f} {rate:>10.2f}{mark}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
