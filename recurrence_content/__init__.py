"""Patient-education page types, blocks and shipped content for Wagtail."""

__version__ = "0.1.0"
