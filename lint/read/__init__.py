"""Reading drafts: finding files, decoding them, and turning Markdown, HTML and Word into
plain text with a map back to the source; sentences, blocks and tables.

The format dispatch lives here, above the format readers, so that none of them imports
another's caller: document (the Document record, decoding) <- markdown, html, docx <-
this package's `read` and `from_bytes`.
"""

from __future__ import annotations

import os

from statlint.errors import DocumentError
from statlint.read.document import Document, decode, normalise


def read(path) -> Document:
    """Read a draft (.txt, .md, .html, .docx). Raises DocumentError naming the file."""
    name = str(path)
    from statlint.read.files import read_bytes

    try:
        data = read_bytes(path)
    except IsADirectoryError:
        raise DocumentError(f"{name}: is a directory") from None
    except OSError as error:
        raise DocumentError(f"{name}: cannot read ({error.strerror or error})") from None
    return from_bytes(data, name)


def from_bytes(data: bytes, name: str) -> Document:
    """Bytes as a document, read by the format its name gives: a file, or a buffer an
    editor pipes in under the name it will have."""
    suffix = os.path.splitext(name)[1].lower()
    if suffix == ".docx":
        from statlint.read.docx import read_docx

        return read_docx(data, name)
    text, notes = decode(data, name)
    if suffix in (".md", ".markdown"):
        from statlint.read import markdown

        return markdown.to_document(name, normalise(text), notes)
    if suffix in (".html", ".htm"):
        from statlint.read import html

        return html.to_document(name, normalise(text), notes)
    return Document.from_text(name, text, "txt", notes)
