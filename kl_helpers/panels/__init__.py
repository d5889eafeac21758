"""Slider panels (matplotlib + ipywidgets), one module per notebook, all built on :class:`Panel`."""

from .base import Panel, float_slider, int_slider, use_canvas
from .decomposition import DecompositionPanel
from .definition import DirectionPanel
from .forward_reverse import ForwardReversePanel
from .how_big import GuessKLPanel
from .loss import GradientComparisonPanel
from .mle import DescentPanel, LikelihoodPanel
from .practice import DivergenceComparisonPanel
from .refresher import JensenPanel
from .sampling import ConvergencePanel

__all__ = [
    "ConvergencePanel",
    "DecompositionPanel",
    "DescentPanel",
    "DirectionPanel",
    "DivergenceComparisonPanel",
    "ForwardReversePanel",
    "GradientComparisonPanel",
    "GuessKLPanel",
    "JensenPanel",
    "LikelihoodPanel",
    "Panel",
    "float_slider",
    "int_slider",
    "use_canvas",
]
