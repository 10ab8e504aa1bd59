"""Which annotation belongs to which: a shared rule for components that attach one span to another
(a quantity's time, an event's actors). Same clause first, then the same sentence, nearest first.
A time is stricter (`attached_time`): its own clause, else a clause the fact's clause is part of,
and never a time that dates some other noun ("since the launch of the government in June").
The walks go by index over the Doc's parse table, not by Token objects: a component asks this once
per fact, and what a sentence's times say of themselves (their clause, the word each dates) is read
once per sentence."""
from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span, Token

from .extensions import group_spans
from .parse_table import ParseTable, parse_table

CLAUSE_DEPS = {"ROOT", "ccomp", "advcl", "xcomp", "relcl", "conj", "parataxis", "acl", "csubj"}


def clause_head(token: Token) -> Token:
    """The verb (or root) heading the clause a token sits in."""
    t = token
    # spaCy makes a new Token object on every access: compare positions, never identity
    while t.dep_ not in CLAUSE_DEPS and t.head.i != t.i:
        t = t.head
    return t


def clause_head_at(table: ParseTable, i: int) -> int:
    """`clause_head` by index, for walks that go over the parse table."""
    dep, head = table.dep, table.head
    while dep[i] not in CLAUSE_DEPS and head[i] != i:
        i = head[i]
    return i


def root_of(doc: Doc, span: Span) -> int:
    """Index of a span's root (spaCy's `Span.root`), found once per span position and Doc."""
    return root_at(doc, span.start, span.end)


def root_at(doc: Doc, start: int, end: int) -> int:
    """`root_of` the span of tokens [start, end), made as a Span only the first time it is asked."""
    if end - start == 1:
        return start    # a one-token span is its own root
    roots = parse_table(doc).memo("span_roots")
    key = (start, end)
    root = roots.get(key)
    if root is None:
        root = roots[key] = doc[start:end].root.i
    return root


def subtree_indices(doc: Doc, i: int) -> list[int]:
    """Token i's subtree as indices in spaCy's `Token.subtree` order (each left child's subtree, the
    token, each right child's subtree), read from the parse table: no Token objects."""
    children = parse_table(doc).children
    out: list[int] = []
    todo = [i]   # t: a token whose subtree is to come; ~t (negative): the token t itself
    while todo:
        t = todo.pop()
        if t < 0:
            out.append(~t)
            continue
        kids = children[t]
        if not kids:
            out.append(t)
            continue
        split = bisect_left(kids, t)   # children are in text order: the left ones first
        todo.extend(reversed(kids[split:]))
        todo.append(~t)
        todo.extend(reversed(kids[:split]))
    return out


def in_sentence(doc: Doc, group: str, start: int, end: int) -> list[Span]:
    """The group's spans inside tokens [start, end) (a sentence), in the group's own order. A scan of the whole group
    per call made attaching quadratic in long documents: an index sorted by start, rebuilt only
    when the group is replaced or has grown, makes it a lookup."""
    spans = group_spans(doc, group)
    if not spans:
        return []
    key = ("pw_attach_index", group)
    index = doc.user_data.get(key)
    if index is None or index[0] is not spans:
        ordered = sorted(((sp.start, n, sp) for n, sp in enumerate(spans)), key=lambda x: (x[0], x[1]))
        index = (spans, [start for start, _, _ in ordered], ordered)
        doc.user_data[key] = index
    _, starts, ordered = index
    found = [(n, sp) for _, n, sp in ordered[bisect_left(starts, start):bisect_left(starts, end)]
             if sp.end <= end]
    return [sp for _, sp in sorted(found, key=lambda x: x[0])]


def attached(doc: Doc, group: str, anchor: Span | Token) -> Span | None:
    """The span of `group` that belongs with `anchor`: one in the same clause if any, else the
    nearest one in the same sentence; None when the sentence has none."""
    token = anchor if isinstance(anchor, Token) else anchor.root
    table = parse_table(doc)
    candidates = in_sentence(doc, group, table.sent_start[token.i], table.sent_end[token.i])
    if not candidates:
        return None
    head = clause_head_at(table, token.i)
    same_clause = [s for s in candidates if clause_head_at(table, root_of(doc, s)) == head]
    pool = same_clause or candidates
    return min(pool, key=lambda s: min(abs(s.start - token.i), abs(s.end - 1 - token.i)))


# the dependency steps by which a time expression hangs from the word it dates
_MODIFIER_STEPS = {"pobj", "prep", "npadvmod", "nmod", "compound", "amod", "nummod", "appos", "det", "advmod",
                   "quantmod", "pcomp"}


# prepositions that open a phrase bounding the fact by another event: "since the launch ... in June"
BOUNDARY_PREPS = {"since", "until", "till"}
# participial clauses that tell the same act ("Signing the order on Wednesday, he imposed ...")
_PARTICIPLES = {"VBG", "VBN"}


def _dated_word(table: ParseTable, i: int) -> int:
    """The word a time expression (rooted at i) dates: the first verb or noun above it ("pledged in
    July" -> pledged; "the launch of the government in June" -> government; "the July 22 deal" -> deal)."""
    head, dep, pos = table.head, table.dep, table.pos
    t = i
    for _ in range(12):
        if head[t] == t:
            return t
        if dep[t] not in _MODIFIER_STEPS:
            return head[t]
        t = head[t]
        if pos[t] in ("VERB", "AUX", "NOUN", "PROPN"):
            return t
    return t


def attached_time(doc: Doc, group: str, anchor: Span | Token) -> Span | None:
    """The time span that dates the fact at `anchor`: one in the fact's own clause, else in a clause
    the fact's clause is part of (its governing clauses), nearest first; in either, a time that dates
    a noun outside the fact's own phrase ("the launch of the administration in June") does not date
    the fact. None when nothing qualifies: the caller falls back to the document's date."""
    if isinstance(anchor, Token):
        return attached_time_at(doc, group, anchor.i, anchor.i + 1)
    return attached_time_at(doc, group, anchor.start, anchor.end)


def attached_time_at(doc: Doc, group: str, start: int, end: int) -> Span | None:
    """`attached_time` for the fact at tokens [start, end), read by index: no Span is made for it."""
    table = parse_table(doc)
    ti = root_at(doc, start, end)
    by_clause = _times_by_clause(doc, table, group, table.sent_start[ti], table.sent_end[ti])
    if not by_clause:
        return None
    head_of, dep, children = table.head, table.dep, table.children
    head = clause_head_at(table, ti)
    governing = [head]
    t = head
    while head_of[t] != t:
        t = clause_head_at(table, head_of[t])
        governing.append(t)
    first, last = start, end - 1
    token_left, token_right = table.edges(ti)

    def dates_the_fact(time: tuple) -> bool:
        _, word, dates_a_verb, word_left, word_right, unbounded = time
        if dates_a_verb:
            return True
        # a noun: the fact's own (the time sits in the fact's phrase, or the fact in the noun's), or
        # one the fact's clause names, unless a bound opens its phrase
        return token_left <= word <= token_right or first >= word_left and last <= word_right or unbounded

    def describes(i: int) -> bool:
        # a clause describing the fact's own noun ("a pledge made in June"), or a participle telling
        # the same act ("Signing the order on Wednesday, he imposed ...")
        if dep[i] in ("acl", "relcl"):
            noun_left, noun_right = table.edges(head_of[i])
            if noun_left <= first and last <= noun_right:
                return True
        return dep[i] == "advcl" and head_of[i] == head and table.tag[i] in _PARTICIPLES \
            and not any(dep[c] in ("nsubj", "nsubjpass", "mark") for c in children[i])

    # describing clauses come right after the fact's own clause
    describing = [i for i in by_clause if i not in governing and describes(i)]
    for clause in governing[:1] + describing + governing[1:]:
        pool = [time[0] for time in by_clause.get(clause, ()) if clause in describing or dates_the_fact(time)]
        if pool:
            return min(pool, key=lambda s: min(abs(s.start - ti), abs(s.end - 1 - ti)))
    return None


def _times_by_clause(doc: Doc, table: ParseTable, group: str, sent_start: int, sent_end: int) -> dict[int, list]:
    """The group's spans in the sentence [sent_start, sent_end) by the clause each hangs from (in the
    group's order), each as (span, the word it dates, whether that is a verb, the word's subtree
    edges, whether no bound opens the word's phrase: "since the launch of the government in June"
    dates the launch, not what happened since). Read once per sentence: every fact in it asks."""
    spans = group_spans(doc, group)
    memo = table.memo("times_by_clause")
    key = (group, sent_start, sent_end)
    found = memo.get(key)
    if found is None or found[0] is not spans:
        head_of, dep, pos, lower = table.head, table.dep, table.pos, table.lower
        by_clause: dict[int, list] = {}
        for s in in_sentence(doc, group, sent_start, sent_end):
            root = root_of(doc, s)
            word = _dated_word(table, root)
            if pos[word] in ("VERB", "AUX"):
                time = (s, word, True, word, word, True)   # a verb's time dates it: nothing more is read
            else:
                unbounded = True
                t = word
                while dep[t] in _MODIFIER_STEPS and head_of[t] != t and pos[t] not in ("VERB", "AUX"):
                    if dep[t] == "prep" and lower[t] in BOUNDARY_PREPS:
                        unbounded = False
                        break
                    t = head_of[t]
                time = (s, word, False, *table.edges(word), unbounded)
            by_clause.setdefault(clause_head_at(table, root), []).append(time)
        found = memo[key] = (spans, by_clause)
    return found[1]
