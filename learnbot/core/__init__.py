"""The headless core: content model and loading, matching, quizzes, progress.

Nothing in this package imports Textual or Rich, so the command line starts fast and the core is
tested directly.
"""
