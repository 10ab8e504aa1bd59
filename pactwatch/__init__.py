"""pactwatch: a sourced, queryable record of what allies commit to, from the articles analysts read.

    import pactwatch
    pactwatch.ingest(["articles/"], db="alliance.db")
    pactwatch.export(db="alliance.db", format="jsonl", out="alliance.jsonl")
"""
__version__ = "0.1.0"
__all__ = ["ingest", "export", "Store", "__version__"]


def __getattr__(name: str):
    # the API pulls in spaCy; `import pactwatch` stays cheap until it is used
    if name in ("ingest", "export", "records"):
        from . import api
        return getattr(api, name)
    if name == "Store":
        from .store import Store
        return Store
    raise AttributeError(f"module 'pactwatch' has no attribute {name!r}")
