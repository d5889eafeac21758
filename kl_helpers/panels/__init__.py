"""Slider panels (matplotlib + ipywidgets), one module per notebook, all built on :class:`Panel`."""

from .base import Panel, float_slider, int_slider
from .definition import DirectionPanel
from .mle import DescentPanel, LikelihoodPanel

__all__ = ["DescentPanel", "DirectionPanel", "LikelihoodPanel", "Panel", "float_slider", "int_slider"]
