"""Reusable widgets: links to items and questions, a passage, an answer card, the question input."""
