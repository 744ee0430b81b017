"""Split a draft into blocks (paragraphs, list items) and sentences, offsets kept.

Drafts come from PDFs with hard-wrapped lines, and from releases whose lists introduce
their items with a lead-in line ending in ':'. A newline is a soft wrap (part of the
sentence) unless something says it ends one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

BULLET = re.compile(r"[ \t]*(?:[-*•✓✔–—▪◦·]|\d{1,2}[.)/]|\([a-z0-9]\))\s")
_SENTENCE_END = re.compile(r"[.!?][\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9£])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:e\.g|i\.e|mr|mrs|ms|dr|st|no|nos|vs|approx|c|etc|cllr|prof|sir|rev|cf|fig)"
    r"|\b[A-Z])\.$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Block:
    start: int
    end: int
    item: bool  # a list item
    lead_in: int | None = None  # index of the block whose ':' introduces this item


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    block: int


def _hard_break(line: str, following: str) -> bool:
    """Does the newline between these two lines end a sentence?"""
    if not line.strip() or not following.strip():
        return True
    if BULLET.match(following):
        return True
    if line.rstrip()[-1] in '.!?:;”"':
        return True
    starts_lower = following[0].islower() or following[0].isdigit() or following[0] == "£"
    return not (following[0] in " \t" or starts_lower)


def blocks(text: str) -> list[Block]:
    """Paragraphs and list items, with soft-wrapped lines joined."""
    lines = text.split("\n")
    found: list[Block] = []
    start = 0
    offset = 0
    for index, line in enumerate(lines):
        end = offset + len(line)
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if index + 1 == len(lines) or _hard_break(line, following):
            if text[start:end].strip():
                found.append(Block(start, end, bool(BULLET.match(text, start))))
            start = end + 1
        offset = end + 1
    return _link_lead_ins(text, found)


def _link_lead_ins(text: str, found: list[Block]) -> list[Block]:
    linked: list[Block] = []
    lead_in = None
    for index, block in enumerate(found):
        if block.item and lead_in is not None:
            block = Block(block.start, block.end, True, lead_in)
        elif not block.item:
            lead_in = index if text[block.start : block.end].rstrip().endswith(":") else None
        linked.append(block)
    return linked


MAX_SENTENCE = 2000  # characters; a longer run is cut at clause marks, so work stays linear
_CLAUSE_MARK = re.compile(r"[;,]\s+")


def sentences(text: str, block_list: list[Block]) -> list[Sentence]:
    """Sentences within each block; a sentence never crosses a block."""
    found = []
    for index, block in enumerate(block_list):
        start = block.start
        for match in _SENTENCE_END.finditer(text, block.start, block.end):
            if _ABBREVIATION.search(text, max(start, match.start() - 8), match.start() + 1):
                continue
            found += _bounded(text, start, match.start() + 1, index)
            start = match.end()
        found += _bounded(text, start, block.end, index)
    return found


def _bounded(text: str, start: int, end: int, block: int) -> list[Sentence]:
    """The sentence, or, past MAX_SENTENCE characters (no prose runs so long), pieces of it
    cut after the last comma or semicolon within each MAX_SENTENCE characters."""
    pieces = []
    while end - start > MAX_SENTENCE:
        marks = list(_CLAUSE_MARK.finditer(text, start + MAX_SENTENCE // 2, start + MAX_SENTENCE))
        cut = marks[-1].end() if marks else start + MAX_SENTENCE
        pieces.append(Sentence(start, cut, block))
        start = cut
    return [*pieces, Sentence(start, end, block)]
