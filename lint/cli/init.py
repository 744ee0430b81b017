"""`statlint init`: a starter registry, configuration and pre-commit hook for a repository."""

from __future__ import annotations

from pathlib import Path

REGISTRY = """\
# The canonical figures registry (format: registry-v1). Check it with
#   statlint registry check registry.yaml
version: 1
metrics:
  homicide:
    name: Homicides
    aliases: [homicides, murders]
figures:
  - metric: homicide
    value: -24            # a change is a signed percent: -24 is a 24% fall
    unit: percent         # percent | percentage_points | count | GBP
    baseline: "2019"      # present: a change from this period
    period: "2024-04/2025-03"
    source: "Crime dashboard, April 2025"
"""

CONFIG = """\
# statlint configuration; every key is optional.
registry = "registry.yaml"
fail-on = "warning"
# select = ["SL1", "SL2"]
# ignore = ["SL102"]
# per-file-ignores = { "archive/*" = ["SL104"] }
# severity = { SL102 = "error" }
# baseline = ".statlint-baseline.json"
"""

PRE_COMMIT = """\
repos:
  # statlint as installed in the environment that runs pre-commit (pip install statlint).
  # To let pre-commit install it instead, point a `repo:` at the statlint repository
  # with `hooks: [{id: statlint}]`.
  - repo: local
    hooks:
      - id: statlint
        name: statlint
        entry: statlint
        language: system
        files: \\.(txt|md|markdown|html?|docx)$
        require_serial: true
"""

FILES = {
    "registry.yaml": REGISTRY,
    "statlint.toml": CONFIG,
    ".pre-commit-config.yaml": PRE_COMMIT,
}


def init(folder: Path) -> list[tuple[str, bool]]:
    """Write each starter file that does not exist yet: [(name, written)]."""
    done = []
    for name, text in FILES.items():
        target = folder / name
        try:
            with open(target, "x", encoding="utf-8") as stream:  # never overwrites
                stream.write(text)
            done.append((name, True))
        except FileExistsError:
            done.append((name, False))
    return done
