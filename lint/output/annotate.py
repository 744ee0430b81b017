"""`statlint annotate`: a copy of a Word draft with a comment on each finding.

Editors see the findings in Word itself. The original file is only read; the copy is
written whole or not at all.
"""

from __future__ import annotations

import io
from pathlib import Path

from statlint.atomic import write_atomic
from statlint.read.docx import RUN, element_text, open_docx, paragraphs

AUTHOR, INITIALS = "statlint", "SL"


def _runs_over(paragraph_element, start: int, end: int) -> list:
    """The w:r elements whose text overlaps characters start..end of the paragraph."""
    chosen, offset = [], 0
    for run in paragraph_element.iter(RUN):
        length = len(element_text(run))
        if length and offset < end and offset + length > start:
            chosen.append(run)
        offset += length
    return chosen


def comment_text(finding) -> str:
    text = f"{finding.code} {finding.name} ({finding.severity}): {finding.message}"
    if finding.expected and finding.expected.get("source"):
        text += f"\nCanonical source: {finding.expected['source']}"
    return text


def annotate(source: str, findings, output: str) -> tuple[int, int]:
    """Write `output`: `source` with a comment per finding. (comments added, left out):
    Word keeps comments in the body only, so findings in headers and footers are left out."""
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

    document = open_docx(Path(source).read_bytes(), source)
    found = paragraphs(document)
    added = skipped = 0
    for finding in findings:
        paragraph = found[finding.line - 1]
        end = finding.end_column - 1 if finding.end_line == finding.line else 10**9
        runs = _runs_over(paragraph.element, finding.column - 1, end)
        if paragraph.story != "body" or not runs:
            skipped += 1
            continue
        parent = Paragraph(paragraph.element, document._body)
        anchors = [Run(runs[0], parent), Run(runs[-1], parent)]
        document.add_comment(anchors, text=comment_text(finding), author=AUTHOR, initials=INITIALS)
        added += 1
    buffer = io.BytesIO()
    document.save(buffer)
    write_atomic(output, buffer.getvalue())
    return added, skipped
