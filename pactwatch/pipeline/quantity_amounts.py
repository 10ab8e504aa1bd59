"""Finding amounts in a Doc: money, percentages and counts of people, normalised to a value and a unit.

Reads tokens left to right and only stops at numbers, so it costs little per token; the words around
a number, and the words phrases are matched against, are read from the Doc's parse table, not from
Token objects, and the phrase found at a token is kept per Doc and phrase index (every amount of a
sentence asks again). The unit must be written next to the number (a currency, a percent word, a noun for
people); a number without one is kept apart as `bare` so the component can give it the unit of the
amount it changes from or to ("cut the 28,500 troops to 10,000"). Years, ages, ordinals, dates, phone
and page numbers never get a unit here, so they never become amounts."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.attrs import ORTH
from spacy.tokens import Doc, Token

from ..knowledge import loader
from ..knowledge.measures import MeasureLexicon, Phrase
from .parse_table import ParseTable, parse_table

# the spelled-out numbers, shared with the time grammar
NUMBERS_FILE = "numbers.toml"


def number_words(kb_dirs: tuple[str, ...] = ()) -> dict[str, int]:
    """The cardinals of numbers.toml ("seven" = 7), with the additions of the user's --kb folders."""
    return loader.data(NUMBERS_FILE, kb_dirs)["cardinals"]


NUMBER_WORDS = number_words()   # the packaged words alone (an AmountFinder reads its own `number_words`)
# "a billion dollars", "one million people": an article standing for one before a scale word
ARTICLE_ONE = {"a", "an", "one"}
DEFINITE = {"the", "these", "those", "its", "their", "his", "her", "our", "both", "all"}
HYPHENS = {"-", "–", "—"}
RANGE_JOINERS = {"-", "–", "to"}
# entity types the model gives to numbers that are not amounts
NOT_AMOUNT_ENTS = {"DATE", "TIME", "ORDINAL"}


@dataclass
class Amount:
    start: int                 # token span of the amount ("$350 billion", "15 percent", "300 workers")
    end: int
    value: float
    unit: str | None           # ISO 4217 code, "percent", "persons"; None for a bare number
    kind: str | None           # "currency", "percent", "persons", None
    number: int                # token index of the (last) number
    head: int                  # the token the amount hangs from: the person noun, the unit word, the number
    qualifier: str | None = None
    high: float | None = None  # upper end of a range ("10-15%", "between 20,000 and 25,000")
    points: bool = False       # percentage points
    extra: dict = field(default_factory=dict)


class AmountFinder:
    """Built once per pipeline from the lexicon: compiled patterns and lookup tables."""

    def __init__(self, lex: MeasureLexicon, numbers: dict[str, int] | None = None):
        self.lex = lex
        self.number_words = NUMBER_WORDS if numbers is None else numbers   # numbers.toml's cardinals
        # ORTH id -> whether a token of that text can start an amount (`_may_start`)
        self._may_start: dict[int, bool | str] = {}
        symbols = sorted(lex.currency_symbols, key=len, reverse=True)
        abbreviations = sorted(lex.multiplier_abbreviations, key=len, reverse=True)
        # one token holding symbol + digits + scale: "$350", "350bn", "US$2.5bn", "W3.5"
        self.attached = re.compile(
            r"^(?P<sym>" + "|".join(re.escape(s) for s in symbols) + r")?"
            r"(?P<num>\d[\d,]*(?:\.\d+)?|\.\d+)"
            r"(?P<abbr>" + "|".join(re.escape(a) for a in abbreviations) + r")?$", re.IGNORECASE)
        self.glued_percent = re.compile(
            r"^(?P<num>\d[\d,]*(?:\.\d+)?)(?:" + "|".join(re.escape(p) for p in lex.percent_suffixes) + r")$", re.IGNORECASE)
        self.symbols = {s: c for s, c in lex.currency_symbols.items()}
        self.symbols_lower = {s.lower(): c for s, c in lex.currency_symbols.items()}
        self.symbols_upper = {s.upper(): c for s, c in lex.currency_symbols.items()}
        self.person_last = by_last_word(lex.person_nouns)
        self.percent_first = by_first_word(lex.percent_words)
        self.points_first = by_first_word(lex.point_words)
        self.bp_first = by_first_word(lex.basis_point_words)
        # the first words of every percent, point and basis-point phrase: a word none of them
        # starts with is no percent word (most words after a number)
        self.percent_openers = frozenset(self.percent_first) | frozenset(self.points_first) | frozenset(self.bp_first)
        self.qualifier_last = by_last_word(lex.qualifiers)
        self.issuer_last = by_last_word(tuple(lex.dollar_issuers))

    # ------------------------------------------------------------ numbers
    def _number_at(self, doc: Doc, table: ParseTable, i: int) -> tuple[float, int, str | None, bool] | None:
        """(value, end, currency from an attached symbol, scaled) of a number starting at token i."""
        texts, lower, n = table.text, table.lower, len(doc)
        text = texts[i]
        currency = None
        scaled = False
        # "$US10 billion", "$A2 billion": the tokenizer splits the dollar sign from the letters that say
        # whose dollar it is
        split = _SPLIT_DOLLAR.match(text) if i > 0 and texts[i - 1] == "$" else None
        if split and ("$" + split.group(1)) in self.symbols_upper:
            currency = self.symbols_upper["$" + split.group(1)]
            text = split.group(2)
        m = self.attached.match(text)
        if m:
            if m.group("sym") and currency is None:
                currency = self.symbols.get(m.group("sym")) or self.symbols_lower.get(m.group("sym").lower())
            # a scale glued to a bare number ("5m", "3k") is too ambiguous without a currency
            if m.group("abbr") and not currency and not _currency_before(self, table, i):
                return None
            try:
                value = float(m.group("num").replace(",", ""))
            except ValueError:
                return None
            if m.group("abbr"):
                value *= self.lex.multiplier_abbreviations[m.group("abbr").lower()]
                scaled = True
            end = i + 1
        elif lower[i] in self.number_words:
            value = float(self.number_words[lower[i]])
            end = i + 1
            # "twenty-five", "twenty five"
            if value >= 20 and value % 10 == 0 and end < n:
                j = end + 1 if texts[end] in HYPHENS and end + 1 < n else end
                if j < n and lower[j] in self.number_words and self.number_words[lower[j]] < 10:
                    value += self.number_words[lower[j]]
                    end = j + 1
        elif lower[i] in ARTICLE_ONE and i + 1 < n and lower[i + 1] in self.lex.multipliers:
            value, end = 1.0, i + 1
        else:
            return None
        # scale words: "350 billion", "2.5 trillion", "two hundred thousand"
        while end < n:
            word = lower[end]
            if word in self.lex.multipliers:
                value *= self.lex.multipliers[word]
            elif word in self.lex.multiplier_abbreviations and (currency or _currency_before(self, table, i)):
                value *= self.lex.multiplier_abbreviations[word]
            else:
                break
            scaled = True
            end += 1
        return value, end, currency, scaled

    # ------------------------------------------------------------ the scan
    def find(self, doc: Doc) -> tuple[list[Amount], list[Amount]]:
        """(amounts with a unit, bare numbers that could take one from a change)."""
        amounts: list[Amount] = []
        bare: list[Amount] = []
        i = 0
        n = len(doc)
        orths = doc.to_array(ORTH).tolist()
        may_start = self._may_start
        lower = None
        while i < n:
            orth = orths[i]
            ok = may_start.get(orth)
            if ok is None:
                tok = doc[i]
                ok = may_start[orth] = _may_start(tok.text, tok.lower_, self.number_words)
            if ok is _BEFORE_SCALE:
                lower = lower or parse_table(doc).lower
                ok = i + 1 < n and lower[i + 1] in self.lex.multipliers
            if not ok:
                i += 1
                continue
            found = self._amount_at(doc, i)
            if found is None:
                i += 1
                continue
            amount, is_bare = found
            (bare if is_bare else amounts).append(amount)
            i = max(amount.end, i + 1)
        return amounts, bare

    def _amount_at(self, doc: Doc, i: int) -> tuple[Amount, bool] | None:
        table = parse_table(doc)
        texts = table.text
        glued = self.glued_percent.match(texts[i])
        if glued:
            amount = Amount(start=i, end=i + 1, value=float(glued.group("num").replace(",", "")), unit="percent",
                            kind="percent", number=i, head=i)
            amount.qualifier = self._qualifier_before(doc, i)
            return amount, False
        parsed = self._number_at(doc, table, i)
        if parsed is None:
            return None
        value, end, currency, scaled = parsed
        if _is_reference(self, table, i, end):
            return None
        start = i
        if currency is not None and texts[i][:1].isalpha() and i > 0 and texts[i - 1] == "$":
            start = i - 1   # "$US10": the sign is part of the amount
        # currency before the number: "$ 350", "USD 5 million", "US$ 2"
        if currency is None and i > 0:
            prev = texts[i - 1]
            code = self.symbols.get(prev) or self.lex.currency_codes.get(prev.upper() if prev.isupper() else "")
            if code:
                currency, start = code, i - 1
        kind = "currency" if currency else None
        unit = currency
        points = False
        value, high, after, currency = self._range(doc, table, start, end, value, scaled, currency)
        # unit words after the number
        if after < len(doc):
            code = self._currency_after(doc, table, after)
            if code and not kind:
                kind, unit, currency = "currency", code[0], code[0]
                after = code[1]
            elif kind == "currency" and code:
                after = code[1]
        if kind is None and after + 1 < len(doc) and texts[after] in HYPHENS \
                and match_forward(doc, after + 1, self.percent_first):
            after += 1   # "a 15-percent tariff"
        if kind is None and after < len(doc):
            percent = self._percent_words(doc, after)
            if percent is not None:
                kind = unit = "percent"
                after, points, basis_points = percent
                if basis_points:
                    value /= 100
                    high = high / 100 if high is not None else None
        head = after - 1
        if kind is None:
            if _not_amount_after(self, table, end):
                return None
            if _dated(table, i):
                return None
            persons = self._persons_after(doc, table, i, after)
            if persons is not None:
                noun, span_end = persons
                if value <= 1 or _referential_small_number(table, start, value, i, self.number_words):
                    return None
                kind, unit, head, after = "persons", "persons", noun, span_end
        if kind is None:
            # a bare number: kept only if it could be the other end of a change
            if _year_like(table, i, value) or not texts[i][:1].isdigit():
                return None
            return Amount(start=start, end=end, value=value, unit=None, kind=None, number=end - 1, head=end - 1,
                          qualifier=self._qualifier_before(doc, start)), True
        amount = Amount(start=start, end=after, value=value, unit=unit, kind=kind, number=end - 1, head=head,
                        high=high, points=points)
        amount.qualifier = self._qualifier_before(doc, start)
        if amount.qualifier is None and start > 0 and table.lower[start - 1] == "between" and high is not None:
            amount.qualifier = "between"
        return amount, False

    def _range(self, doc: Doc, table: ParseTable, start: int, end: int, value: float, scaled: bool,
               currency: str | None) -> tuple[float, float | None, int, str | None]:
        """(value, high, end, currency) after the other end of a range: "10-15%", "$10-20 billion",
        "10 to 15 percent", "between 20,000 and 25,000 troops"; high None when there is none."""
        high = None
        after = end
        lower = table.lower
        if after + 1 < len(doc) and (lower[after] in RANGE_JOINERS or
                                     (lower[after] == "and" and start > 0 and lower[start - 1] == "between")):
            joined_at = after + 1
            if self.symbols.get(table.text[joined_at]) and joined_at + 1 < len(doc):
                joined_at += 1
            second = self._number_at(doc, table, joined_at) if not _from_before(table, start) else None
            if second is not None and not scaled and second[3]:
                # the scale written once serves both ends: "$10-20 billion"
                scale = second[0] / _plain_value(table.text[joined_at], lower[joined_at], self.number_words)
                value *= scale if scale > 0 else 1
            if second is not None and second[0] > value:
                high, after = second[0], second[1]
                currency = currency or second[2]
        return value, high, after, currency

    def _percent_words(self, doc: Doc, j: int) -> tuple[int, bool, bool] | None:
        """(end, points, basis points) when percent words follow at token j: "percent", "percentage
        points", "basis points"."""
        if not _phrase_words(doc).meets(j, self.percent_openers):
            return None   # no phrase of the three starts here: each match_forward below finds none
        matched = match_forward(doc, j, self.percent_first)
        if matched:
            more = match_forward(doc, matched, self.points_first)   # "5 percentage points" never, but "percent points"
            return (more, True, False) if more else (matched, False, False)
        matched = match_forward(doc, j, self.points_first)
        if matched:
            return matched, True, False
        matched = match_forward(doc, j, self.bp_first)
        if matched:
            return matched, True, True
        return None

    def _currency_after(self, doc: Doc, table: ParseTable, j: int) -> tuple[str, int] | None:
        """(ISO code, end) when a currency word or code follows at token j: "won", "U.S. dollars", "KRW"."""
        text, lower, lemma, pos = table.text, table.lower, table.lemma, table.pos
        words = self.lex.currency_words
        word = lemma[j].lower() if pos[j] in ("NOUN", "PROPN") or lower[j] in ("won", "yen") else lower[j]
        if text[j].upper() in self.lex.currency_codes and text[j].isupper():
            return self.lex.currency_codes[text[j].upper()], j + 1
        for k in (j, j + 1, j + 2):
            # an issuer may sit between number and "dollars": "5 billion U.S. dollars"
            if k >= len(doc):
                break
            w = lower[k]
            lem = lemma[k].lower()
            if lem in words or w in words or w.rstrip("s") in words:
                code = words.get(lem) or words.get(w) or words[w.rstrip("s")]
                if k > j:
                    issuer = match_backward(doc, k - 1, self.issuer_last)
                    if issuer is None or issuer[0] != j:
                        return None
                    code = self.lex.dollar_issuers[issuer[1]] if code == "USD" else code
                # "won" after a number is the currency only when tagged as a noun or followed by no object
                if w == "won" and pos[k] == "VERB" and k + 1 < len(doc) and table.like_num[k + 1]:
                    return None
                return code, k + 1
            # what may start an issuer's name: "U.S.", "Hong Kong", "Australian"
            if k == j and word not in words and not (pos[k] in ("PROPN", "ADJ") or w in self.issuer_last):
                break
        return None

    def _persons_after(self, doc: Doc, table: ParseTable, number: int, after: int) -> tuple[int, int] | None:
        """(person noun, span end) when the number counts people: "300 workers", "28,500 U.S. troops",
        "300 Koreans", "28,500-strong"."""
        text, pos, n = table.text, table.pos, len(doc)
        if after + 1 < n and text[after] in HYPHENS and table.lower[after + 1] in self.lex.strength_words:
            # "28,500-strong force": a head count of the noun the adjective describes
            head = table.head[after + 1]
            return (head if head > after + 1 else after + 1), after + 2
        # the noun the number modifies, by the parse, or the first noun after a few modifiers
        candidates = []
        h = table.head[number]
        if h >= after and h - after <= 5:
            candidates.append(h)
        is_punct = table.is_punct
        for j in range(after, min(after + 5, n)):
            if is_punct[j] and text[j] not in HYPHENS or pos[j] in ("VERB", "AUX", "ADP", "CCONJ", "NUM", "PRON"):
                break
            candidates.append(j)
            if pos[j] == "NOUN" and not (j + 1 < n and pos[j + 1] in ("NOUN", "PROPN")):
                break
        for t in candidates:
            if self._is_person_noun(doc, table, t):
                return t, t + 1
        return None

    def person_word(self, doc: Doc, t: Token) -> bool:
        """The noun is one of the lexicon's words for people, in any number ("troop" in "troop numbers")."""
        return t.pos_ in ("NOUN", "PROPN") and match_backward(doc, t.i, self.person_last) is not None

    def _is_person_noun(self, doc: Doc, table: ParseTable, t: int) -> bool:
        tag = table.tag[t]
        if table.ent_type[t] == "NORP" and tag in ("NNPS", "NNS"):
            return True
        if table.pos[t] not in ("NOUN", "PROPN"):
            return False
        match = match_backward(doc, t, self.person_last)
        if match is None:
            return False
        # plural, or a noun that counts people in the singular form ("personnel", "staff", "people")
        lower = table.lower[t]
        return tag in ("NNS", "NNPS") or lower != table.lemma[t].lower() or lower in ("personnel", "staff", "people", "police")

    def _qualifier_before(self, doc: Doc, start: int) -> str | None:
        if start == 0:
            return None
        match = match_backward(doc, start - 1, self.qualifier_last)
        if match is None:
            return None
        # "hand over $5 billion", "a dispute over $5 billion": a particle or preposition, not a bound
        if len(match[1]) == 1 and parse_table(doc).dep[start - 1] in ("prt", "prep", "agent", "dative"):
            return None
        return " ".join(match[1])


# ---------------------------------------------------------------- helpers

def by_last_word(phrases) -> dict[str, list[Phrase]]:
    out: dict[str, list[Phrase]] = {}
    for p in phrases:
        out.setdefault(p[-1], []).append(p)
    for v in out.values():
        v.sort(key=len, reverse=True)
    return out


def by_first_word(phrases) -> dict[str, list[Phrase]]:
    out: dict[str, list[Phrase]] = {}
    for p in phrases:
        out.setdefault(p[0], []).append(p)
    for v in out.values():
        v.sort(key=len, reverse=True)
    return out


class _PhraseWords:
    """Per Doc: each token's phrase forms and hyphen flag, read from the parse table rather than from
    Token objects, and the phrases found at each token, per index: every amount of a sentence asks
    for the same words' phrases again. The forms are made afresh on each ask, not kept: a tuple
    kept per token is enough new objects to set off the cyclic garbage collector."""

    def __init__(self, doc: Doc):
        table = parse_table(doc)
        # the lists alone, not the table: this sits in doc.user_data, and a path back to the Doc
        # would keep the Doc alive until the cyclic garbage collector runs
        self.lower, self.lemma = table.lower, table.lemma
        self.size = len(doc)
        self._lemmas: list[str | None] = [None] * self.size    # lemmas lowercased, made on first use
        self.hyphen = [text in HYPHENS for text in table.text]
        self._found: dict[tuple[str, int], dict[int, object]] = {}

    def found(self, direction: str, index: dict[str, list[Phrase]]) -> dict[int, object]:
        """Token -> the answer of `match_forward` or `match_backward` (`direction`) with `index`. An
        index is known by its id: the finder's and reader's indexes are made once per pipeline and
        outlive every Doc."""
        key = (direction, id(index))
        answers = self._found.get(key)
        if answers is None:
            answers = self._found[key] = {}
        return answers

    def forms(self, j: int) -> tuple[str, ...]:
        """The words token j may stand for in a phrase: its lower form and lemma, and for a plural
        its singular too (proper-noun plurals keep their "s" as lemma: "Forces")."""
        lower, lemma = self.lower[j], self._lemmas[j]
        if lemma is None:
            lemma = self._lemmas[j] = self.lemma[j].lower()
        if lower.endswith("s") and len(lower) > 3:
            return lower, lemma, lower[:-1]
        return lower, lemma

    # `meets` and `has_form` answer the two questions the matchers ask of `forms` without making
    # the tuple: they are asked a few hundred times per document
    def meets(self, j: int, keys: dict) -> bool:
        """One of token j's forms is a key of `keys` (an index by edge word)."""
        lower = self.lower[j]
        if lower in keys:
            return True
        lemma = self._lemmas[j]
        if lemma is None:
            lemma = self._lemmas[j] = self.lemma[j].lower()
        return lemma in keys or (lower.endswith("s") and len(lower) > 3 and lower[:-1] in keys)

    def has_form(self, j: int, word: str) -> bool:
        """`word` is one of token j's forms."""
        lower = self.lower[j]
        if word == lower:
            return True
        lemma = self._lemmas[j]
        if lemma is None:
            lemma = self._lemmas[j] = self.lemma[j].lower()
        return word == lemma or (lower.endswith("s") and len(lower) > 3 and word == lower[:-1])

    def pool(self, j: int, index: dict[str, list[Phrase]]) -> list[Phrase] | tuple[()]:
        """The phrases of `index` whose edge word is one of token j's forms, longest first."""
        if not self.meets(j, index):
            return ()   # most tokens: no phrase of the index ends or starts with them
        forms = self.forms(j)
        seen: list[Phrase] = []
        for w in forms:
            phrases = index.get(w)
            if phrases:
                for p in phrases:
                    if p not in seen:
                        seen.append(p)
        return sorted(seen, key=len, reverse=True) if seen else seen


_PHRASE_WORDS = "pw_phrase_words"
# a token whose phrases have not been looked for yet (None answers "none found")
_UNREAD = object()


def _phrase_words(doc: Doc) -> _PhraseWords:
    words = doc.user_data.get(_PHRASE_WORDS)
    if words is None or words.size != len(doc):
        words = doc.user_data[_PHRASE_WORDS] = _PhraseWords(doc)
    return words


def match_forward(doc: Doc, j: int, index: dict[str, list[Phrase]]) -> int | None:
    """End of the longest phrase of `index` starting at token j (hyphen tokens skipped)."""
    if j >= len(doc):
        return None
    return _answered(doc, j, index, "forward", _match_forward)


def _answered(doc: Doc, j: int, index: dict[str, list[Phrase]], direction: str, find):
    """`find(words, j, index)`, asked once per Doc, direction, phrase index and token."""
    words = _phrase_words(doc)
    answers = words.found(direction, index)
    found = answers.get(j, _UNREAD)
    if found is _UNREAD:
        found = answers[j] = find(words, j, index)
    return found


def _match_forward(words: _PhraseWords, j: int, index: dict[str, list[Phrase]]) -> int | None:
    n = words.size
    hyphen = words.hyphen
    for p in words.pool(j, index):
        k = j
        ok = True
        for w in p:
            while k < n and hyphen[k] and w not in HYPHENS:
                k += 1
            if k >= n or not words.has_form(k, w):
                ok = False
                break
            k += 1
        if ok:
            return k
    return None


_SPLIT_DOLLAR = re.compile(r"^([A-Za-z]{1,3})(\d[\d,]*(?:\.\d+)?[A-Za-z]{0,3})$")


def match_backward(doc: Doc, j: int, index: dict[str, list[Phrase]]) -> tuple[int, Phrase] | None:
    """(start, phrase) of the longest phrase of `index` ending at token j (hyphen tokens skipped)."""
    if j < 0:
        return None
    return _answered(doc, j, index, "backward", _match_backward)


def phrases_ending_in(doc: Doc, lo: int, hi: int, index: dict[str, list[Phrase]]):
    """(end, (start, phrase)) for each token from lo to hi - 1 at which a phrase of `index` ends (the
    longest), in text order: `match_backward` over a range, trying only tokens a phrase can end with."""
    words = _phrase_words(doc)
    answers = words.found("backward", index)
    for j in range(max(lo, 0), hi):
        found = answers.get(j, _UNREAD)
        if found is _UNREAD:
            found = answers[j] = _match_backward(words, j, index) if words.meets(j, index) else None
        if found is not None:
            yield j, found


def _match_backward(words: _PhraseWords, j: int, index: dict[str, list[Phrase]]) -> tuple[int, Phrase] | None:
    hyphen = words.hyphen
    for p in words.pool(j, index):
        k = j
        ok = True
        for w in reversed(p):
            while k >= 0 and hyphen[k] and w not in HYPHENS:
                k -= 1
            if k < 0 or not words.has_form(k, w):
                ok = False
                break
            k -= 1
        if ok:
            return k + 1, p
    return None


# "a", "an": a number only before a scale word ("a billion dollars")
_BEFORE_SCALE = "before a scale word"


def _may_start(text: str, lower: str, numbers: dict[str, int]) -> bool | str:
    """Whether a token of this text can start an amount in `_amount_at`: digits (a number, or one
    with a symbol or scale glued to it: "$350", "5%", "US$2.5bn"), a number word (of numbers.toml or
    the user's --kb), or an article standing for one, which counts only before a scale word."""
    if any(ch.isdigit() for ch in text) or lower in numbers:
        return True
    return _BEFORE_SCALE if lower in ARTICLE_ONE else False


def _currency_before(finder: AmountFinder, table: ParseTable, i: int) -> bool:
    if i == 0:
        return False
    prev = table.text[i - 1]
    return prev in finder.symbols or (prev.isupper() and prev in finder.lex.currency_codes)


def _from_before(table: ParseTable, start: int) -> bool:
    # "from 25 to 15 percent" is a change between two amounts, not a range
    return start > 0 and table.lower[start - 1] == "from"


def _plain_value(text: str, lower: str, numbers: dict[str, int]) -> float:
    """The number a token's text writes, digits alone ("$20" -> 20), or its number word's value."""
    try:
        return float(re.sub(r"[^\d.]", "", text) or "nan")
    except ValueError:
        return float(numbers.get(lower, 0))


def _is_reference(finder: AmountFinder, table: ParseTable, i: int, end: int) -> bool:
    """Page, section, phone and similar numbers: "page 12", "No. 3", "202-555-0143"."""
    text, like_num, n = table.text, table.like_num, table.size
    if i > 0:
        if table.lower[i - 1] in finder.lex.not_amount_before:
            return True
        # a number right after another number or a joining hyphen chain: phone numbers, scores, "2+2"
        if text[i - 1] in {"+", "/", ":"} and i > 1 and like_num[i - 2]:
            return True
        if text[i - 1] in HYPHENS and i > 1 and like_num[i - 2] and i > 2 and text[i - 3] in HYPHENS:
            return True
    if end + 1 < n and text[end] in {"+", "/", ":"} and like_num[end + 1]:
        return True
    # three or more number groups joined by hyphens or spaces: a phone number
    if end + 3 < n and text[end] in HYPHENS and like_num[end + 1] and text[end + 2] in HYPHENS and like_num[end + 3]:
        return True
    if "(" in text[i] or (i > 0 and text[i - 1] == "(" and end < n and text[end] == ")"
                          and end + 1 < n and like_num[end + 1]):
        return True
    return False


def _not_amount_after(finder: AmountFinder, table: ParseTable, end: int) -> bool:
    """Ages and durations: "70-year-old", "five years", "3 days"."""
    j = end
    if j < table.size and table.text[j] in HYPHENS:
        j += 1
    return j < table.size and table.lower[j] in finder.lex.not_amount_after


def _dated(table: ParseTable, i: int) -> bool:
    """The model reads the number at token i as (part of) a date, a time or an ordinal. A lone two- or
    three-digit number it calls a date ("arrested 85") is trusted only as part of a longer date."""
    ent_type, text, ent_iob = table.ent_type[i], table.text[i], table.ent_iob
    if ent_type not in NOT_AMOUNT_ENTS:
        return False
    if ent_type != "DATE" or not text.isdigit() or len(text) == 4:
        return True
    return ent_iob[i] == "I" or (i + 1 < table.size and ent_iob[i + 1] == "I")


def _year_like(table: ParseTable, i: int, value: float) -> bool:
    return _dated(table, i) or (re.fullmatch(r"\d{4}", table.text[i]) is not None and 1000 <= value <= 2999)


def _referential_small_number(table: ParseTable, start: int, value: float, first: int, numbers: dict[str, int]) -> bool:
    """"the two leaders", "its three soldiers": a small spelled-out number (at token `first`) naming a
    group in the story, not counting people (`numbers`: the finder's number words)."""
    if table.lower[first] not in numbers or value >= 10:
        return False
    return start > 0 and table.lower[start - 1] in DEFINITE
