"""learnbot: a learning assistant for safeguarding practitioners, built on a published briefing."""

__version__ = "0.1.0"
