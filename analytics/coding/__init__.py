"""Event coding: news text -> CAMEO-coded event mentions (who did what to whom, where, when).

    from analytics.coding import code_text, event_info
    rows = code_text(text, dct)          # list of dicts, one per event mention
    event_info("0874")                   # ('Retreat or surrender militarily', '08', 2, 10.0)
"""
from analytics.coding.cameo import event_info, plover
from analytics.coding.coder import code_text, code_with
from analytics.coding.context import Settings, SettingsError

__all__ = ["Settings", "SettingsError", "code_text", "code_with", "event_info", "plover"]
