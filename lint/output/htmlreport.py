"""`statlint report --html`: one self-contained page to review an archive's findings.

Each document is shown with its statements highlighted: conforms to the registry, missing
period or stale, conflict, or not checked (no registered metric). The finding and the
canonical figure show on hover and on click, and a table sums up each metric. Everything
the page needs is inside it: the data as JSON, the styles, the script. No network.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import asdict, dataclass

CLASSES = ("conforms", "stale", "conflict", "unchecked")
STALE_CODES = {"SL102", "SL104"}  # missing period or stale: a warning to date the figure


@dataclass(frozen=True, slots=True)
class Statement:
    line: int
    column: int
    end_line: int
    end_column: int
    state: str
    metric: str
    findings: tuple[dict, ...]
    why: str = ""  # why the registry could not check it


def state_of(findings, why: str | None) -> str:
    if any(f.severity == "error" or f.code in ("SL201", "SL203") for f in findings):
        return "conflict"
    if any(f.code in STALE_CODES for f in findings):
        return "stale"
    return "unchecked" if why else "conforms"


def statements(matches, findings, metric_names: dict, registry=None) -> list[Statement]:
    """One highlight per statement, derived values and overlaps left out; each says
    why the registry could not check it, when it could not."""
    from statlint.check.coverage import why_unchecked

    by_claim = defaultdict(list)
    for finding in findings:
        if finding.claim is not None:
            by_claim[finding.claim].append(finding)
    shown, last_end = [], (0, 0)
    for match in sorted(matches, key=lambda m: (m.claim.line, m.claim.column)):
        claim = match.claim
        if claim.derived or (claim.line, claim.column) < last_end:
            continue
        last_end = (claim.end_line, claim.end_column)
        own = by_claim.get(claim, [])
        why = why_unchecked(match, registry) if registry is not None else "no registry given"
        metric = metric_names.get(claim.metric) or claim.subject or "(no subject)"
        described = tuple(
            {"code": f.code, "severity": f.severity, "message": f.message, "expected": f.expected}
            for f in own
        )
        shown.append(
            Statement(
                claim.line,
                claim.column,
                claim.end_line,
                claim.end_column,
                state_of(own, why),
                metric,
                described,
                why or "",
            )
        )
    return shown


def checked_share(found: list[Statement]) -> tuple[int, int]:
    """(statements the registry checked, statements)."""
    return sum(1 for s in found if not s.why), len(found)


def page(documents: list[tuple[str, list[str], list[Statement]]], title: str) -> str:
    data = [
        {"path": path, "lines": lines, "statements": [asdict(s) for s in found]}
        for path, lines, found in documents
    ]
    checked, total = checked_share([s for _, _, found in documents for s in found])
    coverage = {"checked": checked, "statements": total}
    payload = json.dumps(
        {"title": title, "documents": data, "coverage": coverage}, ensure_ascii=False
    )
    # "<", ">" and "&" only as JSON escapes: no "</script>", "<!--" or "<script" in the data
    # can end the script or turn the parser's script states
    for mark, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        payload = payload.replace(mark, escape)
    head, tail = TEMPLATE.split("__DATA__")
    return head.replace("__TITLE__", _escape(title)) + payload + tail


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


TEMPLATE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>__TITLE__</title>
<style>
body { font: 15px/1.5 system-ui, sans-serif; margin: 0; color: #1d1d1f; }
header { padding: 16px 24px; background: #f4f4f6; border-bottom: 1px solid #ddd; }
main { display: grid; grid-template-columns: minmax(0, 1fr) 440px; gap: 24px; padding: 24px; }
h1 { font-size: 20px; margin: 0 0 8px; } h2 { font-size: 16px; margin: 24px 0 8px; }
table { border-collapse: collapse; font-size: 13px; } td, th { padding: 4px 8px;
  border-bottom: 1px solid #e4e4e7; text-align: left; } td.n { text-align: right; }
.doc { border: 1px solid #e4e4e7; border-radius: 6px; margin-bottom: 24px; }
.doc h2 { margin: 0; padding: 8px 12px; background: #fafafa; font-size: 14px; }
.lines { padding: 8px 12px; white-space: pre-wrap; font-family: ui-monospace, monospace;
  font-size: 13px; }
.line { display: block; min-height: 1.4em; }
mark.st { border-radius: 3px; padding: 0 1px; cursor: pointer; }
.st-conforms { background: #d3f4dc; } .st-stale { background: #ffe9a8; }
.st-conflict { background: #ffc9c9; } .st-unchecked { background: #e7e7ec; }
mark.selected { outline: 2px solid #333; }
.key span { display: inline-block; padding: 0 6px; margin-right: 8px; border-radius: 3px; }
aside { position: sticky; top: 12px; align-self: start; font-size: 13px; }
#detail { border: 1px solid #e4e4e7; border-radius: 6px; padding: 12px; min-height: 60px; }
.finding { margin-bottom: 8px; } .code { font-weight: 600; }
</style></head>
<body>
<header><h1>__TITLE__</h1>
<div class="key"><span class="st-conforms">conforms to the registry</span>
<span class="st-stale">missing period or stale</span><span class="st-conflict">conflict</span>
<span class="st-unchecked">not checked</span></div>
<p id="coverage"></p></header>
<main><section id="documents"></section>
<aside><h2>Selected statement</h2><div id="detail">Click a highlighted statement.</div>
<h2>Per metric</h2><table id="summary"><thead><tr><th>metric</th><th>statements</th>
<th>conforms</th><th>stale</th><th>conflict</th></tr></thead><tbody></tbody></table></aside>
</main>
<script type="application/json" id="data">__DATA__</script>
<script>
"use strict";
const data = JSON.parse(document.getElementById("data").textContent);
const el = (tag, attrs = {}, text) => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  if (text !== undefined) node.textContent = text;
  return node;
};
function describe(statement) {
  if (!statement.findings.length) return statement.state === "unchecked"
    ? "Not checked: " + statement.why + "." : "Conforms to the registry.";
  return statement.findings.map(f => {
    let text = f.code + " " + f.severity + ": " + f.message;
    if (f.expected) text += " [canonical: " + f.expected.value + " for " +
      f.expected.period + (f.expected.source ? ", " + f.expected.source : "") + "]";
    return text;
  }).join("\\n");
}
function show(statement, mark) {
  document.querySelectorAll("mark.selected").forEach(m => m.classList.remove("selected"));
  mark.classList.add("selected");
  const detail = document.getElementById("detail");
  detail.replaceChildren(el("div", {class: "code"}, statement.metric));
  for (const line of describe(statement).split("\\n"))
    detail.appendChild(el("div", {class: "finding"}, line));
}
function renderLine(text, number, statements) {
  const line = el("span", {class: "line", "data-line": number});
  const pieces = [];
  for (const s of statements) {
    if (s.line > number || s.end_line < number) continue;
    const start = s.line === number ? s.column - 1 : 0;
    const end = s.end_line === number ? s.end_column - 1 : text.length;
    pieces.push([start, end, s]);
  }
  pieces.sort((a, b) => a[0] - b[0]);
  let at = 0;
  for (const [start, end, s] of pieces) {
    if (start < at) continue;
    line.appendChild(document.createTextNode(text.slice(at, start)));
    const mark = el("mark", {class: "st st-" + s.state, title: describe(s)},
                    text.slice(start, end));
    mark.addEventListener("click", () => show(s, mark));
    line.appendChild(mark);
    at = end;
  }
  line.appendChild(document.createTextNode(text.slice(at)));
  return line;
}
const coverage = data.coverage;
document.getElementById("coverage").textContent = coverage.checked + " of " +
  coverage.statements + " statement(s) checked against the registry" + (coverage.statements
  ? " (" + Math.round(100 * coverage.checked / coverage.statements) + "%)" : "");
const totals = {};
const documents = document.getElementById("documents");
for (const doc of data.documents) {
  const box = el("article", {class: "doc"});
  box.appendChild(el("h2", {}, doc.path));
  const lines = el("div", {class: "lines"});
  doc.lines.forEach((text, index) =>
    lines.appendChild(renderLine(text, index + 1, doc.statements)));
  box.appendChild(lines);
  documents.appendChild(box);
  for (const s of doc.statements) {
    const metric = s.state === "unchecked" ? "(not checked)" : s.metric;
    const row = totals[metric] ||= {statements: 0, conforms: 0, stale: 0, conflict: 0};
    row.statements += 1;
    if (s.state in row) row[s.state] += 1;
  }
}
const body = document.querySelector("#summary tbody");
for (const [metric, row] of Object.entries(totals).sort()) {
  const tr = el("tr");
  tr.appendChild(el("td", {}, metric));
  for (const key of ["statements", "conforms", "stale", "conflict"])
    tr.appendChild(el("td", {class: "n"}, String(row[key])));
  body.appendChild(tr);
}
</script></body></html>
"""
