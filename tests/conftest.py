from __future__ import annotations

from pathlib import Path

import pytest

from statlint.extract.claims import extract
from statlint.read.document import Document

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "seeds"


@pytest.fixture
def claims_of():
    """Claims of a snippet of draft text."""

    def run(text: str, path: str = "draft.txt"):
        return extract(Document.from_text(path, text))

    return run


@pytest.fixture(autouse=True, scope="session")
def _own_cache_folder(tmp_path_factory):
    """Tests keep statlint's caches in a folder of their own, not the user's."""
    import os

    os.environ["STATLINT_CACHE_DIR"] = str(tmp_path_factory.mktemp("statlint-cache"))
