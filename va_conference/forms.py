"""Form fields shared by the apps: choosing an organization among many, the field that catches
robots on the public forms, and names without invisible characters."""

import unicodedata

from django import forms
from django.conf import settings
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from .models import OrganizationKind


class OrganizationsByKind(forms.models.ModelChoiceIterator):
    """The organizations grouped by kind, each group sorted by name in the page's language."""

    def __iter__(self):
        yield ("", self.field.empty_label)
        by_kind = {kind: [] for kind in OrganizationKind.values}
        listed = self.queryset if self.field.listed is None else self.field.listed
        for organization in listed:
            by_kind[organization.kind].append(organization)
        for kind, members in by_kind.items():
            if members:
                members.sort(key=lambda organization: organization.name.casefold())
                yield (OrganizationKind(kind).label, [self.choice(o) for o in members])


def attributes(attrs):
    """HTML attributes as Django's widget templates write them: in order, True as a name alone."""
    return format_html_join(
        "",
        " {}{}",
        (
            (name, "" if value is True else format_html('="{}"', value))
            for name, value in attrs.items()
            if value is not False
        ),
    )


class QuickSelect(forms.Select):
    """A select written in Python rather than through a template for each option: a list of
    hundreds of delegations or countries is written in a fraction of the time, the same HTML."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        groups = []
        for group_name, options, _index in widget["optgroups"]:
            written = format_html_join(
                "",
                '<option value="{}"{}>{}</option>',
                (
                    (option["value"], attributes(option["attrs"]), option["label"])
                    for option in options
                ),
            )
            groups.append(
                format_html('<optgroup label="{}">{}</optgroup>', group_name, written)
                if group_name
                else written
            )
        return format_html(
            '<select name="{}"{}>{}</select>',
            widget["name"],
            attributes(widget["attrs"]),
            format_html_join("", "{}", ((group,) for group in groups)),
        )


class SearchableSelect(QuickSelect):
    """A select whose options carry every name of the organization, for the search box."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        organization = getattr(value, "instance", None)
        if organization is not None:
            names = (
                getattr(organization, build_localized_fieldname("name", code))
                for code, _name in settings.LANGUAGES
            )
            option["attrs"]["data-search"] = " ".join(filter(None, [*names, organization.acronym]))
        return option


class OrganizationField(forms.ModelChoiceField):
    """The organizations to choose from, grouped by kind, each searchable in every language.

    Showing the list reads them all in one query; checking the answer reads only the one
    chosen.
    """

    iterator = OrganizationsByKind
    widget = SearchableSelect
    # Organizations already read, for forms that show the same list many times.
    listed = None


class RobotTrap(forms.Form):
    """A field robots fill and people never see (the stylesheet hides `.contact-field`; lay it
    out as `Div("website", css_class="contact-field", aria_hidden="true")`): no CAPTCHA."""

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError(_("Leave this field empty."))
        return ""


# Kept although they print nothing: joiners shape the letters of names in Persian, Arabic and
# the Indic scripts.
JOINERS = {"\u200c", "\u200d"}


def printable(text):
    """`text` without control and format characters (Unicode Cc and Cf but the joiners): a
    right-to-left override (U+202E) would print a name reversed on a badge or a list."""
    return "".join(
        character
        for character in text
        if unicodedata.category(character) not in ("Cc", "Cf") or character in JOINERS
    )


class PrintableNames(forms.Form):
    """Strips control and format characters from the fields named in `printable_fields`."""

    printable_fields = ()

    def clean(self):
        cleaned_data = super().clean()
        for name in self.printable_fields:
            value = cleaned_data.get(name)
            if not isinstance(value, str):
                continue
            value = printable(value).strip()
            if not value and self.fields[name].required:
                self.add_error(name, self.fields[name].error_messages["required"])
            else:
                cleaned_data[name] = value
        return cleaned_data
