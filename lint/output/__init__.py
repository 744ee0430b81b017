"""Formatters: text, JSON, SARIF, GitHub, the HTML report and Word comments, and the words
findings are written in."""
