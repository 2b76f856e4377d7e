"""The path converter of private links' tokens and letters' references, registered as
`token` (va_conference/apps.py): only the characters they are made of.

A token comes from secrets.token_urlsafe (letters, digits, - and _), a reference from the
same letters and digits and dashes. With Django's `str` converter any other character reached
the database, and PostgreSQL refuses a text holding a NUL byte with an error (a 500) where
the answer is "not found".
"""


class TokenConverter:
    regex = "[A-Za-z0-9_-]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value
