"""`pactwatch_time`: every temporal expression in a Doc as a TIMEX3 span, and the date the document
speaks from (its anchor).

Finding and the anchor-free values are in the timex_rules package (regexes over the text). This component
adds what needs the parse: the tense of the clause a yearless date sits in ("in June" is the past
June after "took office", the coming one after "will travel"), the anchor (metadata, else a date
the text gives as its own, else the latest date it reports as past), and `timex_of` for the
components that attach a time to a fact.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from bisect import bisect_right
from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from . import timex_rules
from ..knowledge import loader
from .attach import attached_time_at
from .extensions import TIMEX, set_span_value, span_value
from .guard import Guarded
from .parse_table import ParseTable, parse_table

RESOLVERS = ("rules", "dateparser")


@functools.lru_cache(maxsize=8)
def clause_words(kb_dirs: tuple[str, ...] = ()) -> dict:
    """The words read around a date to tell its tense ([clause] of time_words.toml; what each list is for
    is said there) and the nouns that name a person (`person_nouns`, for ages), with the additions of the
    user's knowledge folders `kb_dirs`. The tagger passes them down to each reading of the parse."""
    data, check = loader.Checked.of("time_words.toml", kb_dirs)
    out: dict = check.word_sets(check.table(data, "clause", "clause"), "clause")
    out["earliest_signals"] = tuple(sorted(out["earliest_signals"]))   # str.endswith takes a tuple
    out["person_nouns"] = frozenset(timex_rules.words(kb_dirs).get("person_nouns", {}).get("words", []))
    return out

# the layout elements a date the text gives as its own sits on (documents/layout): a byline ("By A.
# Writer | Published on August 21, 2025"), a date line, a wire dateline ("SEOUL, Aug. 21, 2025 (Wire) —")
OWN_DATE_KINDS = ("byline", "date_line", "dateline")
FURNITURE_KINDS = ("link", "menu", "control")
_COORDINATED = re.compile(r"\s*(?:,|and|or|,\s*and|,\s*or)\s*")
_CALENDAR = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?)?(?![\dX])")


@Language.factory(
    "pactwatch_time",
    assigns=["doc.spans", "doc._.anchor", "doc._.anchor_source", "doc._.inferred_after", "span._.timex",
             "doc._.pipeline_errors"],
    requires=["token.dep", "token.tag"],
    default_config={"resolver": "rules", "kb_dirs": []},
)
def make_component(nlp: Language, name: str, resolver: str, kb_dirs: list):
    if resolver not in RESOLVERS:
        from ..errors import UsageError
        raise UsageError(f"pactwatch_time: resolver must be one of {', '.join(RESOLVERS)}, not {resolver!r}")
    return Guarded(name, TimeTagger(resolver, kb_dirs), [TIMEX])


class TimeTagger:
    def __init__(self, resolver: str = "rules", kb_dirs: Iterable[str] = ()):
        self.resolver = resolver
        # the user's knowledge folders: their time_words.toml adds words to the grammar
        self.kb_dirs = loader.folders(kb_dirs)
        timex_rules.grammar(self.kb_dirs)  # compile the regexes once, up front
        self.clause = clause_words(self.kb_dirs)

    def __call__(self, doc: Doc) -> Doc:
        text = doc._.text
        found = []
        for m in timex_rules.find(text, self.kb_dirs):
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or not len(span) or _is_not_time(m, span, self.clause):
                continue
            if _is_rate(m, span):
                m = dataclasses.replace(m, type="SET")  # "700 seats a week": so many per week
            elif len(span) > 1 and span[0].lower_ in ("the", "a", "an") and _modifies_next_noun(span):
                # "the eight-year war", "the third-quarter loss": the article belongs to the noun
                span = span[1:]
                m = dataclasses.replace(m, start=span.start_char)
            found.append((m, span))
        table = parse_table(doc)
        directions = [_direction(table, span, self.clause, weekday=_is_weekday(m), month=m.kind in _MONTH_KINDS)
                      for m, span in found]
        # dates of the page's furniture (menus, links to other stories) are not the story's
        furniture = sorted((s, e) for s, e, kind in doc._.layout or () if kind in FURNITURE_KINDS)
        starts = [s for s, _ in furniture]
        in_furniture = [(i := bisect_right(starts, m.start) - 1) >= 0 and m.start < furniture[i][1]
                        for m, _ in found]

        anchor, source = _parse_date(doc._.dct), "published" if doc._.dct else None
        if anchor is None:
            anchor = _own_date(doc, found)
            source = "text" if anchor else None
        if anchor is None:
            inferred = _inferred_after([f for f, skip in zip(found, in_furniture) if not skip],
                                       [d for d, skip in zip(directions, in_furniture) if not skip])
            doc._.inferred_after = inferred.isoformat() if inferred else None
            anchor, source = inferred, "inferred" if inferred else None
        doc._.anchor = anchor.isoformat() if anchor else None
        doc._.anchor_source = source

        if source == "inferred":
            # the inferred anchor is only a lower bound of when the text was written: a past tense
            # doesn't put a yearless date before it, so take the nearest one
            directions = [None if d == "past" else d for d in directions]
        spans = []
        quarter = None  # the last quarter the text named: "the quarter", "a year earlier" refer to it
        ref = None  # the last calendar date the text named: "that day", "the following year" count from it
        last_day = None  # the last weekday named: "this Tuesday and Wednesday" share its week
        for (m, span), direction, skip in zip(found, directions, in_furniture):
            if m.rel is not None and m.rel[0] == "weekday":
                if m.explicit is None and last_day is not None and _COORDINATED.fullmatch(text[last_day.end:m.start]):
                    m = dataclasses.replace(m, explicit=last_day.explicit)
                last_day = m
            if m.rel is not None and m.rel[0] == "anaphor":
                value = timex_rules.resolve_anaphor(m, ref, anchor)
            elif source == "inferred" and m.rel is not None and m.rel[0] == "weekday":
                # an undated text: its latest date is no publication date, and a weekday counted
                # from it would be a guess ("ruled Friday" is some Friday)
                value = f"XXXX-WXX-{m.rel[1]}" + (f"T{m.rel[2]}" if m.rel[2] else "")
            else:
                value = self._value(m, text[m.start:m.end], anchor, direction)
            value, quarter = _in_quarter_context(m, span, value, quarter)
            named = _CALENDAR.match(value or "") if m.type in ("DATE", "TIME") and not skip else None
            if named:
                ref = named.group()
            s = Span(doc, span.start, span.end, label=m.type)
            set_span_value(s, "timex", {"type": m.type, "value": value})
            spans.append(s)
        doc.spans[TIMEX] = spans
        return doc

    def _value(self, m: timex_rules.TimexCandidate, text: str, anchor: dt.date | None, direction: str | None) -> str:
        if self.resolver == "dateparser" and anchor is not None and m.rel is not None:
            value = _dateparser_value(m, text, anchor, direction)
            if value:
                return value
        return timex_rules.resolve(m, anchor, direction)


QUARTER_REACH = 1500  # characters: how far back a named quarter still frames "a year ago"


def _in_quarter_context(m: timex_rules.TimexCandidate, span: Span, value: str, quarter: tuple | None):
    """Financial reporting compares quarters: "the quarter" is the one just named, and "a year
    earlier" near a named quarter is that quarter a year before. `quarter` is (year, q, offset)
    of the last quarter named."""
    kind = m.rel[0] if m.rel else None
    year_back = kind == "quarter_ago" or (m.kind in ("ago", "year_earlier") and m.rel == ("shift", "year", -1, None))
    near = quarter is not None and year_back and (m.start - quarter[2] <= QUARTER_REACH
                                                   or "quarter" in span.sent.text.lower())
    if quarter and kind == "quarter_ref":
        value = f"{quarter[0]}-Q{quarter[1]}"
    elif kind == "year_period" and quarter and m.start - quarter[2] <= QUARTER_REACH:
        value = f"{m.rel[1]}-Q{quarter[1]}"  # "the 1988 quarter" beside "the third quarter": 1988-Q3
    elif near and year_back:
        value = f"{quarter[0] - 1}-Q{quarter[1]}"
    elif kind == "quarter_ago":
        value = value[:4]
    q = re.fullmatch(r"(\d{4})-Q([1-4])", value or "")
    if q and not year_back and kind != "year_period":
        quarter = (int(q.group(1)), int(q.group(2)), m.start)
    return value, quarter


def _is_weekday(m: timex_rules.TimexCandidate) -> bool:
    if m.rel is not None and m.rel[0] == "dated_clock":
        m = m.rel[1]
    return m.rel is not None and m.rel[0] == "weekday"


def timex_of(doc: Doc, span_or_token: Span | Token) -> dict | None:
    """The date or time of a fact: {"type", "value", "text", "start", "end"}, or None. From its own
    clause, else a clause the sentence makes it part of (attach.attached_time), never from an
    unrelated clause nearby; None otherwise (the record's time is a stated one, never the
    publication date). Durations and recurrences are not dates."""
    if isinstance(span_or_token, Token):
        return timex_at(doc, span_or_token.i, span_or_token.i + 1)
    return timex_at(doc, span_or_token.start, span_or_token.end)


def timex_at(doc: Doc, start: int, end: int) -> dict | None:
    """`timex_of` the fact at tokens [start, end), without making a Span for it."""
    span = attached_time_at(doc, TIMEX, start, end)
    timex = span_value(span, "timex") if span is not None else None
    if timex is None or timex["type"] not in ("DATE", "TIME"):
        return None
    return {**timex, "text": span.text, "start": span.start_char, "end": span.end_char}


# ---------------------------------------------------------------- what the parse adds

def _is_not_time(m: timex_rules.TimexCandidate, span: Span, clause: dict) -> bool:
    """Candidates the regexes can't rule out but the parse can."""
    if m.kind == "year" and len(span) == 1:
        t = span[0]
        # "2000 troops": a count modifying a plural noun right after it
        if t.dep_ == "nummod" and t.head.i == t.i + 1 and t.head.tag_ in ("NNS", "NNPS"):
            return True
    if m.kind == "duration" and span.text.lower().endswith("old") and _is_person_age(span, clause):
        return True
    if m.kind == "duration" and span.end < len(span.doc) and span.doc[span.end].lower_ == "old" \
            and _is_persons_age_predicate(span, clause):
        return True  # "Mr. Reupke, 52 years old, will succeed": a person's age
    if m.kind == "vague" and span.text.lower() == "soon":
        doc = span.doc
        if span.end < len(doc) and doc[span.end].lower_ in ("after", "before", "afterwards", "thereafter"):
            return True  # "soon after the vote": how close two events are, not a time
        table, governor = parse_table(doc), span.root.head.i
        if _verb_tense(table, governor, clause) == "past" and table.pos[governor] in ("VERB", "AUX"):
            return True  # "was soon released": near a past event, not ahead of today
    if m.kind in ("month", "month_may") and len(span) == 1 and span[0].ent_type_ in ("PERSON", "ORG"):
        return True  # June Carter, March of Dimes
    return False


def _is_rate(m: timex_rules.TimexCandidate, span: Span) -> bool:
    """'a week' right after a plural noun it counts: "700 seats a week", "interviews a day"."""
    if m.kind != "duration" or len(span) != 2 or span[0].lower_ not in ("a", "per") or span.start == 0:
        return False
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ in ("ago", "earlier", "later", "before", "after", "old", "or"):
        return False
    return doc[span.start - 1].tag_ == "NNS" and span[1].lower_ in ("day", "week", "month", "year")


def _modifies_next_noun(span: Span) -> bool:
    """The time expression is a modifier inside a noun phrase whose noun follows it."""
    doc = span.doc
    last = span[-1]
    after = span.end + 1 if span.end < len(doc) and doc[span.end].text == "," else span.end
    if after >= len(doc) or doc[after].pos_ not in ("NOUN", "PROPN", "ADJ"):
        return False
    head = last.head
    return last.dep_ in ("amod", "compound", "nmod", "nummod", "npadvmod") and head.i >= span.end \
        and head.pos_ in ("NOUN", "PROPN") or (last.tag_ == "JJ" and "-" in span.text)


def _is_person_age(span: Span, clause: dict) -> bool:
    """'the 6-year-old', 'a 52-year-old man', 'the 44-year-old Smith': the age of a person."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is None or after.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return True  # used as a noun: "the 6-year-old"
    if after.pos_ == "PROPN" or after.ent_type_ == "PERSON":
        return True
    noun = after if after.pos_ == "NOUN" else next((t for t in doc[span.end:span.end + 3] if t.pos_ == "NOUN"), None)
    return noun is not None and noun.lemma_.lower() in clause["person_nouns"]


def _is_persons_age_predicate(span: Span, clause: dict) -> bool:
    """'N years old' said of a person: in apposition to a name, or of a person noun."""
    doc = span.doc
    old = doc[span.end]
    if span.start >= 2 and doc[span.start - 1].text == "," and doc[span.start - 2].pos_ == "PROPN":
        return True
    heads = [old.head] + [c for c in old.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(h.i != old.i and (h.ent_type_ == "PERSON" or h.lemma_.lower() in clause["person_nouns"]
                                 or h.lower_ in ("he", "she", "i", "we", "they"))
               for h in heads)


_MONTH_KINDS = ("month", "month_may")


def _direction(table: ParseTable, span: Span, clause: dict, weekday: bool = False, month: bool = False) -> str | None:
    """The tense of the clause a time expression modifies: "past", "future" or None. Only a time
    that is an adverbial of the verb (on Friday, in June, Tuesday, by the end of October) takes
    its tense; one inside a noun phrase ("payable Dec. 7", "a July deal") doesn't. Read from the
    Doc's parse table (tokens by index)."""
    head, dep, pos, tag, lower, lemma = table.head, table.dep, table.pos, table.tag, table.lower, table.lemma
    children = table.children
    root = span.root.i
    t = root
    before = " ".join(lower[max(0, span.start - 3):span.start])
    if before.endswith(clause["earliest_signals"]):
        return "future"  # "as early as Tuesday": a time not yet reached
    bound = dep[t] == "pobj" and lower[head[t]] in clause["bound_prepositions"]
    if dep[t] == "pobj" and dep[head[t]] == "prep":
        t = head[t]
    elif dep[t] == "pobj" and dep[head[t]] == "pcomp" and dep[head[head[t]]] == "prep":
        t = head[head[t]]
    if dep[t] in ("prep", "npadvmod", "tmod", "advmod", "obl", "nsubj", "nsubjpass", "dobj", "attr") \
            and pos[head[t]] in ("VERB", "AUX"):
        verb = head[t]
        tense = _verb_tense(table, verb, clause)
        if tense == "future" and not weekday and _reported_future(table, verb, clause):
            tense = None  # "said in May it would cut output in April": ahead of the saying, not of today
        if lemma[verb].lower() in clause["plan_verbs"] and not _pluperfect(table, verb) and dep[verb] != "acl":
            return "future"  # "scheduled a vote Thursday", "planned a rally on Saturday"
        if tense is None and tag[verb] == "VB" and any(lower[c] == "to" and dep[c] == "aux" for c in children[verb]):
            # "is to resume Tuesday", "plans to visit in May": ahead, unless told from the past
            governor = head[verb] if dep[verb] in ("xcomp", "ccomp", "advcl") else None
            if governor is not None and lemma[governor].lower() in clause["plan_verbs"] \
                    and not _pluperfect(table, governor):
                return "future"  # "planned to leave on Thursday" (but not "had been due to expire Friday")
            if dep[verb] in ("acl", "relcl"):
                return None  # "the first to join on Friday": a noun's modifier, not a plan
            if governor is not None and pos[governor] == "ADJ" and dep[governor] in ("acomp", "attr"):
                governor = head[governor]  # "was due to expire Friday": the tense is the copula's
            if governor is None or _verb_tense(table, governor, clause) != "past":
                return "future"
        if weekday and tense is None and tag[verb] in ("VBZ", "VBP") \
                and lemma[verb].lower() not in clause["say_verbs"] \
                and lower[verb] not in clause["same_past_verbs"] \
                and not any(dep[c] in ("aux", "auxpass") for c in children[verb]):
            return "future"  # news tells a scheduled event in the present: "the team leaves Monday"
        if bound and weekday and t > verb:
            return "future"  # "postponed until Tuesday": a deadline of this week or the next
        return None if bound and tense == "past" else tense
    if weekday:
        # a day of this week or the last is near enough for the sentence's main verb to decide
        top = root
        while head[top] != top:
            top = head[top]
        if pos[top] in ("VERB", "AUX"):
            return _verb_tense(table, top, clause)
    if month and dep[t] == "prep" and pos[head[t]] in ("NOUN", "PROPN"):
        # a month dating a noun ("a statement made during the race in October"): the tense of the
        # clause the noun phrase sits in; a participle describing it ("made", "held") is past
        for _ in range(6):
            t = head[t]
            if pos[t] in ("VERB", "AUX"):
                if tag[t] == "VBN" and dep[t] == "acl":
                    return "past"
                return _verb_tense(table, t, clause)
            if head[t] == t:
                break
        return None
    if head[t] == t or dep[t] == "ROOT":
        # a headline or a misparse with no verb above: the first finite verb of the sentence
        for w in _subtree(children, t):
            if tag[w] == "VBD":
                return "past"
            if tag[w] == "MD":
                return "future" if lower[w] in clause["future_auxiliaries"] else None
    return None


def _subtree(children: list[list[int]], i: int):
    """Token i's subtree in spaCy's `Token.subtree` order: each left child's subtree, i, each right one's."""
    for c in children[i]:
        if c < i:
            yield from _subtree(children, c)
    yield i
    for c in children[i]:
        if c > i:
            yield from _subtree(children, c)


def _pluperfect(table: ParseTable, word: int) -> bool:
    """'had planned', 'had been due to': a plan told as overtaken, in the past of the past."""
    lower, dep, children = table.lower, table.dep, table.children
    for w in (word, table.head[word]) if dep[word] in ("acomp", "xcomp", "attr") else (word,):
        if any(lower[c] in ("had", "'d", "’d") and dep[c] in ("aux", "auxpass") for c in children[w]):
            return True
    return False


def _reported_future(table: ParseTable, verb: int, clause: dict) -> bool:
    """'would' under a past verb of saying or thinking: future from then, not from the anchor."""
    lower, dep = table.lower, table.dep
    if not any(lower[c] in ("would", "'d", "’d") and dep[c] == "aux" for c in table.children[verb]):
        return False
    governor = table.head[verb]
    return dep[verb] in ("ccomp", "xcomp", "conj", "advcl") and _verb_tense(table, governor, clause) == "past"


def _verb_tense(table: ParseTable, verb: int, clause: dict) -> str | None:
    lower, dep, tag = table.lower, table.dep, table.tag
    kids = table.children[verb]
    aux = [c for c in kids if dep[c] in ("aux", "auxpass")]
    words = {lower[a] for a in aux}
    if words & clause["future_auxiliaries"]:
        return "future"
    if any(lower[a] == "going" for a in aux) and any(lower[c] == "to" for c in kids):
        return "future"
    if any(tag[a] == "VBD" for a in aux) or (not aux and tag[verb] == "VBD"):
        return "past"
    if tag[verb] == "VBN" and words & {"has", "have", "'s", "’s", "'ve"}:
        return "past"
    # a participle with its own subject and no auxiliary is a mis-tagged simple past
    if tag[verb] == "VBN" and not aux and any(dep[c] == "nsubj" for c in kids):
        return "past"
    return None


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _own_date(doc: Doc, found: list) -> dt.date | None:
    """The first full date on a line the page layout marks as the document's own date (a byline's
    date, a date line, a wire dateline)."""
    lines = [(s, e) for s, e, kind in doc._.layout or () if kind in OWN_DATE_KINDS]
    if not lines:
        return None
    for m, _ in found:
        if m.rel is None and re.fullmatch(r"\d{4}-\d{2}-\d{2}", m.value or "") \
                and any(s <= m.start and m.end <= e for s, e in lines):
            return _parse_date(m.value)
    return None


def _inferred_after(found: list, directions: list) -> dt.date | None:
    """For an undated document: the latest fully specified date it reports in a past-tense clause."""
    best = None
    for (m, _), direction in zip(found, directions):
        if direction == "past" and m.rel is None and re.fullmatch(r"\d{4}-\d{2}-\d{2}", m.value or ""):
            d = _parse_date(m.value)
            if d and (best is None or d > best):
                best = d
    return best


# ---------------------------------------------------------------- the dateparser resolver (measured, not default)

@functools.lru_cache(maxsize=4096)
def _dateparse(text: str, base: dt.date, prefer: str) -> dt.date | None:
    import dateparser
    settings = {"RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
                "PREFER_DATES_FROM": prefer, "RETURN_AS_TIMEZONE_AWARE": False}
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def _dateparser_value(m: timex_rules.TimexCandidate, text: str, anchor: dt.date, direction: str | None) -> str | None:
    """The value dateparser gives for a relative or yearless expression, cut to the granularity
    the expression has; None when dateparser can't read it (the rules answer instead)."""
    kind = m.rel[0]
    prefer = {"past": "past", "future": "future"}.get(direction, "current_period")
    if kind not in ("day", "month", "weekday") and not (kind == "shift" and m.rel[1] in ("day", "month", "year")):
        return None
    d = _dateparse(re.sub(r"\s+", " ", text), anchor, prefer)
    if d is None:
        return None
    if kind == "month" or (kind == "shift" and m.rel[1] == "month"):
        return f"{d.year:04d}-{d.month:02d}"
    if kind == "shift" and m.rel[1] == "year":
        return f"{d.year:04d}"
    if kind == "weekday" and m.rel[2]:
        return f"{d.isoformat()}T{m.rel[2]}"  # the part of the day the rules keep ("Friday night")
    return d.isoformat()
