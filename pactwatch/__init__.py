"""pactwatch: a sourced, queryable record of what allies commit to, from the articles analysts read."""
__version__ = "0.1.0"
