"""pactwatch_quantities: money, percentages and counts of people, each with what it measures, who
holds it, whom it targets, how firm it is (status), when, and the clause that states it.

Writes doc.spans["pw_quantities"] (span = the amount) with Span._.quantity =
    {"measure", "value", "unit", "holder", "target", "time", "status", "qualifier",
     "quote_start", "quote_end",
     "high"        upper end of a range or None,
     "points"      True for percentage points,
     "part_of"     index (in pw_quantities) of the whole this amount is a part of, or None,
     "part_of_start"  char offset of that whole's amount, or None,
     "components"  indices of the parts of this amount,
     "change"      {"role": "before"|"after", "other": index, "other_start": char offset} or None,
     "same_as"     index of an earlier mention of the same figure, or None,
     "inherited"   roles taken from the discourse rather than this clause}
Indices are positions in doc.spans["pw_quantities"], which is in text order.
"""
from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..knowledge import measures as measures_kb
from .attach import attached
from .extensions import ACTORS, QUANTITIES, TIMEX
from .quantity_amounts import Amount, AmountFinder, match_backward, by_last_word
from .quantity_roles import ActorIndex, ClauseReader

try:  # the time component offers the shared rule; fall back to attach when it is not there
    from .time import timex_of as _timex_of
except ImportError:  # pragma: no cover - depends on the colleague's module
    _timex_of = None

OTHER = "other"
# how many sentences back a part may point to its whole, and a repeated figure to its first mention
PART_REACH_SENTENCES = 3
# parts that name their whole in the same sentence only ("a $5 billion deal, including $2 billion ...")
SAME_SENTENCE_PARTS = {("including",), ("include",)}
# a bare number takes a unit only when its size is close to the amount it changes from or to
CHANGE_RATIO = 100.0
PART_KINDS = {"currency", "persons"}


@Language.factory("pactwatch_quantities", assigns=["doc.spans"], requires=["doc.spans"],
                  default_config={"kb_dirs": []})
def make_component(nlp: Language, name: str, kb_dirs: list):
    return QuantityComponent(measures_kb.load(kb_dirs))


class QuantityComponent:
    def __init__(self, lex: measures_kb.MeasureLexicon):
        self.lex = lex
        self.finder = AmountFinder(lex)
        self.reader = ClauseReader(lex)
        self.part_last = by_last_word(lex.part_phrases)

    def __call__(self, doc: Doc) -> Doc:
        amounts, bare = self.finder.find(doc)
        if not amounts:
            doc.spans[QUANTITIES] = []
            return doc
        actors = ActorIndex(doc, doc.spans.get(ACTORS, []))
        changes = self._changes(doc, amounts, bare)
        amounts = sorted(amounts + [b for b in bare if b.unit is not None], key=lambda a: a.start)
        records = [self._read(doc, actors, a) for a in amounts]
        index_of = {id(a): k for k, a in enumerate(amounts)}
        for before, after in changes:
            kb, ka = index_of[id(before)], index_of[id(after)]
            records[kb]["change"] = {"role": "before", "other": ka, "other_start": doc[after.start].idx}
            records[ka]["change"] = {"role": "after", "other": kb, "other_start": doc[before.start].idx}
            # the earlier value keeps only what its own phrase says about its status
            status, explicit = self.reader.status(doc, before, self.reader.noun_of(doc, before),
                                                  self.lex.measure(records[kb]["measure"]), before=True)
            records[kb]["status"], records[kb]["_explicit"] = status, explicit
            self._share(records[kb], records[ka])
        for k, a in enumerate(amounts):
            source = a.extra.get("unit_from")
            if source is not None and id(source) in index_of:
                self._share(records[index_of[id(source)]], records[k])
            change = records[k]["change"]
            if change and change["role"] == "after" and not records[k]["_explicit"] and self._agentive(doc, a):
                records[k]["status"], records[k]["_explicit"] = self.lex.status.change_status, True
        self._parts(doc, amounts, records)
        self._repeats(amounts, records)
        self._discourse(doc, actors, amounts, records)
        spans = []
        for a, r in zip(amounts, records):
            span = Span(doc, a.start, a.end, label=r["measure"])
            r.pop("_explicit", None)
            r.pop("_sent", None)
            span._.quantity = r
            spans.append(span)
        doc.spans[QUANTITIES] = spans
        return doc

    # ------------------------------------------------------------ one amount
    def _read(self, doc: Doc, actors: ActorIndex, a: Amount) -> dict:
        r = self.reader
        measure, cue = r.measure(doc, a)
        noun = r.noun_of(doc, a)
        verb = r.verb_of(noun)
        holder, target = r.roles(doc, actors, a, measure, cue, noun, verb)
        status, explicit = r.status(doc, a, noun, measure, before=False)
        quote = r.quote(doc, a)
        return {
            "measure": measure.name if measure else OTHER, "value": _number(a.value), "unit": a.unit,
            "holder": holder, "target": target, "time": self._time(doc, a), "status": status,
            "qualifier": a.qualifier, "quote_start": quote[0], "quote_end": quote[1],
            "high": _number(a.high) if a.high is not None else None, "points": a.points,
            "part_of": None, "part_of_start": None, "components": [], "change": None, "same_as": None,
            "inherited": [], "_explicit": explicit, "_sent": doc[a.start].sent.start,
        }

    @staticmethod
    def _time(doc: Doc, a: Amount) -> str | None:
        span = doc[a.start:a.end]
        if _timex_of is not None:
            found = _timex_of(doc, span)
            return found["value"] if found else None
        tx = attached(doc, TIMEX, span)
        if tx is None or not tx._.timex or tx._.timex.get("type") not in ("DATE", "TIME"):
            return None
        return tx._.timex.get("value")

    # ------------------------------------------------------------ changes: "from 25% to 15%"
    def _changes(self, doc: Doc, amounts: list[Amount], bare: list[Amount]) -> list[tuple[Amount, Amount]]:
        """Pairs (before, after) of one change; a bare number in a change takes its partner's unit."""
        pairs: list[tuple[Amount, Amount]] = []
        everything = sorted(amounts + bare, key=lambda a: a.start)
        for k, a in enumerate(everything):
            role = _change_role(doc, a, self.lex.change_verbs, self.lex.change_nouns)
            if role is None:
                continue
            sent = doc[a.start].sent
            # the partner: the nearest amount in the sentence on the other side of the change
            partner = None
            for b in sorted(everything, key=lambda b: abs(b.start - a.start)):
                if b is a or doc[b.start].sent != sent or (b.unit is None and a.unit is None):
                    continue
                other = _change_role(doc, b, self.lex.change_verbs, self.lex.change_nouns)
                if other is not None and other != role and _same_change(doc, a, b):
                    partner = b
                    break
            if partner is None:
                if a.unit is None:
                    # "a reduction to 24,000" after "28,500 troops": the unit of the earlier amount
                    earlier = [b for b in everything if b.unit is not None and b.end <= a.start
                               and doc[b.start].sent == sent]
                    if earlier and role == "after" and _comparable(earlier[-1].value, a.value):
                        _take_unit(a, earlier[-1])
                        a.extra["unit_from"] = earlier[-1]
                continue
            if a.unit is None and partner.unit is not None and _comparable(a.value, partner.value):
                _take_unit(a, partner)
            if a.unit is None:
                continue
            pair = (a, partner) if role == "before" else (partner, a)
            if pair[0].unit == pair[1].unit and pair not in pairs:
                pairs.append(pair)
        return pairs

    def _agentive(self, doc: Doc, a: Amount) -> bool:
        """Someone changed the figure (a change verb with an object before the amount: "cut its tariff
        to 15 percent", "reducing tariffs from 25% to 15%"), as opposed to "exports fell to $5 billion"."""
        sent = doc[a.start].sent
        for i in range(a.start - 1, max(sent.start, a.start - 14) - 1, -1):
            t = doc[i]
            if t.pos_ == "VERB" and t.lemma_.lower() in self.lex.change_verbs:
                return any(c.dep_ in ("dobj", "nsubjpass") for c in t.children) or t.dep_ == "amod"
        return False

    @staticmethod
    def _share(first: dict, second: dict) -> None:
        """Both ends of one change measure the same thing between the same parties."""
        for key in ("measure", "holder", "target", "time"):
            empty = OTHER if key == "measure" else None
            if first[key] == empty and second[key] != empty:
                first[key] = second[key]
                first["inherited"].append(key)
            elif second[key] == empty and first[key] != empty:
                second[key] = first[key]
                second["inherited"].append(key)

    # ------------------------------------------------------------ parts: "$150 billion of it goes to ..."
    def _parts(self, doc: Doc, amounts: list[Amount], records: list[dict]) -> None:
        sentence_no = {s.start: n for n, s in enumerate(doc.sents)}
        for k, a in enumerate(amounts):
            # shares are of sums and head counts; rates in a change are not parts of each other
            if a.kind not in PART_KINDS or records[k]["change"] is not None:
                continue
            cue = self._part_cue(doc, a)
            if cue is None:
                continue
            sent_no = sentence_no[doc[a.start].sent.start]
            whole = None
            for j in range(k - 1, -1, -1):
                b = amounts[j]
                distance = sent_no - sentence_no[doc[b.start].sent.start]
                if distance > (0 if cue in SAME_SENTENCE_PARTS else PART_REACH_SENTENCES):
                    break
                if b.unit == a.unit and b.value > a.value and records[j]["part_of"] is None \
                        and records[j]["change"] is None:
                    whole = j
                    break
            if whole is None:
                continue
            rec, whole_rec = records[k], records[whole]
            rec["part_of"], rec["part_of_start"] = whole, doc[amounts[whole].start].idx
            whole_rec["components"].append(k)
            if rec["measure"] == OTHER:
                rec["measure"] = whole_rec["measure"]
                rec["inherited"].append("measure")
            for key in ("holder", "target", "time"):
                if rec[key] is None and whole_rec[key] is not None:
                    rec[key] = whole_rec[key]
                    rec["inherited"].append(key)
            # a part is as firm as its whole unless its own clause says more than "would"
            if not rec["_explicit"] or rec["status"] in ("actual", "speculative"):
                rec["status"], rec["_explicit"] = whole_rec["status"], whole_rec["_explicit"]
                rec["inherited"].append("status")

    def _part_cue(self, doc: Doc, a: Amount):
        """A word in the amount's clause (or just before it) saying it is a share of something."""
        head = doc[a.head]
        clause = head
        while clause.dep_ not in ("ROOT", "ccomp", "advcl", "relcl", "conj", "parataxis") and clause.head is not clause:
            clause = clause.head
        sent = head.sent
        lo = max(sent.start, min(clause.left_edge.i, a.start))
        hi = min(sent.end, max(clause.right_edge.i + 1, a.end))
        for i in range(lo, hi):
            if a.start <= i < a.end:
                continue
            m = match_backward(doc, i, self.part_last)
            if m is None:
                continue
            # "including" marks a part only right before it ("a deal including $2 billion for ...")
            if m[1] in SAME_SENTENCE_PARTS and not (0 <= a.start - i <= 4):
                continue
            return m[1]
        return None

    # ------------------------------------------------------------ the same figure again
    @staticmethod
    def _repeats(amounts: list[Amount], records: list[dict]) -> None:
        """A figure stated again ("the $350 billion package") is the same fact: it takes the roles and
        status of its first mention when its own clause gives none."""
        for k, rec in enumerate(records):
            for j in range(k - 1, -1, -1):
                first = records[j]
                if (first["unit"], first["value"]) != (rec["unit"], rec["value"]) \
                        or rec["measure"] not in (first["measure"], OTHER) \
                        or rec["change"] is not None and first["change"] is not None:
                    continue
                # the same figure between other parties is another fact ("Japan also got 15%")
                if any(rec[key] is not None and first[key] is not None and rec[key] != first[key]
                       for key in ("holder", "target")):
                    continue
                rec["same_as"] = j
                if rec["measure"] == OTHER and first["measure"] != OTHER:
                    rec["measure"] = first["measure"]
                    rec["inherited"].append("measure")
                for key in ("holder", "target", "time"):
                    if rec[key] is None and first[key] is not None:
                        rec[key] = first[key]
                        rec["inherited"].append(key)
                if not rec["_explicit"] and first["_explicit"] and rec["change"] is None:
                    rec["status"], rec["_explicit"] = first["status"], True
                    rec["inherited"].append("status")
                break

    # ------------------------------------------------------------ the document's two parties
    def _discourse(self, doc: Doc, actors: ActorIndex, amounts: list[Amount], records: list[dict]) -> None:
        """When a clause names one side of a bilateral figure, the other side is the document's other
        main party; when it names neither, the figure belongs with the last one of its measure."""
        parties = _parties(doc)
        last_by_measure: dict[str, dict] = {}
        for rec in records:
            if rec["holder"] is None and rec["target"] is None and rec["measure"] in last_by_measure:
                prev = last_by_measure[rec["measure"]]
                rec["holder"], rec["target"] = prev["holder"], prev["target"]
                rec["inherited"] += ["holder", "target"]
            if len(parties) == 2 and rec["measure"] != OTHER:
                if rec["holder"] in parties and rec["target"] is None and self._bilateral(rec["measure"]):
                    rec["target"] = parties[1 - parties.index(rec["holder"])]
                    rec["inherited"].append("target")
                elif rec["target"] in parties and rec["holder"] is None:
                    rec["holder"] = parties[1 - parties.index(rec["target"])]
                    rec["inherited"].append("holder")
            if rec["measure"] != OTHER:
                last_by_measure[rec["measure"]] = rec

    def _bilateral(self, measure: str) -> bool:
        # a measure whose records have a target at all: one with a way to name it
        m = self.lex.measure(measure)
        return m is not None and (bool(m.target_preps) or m.modifier == "target")


# ---------------------------------------------------------------- helpers

def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 6)


def _parties(doc: Doc) -> list[str]:
    """The two states a document is mostly about, by how often actors standing for them appear."""
    counts: Counter[str] = Counter()
    for s in doc.spans.get(ACTORS, []):
        actor = s._.actor or {}
        state = actor.get("acts_for") or (actor.get("name") if actor.get("type") == "GPE" else None)
        if state:
            counts[state] += 1
    top = [name for name, n in counts.most_common(2) if n >= 2]
    return top if len(top) == 2 else []


def _prep_of(doc: Doc, a: Amount) -> str | None:
    """The preposition an amount is the object of: "to" in "cut ... to 15 percent"."""
    # the word just before the amount (past "the initially proposed"): parses often miss the link
    # in "from 25% to 15%", the words do not
    k = a.start - 1
    while k >= 0 and doc[k].tag_ in ("DT", "RB", "JJ", "VBN", "PRP$"):
        k -= 1
    if k >= 0 and doc[k].lower_ in ("to", "from"):
        return doc[k].lower_
    tok = doc[a.head]
    while a.start <= tok.head.i < a.end and tok.head is not tok:
        tok = tok.head
    if tok.dep_ == "pobj" and tok.head.i < a.start:
        return tok.head.lower_
    return None


def _change_role(doc: Doc, a: Amount, verbs: frozenset, nouns: frozenset) -> str | None:
    """"before" for the amount a change starts from, "after" for where it ends, else None."""
    prep = _prep_of(doc, a)
    if prep == "from":
        return "before"
    if prep == "to":
        return "after"
    # "cut the 28,500 troops to 10,000": the changed object is the earlier value
    tok = doc[a.head]
    while a.start <= tok.head.i < a.end and tok.head is not tok:
        tok = tok.head
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in verbs and \
            any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.head.children):
        return "before"
    return None


def _same_change(doc: Doc, a: Amount, b: Amount) -> bool:
    """Two amounts belong to one change when they are close and no other amount's clause sits between."""
    lo, hi = (a, b) if a.start < b.start else (b, a)
    gap = doc[lo.end:hi.start]
    return len(gap) <= 12 and not any(t.text in (";",) or t.dep_ == "cc" and t.head.dep_ == "ROOT" for t in gap)


def _comparable(x: float, y: float) -> bool:
    return x > 0 and y > 0 and max(x, y) / min(x, y) <= CHANGE_RATIO


def _take_unit(a: Amount, source: Amount) -> None:
    a.unit, a.kind = source.unit, source.kind
    if a.kind == "persons":
        a.head = a.number
