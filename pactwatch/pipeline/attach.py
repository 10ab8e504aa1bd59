"""Which annotation belongs to which: a shared rule for components that attach one span to another
(a quantity's time, an event's actors). Same clause first, then the same sentence, nearest first."""
from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span, Token

CLAUSE_DEPS = {"ROOT", "ccomp", "advcl", "xcomp", "relcl", "conj", "parataxis", "acl", "csubj"}


def clause_head(token: Token) -> Token:
    """The verb (or root) heading the clause a token sits in."""
    t = token
    # spaCy makes a new Token object on every access: compare positions, never identity
    while t.dep_ not in CLAUSE_DEPS and t.head.i != t.i:
        t = t.head
    return t


def in_sentence(doc: Doc, group: str, sent: Span) -> list[Span]:
    """The group's spans inside the sentence, in the group's own order. A scan of the whole group
    per call made attaching quadratic in long documents: an index sorted by start, rebuilt only
    when the group is replaced or has grown, makes it a lookup."""
    spans = doc.spans.get(group)
    if not spans:
        return []
    key = ("pw_attach_index", group)
    index = doc.user_data.get(key)
    if index is None or index[0] != (id(spans), len(spans)):
        ordered = sorted(((sp.start, n, sp) for n, sp in enumerate(spans)), key=lambda x: (x[0], x[1]))
        index = ((id(spans), len(spans)), [start for start, _, _ in ordered], ordered)
        doc.user_data[key] = index
    _, starts, ordered = index
    found = [(n, sp) for _, n, sp in ordered[bisect_left(starts, sent.start):bisect_left(starts, sent.end)]
             if sp.end <= sent.end]
    return [sp for _, sp in sorted(found, key=lambda x: x[0])]


def attached(doc: Doc, group: str, anchor: Span | Token) -> Span | None:
    """The span of `group` that belongs with `anchor`: one in the same clause if any, else the
    nearest one in the same sentence; None when the sentence has none."""
    token = anchor if isinstance(anchor, Token) else anchor.root
    sent = token.sent
    candidates = in_sentence(doc, group, sent)
    if not candidates:
        return None
    head = clause_head(token)
    same_clause = [s for s in candidates if clause_head(s.root).i == head.i]
    pool = same_clause or candidates
    return min(pool, key=lambda s: min(abs(s.start - token.i), abs(s.end - 1 - token.i)))
