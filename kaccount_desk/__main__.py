"""``python -m kaccount_desk`` does what the ``kaccount-desk`` script does."""

import sys

from kaccount_desk.app import main

sys.exit(main())
