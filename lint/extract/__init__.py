"""From text to claims: every statement read with the grammar, its subject and its periods."""
