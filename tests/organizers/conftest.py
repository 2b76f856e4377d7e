"""The conference open for registration, and its organizations, as the registrations' tests have
them."""

from tests.registrations.conftest import conference, disability_alliance, jordan

__all__ = ["conference", "disability_alliance", "jordan"]
