"""Renamed public helpers keep working for one release, with a warning naming the replacement.

A course pins a release for a semester, but students also run a lesson against a newer package
(a Colab session installs the latest). So when a public name of ``kl_helpers`` is renamed or
removed, the old name stays reachable for one more release: add it to :data:`RENAMED`, say so in
CHANGELOG.md, and remove the entry in the release after (``tests/test_package.py`` fails on an
entry older than that).
"""

from __future__ import annotations

import warnings

#: ``old name -> (replacement, version that deprecated it)``; the replacement is a top-level name.
RENAMED: dict[str, tuple[str, str]] = {}


def renamed(name: str, namespace: dict[str, object]) -> object:
    """The object an old name now refers to, with a ``FutureWarning`` naming its replacement.

    ``FutureWarning`` rather than ``DeprecationWarning``: the reader is a learner running a lesson,
    and Python shows ``FutureWarning`` to end users by default.

    Raises
    ------
    KeyError
        If ``name`` is not a deprecated name.
    """
    new, since = RENAMED[name]
    warnings.warn(
        f"kh.{name} was renamed to kh.{new} in kl-helpers {since} and will be removed in the next "
        f"release: use kh.{new} (same arguments).",
        FutureWarning,
        stacklevel=3,
    )
    return namespace[new]
