"""Geopolitical event analytics: documents and datasets in, one validated event frame out.

Data flows one way: documents -> frame -> store -> views -> charts. Nothing in this package
imports Streamlit; the dashboard is a thin layer over it.
"""

__version__ = "0.1.0"
