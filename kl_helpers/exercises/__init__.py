"""Checkers for the notebooks' exercises: ``check_NN_name(answer)`` for notebook ``NN``.

Each returns a :class:`Feedback` that prints ✅ or ❌ with a hint; none reveals the answer.
"""

from ._feedback import Feedback
from .ex01 import check_01_code_overhead, check_01_my_kl, check_01_reverse_bits, check_01_support

__all__ = [
    "Feedback",
    "check_01_code_overhead",
    "check_01_my_kl",
    "check_01_reverse_bits",
    "check_01_support",
]
