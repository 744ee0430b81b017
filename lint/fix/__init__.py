"""Fixes: the edits the rules' findings allow, applied to the source text."""
