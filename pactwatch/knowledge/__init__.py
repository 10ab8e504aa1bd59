"""The knowledge base of actors (countries, people, organisations, places, named events) and the
titles of offices. `load(extra_dirs)` gives a validated KnowledgeBase; see kb.py."""
from .kb import KnowledgeBase, load, norm

__all__ = ["KnowledgeBase", "load", "norm"]
