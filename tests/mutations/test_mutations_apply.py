"""Every mutation of run_mutations.py still finds the line it changes, once.

The runner is not part of the default run (it takes minutes), so a rule moved to another module
would leave its mutation silently pointing at nothing; this cheap check fails the day that happens.
"""

from __future__ import annotations

import pytest
from run_mutations import MUTATIONS, REPO, Mutation


@pytest.mark.parametrize("mutation", MUTATIONS, ids=lambda m: m.name[:60])
def test_the_mutated_line_is_still_there_once(mutation: Mutation) -> None:
    assert (REPO / mutation.file).read_text(encoding="utf-8").count(mutation.before) == 1
