"""A baseline: today's findings recorded by fingerprint, hidden on later runs.

An archive adopts statlint without touching old releases (a marker in a .txt or .docx
would be published with the text). A fingerprint survives line moves: it is the rule
code, the metric (or the subject's words) and the normalised statement.
"""

from __future__ import annotations

from collections import Counter

from statlint.check.words import metric_words
from statlint.errors import BaselineError


def fingerprint(finding) -> str:
    claim = finding.claim
    if claim is None:
        what, statement = "", " ".join(finding.message.lower().split())
    else:
        what = claim.metric or " ".join(sorted(metric_words(claim.subject)))
        statement = " ".join(claim.text.lower().split())
    import hashlib

    digest = hashlib.sha256(f"{finding.code}|{what}|{statement}".encode()).hexdigest()
    return digest[:20]


def load(path: str) -> Counter:
    import json

    from statlint.read.files import read_bytes

    try:
        data = json.loads(read_bytes(path).decode("utf-8"))
        counts = data["fingerprints"]
        if data.get("version") != 1 or not isinstance(counts, dict):
            raise ValueError("not a statlint baseline (version 1)")
        return Counter({str(key): int(value) for key, value in counts.items()})
    except FileNotFoundError:
        raise BaselineError(f"{path}: baseline file not found") from None
    except OSError as error:
        raise BaselineError(f"{path}: cannot read baseline ({error.strerror or error})") from None
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as error:
        raise BaselineError(f"{path}: cannot read baseline ({error})") from None


def hide(findings, remaining: Counter) -> list:
    """The findings the baseline does not record; each recorded fingerprint hides one
    finding, and `remaining` keeps count across calls (file after file)."""
    kept = []
    for finding in findings:
        key = fingerprint(finding)
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            kept.append(finding)
    return kept


def write(path: str, findings) -> int:
    import json

    from statlint.atomic import write_atomic

    counts = Counter(fingerprint(finding) for finding in findings)
    body = {"version": 1, "fingerprints": dict(sorted(counts.items()))}
    try:
        write_atomic(path, (json.dumps(body, indent=2) + "\n").encode())
    except OSError as error:
        raise BaselineError(f"{path}: cannot write ({error.strerror or error})") from None
    return sum(counts.values())
