"""learnbot's full-screen app (Textual): the only part of learnbot that imports Textual.

:func:`learnbot.ui.app.make_app` builds the app for the command line and for the tests; screens live
in :mod:`learnbot.ui.screens`, reusable widgets in :mod:`learnbot.ui.widgets`. The core computes; the
UI shows and asks.
"""
