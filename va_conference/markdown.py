"""Text organizers write (Markdown or plain), turned into HTML that is safe to show.

Markdown lets organizers write emphasis, links and lists; whatever HTML they type, by habit or
by pasting, is removed by an allow-list (nh3), so no script or style reaches a page or feed.
"""

import markdown as markdown_library
import nh3
from django.utils.safestring import mark_safe

TAGS = {"p", "br", "strong", "em", "a", "ul", "ol", "li", "blockquote", "h3", "h4", "code"}
ATTRIBUTES = {"a": {"href", "title"}}


def render(text):
    html = markdown_library.markdown(text or "", output_format="html")
    return mark_safe(
        nh3.clean(
            html,
            tags=TAGS,
            attributes=ATTRIBUTES,
            url_schemes={"http", "https", "mailto"},
            link_rel="noopener noreferrer nofollow",
        )
    )
