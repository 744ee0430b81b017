"""Soak the command line with generated hostile drafts and registries (not a test).

    python benchmarks/fuzz.py [--inputs 10000] [--seed 1]

Each input is a draft (text, Markdown or HTML; odd bytes, encodings, line endings, very
long lines, deep nesting, statements packed together, suppression markers), linted with
either the fixture registry or a generated, often broken, registry; a quarter of the
runs use `--fix`, and then `--show-diff` must find nothing left to fix. statlint runs in
process, as `statlint.entry.main`; a crash is any exception that escapes it, an exit code
other than 0, 1 or 2, or a fix that a second run would change again; a hang is a run that
takes more than 30 s (it is stopped). Prints the number of inputs, crashes and hangs (the
first few reproduced) and the slowest input's throughput.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import signal
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REGISTRY = ROOT / "fixtures" / "registries" / "london.yaml"
PIECES = [
    "Homicides fell 24% in the year to March 2025 compared with 2019.",
    "Since 2019 there has been a 21 per cent reduction in homicides",
    "The number of police officers hits 33,000",
    "around 30,000 police officers",
    " (year to March 2025)",
    "since 2019",
    "£1.5m",
    "nearly 500 (497) people",
    "(down 3%)",
    "\n- ",
    ":\n",
    "from 2,117 to 2,390",
    "a third of",
    "halved",
    "from twelve to seven",
    " per cent ",
    "%",
    "£",
    "(",
    ")",
    ";",
    "2024/25",
    "FY 2024/25",
    "Non-DA",
    "<!-- statlint: disable SL201 -->",
    "statlint: ignore",
    "<!-- statlint: enable -->",
    "| a | b |\n| --- | --- |\n| x | 5% |\n",
    "```\n24%\n```",
    "<p>",
    "</p>",
    "<script>",
    "&pound;",
    "&#163;",
    "\u00a0",
    "\u202f",
    "\ufeff",
    "\t",
    "\r\n",
    "\r",
    "\n\n",
    "𝟚𝟜%",
    "٢٤٪",
    "1e308",
    "9" * 400,
    "0.000000001%",
    "-",
    "—",
]


# "Billion laughs": nine levels of nine aliases each, 387 million nodes once expanded.
ALIAS_BOMB = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]\n" for n in range(1, 9)
)


def draft(rng: random.Random) -> bytes:
    kind = rng.random()
    if kind < 0.05:
        return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 2000)))
    if kind < 0.1:
        return ("(" * rng.randrange(1, 20000) + "24%" + ")" * rng.randrange(1, 20000)).encode()
    if kind < 0.15:
        return ("a 24% fall in homicides since 2019, " * rng.randrange(1, 3000)).encode()
    text = "".join(
        rng.choice(PIECES) + rng.choice(["", " ", "  "]) for _ in range(rng.randrange(1, 200))
    )
    encoding = rng.choice(["utf-8", "utf-8", "utf-8-sig", "cp1252", "utf-16"])
    return text.encode(encoding, errors="replace")


def registry(rng: random.Random, folder: Path) -> str:
    if rng.random() < 0.6:
        return str(REGISTRY)
    text = REGISTRY.read_text()
    mutations = [
        lambda t: t.replace("value: -24", "value: lots"),
        lambda t: t.replace('period: "2024-04/2025-03"', 'period: "2024-13"', 1),
        lambda t: t[: rng.randrange(len(t))],
        lambda t: t.replace("metrics:", "metrics: !!python/object:os.system"),
        lambda t: ALIAS_BOMB,
        lambda t: t + "\n" + "".join(rng.choice(PIECES) for _ in range(20)),
        lambda t: "\x00\xff",
        lambda t: "",
    ]
    path = folder / f"registry-{rng.randrange(10**9)}.yaml"
    path.write_text(rng.choice(mutations)(text), encoding="utf-8", errors="replace")
    return str(path)


HANG_SECONDS = 30


class Hang(Exception):
    """A run that went on past HANG_SECONDS."""


def _stop(signum, frame):
    raise Hang(f"still running after {HANG_SECONDS} s")


def run_once(arguments: list[str], cap: float = HANG_SECONDS) -> int:
    from statlint.cli.entry import main

    previous = signal.signal(signal.SIGALRM, _stop)
    signal.setitimer(signal.ITIMER_REAL, cap)
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            return main(arguments)
        except SystemExit as stop:
            return stop.code if isinstance(stop.code, int) else 2
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def _show_diff(arguments: list[str]) -> list[str]:
    return ["--show-diff" if argument == "--fix" else argument for argument in arguments]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    crashes, hangs, slowest = [], [], (0.0, 0, "")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        os.environ["STATLINT_CACHE_DIR"] = str(folder / "cache")  # not the user's cache
        started = time.perf_counter()
        for number in range(args.inputs):
            suffix = rng.choice([".txt", ".md", ".html"])
            path = folder / f"draft-{number}{suffix}"
            data = draft(rng)
            path.write_bytes(data)
            arguments = [
                "lint",
                "--registry",
                registry(rng, folder),
                "--format",
                rng.choice(["text", "json", "sarif", "github"]),
                "-j",
                "1",
                str(path),
            ]
            fixing = rng.random() < 0.25
            if fixing:
                arguments.insert(1, "--fix")
            began = time.perf_counter()
            try:
                code = run_once(arguments)
                if code not in (0, 1, 2):
                    crashes.append((arguments, f"exit code {code}"))
                elif fixing and code != 2 and run_once(_show_diff(arguments)) != 0:
                    crashes.append((arguments, "a second run would fix more"))
            except Hang as hang:
                hangs.append((arguments, str(hang)))
            except Exception:  # noqa: BLE001 - a crash is what this script counts
                crashes.append((arguments, traceback.format_exc()))
            seconds = time.perf_counter() - began
            if seconds > slowest[0]:
                slowest = (seconds, len(data), str(path.name))
            path.unlink()
        total = time.perf_counter() - started
    print(f"inputs tried: {args.inputs} ({total:.0f} s)")
    print(f"crashes: {len(crashes)}")
    for arguments, error in crashes[:3]:
        print("  ", " ".join(arguments), "\n", error)
    print(f"hangs (over {HANG_SECONDS} s): {len(hangs)}")
    for arguments, error in hangs[:3]:
        print("  ", " ".join(arguments), "\n", error)
    seconds, size, name = slowest
    print(
        f"slowest input: {name}, {size:,} bytes in {seconds * 1000:.0f} ms "
        f"({size / 1e6 / seconds:.2f} MB/s)"
    )


if __name__ == "__main__":
    main()
