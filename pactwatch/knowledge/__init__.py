"""The knowledge base of actors (countries, people, organisations, places, named events) and the
titles of offices. `load(extra_dirs)` gives a validated KnowledgeBase; see kb.py. `norm_name` and the
entity merge (identity.py) decide when two names or two entity records are one."""
from .identity import norm_name
from .kb import KnowledgeBase, load

# the name pipeline/actors.py imports the name key by (the same function as norm_name)
norm = norm_name

__all__ = ["KnowledgeBase", "load", "norm", "norm_name"]
