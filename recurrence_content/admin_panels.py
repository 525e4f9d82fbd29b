"""What the app's read-only edit-view panels share: a default heading, their
template, and being shown only once the page exists."""

from wagtail.admin.panels import Panel


class SavedPagePanel(Panel):
    """A read-only panel about the page being edited; subclasses set
    ``default_heading`` and their BoundPanel's ``template_name`` and
    ``get_context_data``."""

    default_heading = ""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", self.default_heading)
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        def is_shown(self) -> bool:
            # Nothing to show while the page is being created: what these
            # panels report is measured or made once it is saved.
            return bool(self.instance and self.instance.pk)
