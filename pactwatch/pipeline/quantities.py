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
     "condition"   "counterfactual" (would have held had things gone otherwise: "was facing 25% if it
                   had not reached a deal"), "conditional" (under an open if/unless) or None,
     "inherited"   roles taken from the discourse rather than this clause}
Indices are positions in doc.spans["pw_quantities"], which is in text order.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..knowledge import loader, measures as measures_kb
from .extensions import ACTORS, QUANTITIES, group_spans, set_span_value, span_value
from .guard import Guarded
from .parse_table import ParseTable, parse_table
from .time import timex_at
from .quantity_amounts import Amount, AmountFinder, by_last_word, number_words, phrases_ending_in
from .quantity_roles import ActorIndex, ClauseReader

OTHER = "other"
# a headline or standfirst line is short
HEADLINE_MAX_WORDS = 30
HEADER_MAX_CHARS = 2000
# how far back an elided count finds the group it is taken from, and members find their body
ELIDED_REACH_SENTENCES = 1
MEMBER_REACH_SENTENCES = 2
# "most of them", "nearly all of them", "the majority of them"
MOSTLY_WORDS = {"most", "mostly", "many", "all", "nearly", "almost", "virtually", "the", "majority", "bulk"}
# how far back the actor who did a measured act (raided, deployed) may be
ACT_REACH_SENTENCES = 2
# how many sentences back a part may point to its whole, and a repeated figure to its first mention
PART_REACH_SENTENCES = 3
UNMARKED_PART_REACH = 2
PAYMENT_REACH_SENTENCES = 5
# how many sentences back a share finds what is being split ("the profits ... We get 90 percent")
SPLIT_REACH_SENTENCES = 2
PAYMENT_REACH_PARAGRAPHS = 2
COMMITTED = {"pledged", "agreed"}
# parts that name their whole in the same sentence only ("a $5 billion deal, including $2 billion ...")
SAME_SENTENCE_PARTS = {("including",), ("include",)}
# a bare number takes a unit only when its size is close to the amount it changes from or to
CHANGE_RATIO = 100.0
PART_KINDS = {"currency", "persons"}
SMALL_WORDED_COUNT = 10
# nouns whose value is the size of a group ("troop level of 28,500") and prepositions setting it
# ("keep troop numbers at 28,500")
LEVEL_NOUNS = {"level", "number", "total", "strength", "size", "ceiling", "cap", "count", "figure", "headcount"}
LEVEL_PREPS = {"at", "to", "around", "near", "below", "above"}
CONVERSION_WORDS = {"about", "around", "roughly", "or", "approximately", "some", "nearly", "almost"}


@Language.factory("pactwatch_quantities", assigns=["doc.spans", "span._.quantity", "doc._.pipeline_errors"],
                  requires=["doc.spans", "span._.actor", "span._.timex", "token.dep"],
                  default_config={"kb_dirs": []})
def make_component(nlp: Language, name: str, kb_dirs: list):
    return Guarded(name, QuantityComponent(measures_kb.load(kb_dirs), number_words(loader.folders(kb_dirs))),
                   [QUANTITIES])


class QuantityComponent:
    def __init__(self, lex: measures_kb.MeasureLexicon, numbers: dict[str, int] | None = None):
        self.lex = lex
        self.finder = AmountFinder(lex, numbers)
        self.reader = ClauseReader(lex)
        self.part_last = by_last_word(lex.part_phrases)
        self.people_verbs = lex.person_verbs
        # the head word of each person noun ("workers", "crew members")
        self.person_words = {p[-1] for p in lex.person_nouns}
        # one-word cues naming the act a measure counts ("raid", "detain", "deploy"): measure names by lemma
        self.act_verbs: dict[str, set[str]] = {}
        self.act_nouns: dict[str, set[str]] = {}
        for m in lex.measures:
            if m.name == OTHER:
                continue
            for v in m.verbs:
                self.act_verbs.setdefault(v, set()).add(m.name)
            for n in m.nouns:
                if len(n) == 1:
                    self.act_nouns.setdefault(n[0], set()).add(m.name)

    def __call__(self, doc: Doc) -> Doc:
        amounts, bare = self.finder.find(doc)
        doc.spans[QUANTITIES] = []
        if not amounts and not bare:
            return doc
        changes = self._changes(doc, amounts, bare)
        amounts = sorted(amounts + [b for b in bare if b.unit is not None], key=lambda a: a.start)
        if not amounts:
            return doc
        actors = ActorIndex(doc, group_spans(doc, ACTORS), self.lex.group_nouns)
        # what each amount measures decides whether it is kept: the rest of its clause is read for
        # the amounts kept only
        measures = [self.reader.measure(doc, a) for a in amounts]
        # "two people familiar with the matter", "three officials": a few people named in words,
        # measuring nothing, are part of the story, not a figure in it
        restated = _restated_headline_figures(doc, amounts)
        text = parse_table(doc).text
        keep = [k for k, (a, (measure, _)) in enumerate(zip(amounts, measures))
                if not (a.kind == "persons" and a.value < SMALL_WORDED_COUNT
                        and (measure.name if measure else OTHER) == OTHER and not text[a.start][:1].isdigit())
                and k not in restated]
        if len(keep) < len(amounts):
            kept = {id(amounts[k]) for k in keep}
            changes = [(b, c) for b, c in changes if id(b) in kept and id(c) in kept]
            amounts, measures = [amounts[k] for k in keep], [measures[k] for k in keep]
            if not amounts:
                return doc
        records = [self._read(doc, actors, a, measure, cue) for a, (measure, cue) in zip(amounts, measures)]
        index_of = {id(a): k for k, a in enumerate(amounts)}
        # the sentences and the actors' states, read by several steps below: made once
        sents = parse_table(doc).sentences
        sentence_no = {start: n for n, (start, _) in enumerate(sents)}
        state_of = _state_names(actors)
        self._link_changes(doc, amounts, records, changes, index_of)
        self._link_borrowed(doc, amounts, records, index_of)
        self._conversions(doc, amounts, records)
        self._parts(doc, amounts, records, sentence_no)
        self._restatements(doc, amounts, records)
        self._repeats(amounts, records, self.lex)
        _same_figures(records, self.lex)
        _as_states(records, state_of)
        self._people_holders(doc, actors, amounts, records, sents, sentence_no)
        self._acting_holders(doc, actors, amounts, records, sents, sentence_no)
        self._mostly_of(doc, actors, amounts, records)
        self._discourse(doc, actors, amounts, records, sentence_no, state_of)
        spans = []
        for a, r in zip(amounts, records):
            span = Span(doc, a.start, a.end, label=r["measure"])
            r.pop("_explicit", None)
            r.pop("_verb", None)
            r.pop("_sent", None)
            r.pop("_cued", None)
            r.pop("_sent_char", None)
            r.pop("_base", None)
            r.pop("_obliged", None)
            set_span_value(span, "quantity", r)
            spans.append(span)
        doc.spans[QUANTITIES] = spans
        return doc

    def _link_changes(self, doc: Doc, amounts: list[Amount], records: list[dict], changes, index_of) -> None:
        table = parse_table(doc)
        for before, after in changes:
            kb, ka = index_of[id(before)], index_of[id(after)]
            records[kb]["change"] = {"role": "before", "other": ka, "other_start": table.idx[after.start]}
            records[ka]["change"] = {"role": "after", "other": kb, "other_start": table.idx[before.start]}
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
        table = parse_table(doc)
        for k, a in enumerate(amounts):
            source = a.extra.get("unit_from")
            if source is not None and id(source) in index_of:
                self._share(records[index_of[id(source)]], records[k])
            whole = a.extra.get("share_of")
            if whole is not None and id(whole) in index_of:
                w = index_of[id(whole)]
                records[k]["part_of"], records[k]["part_of_start"] = w, table.idx[whole.start]
                records[w]["components"].append(k)
                self._share(records[w], records[k])

    # ------------------------------------------------------------ one amount
    def _read(self, doc: Doc, actors: ActorIndex, a: Amount, measure: measures_kb.Measure | None,
              cue: int | None) -> dict:
        """Amount a's record, given what it measures (`ClauseReader.measure`: the measure and its cue)."""
        r = self.reader
        noun = r.noun_of(doc, a)
        # a currency word the tagger read as a verb ("trillion won") is still part of the amount
        verb = r.verb_of(noun.head if a.start <= noun.i < a.end and noun.pos_ in ("VERB", "AUX") else noun)
        holder, target = r.roles(doc, actors, a, measure, cue, noun, verb)
        status, explicit = r.status(doc, a, noun, measure, before=False)
        quote = r.quote(doc, a)
        table = parse_table(doc)
        sent_start = table.sent_start[a.start]
        modals = self.lex.status.obligation_modals
        return {
            "measure": measure.name if measure else OTHER, "value": _number(a.value), "unit": a.unit,
            "holder": holder, "target": target, "time": (timex_at(doc, a.start, a.end) or {}).get("value"),
            "status": status, "condition": r.condition(doc, a, noun),
            "qualifier": a.qualifier, "quote_start": quote[0], "quote_end": quote[1],
            "high": _number(a.high) if a.high is not None else None, "points": a.points,
            "part_of": None, "part_of_start": None, "components": [], "change": None, "same_as": None,
            "inherited": [], "_explicit": explicit, "_verb": verb.lemma_.lower() if verb is not None else None,
            "_sent": sent_start, "_cued": measure is not None,
            "_sent_char": table.idx[sent_start], "_base": _base_of(doc, a),
            "_obliged": verb is not None and any(table.dep[c] == "aux" and table.lower[c] in modals
                                                 for c in table.children[verb.i]),
        }

    # ------------------------------------------------------------ changes: "from 25% to 15%"
    def _changes(self, doc: Doc, amounts: list[Amount], bare: list[Amount]) -> list[tuple[Amount, Amount]]:
        """Pairs (before, after) of one change; a bare number in a change takes its partner's unit."""
        table = parse_table(doc)
        pairs: list[tuple[Amount, Amount]] = []
        self._shares_of(doc, amounts, bare)
        self._coordinated(doc, amounts, bare)
        self._people_by_verb(doc, bare)
        self._people_by_level(doc, bare)
        everything = sorted(amounts + bare, key=lambda a: a.start)
        # amounts grouped by sentence: a change never crosses one, so each amount looks only at its own
        by_sent: dict[int, list[Amount]] = {}
        for a in everything:
            by_sent.setdefault(table.sent_start[a.start], []).append(a)
        seen_pairs: set[tuple[int, int]] = set()
        for same in by_sent.values():
            roles = [_change_role(doc, a, self.lex.change_verbs, self.lex.change_nouns) for a in same]
            for k, a in enumerate(same):
                role = roles[k]
                if role is None:
                    continue
                # the partner: the nearest amount in the sentence on the other side of the change
                partner = None
                for j in sorted(range(len(same)), key=lambda j: abs(same[j].start - a.start)):
                    b = same[j]
                    if b is a or (b.unit is None and a.unit is None):
                        continue
                    if roles[j] is not None and roles[j] != role and _same_change(doc, a, b):
                        partner = b
                        break
                if partner is None:
                    if a.unit is None:
                        # "a reduction to 24,000" after "28,500 troops": the unit of the earlier amount
                        earlier = [b for b in same[:k] if b.unit is not None and b.end <= a.start]
                        if earlier and role == "after" and _comparable(earlier[-1].value, a.value):
                            _take_unit(a, earlier[-1])
                            a.extra["unit_from"] = earlier[-1]
                    continue
                self._pair(a, partner, role, pairs, seen_pairs)
        return pairs

    @staticmethod
    def _pair(a: Amount, partner: Amount, role: str, pairs: list, seen: set) -> None:
        if a.unit is None and partner.unit is not None and _comparable(a.value, partner.value):
            _take_unit(a, partner)
        if a.unit is None:
            return
        pair = (a, partner) if role == "before" else (partner, a)
        key = (id(pair[0]), id(pair[1]))
        if pair[0].unit == pair[1].unit and key not in seen:
            seen.add(key)
            pairs.append(pair)

    def _agentive(self, doc: Doc, a: Amount) -> bool:
        """Someone changed the figure (a change verb with an object before the amount: "cut its tariff
        to 15 percent", "reducing tariffs from 25% to 15%"), as opposed to "exports fell to $5 billion"."""
        table = parse_table(doc)
        dep = table.dep
        for i in range(a.start - 1, max(table.sent_start[a.start], a.start - 14) - 1, -1):
            if table.pos[i] == "VERB" and table.lemma[i].lower() in self.lex.change_verbs:
                return any(dep[c] in ("dobj", "nsubjpass") for c in table.children[i]) or dep[i] == "amod"
        return False

    @staticmethod
    def _shares_of(doc: Doc, amounts: list[Amount], bare: list[Amount]) -> None:
        """"4,500 of the 28,500 troops", "475 workers, 300 of them Korean": the bare number counts the
        same thing and is part of it."""
        table = parse_table(doc)
        lower = table.lower
        starts = {a.start: a for a in amounts}
        for b in bare + [a for a in amounts if a.kind == "persons"]:
            after = b.number + 1
            if after + 1 >= len(doc) or lower[after] != "of":
                continue
            k = after + 1
            if lower[k] in ("them", "those", "these", "whom", "which"):
                sent_start = table.sent_start[b.start]
                whole = next((a for a in _latest_before(amounts, b.start) if a.start >= sent_start and a.kind == "persons"
                              ), None)
            else:
                while k < len(doc) and table.tag[k] in ("DT", "PRP$", "JJ") and k - b.end <= 3:
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
        table = parse_table(doc)
        for b in bare:
            if b.unit is not None or b.start == 0 or table.lower[b.start - 1] not in ("and", "or", "but", "while"):
                continue
            number = b.number
            head = table.head[number]
            if head > number and table.pos[head] in ("NOUN", "PROPN") and table.dep[number] == "nummod":
                continue   # "and 20 cars": it counts its own noun
            last = next(iter(_latest_before(amounts, b.start)), None)
            if last is not None and last.start >= table.sent_start[number] and b.start - last.end <= 10 \
                    and _comparable(last.value, b.value):
                _take_unit(b, last)
                b.extra["unit_from"] = last

    def _people_by_verb(self, doc: Doc, bare: list[Amount]) -> None:
        """"more than 4,000 were killed", "arresting 12": a bare number that a verb only said of
        people (detain, kill, deploy) undergoes counts people."""
        for b in bare:
            if b.unit is not None:
                continue
            number = doc[b.number]
            if number.dep_ in ("nsubjpass", "dobj", "nsubj") and number.head.lemma_.lower() in self.people_verbs:
                b.unit, b.kind = "persons", "persons"
                # the people it counts are named elsewhere ("11,000 soldiers ... more than 4,000
                # had been killed"): see _elided
                b.extra["elided"] = True

    def _people_by_level(self, doc: Doc, bare: list[Amount]) -> None:
        """"keep troop numbers at their current level of about 28,500", "a troop level of 28,500",
        "the number of soldiers stands at 4,000": a bare number giving the level, size or total of a
        group of people counts people. It hangs from the level noun, so what the clause says about the
        level (its measure, its status) is read from there."""
        for b in bare:
            if b.unit is not None:
                continue
            number = doc[b.number]
            level = None
            tok = number
            # "level of 28,500": the number is the level noun's value
            if number.dep_ == "pobj" and number.head.lower_ == "of" and number.head.head.lemma_.lower() in LEVEL_NOUNS:
                level = tok = number.head.head
            candidates = [level] if level is not None else []
            # "... at 28,500", "... at their current level of 28,500": what stands at that level
            if tok.dep_ == "pobj" and tok.head.lower_ in LEVEL_PREPS:
                verb = tok.head.head
                candidates += [c for c in verb.children if c.dep_ in ("dobj", "nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")]
            counted = next((c for c in candidates if self._counts_people(doc, c)), None)
            if counted is None:
                continue
            b.unit, b.kind = "persons", "persons"
            b.head = (level or counted).i
            b.extra["counted"] = counted.i

    def _counts_people(self, doc: Doc, noun: Token) -> bool:
        """A noun naming people, or the level, number or size of a group of them ("troop numbers",
        "the number of soldiers")."""
        if self.finder.person_word(doc, noun):
            return True
        if noun.lemma_.lower() not in LEVEL_NOUNS:
            return False
        return any(self.finder.person_word(doc, c) for c in noun.children if c.dep_ in ("compound", "amod", "nmod")) or \
            any(self.finder.person_word(doc, o) for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                for o in p.children if o.dep_ == "pobj")

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
    def _parts(self, doc: Doc, amounts: list[Amount], records: list[dict], sentence_no: dict[int, int]) -> None:
        table = parse_table(doc)
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
            unmarked = cue is None and records[k]["measure"] == OTHER and not records[k]["_cued"] and a.kind == "currency"
            if cue is None and not unmarked:
                continue
            reach = 0 if cue in SAME_SENTENCE_PARTS else UNMARKED_PART_REACH if unmarked else PART_REACH_SENTENCES
            sent_no = sentence_no[table.sent_start[a.start]]
            whole = None
            for j in range(k - 1, -1, -1):
                b = amounts[j]
                if sent_no - sentence_no[table.sent_start[b.start]] > reach:
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
        table = parse_table(doc)
        rec, whole_rec = records[k], records[whole]
        rec["part_of"], rec["part_of_start"] = whole, table.idx[amounts[whole].start]
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
        table = parse_table(doc)
        head, dep = table.head, table.dep
        clause = a.head
        while a.start <= head[clause] < a.end and head[clause] != clause:
            clause = head[clause]
        # an amount coordinated with another is in that amount's clause
        if dep[clause] == "conj" and table.pos[clause] in ("NUM", "NOUN", "SYM", "PROPN"):
            clause = head[clause]
        while dep[clause] not in ("ROOT", "ccomp", "advcl", "relcl", "conj", "parataxis") and head[clause] != clause:
            clause = head[clause]
        sent_start, sent_end = table.sent_start[a.head], table.sent_end[a.head]
        left, right = table.edges(clause)
        lo = max(sent_start, min(left, a.start))
        hi = min(sent_end, max(right + 1, a.end))
        for i, m in phrases_ending_in(doc, lo, hi, self.part_last):
            if a.start <= i < a.end:
                continue
            # "including" marks a part only right before it ("a deal including $2 billion for ...")
            if m[1] in SAME_SENTENCE_PARTS and not (0 <= a.start - i <= 4):
                continue
            return m[1]
        return None

    # ------------------------------------------------------------ "1.5 trillion won ($1.1 billion)"
    def _conversions(self, doc: Doc, amounts: list[Amount], records: list[dict]) -> None:
        """An amount restated in another currency in brackets right after it is the same fact: it
        takes the original's reading and points to it (same_as)."""
        local = None
        for k in range(1, len(amounts)):
            a, b = amounts[k - 1], amounts[k]
            gap = doc[a.end:b.start]
            # "$US10 billion ($15 billion)": a bare dollar sign after a marked US dollar is the local dollar
            if a.unit == b.unit == "USD" and _marks_us_dollar(doc, a) and doc[b.start].text == "$" \
                    and len(gap) == 1 and gap[0].text == "(":
                local = local if local is not None else (self._local_dollar(doc) or "")
                if local:
                    b.unit = records[k]["unit"] = local
            if b.kind != "currency" or a.kind != "currency" or a.unit == b.unit:
                continue
            # "210 billion yen ($1.4 billion)", "1.5 trillion won, or about $1.1 billion"
            if not (1 <= len(gap) <= 3 and gap[0].text in ("(", ",") and any(t.text == "(" or t.lower_ == "or" for t in gap)
                    and all(t.text in ("(", ",") or t.lower_ in CONVERSION_WORDS for t in gap)):
                continue
            original, copy = records[k - 1], records[k]
            copy["same_as"] = k - 1
            for key in ("measure", "holder", "target", "time", "status", "condition", "change"):
                copy[key] = original[key]
            copy["_explicit"] = original["_explicit"]
            copy["quote_start"], copy["quote_end"] = original["quote_start"], original["quote_end"]

    # ------------------------------------------------------------ "$20 billion, which amounts to 2.8% of GDP"
    def _restatements(self, doc: Doc, amounts: list[Amount], records: list[dict]) -> None:
        """A percentage right after an amount, joined to it by a restating clause or apposition, is that
        amount as a share: it takes its parties; a share of nothing named (no "of GDP") is a share of
        the amount itself, so it also takes its measure and status."""
        table = parse_table(doc)
        words = self.lex.restating_words
        for k in range(1, len(amounts)):
            a, rec = amounts[k], records[k]
            if a.kind != "percent" or rec["change"] is not None or rec["part_of"] is not None:
                continue
            j = k - 1
            prev = amounts[j]
            gap = doc[prev.end:a.start]
            if prev.kind == "percent" or not gap or len(gap) > 12 or table.sent_start[prev.start] != table.sent_start[a.start]:
                continue
            # the restating words follow a comma, bracket or dash; before it only the amount's own
            # phrase ("10,000 soldiers based in Poland, which is ...")
            breaks = [i for i, t in enumerate(gap) if t.text in (",", "(", "—", "–")]
            if not breaks:
                continue
            head, tail = gap[:breaks[-1]], gap[breaks[-1] + 1:]
            if len(tail) > 5 or any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("acl", "amod") for t in head):
                continue
            verbs = [t for t in tail if t.pos_ in ("VERB", "AUX")]
            if not ({t.lemma_.lower() for t in tail} & words) \
                    or any(v.lemma_.lower() not in words and v.lemma_.lower() != "be" for v in verbs):
                continue
            # "4,500 of the 28,500 troops, which is about 16%": the share restates the part, not the whole
            parts = [c for c in records[j]["components"] if c < k]
            if parts:
                j = max(parts)
            source = records[j]
            own_base = rec["_base"] is not None
            for role in ("holder", "target"):
                if (rec[role] is None or not own_base) and source[role] is not None:
                    rec[role] = source[role]
                    rec["inherited"].append(role)
            if not own_base:
                rec["measure"], rec["status"], rec["_explicit"] = source["measure"], source["status"], source["_explicit"]
                rec["inherited"] += ["measure", "status"]
            rec["same_as"] = j

    def _local_dollar(self, doc: Doc) -> str | None:
        """The dollar of the dollar-using state the document's actors name most, if any."""
        counts: Counter[str] = Counter()
        for span in group_spans(doc, ACTORS):
            actor = span_value(span, "actor") or {}
            state = actor.get("acts_for") or (actor.get("name") if actor.get("type") == "GPE" else None)
            if state in self.lex.local_dollars:
                counts[state] += 1
        return self.lex.local_dollars[counts.most_common(1)[0][0]] if counts else None

    # ------------------------------------------------------------ the same figure again
    @staticmethod
    def _repeats(amounts: list[Amount], records: list[dict], lex: measures_kb.MeasureLexicon) -> None:
        """A figure stated again ("the $350 billion package") is the same fact: it takes the roles and
        status of its first mention when its own clause gives none."""
        earlier: dict[tuple, list[int]] = {}
        for k, rec in enumerate(records):
            figure = (rec["unit"], rec["value"])
            for j in reversed(earlier.get(figure, ())):
                first = records[j]
                if rec["measure"] not in (first["measure"], OTHER) \
                        or rec["change"] is not None and first["change"] is not None:
                    continue
                # a share of another whole is another figure ("a 25% tariff ... 25% of voters")
                if not _same_whole(rec, first, lex):
                    continue
                # the same figure between other parties is another fact ("Japan also got 15%")
                if any(rec[key] is not None and first[key] is not None and rec[key] != first[key]
                       for key in ("holder", "target")):
                    continue
                rec["same_as"] = j
                if rec["measure"] == OTHER and first["measure"] != OTHER:
                    rec["measure"] = first["measure"]
                    rec["inherited"].append("measure")
                for role in ("holder", "target", "time"):
                    if rec[role] is None and first[role] is not None:
                        rec[role] = first[role]
                        rec["inherited"].append(role)
                if not rec["_explicit"] and first["_explicit"] and rec["change"] is None:
                    rec["status"], rec["_explicit"] = first["status"], True
                    rec["inherited"].append("status")
                break
            earlier.setdefault(figure, []).append(k)
        # "officials gave no details on the $550 billion fund ... Japan has committed $550 billion": a
        # first mention that names no parties is the fact a later one states in full
        for figure, ks in earlier.items():
            for k in ks:
                rec = records[k]
                if rec["holder"] is not None or rec["target"] is not None or rec["change"] is not None:
                    continue
                later = next((records[j] for j in ks if j > k and records[j]["holder"] is not None
                              and records[j]["measure"] in (rec["measure"], OTHER) and not records[j]["inherited"]), None)
                if later is None or rec["measure"] == OTHER and later["measure"] == OTHER:
                    continue
                rec["holder"], rec["target"] = later["holder"], later["target"]
                rec["inherited"] += ["holder", "target"]
                if not rec["_explicit"] and later["_explicit"]:
                    rec["status"], rec["_explicit"] = later["status"], True
                    rec["inherited"].append("status")

    # ------------------------------------------------------------ whose people
    def _people_holders(self, doc: Doc, actors: ActorIndex, amounts: list[Amount], records: list[dict],
                        sents: list[tuple[int, int]], sentence_no: dict[int, int]) -> None:
        """Counts of people whose clause names no holder: an elided count ("11,000 soldiers ... more
        than 4,000 had been killed") belongs with the group it is taken from; members of a body
        ("204 lawmakers voted") with the body, when the passage names it."""
        table = parse_table(doc)
        for k, (a, rec) in enumerate(zip(amounts, records)):
            if a.kind != "persons" or rec["holder"] is not None:
                continue
            here = sentence_no[table.sent_start[a.start]]
            if a.extra.get("elided"):
                for j in range(k - 1, -1, -1):
                    if here - sentence_no[table.sent_start[amounts[j].start]] > ELIDED_REACH_SENTENCES:
                        break
                    if amounts[j].kind == "persons" and records[j]["holder"] is not None:
                        rec["holder"] = records[j]["holder"]
                        rec["inherited"].append("holder")
                        break
                continue
            bodies = self.lex.member_bodies.get(doc[a.head].lemma_.lower())
            if not bodies or rec["measure"] != OTHER:
                continue
            lo = sents[max(0, here - MEMBER_REACH_SENTENCES)][0]
            hi = sents[here][1]
            best = None
            for i in range(lo, hi):
                span = actors.at.get(i)
                if span is None or span.start != i:
                    continue
                actor = actors.actor(span)
                name = actor.get("name") or ""
                # the body's head word: "National Assembly", "House of Representatives"
                heads = {name.lower().split()[-1] if name else "", span[-1].lower_}
                if actor.get("type") == "ORG" and bodies & heads:
                    distance = abs(i - a.start)
                    if best is None or distance < best[0]:
                        best = (distance, name)
            if best is not None:
                rec["holder"] = best[1]
                rec["inherited"].append("holder")

    def _acting_holders(self, doc: Doc, actors: ActorIndex, amounts: list[Amount], records: list[dict],
                        sents: list[tuple[int, int]], sentence_no: dict[int, int]) -> None:
        """"ICE raided a battery plant on Thursday. About 475 people were detained.": a figure whose
        clause names no holder is held by the actor who did the act it measures (raided, detained,
        deployed, invested; "ICE's raid", "the raid by police") in its sentence or just before."""
        needy = [k for k, r in enumerate(records) if r["holder"] is None and r["measure"] != OTHER]
        if not needy:
            return
        acts: dict[int, list[tuple[int, set[str], str]]] = {}
        table = parse_table(doc)

        def acts_in(n: int) -> list[tuple[int, set[str], str]]:
            if n not in acts:
                acts[n] = []
                for i in range(*sents[n]):
                    pos = table.pos[i]
                    if pos != "VERB" and pos != "NOUN":
                        continue   # neither branch below applies
                    lemma = table.lemma[i].lower()
                    if not (lemma in self.act_verbs if pos == "VERB" else lemma in self.act_nouns):
                        continue   # no act named
                    t = doc[i]
                    who = None
                    if pos == "VERB" and lemma in self.act_verbs:
                        names = self.act_verbs[lemma]
                        # "held talks", "seized the chance": a verb that counts people when done to
                        # people ("held 300 workers") is some other act when done to anything else;
                        # one that names its act as a noun too ("raided a plant") may take a place
                        obj = next((c for c in t.children if c.dep_ == "dobj"), None)
                        if obj is not None and lemma not in self.act_nouns and not self._people(obj, actors):
                            names = {n for n in names if "persons" not in (self.lex.measure(n).units
                                                                           if self.lex.measure(n) else ())}
                            if not names:
                                continue
                        subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
                        if subj is None:
                            agent = next((c for c in t.children if c.dep_ == "agent"), None)
                            subj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
                        who = actors.resolve(subj) if subj is not None else None
                    elif pos == "NOUN" and lemma in self.act_nouns:
                        names = self.act_nouns[lemma]
                        for c in t.children:
                            if c.dep_ in ("poss", "compound") and who is None:
                                who = actors.resolve(c)
                            elif c.dep_ == "prep" and c.lower_ == "by" and who is None:
                                obj = next((o for o in c.children if o.dep_ == "pobj"), None)
                                who = actors.resolve(obj) if obj is not None else None
                    if who is not None:
                        acts[n].append((t.i, names, who))
            return acts[n]

        for k in needy:
            a, rec = amounts[k], records[k]
            here = sentence_no[table.sent_start[a.start]]
            found = None
            for n in range(here, max(-1, here - ACT_REACH_SENTENCES - 1), -1):
                # in the amount's own sentence, the act nearest to it; before it, the latest
                for i, names, who in sorted(acts_in(n), key=lambda x: abs(x[0] - a.start) if n == here else -x[0]):
                    if rec["measure"] in names and who != rec["target"]:
                        found = who
                        break
                if found is not None:
                    break
            if found is not None:
                rec["holder"] = found
                rec["inherited"].append("holder")

    def _people(self, tok: Token, actors: ActorIndex) -> bool:
        """A noun phrase naming people: a person noun ("workers"), a number or pronoun standing for
        them ("detained 300", "held them"), a name or a nationality ("held Koreans")."""
        if tok.pos_ in ("PRON", "NUM") or tok.like_num or tok.lemma_.lower() in self.person_words:
            return True
        if any(c.dep_ == "nummod" for c in tok.children):
            return True
        span = actors.at.get(tok.i)
        return tok.ent_type_ in ("PERSON", "NORP") or (span is not None and span.label_ in ("PERSON", "NORP"))

    def _mostly_of(self, doc: Doc, actors: ActorIndex, amounts: list[Amount], records: list[dict]) -> None:
        """"About 475 people were detained, most of them South Korean": a count followed by the
        nationality of most of the people in it names its target, as "475 South Korean workers" would."""
        table = parse_table(doc)
        for a, rec in zip(amounts, records):
            measure = self.lex.measure(rec["measure"])
            if a.kind != "persons" or rec["target"] is not None or measure is None or measure.modifier != "target":
                continue
            # a comma later in the sentence ("475 people were detained, most of them ..."), with no
            # other number in between
            sent_end = table.sent_end[a.start]
            lower = table.lower
            for comma in range(a.end, sent_end):
                if table.like_num[comma]:
                    break
                if table.text[comma] != ",":
                    continue
                k = comma + 1
                while k < sent_end and k - comma <= 3 and lower[k] in MOSTLY_WORDS:
                    k += 1
                if k == comma + 1 or k + 2 >= sent_end or lower[k] != "of" or lower[k + 1] not in ("them", "whom"):
                    continue
                # "many of them South Korean", "most of them Korean nationals"
                span = actors.at.get(k + 2)
                who = actors.country_of(span) if span is not None else None
                if who is not None and who != rec["holder"]:
                    rec["target"] = who
                break

    # ------------------------------------------------------------ the document's two parties
    def _discourse(self, doc: Doc, actors: ActorIndex, amounts: list[Amount], records: list[dict],
                   sentence_no: dict[int, int], state_of: dict[str, str]) -> None:
        """When a clause names one side of a bilateral figure, the other side is the document's other
        main party; when it names neither, the figure belongs with the last one of its measure."""
        parties = _parties(actors)
        last_by_measure: dict[str, dict] = {}
        paragraph = _paragraph_of(doc)

        def near(rec: dict, prev: dict | None) -> bool:
            # the passage: a few sentences, or the paragraphs right before (wire copy runs one
            # sentence to a paragraph, features many)
            return prev is not None and rec["unit"] == prev["unit"] and (
                sentence_no[rec["_sent"]] - sentence_no[prev["_sent"]] <= PAYMENT_REACH_SENTENCES
                or paragraph(rec["_sent_char"]) - paragraph(prev["_sent_char"]) <= PAYMENT_REACH_PARAGRAPHS)

        def measured(rec: dict, measure: str) -> None:
            rec["measure"] = measure
            rec["inherited"].append("measure")
            _as_states([rec], state_of)

        last_money: dict | None = None
        last_share_of: dict[str, dict] = {}
        for k, rec in enumerate(records):
            # "Seoul would be paying $10 billion a year", "demanded $5 billion annually": a sum paid,
            # asked for or offered that names no measure, in a passage about one, is a sum of that measure
            if rec["measure"] == OTHER and not rec["_cued"] and rec["_verb"] in self.lex.payment_verbs \
                    and near(rec, last_money):
                measured(rec, last_money["measure"])
            # "a target of 3.5 percent of GDP" after "spending 2 percent of gross domestic product on
            # defense": a share of the same whole, naming no measure, measures the same thing
            base = rec["_base"]
            if rec["measure"] == OTHER and not rec["_cued"] and base is not None and near(rec, last_share_of.get(base)):
                measured(rec, last_share_of[base]["measure"])
            # "a 15 percent tariff on Korean goods in exchange for a $350 billion investment": what is
            # given in return runs the other way between the same two parties
            if rec["holder"] is None and rec["target"] is None and _in_return(doc, amounts[k]):
                other = next((r for r in records if r is not rec and r["_sent"] == rec["_sent"]
                              and r["holder"] is not None and r["target"] is not None
                              and r["quote_start"] <= rec["quote_start"]), None)
                if other is not None:
                    rec["holder"], rec["target"] = other["target"], other["holder"]
                    rec["inherited"] += ["holder", "target"]
            if rec["measure"] != OTHER and rec["unit"] not in ("percent", "persons"):
                last_money = rec
            if rec["measure"] != OTHER and base is not None:
                last_share_of[base] = rec
            if rec["holder"] is None and rec["target"] is None and rec["measure"] in last_by_measure:
                prev = last_by_measure[rec["measure"]]
                rec["holder"], rec["target"] = prev["holder"], prev["target"]
                rec["inherited"] += ["holder", "target"]
            if len(parties) == 2 and rec["measure"] != OTHER:
                # a demand is made of someone: of a bilateral measure, or of any measure when demanded
                # (not "Spain should allocate 3.5%": the one obliged is not the one demanding)
                if rec["holder"] in parties and rec["target"] is None and (
                        self._bilateral(rec["measure"]) or rec["status"] == "demanded" and not rec["_obliged"]):
                    rec["target"] = parties[1 - parties.index(rec["holder"])]
                    rec["inherited"].append("target")
                elif rec["target"] in parties and rec["holder"] is None:
                    rec["holder"] = parties[1 - parties.index(rec["target"])]
                    rec["inherited"].append("holder")
            # "About 150 Mexicans were detained" after "agents of the United States detained 200
            # workers": a figure whose clause names only the target is held by whoever held the last
            # figure of its measure, unless that is the target itself
            if rec["holder"] is None and rec["measure"] != OTHER and rec["measure"] in last_by_measure:
                prev = last_by_measure[rec["measure"]]["holder"]
                if prev is not None and prev != rec["target"]:
                    rec["holder"] = prev
                    rec["inherited"].append("holder")
            if rec["measure"] != OTHER:
                last_by_measure[rec["measure"]] = rec
            # "we get 90 percent", "90% of the profits go to the US": a share of what a deal yields is
            # split between the story's two parties
            if len(parties) == 2 and rec["measure"] == OTHER and rec["unit"] == "percent" \
                    and self._about_a_split(doc, amounts[k]):
                self._split_between(rec, parties)
        self._measure_by_twins(records, parties, measured)

    def _split_between(self, rec: dict, parties: list[str]) -> None:
        """A share of what a deal yields, split between the story's two parties: the side the clause
        leaves out is the other party; how the yield is split is a term of the deal, unless the
        clause says otherwise."""
        if rec["holder"] not in parties and rec["target"] in parties:
            rec["holder"] = parties[1 - parties.index(rec["target"])]
            rec["inherited"].append("holder")
        elif rec["holder"] in parties and rec["target"] is None:
            rec["target"] = parties[1 - parties.index(rec["holder"])]
            rec["inherited"].append("target")
        elif rec["holder"] is None and rec["target"] is None:
            rec["holder"], rec["target"] = parties
            rec["inherited"] += ["holder", "target"]
        if not rec["_explicit"]:
            rec["status"], rec["_explicit"] = self.lex.status.deal_status, True
            rec["inherited"].append("status")

    def _measure_by_twins(self, records: list[dict], parties: list[str], measured) -> None:
        """"they should pay $10 billion a year" before the passage shows what such sums are for: a
        figure still naming no measure takes the one its twin later took from its passage."""
        measured_by_figure: dict[tuple, list[int]] = {}
        for j, r in enumerate(records):
            if r["measure"] != OTHER:
                measured_by_figure.setdefault((r["unit"], r["value"]), []).append(j)
        for k, rec in enumerate(records):
            if rec["measure"] != OTHER or rec["_cued"]:
                continue
            twins = [j for j in measured_by_figure.get((rec["unit"], rec["value"]), ())
                     if _same_whole(rec, records[j], self.lex)]
            if not twins:
                continue
            measured(rec, records[min(twins, key=lambda j: abs(j - k))]["measure"])
            if len(parties) == 2 and rec["holder"] in parties and rec["target"] is None and self._bilateral(rec["measure"]):
                rec["target"] = parties[1 - parties.index(rec["holder"])]
                rec["inherited"].append("target")

    def _about_a_split(self, doc: Doc, a: Amount) -> bool:
        """The share's sentence, or one of the two before, names what a deal yields ("profits", "returns")."""
        table = parse_table(doc)
        lo, sent_end = table.sent_start[a.start], table.sent_end[a.start]
        for _ in range(SPLIT_REACH_SENTENCES):
            lo = table.sent_start[lo - 1] if lo > 0 else lo
        return any(lemma.lower() in self.lex.split_nouns for lemma in table.lemma[lo:sent_end])

    def _bilateral(self, measure: str) -> bool:
        # a measure whose records have a target at all: one with a way to name it
        m = self.lex.measure(measure)
        return m is not None and (bool(m.target_preps) or m.modifier == "target")


# ---------------------------------------------------------------- helpers

def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 6)


def _parties(actors: ActorIndex) -> list[str]:
    """The two states a document is mostly about, by how often actors standing for them appear."""
    counts: Counter[str] = Counter()
    for _, actor in actors.named:
        state = actor.get("acts_for") or (actor.get("name") if actor.get("type") == "GPE" else None)
        if state:
            counts[state] += 1
    top = [name for name, n in counts.most_common(2) if n >= 2]
    return top if len(top) == 2 else []


def _state_names(actors: ActorIndex) -> dict[str, str]:
    """Actor name -> the state it acts for, for the actors that act for one."""
    state_of: dict[str, str] = {}
    for _, actor in actors.named:
        if actor.get("name") and actor.get("acts_for"):
            state_of.setdefault(actor["name"], actor["acts_for"])
    return state_of


def _as_states(records: list[dict], state_of: dict[str, str]) -> None:
    """A figure read as no measure's went to the actor itself ("Lee won 49 percent"); one that took a
    measure of what states do from another figure (a part of a pledge, a repeat) is the state's that
    actor acts for, as its own clause would have made it."""
    for rec in records:
        if rec["measure"] == OTHER:
            continue
        for role in ("holder", "target"):
            if rec[role] in state_of:
                rec[role] = state_of[rec[role]]
        if rec["holder"] is not None and rec["holder"] == rec["target"]:
            rec["target"] = None


def _same_whole(rec: dict, other: dict, lex: measures_kb.MeasureLexicon) -> bool:
    """Two mentions of one value can be one figure: the same whole, no whole named, or a whole the
    other's measure is a share of ("the 5% target" and "5% of GDP" in a defence story)."""
    if rec["_base"] is None or rec["_base"] == other["_base"]:
        return True
    measure = lex.measure(other["measure"])
    return measure is not None and rec["_base"] in measure.share_of


def _same_figures(records: list[dict], lex: measures_kb.MeasureLexicon) -> None:
    """A figure whose clause names no measure ("the 5% threshold", "stay at 2%") measures what the
    same figure measures elsewhere in the document (the nearest such mention, before or after); a
    share of a whole ("2.1% of GDP") what the other shares of that whole measure."""
    cued: dict[tuple, list[int]] = {}
    for k, rec in enumerate(records):
        if rec["measure"] != OTHER and rec["_cued"]:
            cued.setdefault((rec["unit"], rec["value"]), []).append(k)
            if rec["_base"] is not None:
                cued.setdefault(("of", rec["_base"]), []).append(k)
    for k, rec in enumerate(records):
        if rec["measure"] != OTHER or rec["_cued"]:
            continue
        # a twin of the same value counts, unless this figure is a share of some other whole ("70% of voters")
        twins = [j for j in cued.get((rec["unit"], rec["value"]), ()) if _same_whole(rec, records[j], lex)]
        others = twins or (cued.get(("of", rec["_base"])) if rec["_base"] else None)
        if not others:
            # "spending of 2.1% of GDP" in a story that names defence spending elsewhere
            named = {r["measure"] for r in records if r["_cued"]}
            by_whole = [m.name for m in lex.measures if rec["_base"] in m.share_of and m.name in named] \
                if rec["_base"] else []
            if len(by_whole) == 1:
                rec["measure"] = by_whole[0]
                rec["inherited"].append("measure")
            continue
        nearest = min(others, key=lambda j: abs(j - k))
        rec["measure"] = records[nearest]["measure"]
        rec["inherited"].append("measure")


def _marks_us_dollar(doc: Doc, a: Amount) -> bool:
    """The amount says its dollar is the US one: "$US10 billion", "US$3 billion", "USD 5 million"."""
    first = doc[a.start].text
    nxt = doc[a.start + 1].text if a.start + 1 < len(doc) else ""
    return first.upper().startswith(("US$", "USD")) or (first == "$" and nxt.upper().startswith("US"))


def _in_return(doc: Doc, a: Amount) -> bool:
    """The amount is what is given back: "in exchange for $5 billion", "in return for a 10 percent
    cut"."""
    table = parse_table(doc)
    head, lower = table.head, table.lower
    t = a.head
    for _ in range(6):
        up = head[t]
        if table.dep[t] == "pobj" and lower[up] == "for" and lower[head[up]] in ("exchange", "return") \
                and lower[head[head[up]]] == "in":
            return True
        if up == t:
            return False
        t = up
    return False


def _paragraph_of(doc: Doc):
    """A function from a char offset to the number of the paragraph (blank-line block) holding it."""
    breaks = [m.end() for m in re.finditer(r"\n[ \t]*\n", doc._.text)]
    return lambda char: bisect.bisect_right(breaks, char)


def _restated_headline_figures(doc: Doc, amounts: list[Amount]) -> set[int]:
    """Indices of amounts in the headline block that the story states again. A headline or standfirst
    sums the story up in a line of its own with no closing stop ("$550bn plan moves ahead"); the
    record of a figure it repeats is the story's sentence, not the summary."""
    table = parse_table(doc)
    text = doc._.text[:HEADER_MAX_CHARS]
    header_end = 0
    pos = 0
    # the header: the opening blocks (blank-line separated) of one line without a closing stop
    for m in re.finditer(r"\n[ \t]*\n|\Z", text):
        block = text[pos:m.start()].strip()
        if m.start() == len(text) and len(text) < len(doc._.text):
            break   # a block cut off by the header's reach is no headline
        if block:
            if "\n" in block or block[-1] in ".?!:;\"'”’)" or len(block.split()) > HEADLINE_MAX_WORDS:
                break
            header_end = m.start()
        pos = m.end()
        if m.start() == len(text):
            break
    if header_end == 0:
        return set()
    body = Counter((a.unit, a.value) for a in amounts if table.idx[a.start] >= header_end)
    return {k for k, a in enumerate(amounts) if table.idx[a.start] < header_end and body[(a.unit, a.value)]}


def _base_of(doc: Doc, a: Amount) -> str | None:
    """The whole a percentage is a share of ("3.5 percent of GDP" -> "gdp"), as a key: a phrase of
    several words by its initials, so "gross domestic product" and "GDP" are the same whole."""
    table = parse_table(doc)
    lower, text = table.lower, table.text
    if a.kind != "percent" or a.end + 1 >= len(doc) or lower[a.end] != "of":
        return None
    words = []
    for t in range(a.end + 1, min(a.end + 6, len(doc))):
        if table.tag[t] in ("DT", "PRP$") and not words:
            continue
        if table.pos[t] not in ("NOUN", "PROPN", "ADJ"):
            break
        # "5% of GDP target": an acronym is the whole by itself
        if text[t].isupper() and len(text[t]) > 1:
            return lower[t] if not words else "".join(w[0] for w in words) + lower[t]
        words.append(lower[t])
    if not words:
        return None
    return measures_kb.whole_key(" ".join(words))


def _prep_of(doc: Doc, a: Amount) -> str | None:
    """The preposition an amount is the object of: "to" in "cut ... to 15 percent"."""
    # the word just before the amount (past "the initially proposed"): parses often miss the link
    # in "from 25% to 15%", the words do not
    table = parse_table(doc)
    lower = table.lower
    k = a.start - 1
    while k >= 0 and table.tag[k] in ("DT", "RB", "JJ", "VBN", "PRP$"):
        k -= 1
    if k >= 0 and lower[k] in ("to", "from"):
        return lower[k]
    tok = _top_of(table, a)
    if table.dep[tok] == "pobj" and table.head[tok] < a.start:
        return lower[table.head[tok]]
    return None


def _top_of(table: ParseTable, a: Amount) -> int:
    """The amount's token that hangs from outside it (from its head word up to the last token
    whose head is still inside the amount)."""
    head = table.head
    tok = a.head
    while a.start <= head[tok] < a.end and head[tok] != tok:
        tok = head[tok]
    return tok


def _change_role(doc: Doc, a: Amount, verbs: frozenset, nouns: frozenset) -> str | None:
    """"before" for the amount a change starts from, "after" for where it ends, else None."""
    prep = _prep_of(doc, a)
    if prep == "from":
        return "before"
    if prep == "to":
        return "after"
    # "cut the 28,500 troops to 10,000": the changed object is the earlier value
    table = parse_table(doc)
    dep = table.dep
    tok = _top_of(table, a)
    verb = table.head[tok]
    if dep[tok] == "dobj" and table.lemma[verb].lower() in verbs and \
            any(dep[c] == "prep" and table.lower[c] == "to" for c in table.children[verb]):
        return "before"
    return None


def _same_change(doc: Doc, a: Amount, b: Amount) -> bool:
    """Two amounts belong to one change when they are close and no other amount's clause sits between."""
    lo, hi = (a, b) if a.start < b.start else (b, a)
    gap = range(lo.end, max(lo.end, hi.start))   # as the Span doc[lo.end:hi.start]: empty when they overlap
    table = parse_table(doc)
    text, dep, head = table.text, table.dep, table.head
    return len(gap) <= 12 and not any(text[t] in (";",) or dep[t] == "cc" and dep[head[t]] == "ROOT" for t in gap)


def _latest_before(amounts: list[Amount], pos: int):
    """Amounts (in text order) ending at or before token `pos`, the latest first."""
    for j in range(_bisect_starts(amounts, pos) - 1, -1, -1):
        if amounts[j].end <= pos:
            yield amounts[j]


def _bisect_starts(amounts: list[Amount], pos: int) -> int:
    """How many amounts (in text order) start at or before token `pos`."""
    lo, hi = 0, len(amounts)
    while lo < hi:
        mid = (lo + hi) // 2
        if amounts[mid].start <= pos:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _coordinated_with(doc: Doc, amounts: list[Amount], k: int) -> int | None:
    """The amount that amount k is coordinated with ("$200 billion in cash and $150 billion ..."):
    its top token is a conjunct of a token of that amount."""
    a = amounts[k]
    table = parse_table(doc)
    top = _top_of(table, a)
    if table.dep[top] == "conj":
        up = table.head[top]
        j = _bisect_starts(amounts, up) - 1
        if j >= 0 and j != k and amounts[j].start <= up < amounts[j].end:
            return j
    # the words, when the parse attaches the second amount elsewhere: "$7 billion in grants and $5 billion"
    pos, text = table.pos, table.text
    if k > 0 and a.start > 0 and table.lower[a.start - 1] in ("and", "or") and a.start - amounts[k - 1].end <= 4 \
            and not any(pos[t] in ("VERB", "AUX") or text[t] in (";", ".") for t in range(amounts[k - 1].end, a.start)):
        return k - 1
    return None


def _comparable(x: float, y: float) -> bool:
    return x > 0 and y > 0 and max(x, y) / min(x, y) <= CHANGE_RATIO


def _take_unit(a: Amount, source: Amount) -> None:
    a.unit, a.kind = source.unit, source.kind
    a.extra["borrowed"] = True
    if a.kind == "persons":
        a.head = a.number
