"""Link claims to the registry's metrics by their subject (the match layer).

An alias matches when all its words are in the subject and the subject has no other word
that could change what is measured: general English, the registry's own filler words and
the words of the metric's own name and other aliases (which say what the metric is: "in
London" for a metric named "... in London") aside, any other word is a qualifier the
metric lacks ("personal robbery" is not
"robbery"; "homicides in Manchester" are not a London registry's homicides), so the
statement is not checked. The most specific alias wins, and a tie between metrics is
kept as uncertain, never guessed. When unsure, statlint does not match.
"""

from __future__ import annotations

from dataclasses import dataclass

from statlint.check.words import NO_VOCABULARY, Vocabulary, metric_words
from statlint.model import Claim

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up time)
if TYPE_CHECKING:
    from statlint.registry.load import Registry


@dataclass(frozen=True)
class Match:
    claim: Claim
    metric: str | None = None
    uncertain: tuple[str, ...] = ()  # metrics the subject could name equally well
    extra: tuple[str, ...] = ()  # words that kept the nearest alias from matching


@dataclass(frozen=True)
class Alias:
    words: frozenset
    metric: str
    vocabulary: Vocabulary = NO_VOCABULARY
    scope: frozenset = frozenset()  # the words of the metric's name and all its aliases


def _aliases(registry: Registry) -> list[Alias]:
    found = []
    for metric in registry.metrics.values():
        vocabulary = registry.vocabulary.merged(metric.vocabulary)
        phrases = [metric_words(p, vocabulary) for p in (*metric.aliases, metric.name)]
        scope = frozenset().union(*phrases)
        found += [Alias(words, metric.id, vocabulary, scope) for words in phrases if words]
    return found


def metric_for(subject: str, aliases) -> tuple[str | None, tuple[str, ...]]:
    """(metric, ()) for a clear match; (None, ties) when several fit equally well."""
    metric, uncertain, _ = _best(subject, aliases)
    return metric, uncertain


def _best(subject: str, aliases) -> tuple[str | None, tuple[str, ...], tuple[str, ...]]:
    """(metric, ties, extra words of the nearest alias that did not match)."""
    best: dict[str, int] = {}
    partial: dict[str, frozenset] = {}  # metrics whose alias covers part of the subject
    nearest: tuple[int, tuple[str, ...]] = (-1, ())
    covered: frozenset = frozenset()
    if not subject.strip():
        return None, (), ()
    read: dict[int, frozenset] = {}  # the subject's words in each vocabulary, read once
    for alias in aliases:
        words = read.get(id(alias.vocabulary))
        if words is None:
            words = metric_words(subject, alias.vocabulary) - alias.vocabulary.places
            read[id(alias.vocabulary)] = words
        if not alias.words <= words:
            continue
        extra = words - alias.scope  # a word of the metric's own name narrows nothing
        if extra:
            nearest = max(nearest, (len(alias.words), tuple(sorted(extra))))
            partial[alias.metric] = partial.get(alias.metric, frozenset()) | alias.words
            covered = covered | words
            continue
        best[alias.metric] = max(best.get(alias.metric, 0), len(alias.words))
    if not best:
        return None, _two_named(partial, covered), nearest[1]
    top = max(best.values())
    winners = tuple(sorted(metric for metric, size in best.items() if size == top))
    return (winners[0], (), ()) if len(winners) == 1 else (None, winners, ())


def _two_named(partial: dict[str, frozenset], covered: frozenset) -> tuple[str, ...]:
    """ "robbery and theft": a subject that two metrics' aliases make up between them
    names both, so no one figure is meant."""
    if len(partial) < 2:
        return ()
    together = frozenset().union(*partial.values())
    return tuple(sorted(partial)) if together == covered else ()


def link(claims: list[Claim], registry: Registry | None) -> list[Match]:
    """A Match for every claim, with its metric when the registry names one."""
    claims = [claim.stated() for claim in claims]
    if registry is None:
        return [Match(claim) for claim in claims]
    aliases = _aliases(registry)
    matches = []
    for claim in claims:
        metric, uncertain, extra = _best(claim.subject, aliases)
        matches.append(Match(claim.with_metric(metric), metric, uncertain, extra))
    return matches
