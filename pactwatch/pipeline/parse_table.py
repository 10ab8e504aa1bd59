"""The model's annotation of a Doc as plain Python lists, made once per Doc and read by every rule.

spaCy makes a new Token object on every `doc[i]`, `token.head`, `token.nbor()` and `span[j]`, and a
new Span on every slice; rules that walk the parse paid for that dozens of times per token (7.6
million Token objects for 300 documents of 500 words). Here each attribute is one list indexed by
token position, made on first use from one `Doc.to_array` call or one pass over the tokens, so a
walk up the tree is list look-ups and integer comparisons.

The table is valid while the tokens and their parse stay as the model left them: pactwatch's
components run after the model and none of them retokenizes or re-parses, so one table serves
them all. It is kept in `Doc.user_data` and rebuilt if the Doc's length changes."""
from __future__ import annotations

from bisect import bisect_right
from functools import cached_property

import numpy
from spacy.attrs import (DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, IS_ALPHA, IS_DIGIT, IS_PUNCT, IS_SPACE, IS_TITLE,
                         IS_UPPER, LEMMA, LIKE_NUM, LOWER, ORTH, POS, SENT_START, SHAPE, SPACY, TAG)
from spacy.tokens import Doc, Token

_KEY = "pw_parse_table"
_NO_CHILDREN: list[int] = []


class _Names(dict):
    """String-store hashes to their strings, shared by every Doc: a hash names one string whatever
    the store (spaCy hashes the text), so each is looked up once per process, not once per token.
    0 is the empty string, as spaCy reads an unset attribute."""
    _LIMIT = 1_000_000
    _shared: "_Names | None" = None

    def __init__(self, strings):
        super().__init__({0: ""})
        self.strings = strings

    @classmethod
    def get(cls, strings) -> "_Names":
        names = cls._shared
        if names is None or len(names) > cls._LIMIT:
            names = cls._shared = cls(strings)
        names.strings = strings   # a miss is answered by the store of the Doc being read
        return names

    def __missing__(self, key: int) -> str:
        value = self[key] = self.strings[key]
        return value


class ParseTable:
    """Per-token attributes by index: `head[i]` is the index of token i's head (the root points at
    itself, as in spaCy), `dep[i]`, `pos[i]`, `tag[i]`, `lemma[i]`, `lower[i]`, `text[i]` are
    strings, `idx[i]` the character offset. `tokens[i]` is one Token object per position, made
    once, for code that still needs spaCy's API. `sent_start[i]`/`sent_end[i]` bound token i's
    sentence (as `sentence_of(i)`). Attributes are made on first read."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.size = len(doc)
        # subtree edges read so far, by token (two dicts of ints, not one of tuples: fewer objects
        # for the garbage collector to count)
        self._left_edges: dict[int, int] = {}
        self._right_edges: dict[int, int] = {}
        self._memos: dict[str, dict] = {}

    def edges(self, i: int) -> tuple[int, int]:
        """First and last index of token i's subtree (spaCy's `left_edge`, `right_edge`), read once."""
        left = self._left_edges.get(i)
        if left is None:
            token = self.doc[i]
            left = self._left_edges[i] = token.left_edge.i
            self._right_edges[i] = token.right_edge.i
        return left, self._right_edges[i]

    def memo(self, name: str) -> dict:
        """A dict for the rules' answers that depend only on this Doc's tokens and parse (a clause's
        condition, a span's root), kept as long as the table: rules ask the same question for every
        fact in a sentence."""
        found = self._memos.get(name)
        if found is None:
            found = self._memos[name] = {}
        return found

    def _strings(self, attr: int) -> list[str]:
        names = _Names.get(self.doc.vocab.strings)
        return list(map(names.__getitem__, self.doc.to_array([attr]).tolist()))

    @cached_property
    def tokens(self) -> list[Token]:
        return list(self.doc)

    @cached_property
    def head(self) -> list[int]:
        # HEAD is stored relative to the token, as an unsigned column: view it signed
        return (numpy.arange(self.size) + self.doc.to_array(HEAD).astype("int64")).tolist()

    @cached_property
    def children(self) -> list[list[int]]:
        """Each token's children in text order (spaCy's `Token.children` order). Read-only: the
        tokens without children (most of them) share one empty list, as a list per token is enough
        new objects to set off the cyclic garbage collector several times per Doc."""
        kids: list[list[int]] = [_NO_CHILDREN] * self.size
        for i, h in enumerate(self.head):
            if h != i:
                if kids[h] is _NO_CHILDREN:
                    kids[h] = [i]
                else:
                    kids[h].append(i)
        return kids

    @cached_property
    def dep(self) -> list[str]:
        return self._strings(DEP)

    @cached_property
    def pos(self) -> list[str]:
        return self._strings(POS)

    @cached_property
    def tag(self) -> list[str]:
        return self._strings(TAG)

    @cached_property
    def lemma(self) -> list[str]:
        return self._strings(LEMMA)

    @cached_property
    def lower(self) -> list[str]:
        return self._strings(LOWER)

    @cached_property
    def text(self) -> list[str]:
        return self._strings(ORTH)

    @cached_property
    def ent_type(self) -> list[str]:
        return self._strings(ENT_TYPE)

    @cached_property
    def ent_iob(self) -> list[str]:
        """"B", "I", "O", or "" where the NER left the token unset (spaCy's `ent_iob_`)."""
        names = ("", "I", "O", "B")
        return [names[v] for v in self.doc.to_array([ENT_IOB]).tolist()]

    @cached_property
    def idx(self) -> list[int]:
        return self.doc.to_array([IDX]).tolist()

    @cached_property
    def end_char(self) -> list[int]:
        return [i + len(t) for i, t in zip(self.idx, self.text)]

    @cached_property
    def whitespace(self) -> list[bool]:
        """Whether a space follows the token (spaCy's `whitespace_` is non-empty)."""
        return self._flags(SPACY)

    @cached_property
    def shape(self) -> list[str]:
        return self._strings(SHAPE)

    def _flags(self, attr: int) -> list[bool]:
        return (self.doc.to_array(attr) != 0).tolist()

    @cached_property
    def is_space(self) -> list[bool]:
        return self._flags(IS_SPACE)

    @cached_property
    def is_punct(self) -> list[bool]:
        return self._flags(IS_PUNCT)

    @cached_property
    def like_num(self) -> list[bool]:
        return self._flags(LIKE_NUM)

    @cached_property
    def is_alpha(self) -> list[bool]:
        return self._flags(IS_ALPHA)

    @cached_property
    def is_digit(self) -> list[bool]:
        return self._flags(IS_DIGIT)

    @cached_property
    def is_title(self) -> list[bool]:
        return self._flags(IS_TITLE)

    @cached_property
    def is_upper(self) -> list[bool]:
        return self._flags(IS_UPPER)

    @cached_property
    def _sentences(self) -> tuple[list[int], list[int]]:
        if not self.size:
            return [], []
        if "sents" in self.doc.user_hooks or not self.doc.has_annotation("SENT_START"):
            bounds = [(s.start, s.end) for s in self.doc.sents]   # spaCy's own rules for these cases
            return [a for a, _ in bounds], [b for _, b in bounds]
        # Doc.sents with sentence starts set: a sentence opens at token 0 and at each token marked 1
        flags = self.doc.to_array(SENT_START).astype("int64")
        starts = [0] + (numpy.flatnonzero(flags[1:] == 1) + 1).tolist()
        return starts, starts[1:] + [self.size]

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """(start, end) token bounds of the Doc's sentences in text order: `Doc.sents` without a Span each."""
        starts, ends = self._sentences
        return list(zip(starts, ends))

    @cached_property
    def sent_start(self) -> list[int]:
        """The index of the first token of token i's sentence: `sentence_of(i)[0]` for i in the Doc,
        as a list look-up (the rules ask it a hundred thousand times per corpus)."""
        return self._sentence_columns[0]

    @cached_property
    def sent_end(self) -> list[int]:
        """The index after the last token of token i's sentence: `sentence_of(i)[1]` for i in the Doc."""
        return self._sentence_columns[1]

    @cached_property
    def _sentence_columns(self) -> tuple[list[int], list[int]]:
        starts, ends = self._sentences
        if starts and starts[0] == 0 and ends[-1] == self.size and starts[1:] == ends[:-1]:
            # the sentences tile the Doc: each token's bounds are its sentence's
            first: list[int] = []
            last: list[int] = []
            for start, end in zip(starts, ends):
                first += [start] * (end - start)
                last += [end] * (end - start)
            return first, last
        bounds = [self.sentence_of(i) for i in range(self.size)]
        return [b[0] for b in bounds], [b[1] for b in bounds]

    def sentence_of(self, i: int) -> tuple[int, int]:
        """(start, end) token bounds of the sentence holding token i."""
        starts, ends = self._sentences
        k = max(bisect_right(starts, i) - 1, 0)
        return starts[k], ends[k]

    def ancestors(self, i: int):
        """Token i's heads up to the root, nearest first (spaCy's `Token.ancestors`)."""
        head = self.head
        while head[i] != i:
            i = head[i]
            yield i


def parse_table(doc: Doc) -> ParseTable:
    """The Doc's one ParseTable, made on first call."""
    table = doc.user_data.get(_KEY)
    if table is None or table.size != len(doc):
        table = doc.user_data[_KEY] = ParseTable(doc)
    return table
