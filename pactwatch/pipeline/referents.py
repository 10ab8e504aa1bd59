"""What each quantity and event is about, decided once from the parse so reconciliation never re-reads text.

The readings walk the parse by index in the Doc's parse table (pipeline/parse_table.py); the document's
actor and date spans, with their values, are read once per Doc.

Adds to `Span._.quantity`:
    counts       lemma of the noun the amount counts or prices ("worker", "tariff", "investment"), or None
    change_size  True when the amount is the size of a change ("an 8.3% increase", "raised by 8.3%")
    base         lemma of the whole a share is taken of ("90% of the profits" -> "profit"), or None
    occasion     kind of occasion the amount belongs to ("effect", "signing", "arrest", ... see
                 knowledge/data/referents.toml), or None; `occasion_verb` the clause's verb lemma
    instalment   "increment" ("an additional 25%") or "base" ("the original 25%") or None
    conditional  "counterfactual" ("would have faced 25% if ...") or "conditional" ("25% if no deal")
                 or None: a figure not in force
    attributed_to  who the statement is reported from ("X said", "according to X"), or None
    reported_future  True for "would" under a past report ("a deal under which Seoul would pay"): firm
    dated_things  [{"thing", "verb", "occasion", "date", "form"}]: things the statement dates to a day
    modal        "can", "should", ...: the figure is a possibility or an obligation, not a fact
    sufficiency  "enough" for an amount stated as the means to a goal under "can" ("can meet the targets
                 with 2%"), "minimum" for one stated as at least what a goal needs ("at least 3% to meet
                 the targets"), else None; `goal` the lemma of the goal's noun when it names one
    turned_down  True for the alternative a statement turns down ("2% rather than the 5% sought");
                 `turned_down_by` the named subject who turns it down, or None
    included     names of the members a group holder is said to include ("the 32 allies, including Spain,
                 pledged 5%"), [] when none
    payment      "paid" for money stated as handed over ("gave us $5 billion", "has paid $2 billion"),
                 "ceiling" for an amount stated as a maximum still to be provided ("up to $5 billion"), else None
    context_parties  for a figure that names no holder or target: the states its document is about
    time_basis   how the amount's time is stated: "explicit", "weekday", "relative", "document" (the
                 publication date stands in), "elsewhere" (another sentence), with ":before"/":after"
                 for a bound; None when it has no time
Adds to `Span._.event`:
    date_basis   "explicit" | "relative" | "relative:before" | "relative:after" | "implicit" (the
                 reconcile vocabulary, see reconcile/datebasis.py); `date_form` the finer kind as above
    year_stated  the text writes the date's year out (None when undated)
    quote_timexes  [[start, end, value]] of the temporal expressions inside the quote, offsets into it
    transition   "start" | "end" | "election" for what a statement says happened to an office, else None
                 (a bare "removal" counts only on a TRANSITION)
    transition_spots  one dict a phrase saying what happened to an office: kind, offset in the quote,
                 done_to, announced, bare, not_done ("refused to resign", "may be removed"), about (the
                 person whose office it is); see transition_phrases
    offices      [[title, offset in quote, former, names]] office titles the quote names ("Finance
                 Minister" -> "minister", names ["minister", "finance minister"])
    titled       [[title, person, former]] a title standing right before a person ("former President X")
    quote_words  the quote's words of four letters or more, lower case
    former       the quote calls someone former; `impeachment` it tells of an impeachment
    conditional  as for quantities
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_left

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .extensions import ACTORS, EVENTS, QUANTITIES, TIMEX, doc_value, group_spans, set_span_value, span_value
from .attach import in_sentence, root_of, subtree_indices
from .guard import Guarded
from .parse_table import ParseTable, parse_table
from ..knowledge import loader

DATA = "referents.toml"
NOUNS = {"NOUN", "PROPN"}
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b|['\u2019]\d\d\b")
_NUMERIC_DATE = re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b")
# how far back before a date a bounding word may stand, in tokens
_QUALIFIER_TOKENS = 3


@functools.lru_cache(maxsize=8)
def lexicon(kb_dirs: tuple[str, ...] = ()) -> dict:
    """referents.toml's words (and time_words.toml's month and weekday names), with the additions of
    the user's knowledge folders `kb_dirs`. The component passes its lexicon down to every reading
    (`lex`); a function called without one reads the packaged words."""
    data, check = loader.Checked.of(DATA, kb_dirs)
    out: dict = check.word_sets(data, "referents")
    out["occasions"] = {phrase: kind for kind, phrases in data.get("occasions", {}).items() for phrase in phrases}
    out["transitions"] = {phrase: kind for kind, phrases in data.get("transitions", {}).items()
                          for phrase in phrases}
    # the words of those phrases: every phrase read off a word holds that word's lemma (but for "be",
    # whose phrases may be its complement alone), so a word outside these names no change of office
    out["transition_words"] = frozenset(w for phrase in out["transitions"] for w in phrase.split(" "))
    out["office_title_longest"] = max((len(t.split()) for t in out.get("office_titles", ())), default=0)
    out["office_title_firsts"] = frozenset(t.split()[0] for t in out.get("office_titles", ()) if t.split())
    # a verb whose lemma opens no rebuttal phrase cannot be one (every phrase of a verb but "be"
    # starts with its lemma): statements() skips reading its children
    out["rebuttal_heads"] = frozenset(p.split()[0] for p in out.get("rebuttal_verbs", ()))
    # every lemma statements() reads further
    out["stating_lemmas"] = out["reporting_verbs"] | out["rebuttal_heads"] | {"be"} | out["reporting_nouns"]
    tw = loader.data("time_words.toml", kb_dirs)
    out["months"] = frozenset(tw.get("months", {}))
    out["weekdays"] = frozenset(tw.get("weekdays", {}))
    return out


# ---------------------------------------------------------------- shared reading of the parse

def verb_phrases(verb: Token) -> list[str]:
    """Lemma phrases a verb can stand for: with its particle, its object or its prepositional object
    ("take effect", "come into effect", "step down", "leave office"), then the bare lemma. Read once per
    token and Doc (quantities, events and statements ask for the same verbs): callers must not change
    the list."""
    return _phrases_at(parse_table(verb.doc), verb.i)


def _phrases_at(table: ParseTable, i: int) -> list[str]:
    """`verb_phrases` of the token at i."""
    memo = table.memo("verb_phrases")
    found = memo.get(i)
    if found is not None:
        return found
    dep, lower, lemmas, children = table.dep, table.lower, table.lemma, table.children
    lemma = lemmas[i].lower()
    out = []
    for child in children[i]:
        if dep[child] == "prt":
            out.append(f"{lemma} {lower[child]}")
        elif dep[child] in ("dobj", "attr", "acomp"):
            det = " ".join(lower[t] for t in children[child] if t < child and dep[t] == "det")
            out.append(f"{lemma} {lemmas[child].lower()}")
            if det:
                out.append(f"{lemma} {det} {lemmas[child].lower()}")
        elif dep[child] == "prep":
            for pobj in children[child]:
                if dep[pobj] == "pobj":
                    out.append(f"{lemma} {lower[child]} {lemmas[pobj].lower()}")
    if lemma == "be":
        out += [lemmas[c].lower() for c in children[i] if dep[c] in ("acomp", "attr")]
    out.append(lemma)
    memo[i] = out
    return out


def clause_verb(token: Token) -> Token:
    """The nearest verb at or above a token (the clause it is stated in)."""
    return token.doc[_clause_verb(parse_table(token.doc), token.i)]


def _clause_verb(table: ParseTable, t: int) -> int:
    pos, head = table.pos, table.head
    for _ in range(12):
        if pos[t] in ("VERB", "AUX") or head[t] == t:
            return t
        t = head[t]
    return t


def conditional_mark(table: ParseTable, token: int, lex: dict | None = None) -> str | None:
    """"counterfactual" or "conditional" when the statement holding the token at `token` is the
    consequent or the condition of an if-clause, or a "would have + participle" past that did not happen."""
    lex = lex or lexicon()
    pos, dep, head, lower, children = table.pos, table.dep, table.head, table.lower, table.children
    marks = lex["condition_marks"]
    t = token
    for _ in range(16):
        if pos[t] in ("VERB", "AUX"):
            kids = children[t]
            # the token's own clause is a condition: "if the talks fail, 25% ..." reads the 25% as the consequent
            if dep[t] == "advcl" and any(dep[k] == "mark" and lower[k] in marks for k in kids):
                return "counterfactual" if _pluperfect(table, t) else "conditional"
            for k in kids:
                if dep[k] == "advcl" and any(dep[m] == "mark" and lower[m] in marks for m in children[k]):
                    return "counterfactual" if (_pluperfect(table, k) or _modal_perfect(table, t, lex)) \
                        else "conditional"
            if _modal_perfect(table, t, lex):
                return "counterfactual"
        if head[t] == t or dep[t] in ("ccomp", "parataxis"):
            break
        t = head[t]
    return None


def _pluperfect(table: ParseTable, verb: int) -> bool:
    """"had (not) reached": the condition is a past that did not happen."""
    return any(table.dep[c] == "aux" and table.lower[c] in ("had", "'d") for c in table.children[verb]) \
        and table.tag[verb] == "VBN"


def _modal_perfect(table: ParseTable, verb: int, lex: dict) -> bool:
    if table.tag[verb] != "VBN":
        return False
    aux = [table.lower[c] for c in table.children[verb] if table.dep[c] == "aux"]
    return "have" in aux and any(a in lex["counterfactual_modals"] for a in aux)


def reported_future(table: ParseTable, token: int, lex: dict | None = None) -> bool:
    """"would" in a clause (holding the token at `token`) under a past-tense verb ("signed a deal under
    which Seoul would raise its share"): the future of a past report, as firm as the report, not speculation."""
    lex = lex or lexicon()
    pos, dep, head, tag, lower = table.pos, table.dep, table.head, table.tag, table.lower
    verb = _clause_verb(table, token)
    kids = table.children[verb]
    if not any(dep[c] == "aux" and lower[c] == "would" for c in kids):
        return False
    if any(dep[c] == "mark" and lower[c] in lex["condition_marks"] for c in kids):
        return False
    t = verb
    for _ in range(8):
        if head[t] == t:
            return False
        t = head[t]
        # an infinitive or participle ("hurried to sign a deal under which ...") takes its tense from above
        if pos[t] in ("VERB", "AUX") and tag[t] not in ("VB", "VBG", "VBN"):
            return tag[t] == "VBD"
    return False


def possibility(table: ParseTable, token: int, lex: dict | None = None) -> str | None:
    """The modal that makes the statement holding the token at `token` a possibility or an obligation
    ("Spain can meet them by dedicating 2%"), looking up through the infinitives and gerunds that take
    their mood from above."""
    lex = lex or lexicon()
    modals = lex["possibility_modals"]
    pos, dep, head, tag, lower = table.pos, table.dep, table.head, table.tag, table.lower
    t = _clause_verb(table, token)
    for _ in range(8):
        if pos[t] in ("VERB", "AUX"):
            found = next((lower[c] for c in table.children[t] if dep[c] == "aux" and lower[c] in modals), None)
            if found:
                return found
            if tag[t] not in ("VB", "VBG", "VBN") or dep[t] in ("ccomp", "parataxis", "ROOT"):
                return None
        if head[t] == t:
            return None
        t = head[t]
    return None


def attribution(doc: Doc, token: int, lex: dict | None = None) -> str | None:
    """Who the statement holding the token at `token` is reported from: the subject of a reporting verb
    whose complement holds it, or the object of "according to" in its sentence; as an actor's canonical
    name when an actor span covers it."""
    lex = lex or lexicon()
    table = parse_table(doc)
    dep, head = table.dep, table.head
    t = token
    for _ in range(16):
        up = head[t]
        if up == t:
            break
        if dep[t] in ("ccomp", "parataxis", "xcomp") and table.lemma[up].lower() in lex["reporting_verbs"]:
            subj = next((c for c in table.children[up] if dep[c] in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                return _actor_name(doc, subj)
        t = up
    sent_start, sent_end = table.sent_start[token], table.sent_end[token]
    lower = table.lower
    for i in range(sent_start, sent_end - 1):
        if lower[i] == "according" and lower[i + 1] == "to":
            pobj = next((c for c in table.children[i + 1] if table.dep[c] == "pobj"), None)
            if pobj is not None:
                return _actor_name(doc, pobj)
    return None


def _actor_name(doc: Doc, i: int) -> str | None:
    """The name of the actor covering token i, or a proper noun's words with its compounds."""
    name = _actor_names(doc).get(i)
    if name is not None:
        return name
    table = parse_table(doc)
    if table.pos[i] == "PROPN":
        compound = [c for c in table.children[i] if c < i and table.dep[c] == "compound" and table.pos[c] == "PROPN"]
        return " ".join([table.text[c] for c in compound] + [table.text[i]])
    return None


def _actors(doc: Doc) -> list[tuple[Span, dict | None]]:
    """The document's actor spans with their `Span._.actor`, in the group's order, read once per
    document (every Span of a group and every `._` read makes a new object)."""
    group = group_spans(doc, ACTORS)
    cached = doc.user_data.get("pw_referent_actors")
    if cached is None or cached[0] is not group:
        cached = doc.user_data["pw_referent_actors"] = (group, [(span, span_value(span, "actor")) for span in group])
    return cached[1]


def _actor_names(doc: Doc) -> dict[int, str]:
    """Token index -> the name of the first actor span (in the group's order) covering it, or its text
    (indexed once per document, as `_actor_name` is asked for many tokens)."""
    actors = _actors(doc)
    index = doc.user_data.get("pw_actor_names")
    if index is None or index[0] is not actors:
        names: dict[int, str] = {}
        for span, actor in actors:
            if actor:
                name = actor.get("name") or span.text
                for i in range(span.start, span.end):
                    names.setdefault(i, name)
        index = doc.user_data["pw_actor_names"] = (actors, names)
    return index[1]


def _timexes(doc: Doc) -> list[tuple[Span, str | None, bool]]:
    """The document's temporal expressions in the group's order, each with its value and whether that
    value is a full day, read once per document (a scan of these few beats an index lookup per fact)."""
    group = group_spans(doc, TIMEX)
    cached = doc.user_data.get("pw_referent_timexes")
    if cached is None or cached[0] is not group:
        spans = []
        for span in group:
            value = (span_value(span, "timex") or {}).get("value")
            spans.append((span, value, bool(value) and bool(_FULL_DAY.match(value))))
        cached = doc.user_data["pw_referent_timexes"] = (group, spans)
    return cached[1]


def _timexes_within(doc: Doc, sent: int, start: int, end: int) -> list[tuple[Span, str | None, bool]]:
    """`_timexes` that lie in the sentence starting at token `sent` (as attach.in_sentence finds it) and in the characters
    [start, end), in the group's order. Each fact asks this of its own sentence: the document's
    expressions are filed by sentence once per document."""
    timexes = _timexes(doc)
    index = doc.user_data.get("pw_referent_timexes_by_sentence")
    if index is None or index[0] is not timexes:
        table = parse_table(doc)
        by_sentence: dict[int, list] = {}
        for entry in timexes:
            span = entry[0]
            first, last = table.sent_start[span.start], table.sent_end[span.start]
            if span.end <= last:
                by_sentence.setdefault(first, []).append((entry, span.start_char, span.end_char))
        index = doc.user_data["pw_referent_timexes_by_sentence"] = (timexes, by_sentence)
    return [entry for entry, first_char, end_char in index[1].get(sent, ())
            if start <= first_char and end_char <= end]


def timexes_valued(doc: Doc, value: str) -> list[Span]:
    """The document's temporal expressions with this value (indexed once per document)."""
    timexes = _timexes(doc)
    index = doc.user_data.get("pw_timex_by_value")
    if index is None or index[0] is not timexes:
        by_value: dict[str, list[Span]] = {}
        for span, timex_value, _ in timexes:
            by_value.setdefault(timex_value, []).append(span)
        index = doc.user_data["pw_timex_by_value"] = (timexes, by_value)
    return index[1].get(value, [])


def date_form(doc: Doc, value: str | None, start: int, end: int,
              lex: dict | None = None) -> tuple[str | None, dict | None]:
    """How a fact's date `value` is stated, with the timex span that states it (inside the quote
    [start, end) if any): see the module doc for the kinds."""
    lex = lex or lexicon()
    if not value:
        return None, None
    inside, elsewhere = [], False
    for span in timexes_valued(doc, value):
        if start <= span.start_char and span.end_char <= end:
            inside.append(span)
        else:
            elsewhere = True
    if not inside:
        anchors = {doc_value(doc, "anchor"), doc_value(doc, "dct")}
        # a date the statement does not state that is the document's own is the document's, not the fact's
        return ("document" if value in anchors else "elsewhere"), None
    span = min(inside, key=lambda s: s.start_char)
    lower = parse_table(doc).lower
    lowered = set(lower[span.start:span.end])
    if lowered & lex["months"] or _YEAR.search(span.text) or _NUMERIC_DATE.search(span.text):
        kind = "explicit"
    elif lowered & lex["weekdays"]:
        kind = "weekday"
    else:
        kind = "relative"
    before = set(lower[max(parse_table(doc).sent_start[span.start], span.start - _QUALIFIER_TOKENS):span.start])
    if before & lex["date_before_words"] and "on" not in before:
        kind += ":before"
    elif before & lex["date_after_words"] and kind == "explicit" and "from" not in before:
        kind += ":after"
    return kind, {"start": span.start_char, "end": span.end_char, "text": span.text}


def reconcile_basis(form: str | None) -> str | None:
    """The reconcile vocabulary for a date form: what the date can stand for."""
    if form is None:
        return None
    kind, _, bound = form.partition(":")
    if kind == "document":
        return "implicit"
    basis = "explicit" if kind in ("explicit", "elsewhere") else "relative"
    if bound:
        return f"relative:{bound}"
    return basis


# ---------------------------------------------------------------- quantities

def counted_noun(span: Span, root: int, lex: dict | None = None) -> tuple[str | None, str | None]:
    """(what the amount counts or prices, the whole a share is of) as lemmas; `root` is the span's root
    (the functions below take it from `add_quantity_referent`, which reads it once)."""
    lex = lex or lexicon()
    units, vague = lex["unit_words"], lex["vague_nouns"]
    table = parse_table(span.doc)
    pos, lemmas, lower, dep, children = table.pos, table.lemma, table.lower, table.dep, table.children
    inside = [i for i in range(span.start, span.end) if pos[i] in NOUNS and lemmas[i].lower() not in units
              and lower[i] not in units and not table.like_num[i] and span.doc[i].ent_type_ not in ("GPE", "NORP")]
    base = None
    for child in children[root]:
        if dep[child] == "prep" and lower[child] == "of":
            pobj = next((c for c in children[child] if dep[c] == "pobj"), None)
            if pobj is not None and pos[pobj] in NOUNS:
                base = lemmas[pobj].lower()
    if inside:
        return _keep(lemmas[inside[-1]].lower(), vague), base
    head = table.head[root]
    if dep[root] in ("nummod", "compound", "amod", "quantmod", "npadvmod", "nmod", "appos") and pos[head] in NOUNS:
        return _keep(lemmas[head].lower(), vague), base
    if dep[root] == "pobj" and dep[head] == "prep":
        owner = table.head[head]
        if pos[owner] in NOUNS:
            return _keep(lemmas[owner].lower(), vague), base
        if pos[owner] in ("VERB", "AUX"):
            obj = next((c for c in children[owner] if dep[c] in ("dobj", "nsubjpass", "nsubj")
                        and pos[c] in NOUNS and not span.start <= c < span.end), None)
            if obj is not None:
                return _keep(lemmas[obj].lower(), vague), base
    if dep[root] in ("attr", "dobj") and pos[head] in ("VERB", "AUX"):
        subj = next((c for c in children[head] if dep[c] in ("nsubj", "nsubjpass") and pos[c] == "NOUN"), None)
        if subj is not None:
            return _keep(lemmas[subj].lower(), vague), base
    return None, base


def _keep(lemma: str, vague: frozenset) -> str | None:
    return None if lemma in vague else lemma


def occasion_of(table: ParseTable, token: int, lex: dict | None = None) -> tuple[str | None, str | None]:
    """(occasion kind, verb lemma) of the clause a fact (at `token`) is stated in."""
    lex = lex or lexicon()
    verb = _clause_verb(table, token)
    occasions = lex["occasions"]
    lemma = table.lemma[verb].lower()
    for phrase in _phrases_at(table, verb):
        if phrase in occasions:
            return occasions[phrase], lemma
    return None, lemma if table.pos[verb] in ("VERB", "AUX") else None


def change_size(span: Span, root: int, counts: str | None, lex: dict | None = None) -> bool:
    """True when the amount is the size of a change ("an 8.3% increase", "raised by 8.3%", "up 5%")."""
    lex = lex or lexicon()
    if counts in lex["change_nouns"]:
        return True
    table = parse_table(span.doc)
    head = table.head[root]
    if table.dep[root] == "pobj" and table.lower[head] == "by" \
            and table.lemma[table.head[head]].lower() in lex["change_verbs"]:
        return True
    return table.dep[root] == "npadvmod" and table.lower[head] in ("up", "down")


def instalment(span: Span, root: int, lex: dict | None = None) -> str | None:
    """"increment" or "base" from a modifier of the amount or of the noun it counts."""
    lex = lex or lexicon()
    table = parse_table(span.doc)
    lower, dep, pos = table.lower, table.dep, table.pos
    head = table.head[root]
    lefts = [c for c in table.children[head] if c < head] if pos[head] in NOUNS else []
    for t in [*range(span.start, span.end), *lefts, head]:
        if lower[t] in lex["increment_words"] and dep[t] in ("amod", "det", "compound", "advmod", "nummod", "ROOT") \
                and pos[t] in ("ADJ", "DET", "NOUN"):
            return "increment"
        if lower[t] in lex["base_words"] and pos[t] in ("ADJ", "ADV"):
            return "base"
    return None


def payment(span: Span, root: int, counts: str | None, qualifier: str | None, lex: dict | None = None) -> str | None:
    """"paid" when the amount is the object of a payment verb in a past tense, not negated and not under
    a modal ("They gave us $5 billion", "Seoul has paid $2 billion"); "ceiling" when it is qualified as a
    maximum ("up to $5 billion"); else None. An amount that prices a promise ("gave a $5 billion pledge")
    is not money paid."""
    lex = lex or lexicon()
    if qualifier and qualifier.lower() in lex["ceiling_qualifiers"]:
        return "ceiling"
    if counts in lex["promise_nouns"]:
        return None
    table = parse_table(span.doc)
    dep, tag = table.dep, table.tag
    verb = _clause_verb(table, root)
    if table.pos[verb] not in ("VERB", "AUX") \
            or not any(p in lex["payment_verbs"] for p in _phrases_at(table, verb)):
        return None
    kids = table.children[verb]
    if any(dep[c] == "neg" for c in kids) or any(dep[c] == "aux" and tag[c] == "MD" for c in kids):
        return None
    if tag[verb] == "VBD":
        return "paid"
    perfect = any(dep[c] == "aux" and table.lemma[c].lower() == "have" for c in kids)
    return "paid" if tag[verb] == "VBN" and perfect else None


def _words_before(span: Span, n: int = 4) -> str:
    """The last `n` words before the amount in its sentence, skipping punctuation and articles."""
    table = parse_table(span.doc)
    lower, punct = table.lower, table.is_punct
    words = [lower[i] for i in range(max(table.sent_start[span.start], span.start - 2 * n), span.start)
             if not punct[i] and lower[i] not in ("the", "a", "an")]
    return " ".join(words[-n:])


def turned_down(span: Span, lex: dict | None = None) -> bool:
    lex = lex or lexicon()
    before = _words_before(span)
    return any(before.endswith(p) for p in lex["turned_down_phrases"])


def turned_down_by(span: Span) -> str | None:
    """Who turns the alternative down: the named subject of the clause the amount hangs from ("Portugal
    could meet them with 2% rather than the 4% requested"), or the name that owns it ("Portugal's
    government"); None when the subject names no one."""
    t = clause_verb(span.root)
    for _ in range(6):
        subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            for who in [subj] + [c for c in subj.children if c.dep_ == "poss"]:
                if who.pos_ == "PROPN":
                    ent = next((e for e in span.doc.ents if e.start <= who.i < e.end), None)
                    return ent.text if ent is not None else who.text
            return None
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def included_parties(span: Span, root: int, lex: dict | None = None) -> list[str]:
    """Named members of the group that is the subject of a clause above the amount ("The 32 allies,
    including Spain and Italy, signed ..., committing to spend 5%")."""
    lex = lex or lexicon()
    words = lex["inclusion_words"]
    doc = span.doc
    table = parse_table(doc)
    pos, dep, head, lower, children = table.pos, table.dep, table.head, table.lower, table.children
    t, out = root, []
    for _ in range(8):
        if pos[t] in ("VERB", "AUX"):
            for subj in (c for c in children[t] if dep[c] in ("nsubj", "nsubjpass")):
                for prep in (c for c in children[subj] if lower[c] in words):
                    for member in children[prep]:
                        if dep[member] != "pobj":
                            continue
                        member = doc[member]
                        for m in [member] + list(member.conjuncts):
                            if m.pos_ == "PROPN":
                                ent = next((e for e in doc.ents if e.start <= m.i < e.end), None)
                                out.append(ent.text if ent is not None else m.text)
            if out or dep[t] in ("ccomp", "parataxis"):
                break
        if head[t] == t:
            break
        t = head[t]
    return list(dict.fromkeys(out))


def _goal_of(verb: Token) -> str | None:
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr")), None)
    return obj.lemma_.lower() if obj is not None and obj.pos_ in NOUNS else None


def _goal_below(verb: Token, depth: int = 2, lex: dict | None = None) -> Token | None:
    """A goal verb in a purpose or condition clause under `verb` ("to meet the targets", "if it wants to
    achieve the targets")."""
    lex = lex or lexicon()
    goals = lex["goal_verbs"]
    frontier = [verb]
    for _ in range(depth):
        frontier = [c for t in frontier for c in t.children if c.dep_ in ("advcl", "xcomp", "ccomp", "acl")]
        found = next((t for t in frontier if t.lemma_.lower() in goals), None)
        if found is not None:
            return found
    return None


def _stated_minimum(span: Span, qualifier: str | None, lex: dict | None = None) -> bool:
    lex = lex or lexicon()
    if qualifier and qualifier.lower() in lex["minimum_phrases"]:
        return True
    table = parse_table(span.doc)
    words = [table.lower[i] for i in range(max(table.sent_start[span.start], span.start - 6), span.start)
             if not table.is_punct[i]]
    before = " ".join(words[-3:])
    return any(before.endswith(p) or f"{p} " in f"{before} " for p in lex["minimum_phrases"])


def sufficiency(span: Span, root: int, qualifier: str | None, lex: dict | None = None) -> tuple[str | None, str | None]:
    """("enough" | "minimum" | None, goal noun): see the module doc."""
    lex = lex or lexicon()
    table = parse_table(span.doc)
    pos, dep, head, lower = table.pos, table.dep, table.head, table.lower
    t, via_means = root, False
    for _ in range(6):
        if lower[t] in ("than", "instead"):
            break  # "by dedicating 2% rather than the 5%": the 5% is the alternative turned down
        if dep[t] == "prep" and lower[t] in lex["means_preps"]:
            via_means = True
        if pos[t] in ("VERB", "AUX") and table.lemma[t].lower() in lex["goal_verbs"]:
            modal = any(dep[c] == "aux" and lower[c] in lex["enough_modals"] for c in table.children[t])
            return ("enough", _goal_of(span.doc[t])) if via_means and modal else (None, None)
        if head[t] == t:
            break
        t = head[t]
    if _stated_minimum(span, qualifier, lex=lex):
        goal = _goal_below(clause_verb(span.root), lex=lex)
        if goal is not None:
            return "minimum", _goal_of(goal)
    return None, None


def add_quantity_referent(doc: Doc, span: Span, lex: dict | None = None) -> None:
    lex = lex or lexicon()
    q = span_value(span, "quantity")
    if not q:
        return
    table = parse_table(doc)
    root = root_of(doc, span)
    counts, base = counted_noun(span, root, lex=lex)
    occasion, verb = occasion_of(table, root, lex=lex)
    # the sentence stands in for a quote the record lacks (read only then)
    start = q["quote_start"] if "quote_start" in q else span.sent.start_char
    end = q["quote_end"] if "quote_end" in q else span.sent.end_char
    form, _ = date_form(doc, q.get("time"), start, end, lex=lex)
    refused = turned_down(span, lex=lex)
    set_span_value(span, "quantity", {
        **q, "counts": counts, "change_size": change_size(span, root, counts, lex=lex), "base": base,
        "occasion": occasion, "occasion_verb": verb,
        "instalment": instalment(span, root, lex=lex), "conditional": conditional_mark(table, root, lex=lex),
        "attributed_to": q.get("attributed_to") or attribution(doc, root, lex=lex),
        "time_basis": form,
        "reported_future": reported_future(table, root, lex=lex), "modal": possibility(table, root, lex=lex),
        "payment": payment(span, root, counts, q.get("qualifier"), lex=lex) if q.get("unit") else None,
        **dict(zip(("sufficiency", "goal"), sufficiency(span, root, q.get("qualifier"), lex=lex)
                   if not refused else (None, None))),
        "turned_down": refused, "included": included_parties(span, root, lex=lex),
        "turned_down_by": turned_down_by(span) if refused else None,
        "dated_things": dated_things(doc, table.sent_start[root], start, end, lex=lex)})


# ---------------------------------------------------------------- dated things

_FULL_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def thing_phrase(noun: Token, lex: dict | None = None) -> str | None:
    """A noun with the compound and adjective modifiers that name it ("joint fact sheet"), lemmatised;
    None for a vague noun without modifiers."""
    lex = lex or lexicon()
    # "the 25 per cent levy": the amount's unit words are no part of the thing's name
    mods = [t for t in noun.lefts if t.dep_ in ("compound", "amod") and t.pos_ in ("NOUN", "PROPN", "ADJ")
            and t.lower_ not in lex["unit_words"]]
    words = [t.lower_ if t.pos_ != "NOUN" else t.lemma_.lower() for t in mods] + [noun.lemma_.lower()]
    if not mods and noun.lemma_.lower() in lex["vague_nouns"]:
        return None
    return " ".join(words)


def dated_things(doc: Doc, sent: int, start: int, end: int, lex: dict | None = None) -> list[dict]:
    """What the statement dates to a day: {"thing", "verb", "occasion", "date", "form"} for each verb
    of the quote with a full date of its own and a named thing it is done to ("released a joint fact
    sheet on November 14", "the fact sheet released on November 13", "the levy came into effect on
    August 1")."""
    lex = lex or lexicon()
    out = []
    for span, value, full_day in _timexes_within(doc, sent, start, end):
        if not full_day:
            continue
        head = span.root.head
        if head.dep_ == "prep" and head.lower_ in ("on", "from"):
            head = head.head
        if head.pos_ not in ("VERB", "AUX"):
            continue
        noun = None
        if head.dep_ == "acl" and head.head.pos_ == "NOUN":
            noun = head.head
        else:
            noun = next((c for c in head.children if c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "NOUN"), None)
            if noun is None:
                noun = next((c for c in head.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
        if noun is None:
            continue
        thing = thing_phrase(noun, lex=lex)
        if thing is None:
            continue
        occasion = next((lex["occasions"][p] for p in verb_phrases(head) if p in lex["occasions"]), None)
        form, _ = date_form(doc, value, start, end, lex=lex)
        out.append({"thing": thing, "verb": head.lemma_.lower(), "occasion": occasion, "date": value[:10],
                    "form": form})
    return out


# ---------------------------------------------------------------- events

def transition_phrases(doc: Doc, trigger: Span, start: int, end: int, lex: dict | None = None) -> list[dict]:
    """Each phrase of the quote saying what happened to an office: the trigger's and every other verb or
    noun of the quote's sentence inside the quote, as
        {"kind": "start" | "end" | "election", "at": offset in the quote,
         "done_to": the person is acted on (removed, ousted), not acting (resigned),
         "announced": an end announced ahead of its effect (a resignation, stepping down),
         "bare": an end word that names a change of office only on a change of leadership ("removal"),
         "not_done": the words around it say it did not (yet) happen ("refused to resign", "may be removed"),
         "about": the person whose office it is (an actor's name), or None}."""
    lex = lex or lexicon()
    table = lex["transitions"]
    found = []
    parse = parse_table(doc)
    root = root_of(doc, trigger)
    sent_start, sent_end = parse.sent_start[root], parse.sent_end[root]
    words = lex["transition_words"]
    for i in range(sent_start, sent_end):
        if not (start <= parse.idx[i] < end) or parse.pos[i] not in ("VERB", "NOUN", "AUX"):
            continue
        lemma = parse.lemma[i].lower()
        if lemma not in words and lemma != "be" and " " not in lemma:
            continue   # none of its phrases can be one of the transitions (lexicon's transition_words)
        phrases = _subject_phrases(parse, i) + (_phrases_at(parse, i) if parse.pos[i] != "NOUN"
                                                else [parse.lemma[i].lower()])
        for phrase in phrases:
            kind = table.get(phrase)
            if kind:
                tok = doc[i]
                lemma = tok.lemma_.lower()
                done_to = lemma in lex["done_to_words"] or (tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children)
                                               and lemma not in ("swear", "elect", "inaugurate"))
                done_to = bool(done_to and kind == "end")
                found.append({"kind": kind, "at": tok.idx - start, "done_to": done_to,
                              "announced": phrase in lex["announced_end_words"] or lemma in lex["announced_end_words"],
                              "bare": kind == "end" and phrase in lex["bare_end_words"],
                              "not_done": not_done(tok, lex=lex), "about": transition_about(doc, tok, done_to)})
                break
    return found


def _subject_phrases(table: ParseTable, i: int) -> list[str]:
    """Phrases of a verb the shared reading misses: with a particle the parser took for an adverb or a
    preposition ("stepped down", "was sworn in"), and with a subject that names what changed ("her term
    began" -> "term begin", "his tenure came to an end" -> "tenure come to end"), for the token at i."""
    dep = table.dep
    if table.pos[i] not in ("VERB", "AUX"):
        return []
    lemma = table.lemma[i].lower()
    kids = table.children[i]
    out = [f"{lemma} {table.lower[c]}" for c in kids if dep[c] in ("advmod", "prep") and c == i + 1]
    subjects = [c for c in kids if dep[c] in ("nsubj", "nsubjpass")]
    # "the term that began", or a parse that hangs the verb on its subject ("his first term as President began")
    if dep[i] in ("relcl", "acl", "advcl") and table.pos[table.head[i]] == "NOUN":
        subjects.append(table.head[i])
    phrases = _phrases_at(table, i) if subjects else []
    for c in subjects:
        out += [f"{table.lemma[c].lower()} {p}" for p in phrases]
    return out


# dependencies through which a word takes its mood from the word above ("refused to resign", "calls for
# his resignation", "a motion to remove him", "faces removal", "was impeached and removed")
_MOOD_FROM_ABOVE = {"xcomp", "pobj", "prep", "dobj", "acl", "conj", "ccomp", "nsubj", "nsubjpass"}


def not_done(tok: Token, lex: dict | None = None) -> bool:
    """True when the words governing a change of office say it did not, or not yet, happen: a negation, a
    modal, or a word of refusing, urging, planning or attempting above it (see referents.toml)."""
    lex = lex or lexicon()
    t = tok
    for step in range(4):
        for c in t.children:
            if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no"):
                return True
            if c.dep_ in ("aux", "auxpass") and c.lower_ in lex["not_done_modals"]:
                return True
        if step and t.lemma_.lower() in lex["not_done_words"]:
            return True
        if t.dep_ not in _MOOD_FROM_ABOVE or t.head.i == t.i:
            return False
        t = t.head
    return False


def transition_about(doc: Doc, tok: Token, done_to: bool) -> str | None:
    """The person whose office a change is about: the one acted on for an end done to someone, else the
    one acting; for a noun ("Yoon's removal", "the ouster of Yoon") its possessor or "of" object."""
    if tok.pos_ == "NOUN":
        for c in tok.children:
            if c.dep_ == "poss":
                return _actor_name(doc, c.i)
            if c.dep_ == "prep" and c.lower_ == "of":
                pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                if pobj is not None:
                    return _actor_name(doc, pobj.i)
        return None
    # the one acted on is a passive's subject or an object; the one acting a subject (or, for a passive
    # start such as "was sworn in", the passive's subject)
    wanted = ("nsubjpass", "dobj") if done_to else ("nsubj", "nsubjpass")
    t = tok
    for _ in range(4):
        kids = list(t.children)
        hit = next((c for dep in wanted for c in kids if c.dep_ == dep), None)
        if hit is not None:
            return _actor_name(doc, hit.i)
        if t.dep_ == "relcl" and t.head.pos_ in NOUNS:
            return _actor_name(doc, t.head.i)
        if t.dep_ not in ("xcomp", "conj", "advcl") or t.head.i == t.i:
            return None
        t = t.head
    return None


def office_words(doc: Doc, start: int, end: int, lex: dict | None = None) -> tuple[list[list], list[list]]:
    """The office titles the quote [start, end) names, as [office, offset in the quote, former, the names
    it goes by] (the longest title at each place: "vice president" is not "president"), and those standing right before a
    person it names, as [office, person, former] ("President Lind", "former Prime Minister Voss")."""
    lex = lex or lexicon()
    titles, longest = lex["office_titles"], lex["office_title_longest"]
    bounds = _quote_tokens(doc, start, end)
    if bounds is None:
        return [], []
    table = parse_table(doc)
    first, last = bounds
    lowers = table.lower[first:last]
    firsts = lex["office_title_firsts"]
    offices, ends = [], {}
    i = 0
    while i < len(lowers):
        if lowers[i] not in firsts:     # no title starts with this word
            i += 1
            continue
        for n in range(min(longest, len(lowers) - i), 0, -1):
            words = " ".join(lowers[i:i + n])
            if words in titles:
                before = set(lowers[max(0, i - 2):i])
                former = bool(before & lex["former_words"]) or lowers[i].startswith("ex-")
                offices.append([words, table.idx[first + i] - start, former,
                                _office_names(table, first, first + i, words, lex=lex)])
                ends[first + i + n - 1] = offices[-1]
                i += n
                break
        else:
            i += 1
    titled = []
    if not ends:
        return offices, titled   # no title: no person is titled
    for actor in in_sentence(doc, ACTORS, first, last):   # an index lookup, not a scan of the document's actors
        # the title, then at most one word of its own ("then-Defense Secretary", a capitalised "Deputy")
        office = ends.get(actor.start - 1) or ends.get(actor.start - 2)
        if office is None or (span_value(actor, "actor") or {}).get("type") != "PERSON":
            continue
        titled.append([office[0], (span_value(actor, "actor") or {}).get("name") or actor.text, office[2]])
    return offices, titled


def _quote_tokens(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Token bounds of the characters [start, end) (spaCy's `char_span` with `alignment_mode="expand"`),
    read once per quote and Doc: an event's quote is read for its titles and for its words."""
    memo = parse_table(doc).memo("quote_tokens")
    key = (start, end)
    if key not in memo:
        span = doc.char_span(start, end, alignment_mode="expand")
        memo[key] = None if span is None else (span.start, span.end)
    return memo[key]


def _office_names(table: ParseTable, first: int, at: int, title: str, lex: dict | None = None) -> list[str]:
    """How the office at token `at` of a quote starting at token `first` may be named: the title with the
    words naming it before it ("Finance Minister" -> "minister", "finance minister"); a modifier right
    before it makes it another office ("Deputy Minister" is not "minister", "acting president" not "president")."""
    lex = lex or lexicon()
    lower = table.lower
    names = [] if at > first and lower[at - 1] in lex["office_modifiers"] else [title]
    phrase = title
    for j in range(at - 1, max(first - 1, at - 3), -1):
        if not table.text[j].isalpha() or table.pos[j] not in ("PROPN", "NOUN", "ADJ") or lower[j] in lex["former_words"]:
            break
        phrase = f"{lower[j]} {phrase}"
        names.append(phrase)
    return names


def quote_words(doc: Doc, start: int, end: int, lex: dict | None = None) -> tuple[list[str], bool]:
    """The quote's words of four letters or more, lower case (what two reports of one event may share), and
    whether it calls anyone former ("former", "ex-", "erstwhile")."""
    lex = lex or lexicon()
    bounds = _quote_tokens(doc, start, end)
    if bounds is None:
        return [], False
    former = lex["former_words"]
    table = parse_table(doc)
    lower = table.lower[bounds[0]:bounds[1]]
    text = table.text[bounds[0]:bounds[1]]
    # spaCy's `is_alpha` is the text's `isalpha`
    return (sorted({w for w, t in zip(lower, text) if t.isalpha() and len(t) >= 4}),
            any(w in former or w.startswith("ex-") for w in lower))


def add_event_referent(doc: Doc, span: Span, lex: dict | None = None) -> None:
    lex = lex or lexicon()
    e = span_value(span, "event")
    if not e:
        return
    table = parse_table(doc)
    root = root_of(doc, span)
    # the sentence stands in for a quote the record lacks (read only then)
    start = e["quote_start"] if "quote_start" in e else span.sent.start_char
    end = e["quote_end"] if "quote_end" in e else span.sent.end_char
    form, _ = date_form(doc, e.get("date"), start, end, lex=lex)
    value = e.get("date")
    sent = table.sent_start[root]
    timexes = [[s.start_char - start, s.end_char - start, timex_value]
               for s, timex_value, _ in _timexes_within(doc, sent, start, end)]
    year_stated = None
    if value and re.match(r"\d{4}", str(value)):
        same = timexes_valued(doc, value)
        own = [s for s in same if start <= s.start_char and s.end_char <= end] or same
        year_stated = any(_YEAR.search(s.text) for s in own) if own else False
    spots = transition_phrases(doc, span, start, end, lex=lex)
    kinds = {s["kind"] for s in spots if not s["bare"] or e.get("type") == "TRANSITION"}
    kind = next((k for k in ("start", "end", "election") if k in kinds), None)
    offices, titled = office_words(doc, start, end, lex=lex)
    words, former = quote_words(doc, start, end, lex=lex)
    set_span_value(span, "event", {
        **e, "date_basis": reconcile_basis(form), "date_form": form, "year_stated": year_stated,
        "quote_timexes": sorted(timexes), "transition": kind, "transition_spots": spots,
        "offices": offices, "titled": titled, "quote_words": words,
        "former": former,
        "impeachment": any(w.startswith("impeach") for w in words),
        "conditional": conditional_mark(table, root, lex=lex),
        "dated_things": dated_things(doc, sent, start, end, lex=lex)})


# ---------------------------------------------------------------- titles people are given

def title_claims(doc: Doc, titles: dict[tuple[str, ...], dict], lex: dict | None = None) -> list[dict]:
    """Every "<title> <person>" of the text ("Commerce Secretary Howard Lutnick", "former President X"):
    {"name", "kb_id", "title", "roles", "country", "former", "start", "end", "quote"}. A title with a
    modifier that makes it another office ("Deputy ...", "then-...") is not a claim."""
    lex = lex or lexicon()
    longest = max((len(k) for k in titles), default=0)
    table = parse_table(doc)
    lower = table.lower
    claims = []
    for span, actor in _actors(doc):
        actor = actor or {}
        if actor.get("type") != "PERSON":
            continue
        at = span.start
        for n in range(min(longest, at), 0, -1):
            words = tuple(lower[at - n:at])
            title = titles.get(words)
            if title is None:
                continue
            first = at - n
            before = lower[first - 1] if first > 0 else None
            former = False
            if before is not None and before in lex["former_words"]:
                former, first = True, first - 1
            elif before is not None and (before in lex["office_modifiers"]
                                         or before.rstrip("-") in lex["office_modifiers"]):
                break
            start, end = table.idx[first], span.end_char
            claims.append({"name": actor.get("name") or span.text, "surface": span.text, "kb_id": actor.get("kb_id"),
                           "title": " ".join(words), "roles": list(title.get("roles", [])),
                           "country": title.get("country"), "former": former, "start": start, "end": end,
                           "quote": doc._.text[start:end]})
            break
    return claims


# ---------------------------------------------------------------- reported statements

COMPLEMENTS = ("ccomp", "xcomp", "parataxis")


def statements(doc: Doc, lex: dict | None = None) -> list[dict]:
    """Every reported statement of the text with its speaker: {"speaker", "side", "topics", "negated",
    "rebuttal", "start", "end", "quote"}. `topics` are the complement's noun lemmas; `negated` says the
    complement denies ("has no exemptions", "not all goods"); `rebuttal` that the reporting words set it
    against another account ("clarified that", "pushed back").

    Built from the reporting verbs ("X said that ...", "... , X asserted") and reporting nouns ("X's
    post that ...") of the parse."""
    lex = lex or lexicon()
    sides = _sides(doc)
    table = parse_table(doc)
    out = []
    # only a reporting or rebuttal verb, or a reporting noun, can state: skip the rest without a Token,
    # the test made once per distinct lemma of the Doc
    known = {lemma for lemma in set(table.lemma) if lemma.lower() in lex["stating_lemmas"]}
    dep, head, children, tag = table.dep, table.head, table.children, table.tag
    text = doc._.text

    def first_child(i: int, deps) -> int | None:
        return next((c for c in children[i] if dep[c] in deps), None)
    for i in [i for i, lemma in enumerate(table.lemma) if lemma in known]:
        lemma, pos = table.lemma[i].lower(), table.pos[i]
        if pos in ("VERB", "AUX"):
            if lemma not in lex["reporting_verbs"] and lemma not in lex["rebuttal_heads"] and lemma != "be":
                continue
        elif pos != "NOUN" or lemma not in lex["reporting_nouns"]:
            continue
        if pos in ("VERB", "AUX"):
            rebut = (lemma in lex["rebuttal_heads"] or lemma == "be") \
                and any(p in lex["rebuttal_verbs"] for p in _phrases_at(table, i))
        else:
            rebut = lemma in lex["rebuttal_verbs"]
        if pos in ("VERB", "AUX") and (lemma in lex["reporting_verbs"] or rebut):
            comp = first_child(i, COMPLEMENTS)
            if comp is None and dep[i] == "ccomp" and table.pos[head[i]] in ("VERB", "AUX"):
                continue
            subj = first_child(i, ("nsubj", "nsubjpass"))
            if subj is None and dep[i] in ("relcl", "acl") and table.pos[head[i]] in NOUNS:
                subj = head[i]
            elif subj is None and tag[i] == "VBG" and dep[i] in ("advcl", "xcomp", "conj"):
                # "pushed back, clarifying that ...": the participle's subject is the main verb's
                subj = first_child(head[i], ("nsubj", "nsubjpass"))
                rebut = rebut or any(p in lex["rebuttal_verbs"] for p in _phrases_at(table, head[i]))
            if subj is None:
                subj = _adjacent_actor(doc, i)
            if comp is None and dep[i] == "ROOT" and i > table.sent_start[i]:
                # "“NATO has no exemptions,” Rutte asserted": the quote is the verb's complement on the
                # left (parsed as a ccomp, or as an advcl without a subordinator)
                comp = next((c for c in children[i] if c < i and (dep[c] in COMPLEMENTS or dep[c] == "advcl"
                             and not any(dep[m] == "mark" for m in children[c]))), None)
        elif pos == "NOUN" and lemma in lex["reporting_nouns"]:
            comp = first_child(i, ("acl", "ccomp", "appos"))
            subj = first_child(i, ("poss",))
        else:
            continue
        if comp is None or subj is None:
            continue
        speaker = _actor_name(doc, subj) or (table.text[subj] if table.pos[subj] in ("PROPN", "NOUN") else None)
        if not speaker:
            continue
        words = subtree_indices(doc, comp)
        first, last = words[0], words[-1]
        topics = sorted({table.lemma[t].lower() for t in words
                         if (table.pos[t] == "NOUN" or dep[t] == "compound" and table.pos[t] in NOUNS
                             and not doc[t].ent_type_)   # read for these few: no Doc-wide list
                         and table.lemma[t].lower() not in lex["topic_stopwords"] and len(table.lemma[t]) > 2
                         and not doc[t].is_stop})
        if not topics:
            continue
        denied = denied_nouns(doc, words)
        negated = bool(denied) or any(dep[t] == "neg" for t in words)
        begin, end = table.idx[first], table.idx[last] + len(table.text[last])
        out.append({"speaker": speaker, "side": sides.get(subj) or _side_of_words(doc, sides, subj),
                    "topics": topics, "negated": negated, "denied": denied, "rebuttal": rebut,
                    "start": begin, "end": end, "quote": text[begin:end]})
    return out


def _adjacent_actor(doc: Doc, verb: int) -> int | None:
    """A subject the parse lost ("after President Pedro Sanchez announced"): the person or group named
    just before the verb."""
    if verb == 0:
        return None
    for span, actor in _actors(doc):
        if span.end == verb and (actor or {}).get("type") in ("PERSON", "ORG", "GPE", "NORP"):
            return verb - 1
    return None


def denied_nouns(doc: Doc, words: list[int]) -> list[str]:
    """The nouns a statement (its token indices `words`) denies: "no exemptions or parallel agreements"
    -> exemption, agreement; "not all goods" -> good; "did not reach an agreement" -> agreement (the
    negated verb's own object)."""
    table = parse_table(doc)
    dep, head, pos, lower, children = table.dep, table.head, table.pos, table.lower, table.children
    out = set()
    for t in words:
        target = None
        if lower[t] == "no" and dep[t] == "det":
            target = head[t]
        elif lower[t] == "without" and dep[t] == "prep":
            target = next((c for c in children[t] if dep[c] == "pobj"), None)
        elif dep[t] == "neg" and pos[head[t]] in NOUNS:
            target = head[t]                                       # "not all cars" parsed onto the noun
        elif dep[t] == "neg" and pos[head[t]] == "DET" and pos[head[head[t]]] in NOUNS:
            target = head[head[t]]                                 # "not all goods"
        elif dep[t] == "neg" and pos[head[t]] in ("VERB", "AUX"):
            target = next((c for c in children[head[t]] if dep[c] in ("dobj", "nsubjpass", "attr")
                           and pos[c] in NOUNS), None)
        if target is None or pos[target] not in NOUNS:
            continue
        out.add(table.lemma[target].lower())
        out.update(c.lemma_.lower() for c in doc[target].conjuncts if c.pos_ in NOUNS)
    return sorted(out)


def _sides(doc: Doc) -> dict[int, str]:
    """Token index -> the state (or organisation) an actor mention there speaks for."""
    out = {}
    for span, actor in _actors(doc):
        actor = actor or {}
        side = actor.get("acts_for") or (actor.get("name") if actor.get("type") in ("GPE", "ORG", "NORP") else None)
        if side:
            for i in range(span.start, span.end):
                out[i] = side
    return out


def _side_of_words(doc: Doc, sides: dict[int, str], subj: int) -> str | None:
    """"Japanese officials": the side named by an actor among the modifiers of the subject at `subj`
    (`sides`: _sides of the document)."""
    for t in subtree_indices(doc, subj):
        if t in sides:
            return sides[t]
    return None


@functools.lru_cache(maxsize=4)
def _titles(kb_dirs: tuple[str, ...]) -> dict[tuple[str, ...], dict]:
    from .. import knowledge
    out: dict[tuple[str, ...], dict] = {}
    for title in knowledge.load(kb_dirs).titles:
        for w in title.get("words", []):
            out.setdefault(tuple(w.lower().split()), title)
    return out


def _nearest_fact(facts: list[tuple[int, Span, str]]):
    """A lookup of the fact nearest a character offset: of those at the least distance, the first in
    `facts` (two bisections in the sorted offsets, not a scan of every fact per claim)."""
    first_at: dict[int, int] = {}
    for n, (at, _, _) in enumerate(facts):
        first_at.setdefault(at, n)
    starts = sorted(first_at)

    def nearest(at: int) -> tuple[int, Span, str]:
        k = bisect_left(starts, at)
        near = [starts[j] for j in (k - 1, k) if 0 <= j < len(starts)]
        least = min(abs(start - at) for start in near)
        return facts[min(first_at[start] for start in near if abs(start - at) == least)]
    return nearest


def document_parties(doc: Doc, least: int = 2) -> list[str]:
    """The states a document is about: those its actor mentions speak for at least `least` times."""
    counts: dict[str, int] = {}
    for span, actor in _actors(doc):
        actor = actor or {}
        state = actor.get("acts_for") or (actor.get("name") if actor.get("type") == "GPE" else None)
        if state:
            counts[state] = counts.get(state, 0) + 1
    return sorted(s for s, n in counts.items() if n >= least)


class ReferentFinder:
    def __init__(self, kb_dirs: tuple[str, ...] = ()):
        self.kb_dirs = kb_dirs
        # the words this pipeline reads with: the packaged ones and those of its own --kb folders
        self.lex = lexicon(kb_dirs)

    def __call__(self, doc: Doc) -> Doc:
        parties = None
        # each pass over a span group makes its Spans anew: one pass each
        quantities, events = list(doc.spans.get(QUANTITIES, [])), list(doc.spans.get(EVENTS, []))
        for span in quantities:
            add_quantity_referent(doc, span, lex=self.lex)
            q = span_value(span, "quantity")
            if q and not q.get("holder") and not q.get("target"):
                # a figure that names no party is about the parties its document is about
                parties = document_parties(doc) if parties is None else parties
                set_span_value(span, "quantity", {**q, "context_parties": parties})
        for span in events:
            add_event_referent(doc, span, lex=self.lex)
        self.file_titles(doc, quantities, events)
        return doc

    def file_titles(self, doc: Doc, quantities: list[Span], events: list[Span]) -> None:
        """Each title claim and each reported statement travels on the fact nearest to it (records are the
        only way out of the pipeline): `titles` and `statements` on that quantity or event."""
        facts = [(s.start_char, s, "quantity") for s in quantities if span_value(s, "quantity")]
        facts += [(s.start_char, s, "event") for s in events if span_value(s, "event")]
        if not facts:
            return
        nearest = _nearest_fact(facts)
        for claim in title_claims(doc, _titles(self.kb_dirs), lex=self.lex):
            _, span, kind = nearest(claim["start"])
            data = span_value(span, kind)
            set_span_value(span, kind, {**data, "titles": data.get("titles", []) + [claim]})
        for said in statements(doc, lex=self.lex):
            _, span, kind = nearest(said["start"])
            data = span_value(span, kind)
            set_span_value(span, kind, {**data, "statements": data.get("statements", []) + [said]})


@Language.factory("pactwatch_referents", assigns=["span._.quantity", "span._.event", "doc._.pipeline_errors"],
                  requires=["span._.quantity", "span._.event", "token.dep", "token.lemma", "token.tag"],
                  default_config={"kb_dirs": []})
def make_component(nlp: Language, name: str, kb_dirs: list):
    return Guarded(name, ReferentFinder(loader.folders(kb_dirs)))
