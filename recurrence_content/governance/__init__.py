"""Clinical governance: review dates, reviewers, sources and reading level.

``review`` works out review dates and status, ``readability`` measures reading
level, ``findings`` turns both into the problems the admin report and the
``recurrence_content_check`` command list (one function, used by both).
"""
