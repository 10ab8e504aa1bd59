"""pactwatch: a sourced, queryable record of what allies commit to, from the articles analysts read.

    import pactwatch
    pactwatch.ingest(["articles/"], db="alliance.db")
    pactwatch.export(db="alliance.db", format="jsonl", out="alliance.jsonl")
"""
import os

# spaCy's small model multiplies small matrices: one BLAS thread is faster than several fighting
# for two cores (measured 1.9k vs 1.3k tokens/s under load). Set before numpy loads; a user's
# own setting wins.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

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
