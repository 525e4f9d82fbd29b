"""The baseline: the same article as one rich-text field on a plain page type."""
