"""Static figures for the notebooks, one module per notebook (matplotlib).

Each function returns a :class:`matplotlib.figure.Figure`; ending a notebook cell with it shows it.
Reach them as ``kh.figures.<lesson>``, e.g. ``kh.figures.definition.plot_jensen``: importing this
package imports every lesson's module.
"""

from . import (
    decomposition,
    definition,
    forward_reverse,
    how_big,
    loss,
    mle,
    practice,
    refresher,
    sampling,
)

__all__ = ["decomposition", "definition", "forward_reverse", "how_big", "loss", "mle", "practice",
           "refresher", "sampling"]
