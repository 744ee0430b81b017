"""Link claims to the registry's metrics by their subject (the match layer).

An alias matches when all its words are in the subject and the subject adds no qualifier
the alias lacks ("personal robbery" is not "robbery"); the most specific alias wins, and
a tie between metrics is kept as uncertain, never guessed.
"""

from __future__ import annotations

from .model import Claim
from .record import record
from .words import is_qualifier, metric_words

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up time)
if TYPE_CHECKING:
    from .registry import Registry


@record
class Match:
    claim: Claim
    metric: str | None = None
    uncertain: tuple[str, ...] = ()  # metrics the subject could name equally well


def _aliases(registry: Registry) -> list[tuple[frozenset, str]]:
    return [
        (words, metric.id)
        for metric in registry.metrics.values()
        for words in map(metric_words, (*metric.aliases, metric.name))
        if words
    ]


def metric_for(subject: str, aliases) -> tuple[str | None, tuple[str, ...]]:
    """(metric, ()) for a clear match; (None, ties) when several fit equally well."""
    words = metric_words(subject)
    best: dict[str, int] = {}
    for alias, metric in aliases:
        if alias <= words and not any(is_qualifier(word) for word in words - alias):
            best[metric] = max(best.get(metric, 0), len(alias))
    if not best:
        return None, ()
    top = max(best.values())
    winners = tuple(sorted(metric for metric, size in best.items() if size == top))
    return (winners[0], ()) if len(winners) == 1 else (None, winners)


def link(claims: list[Claim], registry: Registry | None) -> list[Match]:
    """A Match for every claim, with its metric when the registry names one."""
    claims = [claim.stated() for claim in claims]
    if registry is None:
        return [Match(claim) for claim in claims]
    aliases = _aliases(registry)
    matches = []
    for claim in claims:
        metric, uncertain = metric_for(claim.subject, aliases)
        matches.append(Match(claim.with_metric(metric), metric, uncertain))
    return matches
