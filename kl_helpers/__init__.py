"""kl_helpers: the computations behind the "KL divergence, step by step" notebooks.

``import kl_helpers as kh`` reaches everything the lessons use:

* the numerical core (numpy only), every public name promoted to the top level —
  ``kh.kl_divergence``, ``kh.kl_normal_normal``, ``kh.kl_estimate``, ``kh.fit_normal_mle``,
  ``kh.NormalMixture``, ``kh.logsumexp`` … — and its modules (``kh.divergence``,
  ``kh.distributions``, ``kh.special``, ``kh.quadrature``, ``kh.estimators``, ``kh.optimize``,
  ``kh.fitting``, ``kh.mixtures``, ``kh.multivariate``, ``kh.classification``, ``kh.evidence``,
  ``kh.information``, ``kh.guessing``, ``kh.gradients``, ``kh.comparison``, ``kh.nonparametric``,
  ``kh.vae``, ``kh.conventions``);
* the exercise checkers, ``kh.exercises.check_NN_*`` (numpy only);
* the language of feedback, error messages and captions: ``kh.set_language("zh")`` (the Chinese
  edition, ``notebooks/zh/``) and ``kh.get_language()``; English is the default;
* the plotting layer, ``kh.plotting``, ``kh.figures.<lesson>`` and ``kh.panels.<Panel>``, which
  need matplotlib and ipywidgets and are imported on first use, so ``import kl_helpers`` stays
  fast and works without them.

KL functions are named ``kl_<family of p>_<family of q>`` (``kl_normal_normal``,
``kl_mixture_normal``, ``kl_normal_mixture``, ``kl_mvnormal_mvnormal``,
``kl_diagnormal_stdnormal``); ``kl_divergence`` takes discrete probability vectors. All of them
take their arguments in mathematical order: the first is ``p``, the distribution the data come
from, the second ``q``, the model — ``kl_divergence(p, q)`` is D_KL(p‖q).
"""

from __future__ import annotations

import importlib
from types import ModuleType

from . import (
    _deprecation,
    classification,
    comparison,
    conventions,
    distributions,
    divergence,
    estimators,
    evidence,
    exercises,  # noqa: F401  (kh.exercises.check_NN_*)
    expectation,
    fitting,
    gradients,
    guessing,
    information,
    mixtures,
    multivariate,
    nonparametric,
    optimize,
    quadrature,
    special,
    vae,
)
from ._i18n import get_language, set_language  # noqa: F401  (kh.set_language("zh"))
from .classification import *  # noqa: F403
from .comparison import *  # noqa: F403
from .conventions import *  # noqa: F403
from .distributions import *  # noqa: F403
from .divergence import *  # noqa: F403
from .estimators import *  # noqa: F403
from .evidence import *  # noqa: F403
from .expectation import *  # noqa: F403
from .fitting import *  # noqa: F403
from .gradients import *  # noqa: F403
from .guessing import *  # noqa: F403
from .information import *  # noqa: F403
from .mixtures import *  # noqa: F403
from .multivariate import *  # noqa: F403
from .nonparametric import *  # noqa: F403
from .optimize import *  # noqa: F403
from .quadrature import *  # noqa: F403
from .special import *  # noqa: F403
from .vae import *  # noqa: F403

__version__ = "0.1.0"

#: The numpy-only modules whose public names are promoted to the top level (in import order).
CORE_MODULES: tuple[ModuleType, ...] = (
    special,
    expectation,
    distributions,
    divergence,
    quadrature,
    estimators,
    optimize,
    fitting,
    mixtures,
    multivariate,
    classification,
    gradients,
    comparison,
    nonparametric,
    vae,
    conventions,
    evidence,
    information,
    guessing,
)
#: Subpackages that need matplotlib / ipywidgets: imported on first attribute access.
_LAZY = ("plotting", "figures", "panels")

__all__ = sorted({name for module in CORE_MODULES for name in module.__all__})


def __getattr__(name: str) -> object:
    # PEP 562: `kh.panels` imports the plotting layer only when a lesson first asks for it.
    if name in _LAZY:
        module = importlib.import_module(f".{name}", __name__)
        globals()[name] = module
        return module
    if name in _deprecation.RENAMED:  # an old name, kept for one release with a FutureWarning
        return _deprecation.renamed(name, globals())
    raise AttributeError(f"module 'kl_helpers' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
