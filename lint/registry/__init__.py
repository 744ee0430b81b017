"""The canonical figures registry: loading and validating it (schema.json), and harvesting a
draft registry from documents."""
