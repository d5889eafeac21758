"""Static figures for the notebooks, one module per notebook (matplotlib; import explicitly).

Each function returns a :class:`matplotlib.figure.Figure`; ending a notebook cell with it shows it.
"""
