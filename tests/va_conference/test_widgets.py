"""The select written in Python writes what Django's template for a select writes."""

import re

from django import forms

from va_conference.forms import QuickSelect

CHOICES = [
    ("", "All delegations"),
    ("States", [(1, "Norway"), (2, "Côte d'Ivoire <& Co>")]),
    ("Networks", [(3, "Survivor Network")]),
]


def written(widget):
    html = widget.render("organization", 2, attrs={"id": "id_organization", "required": True})
    return re.sub(r">\s+<", "><", html.strip())


def test_a_quick_select_writes_the_same_html_as_a_select():
    assert written(QuickSelect(choices=CHOICES)) == written(forms.Select(choices=CHOICES))
    assert '<option value="2" selected>Côte d&#x27;Ivoire &lt;&amp; Co&gt;</option>' in written(
        QuickSelect(choices=CHOICES)
    )
