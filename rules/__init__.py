"""The rule catalogue: one module per rule, its docstring its documentation."""

from __future__ import annotations

RULES: dict = {}
