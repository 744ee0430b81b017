"""What the user decides is reported: configuration (schema.json), suppression markers, the
baseline and changed lines."""
