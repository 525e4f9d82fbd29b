"""The Clinical codes panel's form."""

from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import InlinePanel, get_form_for_model

from .systems import system_for_uri


class ClinicalCodeForm(WagtailAdminModelForm):
    """Normalises the code before the panel looks for duplicates, so ``z85``
    and ``Z85`` are one code to the editor as they are to the database."""

    def clean(self):
        cleaned = super().clean()
        system = system_for_uri(cleaned.get("system") or "")
        if system is not None and cleaned.get("code"):
            try:
                cleaned["code"] = system.clean(cleaned["code"])
            except ValidationError as error:
                self.add_error("code", error)
        return cleaned


class ClinicalCodesPanel(InlinePanel):
    """The article's Clinical codes, edited with ``ClinicalCodeForm``.

    (InlinePanel otherwise ignores a child model's ``base_form_class``.)
    """

    def get_form_options(self):
        options = super().get_form_options()
        # Drafts defer required fields: keep that, with our form.
        defer = self.child_edit_handler.get_form_options().get(
            "defer_required_on_fields"
        )
        options["formsets"][self.relation_name]["form"] = get_form_for_model(
            self.db_field.related_model,
            form_class=ClinicalCodeForm,
            defer_required_on_fields=defer,
        )
        return options
