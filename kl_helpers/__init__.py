"""kl_helpers: the computations behind the "KL divergence, step by step" notebooks.

The numerical core imported here uses numpy only; plotting (``kl_helpers.plotting``,
``kl_helpers.figures``) and slider panels (``kl_helpers.panels``) import matplotlib and
ipywidgets and are imported explicitly by the notebooks that need them.

All divergences take their arguments in mathematical order: ``kl_divergence(p, q)`` is
D_KL(p‖q), with p the distribution the data come from and q the model.
"""

from .distributions import (
    gaussian_cross_entropy,
    gaussian_entropy,
    gaussian_logpdf,
    gaussian_pdf,
    kl_gaussian,
    kl_on_grid,
)
from .divergence import cross_entropy, entropy, js_divergence, kl_divergence
from .estimators import cross_entropy_estimate, kl_estimate, kl_estimator_terms
from .fitting import fit_gaussian_mle

__version__ = "0.1.0"

__all__ = [
    "cross_entropy",
    "cross_entropy_estimate",
    "entropy",
    "fit_gaussian_mle",
    "gaussian_cross_entropy",
    "gaussian_entropy",
    "gaussian_logpdf",
    "gaussian_pdf",
    "js_divergence",
    "kl_divergence",
    "kl_estimate",
    "kl_estimator_terms",
    "kl_gaussian",
    "kl_on_grid",
]
