"""The command line: the same services as the GUI, for scripts and for a quick check."""
