"""Administration: staff accounts and campaigns."""
