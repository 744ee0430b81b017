"""`statlint init`: a starter registry, configuration and pre-commit hook for a repository."""

from __future__ import annotations

from pathlib import Path

# A neutral starter: one change, one level and one money figure, every field explained.
REGISTRY = """\
# The canonical figures registry: the figures this office publishes, one entry each.
# Check it with:  statlint registry check registry.yaml
# Quote every period and date ("2024"), or YAML reads them as numbers and dates.
version: 1
# financial_year_start: 4      # the month "2024/25" starts in (April unless said)
# place: England               # the area all figures cover: a draft naming another is not matched
metrics:
  library_visits:               # an id: lower case letters, digits and underscores
    name: Library visits        # what messages call it
    aliases:                    # how drafts name it: every word of one must be in the statement
      - library visits
      - visits to libraries
    # description: Visits to the council's 12 libraries, counted at the door
    # vocabulary:               # the words of your field, so that matching stays exact
    #   synonyms: {loans: borrowing}   # words that mean the same
    #   filler: [total, annual]        # words a statement may add without changing it
    #   qualifiers: [online]           # words that make it another figure
  council_budget:
    name: Council budget
    aliases: [council budget, the budget]
figures:
  # A change: a signed percent from a baseline (-12 is a 12% fall since 2019).
  - metric: library_visits
    value: -12
    unit: percent               # percent | percentage_points | count | GBP | USD | EUR
                                # | seconds | minutes | hours | days | weeks | months | years
    baseline: "2019"            # present: the figure is a change from this period
    period: "2024-04/2025-03"   # ISO: "2024", "2024-05", "2024-04/2025-03" (the year to March)
    published: "2025-05-01"     # when it was first published
    source: "Library statistics, May 2025"   # quoted in messages
    # status: withdrawn         # published in error: quoting it is an error
    # target: true              # a target or pledge, not an outturn
  # A level: an amount at a time (no baseline).
  - metric: library_visits
    value: 1250000
    unit: count
    period: "2024-04/2025-03"
  # Money, in pounds: £45m is 45000000. A rate adds `per: day | week | month | year`, or
  # is written `unit: {per: 100000}` for a rate per 100,000 people.
  - metric: council_budget
    value: 45000000
    unit: GBP
    period: "2025-04/2026-03"
"""

# Fuller examples of three fields (`statlint init --example NAME`).
EXAMPLES = {
    "crime": """\
version: 1
metrics:
  homicide:
    name: Homicides
    aliases: [homicides, murders]
  knife_injury_u25:
    name: Knife crime with injury, victims aged under 25
    aliases: [knife crime with injury for those aged under 25, knife injury under 25]
figures:
  - {metric: homicide, value: -24, unit: percent, baseline: "2019", period: "2024-04/2025-03",
     source: "Crime dashboard, April 2025"}
  - {metric: homicide, value: 109, unit: count, period: "2024"}
  - {metric: knife_injury_u25, value: -27, unit: percent, baseline: "2019",
     period: "2024-04/2025-03", source: "Crime dashboard, April 2025"}
""",
    "health": """\
version: 1
metrics:
  ae_four_hours:
    name: A&E attendances seen within four hours
    aliases: [seen within four hours, within four hours]
  ambulance_category_2:
    name: Average ambulance response time, category 2
    aliases: [category 2 response time, average response time for category 2]
figures:
  - {metric: ae_four_hours, value: 74.2, unit: percent, period: "2025-03"}
  - {metric: ae_four_hours, value: 78, unit: percent, period: "2025-04/2026-03", target: true}
  - {metric: ambulance_category_2, value: 28, unit: minutes, period: "2025-03",
     source: "Ambulance quality indicators, April 2025"}
""",
    "housing": """\
version: 1
metrics:
  rough_sleepers:
    name: People sleeping rough on a single night
    aliases: [people sleeping rough, rough sleepers]
  private_rent:
    name: Average monthly private rent
    aliases: [average private rent, average rent]
figures:
  - {metric: rough_sleepers, value: 4667, unit: count, period: "2024-11"}
  - {metric: rough_sleepers, value: 20, unit: percent, baseline: "2023-11", period: "2024-11"}
  - {metric: private_rent, value: 1335, unit: GBP, per: month, period: "2025-04",
     source: "Price Index of Private Rents, May 2025"}
""",
}

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


def init(folder: Path, example: str | None = None) -> list[tuple[str, bool]]:
    """Write each starter file that does not exist yet: [(name, written)]. `example`
    writes that field's registry instead of the neutral starter."""
    done = []
    files = {**FILES, "registry.yaml": EXAMPLES[example]} if example else FILES
    for name, text in files.items():
        target = folder / name
        try:
            with open(target, "x", encoding="utf-8") as stream:  # never overwrites
                stream.write(text)
            done.append((name, True))
        except FileExistsError:
            done.append((name, False))
    return done
