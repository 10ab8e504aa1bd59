"""Which annotation belongs to which: a shared rule for components that attach one span to another
(a quantity's time, an event's actors). Same clause first, then the same sentence, nearest first.
A time is stricter (`attached_time`): its own clause, else a clause the fact's clause is part of,
and never a time that dates some other noun ("since the launch of the government in June")."""
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


# the dependency steps by which a time expression hangs from the word it dates
_MODIFIER_STEPS = {"pobj", "prep", "npadvmod", "nmod", "compound", "amod", "nummod", "appos", "det", "advmod",
                   "quantmod", "pcomp"}


# prepositions that open a phrase bounding the fact by another event: "since the launch ... in June"
BOUNDARY_PREPS = {"since", "until", "till"}
# participial clauses that tell the same act ("Signing the order on Wednesday, he imposed ...")
_PARTICIPLES = {"VBG", "VBN"}


def _dated_word(token: Token) -> Token:
    """The word a time expression dates: the first verb or noun above it ("pledged in July" ->
    pledged; "the launch of the government in June" -> government; "the July 22 deal" -> deal)."""
    t = token
    for _ in range(12):
        if t.head.i == t.i:
            return t
        if t.dep_ not in _MODIFIER_STEPS:
            return t.head
        t = t.head
        if t.pos_ in ("VERB", "AUX", "NOUN", "PROPN"):
            return t
    return t


def _within(token: Token, outer: Token) -> bool:
    """token lies in outer's phrase (its subtree)."""
    return outer.left_edge.i <= token.i <= outer.right_edge.i


def attached_time(doc: Doc, group: str, anchor: Span | Token) -> Span | None:
    """The time span that dates the fact at `anchor`: one in the fact's own clause, else in a clause
    the fact's clause is part of (its governing clauses), nearest first; in either, a time that dates
    a noun outside the fact's own phrase ("the launch of the administration in June") does not date
    the fact. None when nothing qualifies: the caller falls back to the document's date."""
    token = anchor if isinstance(anchor, Token) else anchor.root
    candidates = in_sentence(doc, group, token.sent)
    if not candidates:
        return None
    head = clause_head(token)
    governing = [head.i]
    t = head
    while t.head.i != t.i:
        t = clause_head(t.head)
        governing.append(t.i)
    first, last = (anchor.start, anchor.end - 1) if isinstance(anchor, Span) else (token.i, token.i)

    def dates_the_fact(s: Span) -> bool:
        word = _dated_word(s.root)
        if word.pos_ in ("VERB", "AUX"):
            return True
        # a noun: the fact's own (the time sits in the fact's phrase, or the fact in the noun's), or
        # one the fact's clause names, unless a bound opens its phrase: "since the launch of the
        # government in June" dates the launch, not what happened since
        if _within(word, token) or first >= word.left_edge.i and last <= word.right_edge.i:
            return True
        t = word
        while t.dep_ in _MODIFIER_STEPS and t.head.i != t.i and t.pos_ not in ("VERB", "AUX"):
            if t.dep_ == "prep" and t.lower_ in BOUNDARY_PREPS:
                return False
            t = t.head
        return True

    by_clause: dict[int, list[Span]] = {}
    for s in candidates:
        by_clause.setdefault(clause_head(s.root).i, []).append(s)
    # a clause describing the fact's own noun ("a pledge made in June"), or a participle telling the
    # same act ("Signing the order on Wednesday, he imposed ..."), comes right after its own clause
    describing = [i for i in by_clause if i not in governing and (
        doc[i].dep_ in ("acl", "relcl") and doc[i].head.left_edge.i <= first and last <= doc[i].head.right_edge.i
        or doc[i].dep_ == "advcl" and doc[i].head.i == head.i and doc[i].tag_ in _PARTICIPLES
        and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in doc[i].children))]
    for clause in governing[:1] + describing + governing[1:]:
        pool = [s for s in by_clause.get(clause, ()) if clause in describing or dates_the_fact(s)]
        if pool:
            return min(pool, key=lambda s: min(abs(s.start - token.i), abs(s.end - 1 - token.i)))
    return None
