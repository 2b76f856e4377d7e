"""The demonstration data, in the TOML files of this folder: demo/data_files.py reads them and
demo/loader.py stores them.

The tests import load_demo and demonstration_pdf from here.
"""

from demo.loader import load_demo
from demo.statement_pdfs import demonstration_pdf

__all__ = ["demonstration_pdf", "load_demo"]
