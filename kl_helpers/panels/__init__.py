"""Slider panels (matplotlib + ipywidgets), one module per notebook, all built on :class:`Panel`."""

from .base import Panel, float_slider, int_slider
from .definition import DirectionPanel

__all__ = ["DirectionPanel", "Panel", "float_slider", "int_slider"]
