"""Translation support: language alternates, applying PO files, shipped translations.

``alternates`` works with Wagtail alone; ``apply`` and ``shipped`` use
wagtail-localize and import it only when they are imported.
"""
