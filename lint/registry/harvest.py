"""`statlint harvest`: a draft registry from what an archive has published.

Statements are clustered by what they measure (the subject's words), kind, unit, baseline
and period. A cluster whose documents agree becomes a figure; one whose documents
disagree is written with every value as a YAML comment and no figure, for a person to
resolve: the tool never picks a value silently. A cluster with no period cannot be a
figure (the registry needs one) and is listed as a comment too.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from statlint.check.compare import same_figure
from statlint.check.words import SubjectIndex, metric_words, same_subject
from statlint.model import plain_number

_DATE_LINE = re.compile(
    r"^\s*(?:date:\s*)?(\d{1,2})(?:st|nd|rd|th)?\s+(january|february|march|april|may|june|july|"
    r"august|september|october|november|december)\s+((?:19|20)\d\d)\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_MONTHS = "january february march april may june july august september october november december"
DATE_LINES = 20  # a document's own date is on one of its first lines


@dataclass(frozen=True, slots=True)
class Mention:
    source: str  # file name and line
    subject: str
    value: float
    published: str | None


@dataclass(slots=True)
class Cluster:
    words: frozenset
    kind: str
    unit: str
    baseline: str | None
    period: str | None
    mentions: list

    def agrees(self) -> bool:
        first = self.mentions[0].value
        return all(same_figure(first, m.value, self.unit) for m in self.mentions)


def published_date(text: str) -> str | None:
    """The document's own date line ("Date: 1 April 2025", "25 March 2025"), ISO."""
    head = "\n".join(text.split("\n")[:DATE_LINES])
    match = _DATE_LINE.search(head)
    if not match:
        return None
    month = _MONTHS.split().index(match.group(2).lower()) + 1
    return f"{match.group(3)}-{month:02d}-{int(match.group(1)):02d}"


def clusters(documents, extract) -> list[Cluster]:
    """Statements grouped by what they say of the same figure: the same subject (as
    words.same_subject has it), kind, unit, baseline and period."""
    indexes: dict[tuple, SubjectIndex] = {}
    found: list[Cluster] = []
    for document in documents:
        published = published_date(document.source or document.text)
        for claim in (reading.stated() for reading in extract(document)):
            words = metric_words(claim.subject)
            if claim.approximation != "exact" or claim.derived or not words:
                continue
            if claim.kind == "increment":
                continue  # not a level of anything: the registry has no place for it
            key = (claim.kind, claim.unit, claim.baseline, claim.period)
            new = Cluster(words, *key, [])
            cluster = indexes.setdefault(key, SubjectIndex()).first(claim.subject, new)
            if cluster is new:
                found.append(cluster)
            source = f"{Path(claim.path).name}:{claim.line}"
            cluster.mentions.append(Mention(source, claim.subject, claim.value, published))
    return found


def _slug(phrase: str, taken: set) -> str:
    base = re.sub(r"[^a-z0-9]+", "_", phrase.lower()).strip("_")
    if len(base) > 48:
        base = base[:49].rsplit("_", 1)[0]  # whole words only
    base = base if base[:1].isalpha() else f"m_{base}"
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}_{number}", number + 1
    taken.add(slug)
    return slug


def _quote(text) -> str:
    return json.dumps(text, ensure_ascii=False)


def _metric_block(metric: str, phrasings: list[str]) -> list[str]:
    lines = [f"  {metric}:", f"    name: {_quote(phrasings[0][:1].upper() + phrasings[0][1:])}"]
    lines.append("    aliases:")
    lines += [f"      - {_quote(phrase)}" for phrase in phrasings]
    return lines


def _figure_block(metric: str, cluster: Cluster) -> list[str]:
    first = cluster.mentions[0]
    others = len({m.source.split(":")[0] for m in cluster.mentions}) - 1
    source = first.source + (f" and {others} other document(s)" if others else "")
    lines = [
        f"  - metric: {metric}",
        f"    value: {plain_number(first.value)}",
        f"    unit: {cluster.unit}",
    ]
    if cluster.baseline:
        lines.append(f"    baseline: {_quote(cluster.baseline)}")
    lines.append(f"    period: {_quote(cluster.period)}")
    if first.published:
        lines.append(f"    published: {_quote(first.published)}")
    lines.append(f"    source: {_quote(source)}")
    return lines


def _describe(cluster: Cluster) -> str:
    since = f" since {cluster.baseline}" if cluster.baseline else ""
    period = f" for {cluster.period}" if cluster.period else " (no period stated)"
    return f"{cluster.kind} in {cluster.unit}{since}{period}"


def _values(cluster: Cluster) -> list[str]:
    return [f"#     {plain_number(m.value)} in {m.source}" for m in cluster.mentions]


def _metric_groups(found: list[Cluster]) -> list[list[Cluster]]:
    """Clusters that name the same thing, whatever their periods: one metric each."""
    groups: list[list[Cluster]] = []
    for cluster in found:
        subjects = [mention.subject for mention in cluster.mentions]
        group = next(
            (
                g
                for g in groups
                if any(same_subject(m.subject, s) for c in g for m in c.mentions for s in subjects)
            ),
            None,
        )
        if group is None:
            groups.append([cluster])
        else:
            group.append(cluster)
    return groups


def to_yaml(found: list[Cluster]) -> tuple[str, dict]:
    """The draft registry, and counts of figures, unresolved and undated clusters."""
    taken: set = set()
    metrics, figures, notes = [], [], []
    counts = {"metrics": 0, "figures": 0, "unresolved": 0, "undated": 0}
    for group in _metric_groups(found):
        spellings: dict[str, str] = {}
        for mention in (m for c in group for m in c.mentions):
            spellings.setdefault(mention.subject.lower(), mention.subject)
        phrasings = list(spellings.values())
        metric = _slug(phrasings[0], taken)
        metrics += _metric_block(metric, phrasings)
        counts["metrics"] += 1
        for cluster in group:
            if not cluster.agrees():
                counts["unresolved"] += 1
                notes += [f"# UNRESOLVED {metric}: {_describe(cluster)}; the documents disagree:"]
                notes += _values(cluster) + ["#   Choose the right value and add it as a figure."]
            elif cluster.period is None:
                counts["undated"] += 1
                notes += [f"# NO PERIOD {metric}: {_describe(cluster)}:"] + _values(cluster)
            else:
                counts["figures"] += 1
                figures += _figure_block(metric, cluster)
    header = [
        "# A draft registry harvested by `statlint harvest`. Review it before use: the",
        "# comments below list what could not become a figure, for a person to resolve.",
        "version: 1",
        "metrics:",
    ]
    body = header + metrics + (["figures:"] + figures if figures else ["figures: []"])
    return "\n".join(body + [""] + notes) + "\n", counts
