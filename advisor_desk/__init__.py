"""advisor_desk: the CPAM advisors' desktop client."""

__version__ = "0.1.0"
