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
UNMARKED_PART_REACH = 2
PAYMENT_REACH_SENTENCES = 5
COMMITTED = {"pledged", "agreed"}
# parts that name their whole in the same sentence only ("a $5 billion deal, including $2 billion ...")
SAME_SENTENCE_PARTS = {("including",), ("include",)}
# a bare number takes a unit only when its size is close to the amount it changes from or to
CHANGE_RATIO = 100.0
PART_KINDS = {"currency", "persons"}
SMALL_WORDED_COUNT = 10
CONVERSION_WORDS = {"about", "around", "roughly", "or", "approximately", "some", "nearly", "almost"}


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
        self.people_verbs = lex.person_verbs

    def __call__(self, doc: Doc) -> Doc:
        amounts, bare = self.finder.find(doc)
        doc.spans[QUANTITIES] = []
        if not amounts and not bare:
            return doc
        changes = self._changes(doc, amounts, bare)
        amounts = sorted(amounts + [b for b in bare if b.unit is not None], key=lambda a: a.start)
        if not amounts:
            return doc
        actors = ActorIndex(doc, doc.spans.get(ACTORS, []))
        records = [self._read(doc, actors, a) for a in amounts]
        # "two people familiar with the matter", "three officials": a few people named in words,
        # measuring nothing, are part of the story, not a figure in it
        keep = [k for k, (a, r) in enumerate(zip(amounts, records))
                if not (a.kind == "persons" and a.value < SMALL_WORDED_COUNT and r["measure"] == OTHER
                        and not doc[a.start].text[:1].isdigit())]
        if len(keep) < len(amounts):
            kept = {id(amounts[k]) for k in keep}
            changes = [(b, c) for b, c in changes if id(b) in kept and id(c) in kept]
            amounts, records = [amounts[k] for k in keep], [records[k] for k in keep]
            if not amounts:
                return doc
        index_of = {id(a): k for k, a in enumerate(amounts)}
        self._link_changes(doc, amounts, records, changes, index_of)
        self._link_borrowed(doc, amounts, records, index_of)
        self._conversions(doc, amounts, records)
        self._parts(doc, amounts, records)
        self._repeats(amounts, records)
        self._discourse(doc, actors, amounts, records)
        spans = []
        for a, r in zip(amounts, records):
            span = Span(doc, a.start, a.end, label=r["measure"])
            r.pop("_explicit", None)
            r.pop("_verb", None)
            r.pop("_sent", None)
            span._.quantity = r
            spans.append(span)
        doc.spans[QUANTITIES] = spans
        return doc

    def _link_changes(self, doc: Doc, amounts: list[Amount], records: list[dict], changes, index_of) -> None:
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
            change = records[k]["change"]
            if change and change["role"] == "after" and not records[k]["_explicit"] and self._agentive(doc, a):
                records[k]["status"], records[k]["_explicit"] = self.lex.status.change_status, True

    def _link_borrowed(self, doc: Doc, amounts: list[Amount], records: list[dict], index_of) -> None:
        """Amounts that took their unit from another ("a reduction to 24,000", "4,500 of the 28,500
        troops") read the rest from it too; a share is a part of its whole."""
        for k, a in enumerate(amounts):
            source = a.extra.get("unit_from")
            if source is not None and id(source) in index_of:
                self._share(records[index_of[id(source)]], records[k])
            whole = a.extra.get("share_of")
            if whole is not None and id(whole) in index_of:
                w = index_of[id(whole)]
                records[k]["part_of"], records[k]["part_of_start"] = w, doc[whole.start].idx
                records[w]["components"].append(k)
                self._share(records[w], records[k])

    # ------------------------------------------------------------ one amount
    def _read(self, doc: Doc, actors: ActorIndex, a: Amount) -> dict:
        r = self.reader
        measure, cue = r.measure(doc, a)
        noun = r.noun_of(doc, a)
        # a currency word the tagger read as a verb ("trillion won") is still part of the amount
        verb = r.verb_of(noun.head if a.start <= noun.i < a.end and noun.pos_ in ("VERB", "AUX") else noun)
        holder, target = r.roles(doc, actors, a, measure, cue, noun, verb)
        status, explicit = r.status(doc, a, noun, measure, before=False)
        quote = r.quote(doc, a)
        return {
            "measure": measure.name if measure else OTHER, "value": _number(a.value), "unit": a.unit,
            "holder": holder, "target": target, "time": self._time(doc, a), "status": status,
            "qualifier": a.qualifier, "quote_start": quote[0], "quote_end": quote[1],
            "high": _number(a.high) if a.high is not None else None, "points": a.points,
            "part_of": None, "part_of_start": None, "components": [], "change": None, "same_as": None,
            "inherited": [], "_explicit": explicit, "_verb": verb.lemma_.lower() if verb is not None else None,
            "_sent": doc[a.start].sent.start,
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
        self._shares_of(doc, amounts, bare)
        self._coordinated(doc, amounts, bare)
        self._people_by_verb(doc, bare)
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
    def _shares_of(doc: Doc, amounts: list[Amount], bare: list[Amount]) -> None:
        """"4,500 of the 28,500 troops", "475 workers, 300 of them Korean": the bare number counts the
        same thing and is part of it."""
        starts = {a.start: a for a in amounts}
        for b in bare + [a for a in amounts if a.kind == "persons"]:
            after = b.number + 1
            if after + 1 >= len(doc) or doc[after].lower_ != "of":
                continue
            k = after + 1
            if doc[k].lower_ in ("them", "those", "these", "whom", "which"):
                sent = doc[b.start].sent
                earlier = [a for a in amounts if a.end <= b.start and a.start >= sent.start and a.kind == "persons"]
                whole = earlier[-1] if earlier else None
            else:
                while k < len(doc) and doc[k].tag_ in ("DT", "PRP$", "JJ") and k - b.end <= 3:
                    k += 1
                whole = starts.get(k)
            if whole is not None and whole is not b and whole.value > b.value:
                if b.unit is None:
                    _take_unit(b, whole)
                if b.unit == whole.unit:
                    b.extra["share_of"] = whole

    @staticmethod
    def _coordinated(doc: Doc, amounts: list[Amount], bare: list[Amount]) -> None:
        """"80,000 troops in Japan and 28,500 in South Korea": a bare number coordinated with an
        amount, counting nothing of its own, counts the same thing."""
        for b in bare:
            if b.unit is not None or b.start == 0 or doc[b.start - 1].lower_ not in ("and", "or", "but", "while"):
                continue
            number = doc[b.number]
            if number.head.i > b.number and number.head.pos_ in ("NOUN", "PROPN") and number.dep_ == "nummod":
                continue   # "and 20 cars": it counts its own noun
            sent = number.sent
            earlier = [a for a in amounts if a.end <= b.start and a.start >= sent.start and b.start - a.end <= 10]
            if earlier and _comparable(earlier[-1].value, b.value):
                _take_unit(b, earlier[-1])
                b.extra["unit_from"] = earlier[-1]

    def _people_by_verb(self, doc: Doc, bare: list[Amount]) -> None:
        """"more than 4,000 were killed", "arresting 12": a bare number that a verb only said of
        people (detain, kill, deploy) undergoes counts people."""
        for b in bare:
            if b.unit is not None:
                continue
            number = doc[b.number]
            if number.dep_ in ("nsubjpass", "dobj", "nsubj") and number.head.lemma_.lower() in self.people_verbs:
                b.unit, b.kind = "persons", "persons"

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
            # "including $200 billion in cash and $150 billion for ships": coordinated amounts are parts alike
            partner = _coordinated_with(doc, amounts, k)
            if partner is not None and records[partner]["part_of"] is not None:
                whole = records[partner]["part_of"]
                if amounts[whole].unit == a.unit and amounts[whole].value > a.value:
                    self._link_part(doc, amounts, records, k, whole)
                    continue
            cue = self._part_cue(doc, a)
            # a sum that names no measure of its own, right after a larger commitment in the same
            # currency, spells out how that commitment is delivered
            unmarked = cue is None and records[k]["measure"] == OTHER and a.kind == "currency"
            if cue is None and not unmarked:
                continue
            reach = 0 if cue in SAME_SENTENCE_PARTS else UNMARKED_PART_REACH if unmarked else PART_REACH_SENTENCES
            sent_no = sentence_no[doc[a.start].sent.start]
            whole = None
            for j in range(k - 1, -1, -1):
                b = amounts[j]
                if sent_no - sentence_no[doc[b.start].sent.start] > reach:
                    break
                if b.unit == a.unit and b.value > a.value and records[j]["part_of"] is None \
                        and records[j]["change"] is None:
                    if not unmarked or (records[j]["measure"] != OTHER and records[j]["status"] in COMMITTED):
                        whole = j
                    break
            if whole is None:
                continue
            self._link_part(doc, amounts, records, k, whole)

    @staticmethod
    def _link_part(doc: Doc, amounts: list[Amount], records: list[dict], k: int, whole: int) -> None:
        """Record k is a part of record `whole`: it takes what its own clause leaves open from the whole."""
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
        while a.start <= clause.head.i < a.end and clause.head.i != clause.i:
            clause = clause.head
        # an amount coordinated with another is in that amount's clause
        if clause.dep_ == "conj" and clause.pos_ in ("NUM", "NOUN", "SYM", "PROPN"):
            clause = clause.head
        while clause.dep_ not in ("ROOT", "ccomp", "advcl", "relcl", "conj", "parataxis") and clause.head.i != clause.i:
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

    # ------------------------------------------------------------ "1.5 trillion won ($1.1 billion)"
    @staticmethod
    def _conversions(doc: Doc, amounts: list[Amount], records: list[dict]) -> None:
        """An amount restated in another currency in brackets right after it is the same fact: it
        takes the original's reading and points to it (same_as)."""
        for k in range(1, len(amounts)):
            a, b = amounts[k - 1], amounts[k]
            gap = doc[a.end:b.start]
            if b.kind != "currency" or a.kind != "currency" or a.unit == b.unit:
                continue
            # "210 billion yen ($1.4 billion)", "1.5 trillion won, or about $1.1 billion"
            if not (1 <= len(gap) <= 3 and gap[0].text in ("(", ",") and any(t.text == "(" or t.lower_ == "or" for t in gap)
                    and all(t.text in ("(", ",") or t.lower_ in CONVERSION_WORDS for t in gap)):
                continue
            original, copy = records[k - 1], records[k]
            copy["same_as"] = k - 1
            for key in ("measure", "holder", "target", "time", "status", "change"):
                copy[key] = original[key]
            copy["_explicit"] = original["_explicit"]
            copy["quote_start"], copy["quote_end"] = original["quote_start"], original["quote_end"]

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
        sentence_no = {s.start: n for n, s in enumerate(doc.sents)}
        last_money: dict | None = None
        for rec in records:
            # "Seoul would be paying $10 billion a year": a payment naming no measure, in a passage
            # about one, is a payment of that measure
            if rec["measure"] == OTHER and rec["_verb"] in self.lex.payment_verbs and last_money is not None \
                    and rec["unit"] == last_money["unit"] \
                    and sentence_no[rec["_sent"]] - sentence_no[last_money["_sent"]] <= PAYMENT_REACH_SENTENCES:
                rec["measure"] = last_money["measure"]
                rec["inherited"].append("measure")
            if rec["measure"] != OTHER and rec["unit"] not in ("percent", "persons"):
                last_money = rec
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
    while a.start <= tok.head.i < a.end and tok.head.i != tok.i:
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
    while a.start <= tok.head.i < a.end and tok.head.i != tok.i:
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


def _coordinated_with(doc: Doc, amounts: list[Amount], k: int) -> int | None:
    """The amount that amount k is coordinated with ("$200 billion in cash and $150 billion ..."):
    its top token is a conjunct of a token of that amount."""
    a = amounts[k]
    top = doc[a.head]
    while a.start <= top.head.i < a.end and top.head.i != top.i:
        top = top.head
    if top.dep_ == "conj":
        for j, b in enumerate(amounts):
            if j != k and b.start <= top.head.i < b.end:
                return j
    # the words, when the parse attaches the second amount elsewhere: "$7 billion in grants and $5 billion"
    if k > 0 and a.start > 0 and doc[a.start - 1].lower_ in ("and", "or") and a.start - amounts[k - 1].end <= 4 \
            and not any(t.pos_ in ("VERB", "AUX") or t.text in (";", ".") for t in doc[amounts[k - 1].end:a.start]):
        return k - 1
    return None


def _comparable(x: float, y: float) -> bool:
    return x > 0 and y > 0 and max(x, y) / min(x, y) <= CHANGE_RATIO


def _take_unit(a: Amount, source: Amount) -> None:
    a.unit, a.kind = source.unit, source.kind
    a.extra["borrowed"] = True
    if a.kind == "persons":
        a.head = a.number
