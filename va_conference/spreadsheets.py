"""Cells of the spreadsheets the site writes (CSV and XLSX), safe to open.

A spreadsheet program reads a cell that starts with "=", "+", "-" or "@" as a formula, which can
send the sheet's data away or run a command (`=HYPERLINK(...)`); a tab or a carriage return, or
spaces, before it still make a formula. Every cell of every CSV and XLSX the site writes goes
through neutralised(): text that would start a formula is prefixed with an apostrophe, which
makes it text.
"""

from decimal import Decimal

# OWASP's list, and the full-width forms that spreadsheets in Chinese and Japanese read alike.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def neutralised(value):
    """The value of a cell: a number as it is, text made inert if it would start a formula."""
    if isinstance(value, int | float | Decimal):
        return value
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS) or text.lstrip().startswith(FORMULA_STARTS):
        return f"'{text}"
    return text
