"""KAccount Desk: enrollment intake, first-contact tickets and printable documents."""

__version__ = "0.1.0"
