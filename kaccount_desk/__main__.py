"""``python -m kaccount_desk`` does what the ``kaccount-desk`` script does.

This is also the frozen build's entry point (packaging/kaccount-desk.spec): there a child that
reads an untrusted file (``kaccount_desk.confined``) starts as this program again, and
``freeze_support`` turns that start into the child's work before anything else runs.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from kaccount_desk.app import main

    sys.exit(main())
