"""The one error type loading and exporting raise, with a message to act on."""


class LoadError(Exception):
    """A problem with a content file, a target page or a setting.

    The message is one line that names what is wrong and what to do; the
    management commands print it as it is.
    """
