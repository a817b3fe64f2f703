"""Hand-over packages in the GUI: the office's import with its preview, the seat's send, the office's pack."""
