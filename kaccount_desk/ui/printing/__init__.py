"""The Print job: choose a document, generate it off the GUI thread, preview, print or save it."""
