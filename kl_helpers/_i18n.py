"""The language of what a learner reads in outputs: feedback, error messages, captions.

English is the default and its text is written in the code, as before. A lesson of the Chinese
edition (``notebooks/zh/``) starts with ``kh.set_language("zh")``; from then on :func:`tr` looks
each English text up in a plain-Python catalog (``kl_helpers/_locale_zh.py``: a dict from the
English template to its translation, no compile step) and formats it. A text the catalog lacks
stays English (``tests/test_translations.py`` checks that a Chinese lesson's outputs have none
left).

Numbers are formatted by the template, so ``tr("D = {d:.4f} nats", d=x)`` prints the same number
in both languages. Literal braces in a template that takes values are doubled (``{{`` ``}}``), as
for :meth:`str.format`; a template called without values is returned as it is.

Examples
--------
>>> get_language()
'en'
>>> tr("{n} samples", n=3)
'3 samples'
>>> set_language("zh"); tr("Not yet.")
'还不对。'
>>> set_language("en"); tr("Not yet.")
'Not yet.'
>>> set_language("fr")  # doctest: +ELLIPSIS
Traceback (most recent call last):
ValueError: language must be one of 'en', 'zh', got 'fr'; use set_language("zh") for Chinese or ...
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["LANGUAGES", "get_language", "set_language", "tr"]

#: The languages of the course: English (the text in the code) and Chinese (notebooks/zh/).
LANGUAGES = ("en", "zh")
_current = {"language": "en"}


def set_language(language: str) -> None:
    """Choose the language of feedback, error messages and captions: ``"en"`` or ``"zh"``.

    It applies to everything created afterwards in this Python session (a panel made before the
    switch keeps its slider labels).

    Raises
    ------
    ValueError
        If ``language`` is not one of :data:`LANGUAGES`.
    """
    if not isinstance(language, str) or language not in LANGUAGES:
        raise ValueError(
            f"language must be one of {', '.join(map(repr, LANGUAGES))}, got {language!r}; "
            'use set_language("zh") for Chinese or set_language("en") for English'
        )
    _current["language"] = language


def get_language() -> str:
    """The current language code, ``"en"`` unless :func:`set_language` chose another."""
    return _current["language"]


def catalog(language: str) -> dict[str, str]:
    """The translations of ``language`` (English template -> translated template)."""
    if language == "en":
        return {}
    return importlib.import_module(f"kl_helpers._locale_{language}").MESSAGES


def tr(text: str, /, **values: Any) -> str:
    """``text`` (an English template) in the current language, formatted with ``values``."""
    language = _current["language"]
    if language != "en":
        text = catalog(language).get(text, text)
    return text.format(**values) if values else text
