from __future__ import annotations

from pathlib import Path

import pytest

from statlint.document import Document
from statlint.extract import extract

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "seeds"


@pytest.fixture
def claims_of():
    """Claims of a snippet of draft text."""

    def run(text: str, path: str = "draft.txt"):
        return extract(Document.from_text(path, text))

    return run
