"""Quantity clusters (one per stated fact, every mention kept) and value conflicts within one block.

A block is every figure of one referent in one kind of unit in one year: the measure (tariff rate,
troop level, ...) or, for an untyped measure, the noun the amount counts (pipeline/referents.py), and
money in any currency together (converted to US dollars at the year's rate, currency_rates.toml).
Holder and target are not part of the key: a figure that names fewer parties (or none) may be the same
fact as one that names them. Figures stated without any date at all sit in the series' "undated" block
and are compared with every dated block of the series.

Two figures conflict when they are stated for the same referent, parties, status class, time and
instalment, neither is a part of a whole, the earlier side of a change, a condition or counterfactual,
and their ranges (qualifiers, rounding, the currency spread) cannot meet.

Three more kinds of disagreement are read from what the referents component marks on each figure:
a sum told as already paid against the same sum told, no earlier, as a ceiling still to be provided
("nature"); a figure stated as enough for a goal against a higher one stated as the least that goal
needs ("estimate"); and a figure a party turns down against a commitment to it by a group the text
says includes that party ("commitment").
"""
from __future__ import annotations

import functools
from collections import Counter, defaultdict
from itertools import combinations

from ..knowledge import loader
from .model import ActorResolver, QuantityMention, kb_folders, stable_id
from .normalize import Range, format_amount, overlaps, period_of, span_days, timex_interval

# Statuses that fix one value at a time: a rate in force, the amount of a deal. Proposals,
# demands, threats and speculation can differ without contradiction (two advisers, two numbers).
# A figure in force and the figure of a commitment are compared: a pledge of $550 billion reported
# as an agreement of $55 billion is one fact stated two ways.
EXCLUSIVE_CLASS = {"actual": "firm", "agreed": "firm", "pledged": "firm"}
# Clusters merge the firm statuses (an agreed 15% and a 15% in force are one fact to a reader).
FIRM = {"actual", "agreed", "pledged"}
# Two figures are "at the same time" only when both times are this precise and overlap.
MAX_COMPARABLE_SPAN_DAYS = 92
MAX_MONEY_SPAN_DAYS = 366
# A measure that names no kind of figure: two such amounts are one quantity only through what they count.
UNTYPED_MEASURES = {"other", ""}
RATES_FILE = "currency_rates.toml"
UNDATED = "undated"


@functools.lru_cache(maxsize=8)
def currency_rates(kb_dirs: tuple[str, ...] = ()) -> tuple[dict[str, dict[int, float]], float]:
    """Units per US dollar by currency and year, and the spread tolerated; `kb_dirs`: the user's --kb
    folders, whose currency_rates.toml adds currencies and years."""
    data, check = loader.Checked.of(RATES_FILE, kb_dirs)
    rates = {}
    for cur, years in check.table(data, "per_usd", "per_usd").items():
        if not isinstance(years, dict):
            check.fail(f"per_usd.{cur}", "must be a table of year = units per US dollar")
        for year, value in years.items():
            if not year.isdigit() or isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
                check.fail(f"per_usd.{cur}.{year}", "must be a year = a positive number of units per US dollar")
        rates[cur] = {int(y): float(v) for y, v in years.items()}
    return rates, float(data.get("spread", 0.1))


def is_money(unit: str | None, kb_dirs: tuple[str, ...] = ()) -> bool:
    return unit == "USD" or unit in currency_rates(kb_dirs)[0]


def in_usd(m: QuantityMention, kb_dirs: tuple[str, ...] = ()) -> Range | None:
    """The figure's range in US dollars, widened by the spread when converted; None without a rate."""
    if m.unit == "USD":
        return m.range
    rates, spread = currency_rates(kb_dirs)
    table = rates.get(m.unit or "")
    if not table:
        return None
    year = m.span[0].year if m.span else max(table)
    rate = table.get(year) or table[min(table, key=lambda y: abs(y - year))]
    low, high, low_open, high_open = m.range
    return Range(low / rate * (1 - spread), high / rate * (1 + spread), low_open, high_open)


def referent(m: QuantityMention) -> str | None:
    """What a figure is of: its measure, or for an untyped one the noun it counts (None: unknown)."""
    change = ":change" if m.change_size else ""
    if m.measure not in UNTYPED_MEASURES:
        return m.measure + change
    return f"other:{m.counts}{change}" if m.counts else None


def series_key(m: QuantityMention, actors: ActorResolver | None = None) -> str:
    """What a figure measures and in what kind of unit; its values over time form one series."""
    unit = "money" if is_money(m.unit, kb_folders(actors and actors.kb)) else (m.unit or "")
    return "|".join(("q", referent(m) or "other:", unit))


def block_key(m: QuantityMention, actors: ActorResolver | None = None) -> str:
    """The figure's first block (see block_keys)."""
    return block_keys(m, actors)[0]


def block_keys(m: QuantityMention, actors: ActorResolver | None = None) -> list[str]:
    """The blocks a figure is filed under: its series, one state it concerns (each of the parties it
    names, or of its document's parties when it names none; "-" for neither) and its year. Two figures
    of one fact share a state, so they meet in that state's block; a block stays small however long the
    record grows, as it holds one state's figures of one series in one year."""
    # a figure turned down without a time of its own ("rather than the 5% requested") is not of the year it is
    # reported in: it meets the commitments of any year (it takes part in no value comparison)
    period = UNDATED if m.turned_down and not m.time else period_of(m.span, by_month=False)
    series = series_key(m, actors)
    return [f"{series}|{state}|{period}" for state in sorted(_states(m, actors)) or ["-"]]


def _memo(m: QuantityMention, actors: ActorResolver | None) -> QuantityMention:
    """The mention with its memo cleared if it was filled for another resolver."""
    if m.memo_for != id(actors):
        m.memo_for, m.memo_parties, m.memo_states, m.memo_context, m.memo_compared = id(actors), None, None, None, None
    return m


def _compared_range(m: QuantityMention, actors: ActorResolver | None, kb_dirs: tuple[str, ...]) -> Range | None:
    """The range a figure takes into value comparisons (in US dollars for money), None when it cannot
    contradict another (`_comparable`); a figure is asked once for each block it is read with."""
    if m.memo_compared is not None and m.memo_for == id(actors):   # asked for every figure of every block read
        return m.memo_compared or None
    if _memo(m, actors).memo_compared is None:
        r = (in_usd(m, kb_dirs) if is_money(m.unit, kb_dirs) else m.range) if _comparable(m, kb_dirs) else None
        m.memo_compared = False if r is None else r
    return m.memo_compared or None


_SHARED: dict[frozenset, frozenset] = {}


def _shared(states: frozenset) -> frozenset:
    """One object for each set of states (there are few), so a million memos hold no copies."""
    return _SHARED.setdefault(states, states) if len(_SHARED) < 100_000 else states


def _states(m: QuantityMention, actors: ActorResolver | None) -> frozenset[str]:
    if m.memo_states is not None and m.memo_for == id(actors):   # asked a million times in a large block
        return m.memo_states
    if _memo(m, actors).memo_states is None:
        m.memo_states = _named_states(m, actors) or _context_states(m, actors)
    return m.memo_states


def _named_states(m: QuantityMention, actors: ActorResolver | None) -> frozenset[str]:
    return _shared(_parties(m, actors) | _included(m, actors)
                   | (_refusers(m, actors) if m.turned_down else frozenset()))


def _context_states(m: QuantityMention, actors: ActorResolver | None) -> frozenset[str]:
    """The states of a partyless figure's document (its parties by context)."""
    if _memo(m, actors).memo_context is None:
        m.memo_context = _shared(frozenset(s for s in ((actors.state_of(n) if actors else n) for n in m.context) if s))
    return m.memo_context


def _included(m: QuantityMention, actors: ActorResolver | None) -> frozenset[str]:
    """The states a group holder is said to include ("the allies, including Spain")."""
    return frozenset(s for s in ((actors.state_of(n) if actors else n) for n in m.included) if s)


def _block_state(key: str) -> str:
    return key.rsplit("|", 2)[-2]


def _home(m: QuantityMention, actors: ActorResolver | None) -> str:
    """The one block of its series and year whose clusters show the figure."""
    states = _states(m, actors)
    return min(states) if states else "-"


def _status_group(status: str) -> str:
    return "firm" if status in FIRM else status


def _value_groups(mentions: list[QuantityMention], ranges=None) -> list[list[QuantityMention]]:
    """Mentions whose ranges share a common value, greedily from the lowest range up."""
    ranges = ranges or {id(m): m.range for m in mentions}
    groups: list[tuple[object, list[QuantityMention]]] = []
    held = [ranges[id(m)] for m in mentions]
    # ties broken by document and place, so the result does not depend on the order records came in;
    # the keys made in one pass and sorted by index (a block's figures are sorted a million times a run)
    keys = [(r[0], r[1], m.doc_id, m.start or 0, m.quote) for r, m in zip(held, mentions)]
    for i in sorted(range(len(mentions)), key=keys.__getitem__):
        m, r = mentions[i], held[i]
        if groups:
            common, members = groups[-1]
            both = common.intersect(r)
            if both.holds_a_value():
                members.append(m)   # in place: a block of thousands of one figure stays linear
                groups[-1] = (both, members)
                continue
        groups.append((r, [m]))
    return [members for _, members in groups]


def _parties(m: QuantityMention, actors: ActorResolver | None) -> frozenset[str]:
    if m.memo_parties is not None and m.memo_for == id(actors):
        return m.memo_parties
    if _memo(m, actors).memo_parties is None:
        names = (m.holder, m.target)
        m.memo_parties = _shared(frozenset(n for n in names if n) if actors is None
                                 else frozenset(s for s in (actors.state_of(n) for n in names if n) if s))
    return m.memo_parties


def cluster_block(key: str, mentions: list[QuantityMention], actors: ActorResolver | None = None) -> list[dict]:
    """One cluster per parties, status group and compatible value; ordered in time, so a block reads as its
    evolution."""
    by_status: dict[tuple, list[QuantityMention]] = defaultdict(list)
    state = _block_state(key)
    dirs = kb_folders(actors and actors.kb)
    for m in mentions:
        if _home(m, actors) != state:
            continue
        by_status[(tuple(sorted(_parties(m, actors))), m.unit if not is_money(m.unit, dirs) else "money",
                   _status_group(m.status))].append(m)
    clusters = []
    for (_, _, group_name), members in sorted(by_status.items()):
        ranges = {id(m): (in_usd(m, dirs) or m.range) for m in members}
        for group in _value_groups(members, ranges):
            clusters.append(_cluster_record(key, group_name, group))
    clusters.sort(key=lambda c: (c["first_day"] or "9999", c["value"]))
    for step, cluster in enumerate(clusters):
        cluster["step"] = step
    return clusters


def _cluster_record(key: str, status_group: str, group: list[QuantityMention]) -> dict:
    head = group[0]
    stated = Counter((m.value, m.qualifier) for m in group).most_common(1)[0][0]
    days = sorted(d for m in group if m.span for d in (m.span[0].isoformat(),))
    times = sorted({m.time for m in group if m.time})
    mentions = [{"doc_id": m.doc_id, "source": m.source, "quote": m.quote, "start": m.start, "end": m.end,
                 "value": m.value, "qualifier": m.qualifier, "status": m.status, "time": m.time,
                 "part_of": m.part_of, "part_of_start": m.part_of_start, "prior": m.prior} for m in group]
    mentions.sort(key=lambda x: (x["doc_id"], x["start"] if x["start"] is not None else -1))
    ident = [key, status_group, sorted((x["doc_id"], x["start"] or 0, x["quote"]) for x in mentions)]
    return {
        "kind": "cluster", "fact": "quantity", "cluster_id": stable_id("q", ident), "block": key,
        "measure": head.measure, "unit": head.unit, "holder": head.holder, "target": head.target,
        "counts": head.counts,
        "value": stated[0], "qualifier": stated[1], "display": format_amount(stated[0], head.unit, stated[1]),
        "status": sorted({m.status for m in group}), "status_group": status_group,
        "time": times[0] if times else None, "first_day": days[0] if days else None,
        "part_of": next((m.part_of for m in group if m.part_of is not None), None),
        "prior": all(m.prior for m in group),
        "doc_ids": sorted({m.doc_id for m in group}), "source_count": len({m.doc_id for m in group}),
        "mentions": mentions,
    }


def _comparable(m: QuantityMention, kb_dirs: tuple[str, ...] = ()) -> bool:
    """A figure that can contradict another: a firm status, a known referent, a level of its own (not the
    earlier side of a change, not a part of a whole), in force (not a condition or a counterfactual) and a
    time no vaguer than a quarter (or none at all)."""
    return (firm(m) and referent(m) is not None and not m.prior and m.part_of is None and not m.turned_down
            and not m.conditional and _precise(m.time, is_money(m.unit, kb_dirs)))


def firm(m: QuantityMention) -> bool:
    """A figure stated as in force or committed, or speculation only in tense: the "would" of a past
    report ("a deal under which Seoul would pay $1 billion"); never one under a modal of possibility."""
    if m.modal:
        return False  # "can meet them with 2%", "should pay 5%": a possibility or a demand
    return m.status in EXCLUSIVE_CLASS or (m.status == "speculative" and m.reported_future)


def _precise(time: str | None, money: bool = False) -> bool:
    """A stated time no vaguer than a quarter, or none (the document's date stands in). An amount of money
    stated for a year is that year's budget, payment or pledge: a year is precise enough for it."""
    span = timex_interval(time)
    return span is None or span_days(span) <= (MAX_MONEY_SPAN_DAYS if money else MAX_COMPARABLE_SPAN_DAYS)


def conflicts_in_block(key: str, mentions: list[QuantityMention], following: list[QuantityMention] = (),
                       actors: ActorResolver | None = None, undated: list[QuantityMention] = ()) -> list[dict]:
    """Value conflicts between figures of one fact (see the module doc).

    Figures are compared within the parties they name: those naming the same parties, with those naming
    a subset of them ({Freedonia} within {Freedonia, Sylvania}), and with figures naming none whose
    document is about those parties. Two figures of one document are parts of a package or two
    instances, unless the text attributes them to two different speakers. `following` are the next
    block's mentions: a pair across two blocks belongs to the earlier one. `undated` are the series'
    figures with no date at all: pairs with them belong to the dated block.
    """
    own = {id(m) for m in mentions}
    dirs = kb_folders(actors and actors.kb)
    everything = list(mentions) + list(following) + list(undated)
    out = _enough_against_minimum(key, everything, own, actors) + _turned_down_against_commitment(key, everything,
                                                                                                   own, actors)
    pool = []
    ranges = {}
    for m in everything:
        r = _compared_range(m, actors, dirs)
        if r is not None:
            ranges[id(m)] = r
            pool.append(m)
    if len(pool) < 2:
        return out
    clashing: list[tuple[QuantityMention, QuantityMention]] = []
    state = _block_state(key)
    states = {id(m): _states(m, actors) for m in pool}
    buckets = _party_buckets(pool, actors)
    for members in buckets:
        groups = _value_groups(members, ranges)
        for gi, gj in combinations(groups, 2):
            if _one_text_states_both(gi, gj, ranges):
                continue
            pair = _clashing_pair(gi, gj, own, ranges, states, state)
            if pair:
                clashing.append(pair)
    out += [_conflict_record(key, group, dirs) for group in _disagreements(_one_per_statement(clashing))]
    seen = set()
    for members in buckets:
        for paid, ceiling in _paid_against_ceiling(members, own, ranges, states, state, dirs):
            ident = (paid.doc_id, paid.quote, ceiling.doc_id, ceiling.quote)
            if ident not in seen:
                seen.add(ident)
                out.append(_payment_record(key, paid, ceiling, dirs))
    return out


def _paid_against_ceiling(members: list[QuantityMention], own: set[int], ranges: dict, states: dict,
                          block_state: str, kb_dirs: tuple[str, ...] = ()):
    """Pairs of one sum told as two kinds of thing: money already handed over ("they gave us $5 billion")
    and, in a later or same-day account, a ceiling still to be provided ("will provide up to $5 billion").
    A payment reported after the ceiling may be its fulfilment, so only a payment stated no later than the
    ceiling is set against it."""
    paid = [m for m in members if m.payment == "paid" and is_money(m.unit, kb_dirs)]
    ceilings = [m for m in members if m.payment == "ceiling" and is_money(m.unit, kb_dirs)]
    for p in paid:
        for c in ceilings:
            if p.doc_id == c.doc_id and not (p.attributed_to and c.attributed_to
                                             and p.attributed_to != c.attributed_to):
                continue
            if (p.published or "") > (c.published or "") or not _owns(p, c, own):
                continue
            if p.occasion and c.occasion and p.occasion != c.occasion:
                continue
            if p.measure in UNTYPED_MEASURES and p.counts != c.counts:
                continue
            shared = states[id(p)] & states[id(c)]
            if (min(shared) if shared else "-") != block_state:
                continue
            if ranges[id(p)].meets(ranges[id(c)]):
                yield p, c


def _enough_against_minimum(key: str, mentions: list[QuantityMention], own: set[int],
                            actors: ActorResolver | None) -> list[dict]:
    """A figure stated as enough to reach a goal ("can meet the targets with 2%") against one stated as the
    least that goal needs ("at least 3.5% to meet the targets") for the same holder, referent and goal,
    the least above the enough: two accounts of what the goal takes that cannot both hold. One text may
    state both: it then reports the disagreement."""
    stated = [m for m in mentions if m.sufficiency and referent(m) is not None and not m.prior
              and m.part_of is None and m.conditional != "counterfactual"]
    enough = [m for m in stated if m.sufficiency == "enough"]
    minimum = [m for m in stated if m.sufficiency == "minimum"]
    if not enough or not minimum:
        return []
    state = _block_state(key)
    out, seen = [], set()
    for e in enough:
        for n in minimum:
            if e.unit != n.unit or (e.goal and n.goal and e.goal != n.goal) or not e.value < n.value:
                continue
            if e.measure in UNTYPED_MEASURES and e.counts != n.counts:
                continue
            pe, pn = _parties(e, actors), _parties(n, actors)
            if not pe or not pn or not (pe <= pn or pn <= pe):
                continue  # the same holder's goal: both must name it
            if min(pe & pn) != state or not _owns(e, n, own):
                continue
            ident = (e.doc_id, e.quote, n.doc_id, n.quote)
            if ident in seen:
                continue
            seen.add(ident)
            dirs = kb_folders(actors and actors.kb)
            items = [_item(e, dirs), _item(n, dirs)]
            goal = e.goal or n.goal or "goal"
            what = e.measure.replace("_", " ") if e.measure not in UNTYPED_MEASURES else (e.counts or "amount")
            out.append({"kind": "conflict", "type": "estimate", "severity": "medium", "items": items, "block": key,
                        "about": f"{what} needed to meet the {goal}: {items[0]['value']} is enough vs at least "
                                 f"{items[1]['value']}",
                        "reason": (f"One account has {items[0]['value']} enough to meet the {goal}; another has the "
                                   f"{goal} needing at least {items[1]['value']}."),
                        "conflict_id": stable_id("c", [key, "enough", sorted((i["doc_id"], i["quote"]) for i in items)])})
    return out


def _turned_down_against_commitment(key: str, mentions: list[QuantityMention], own: set[int],
                                    actors: ActorResolver | None) -> list[dict]:
    """A figure a party is said to turn down ("2% rather than the 5% requested") against a commitment to
    that figure by a group the text says includes the party ("the 32 allies, including Spain, committed
    to 5%"): the party cannot both have turned it down and signed up to it."""
    down = [m for m in mentions if m.turned_down and referent(m) is not None]
    committed = [m for m in mentions if m.included and firm(m) and not m.conditional and not m.prior
                 and m.part_of is None and referent(m) is not None]
    if not down or not committed:
        return []
    state = _block_state(key)
    out, seen = [], set()
    for d in down:
        for c in committed:
            shared = _refusers(d, actors) & _included(c, actors)
            if not shared or min(shared) != state or d.unit != c.unit or not d.range.meets(c.range):
                continue
            if d.measure in UNTYPED_MEASURES and d.counts != c.counts:
                continue
            if d.quote == c.quote or id(c) not in own:
                continue
            ident = (d.doc_id, d.quote, c.doc_id, c.quote)
            if ident in seen:
                continue
            seen.add(ident)
            party = next(n for n in (d.turned_down_by, d.attributed_to, d.target, *c.included)
                         if n and (actors.state_of(n) if actors else n) in shared)
            dirs = kb_folders(actors and actors.kb)
            items = [_item(c, dirs), _item(d, dirs)]
            what = c.measure.replace("_", " ") if c.measure not in UNTYPED_MEASURES else (c.counts or "amount")
            out.append({"kind": "conflict", "type": "commitment", "severity": "medium", "items": items, "block": key,
                        "about": f"whether {party} is committed to {items[0]['value']} {what}: included in the "
                                 f"commitment vs turned it down",
                        "reason": (f"One statement counts {party} among those committed to {items[0]['value']}; "
                                   f"another has {party} turning {items[1]['value']} down."),
                        "conflict_id": stable_id("c", [key, "turned", sorted((i["doc_id"], i["quote"]) for i in items)])})
    return out


def _refusers(m: QuantityMention, actors: ActorResolver | None) -> frozenset[str]:
    """The states that may turn a figure down: the clause's named subject, the speaker, and the party the
    figure is asked of (its target), never its holder, who is the one asking ("the 5% requested by X")."""
    names = (m.turned_down_by, m.attributed_to, m.target)
    return frozenset(s for s in ((actors.state_of(n) if actors else n) for n in names if n) if s)


def _owns(a: QuantityMention, b: QuantityMention, own: set[int]) -> bool:
    """This block owns the pair: the earlier of two dated figures is here; a dated and an undated one belong
    to the dated one's block; two undated ones to theirs."""
    if a.span is not None and b.span is not None:
        return id(a if a.span[0] <= b.span[0] else b) in own
    if a.span is None and b.span is None:
        return id(a) in own and id(b) in own
    return id(a if a.span is not None else b) in own


def _payment_record(key: str, paid: QuantityMention, ceiling: QuantityMention, kb_dirs: tuple[str, ...] = ()) -> dict:
    what = (paid.counts or paid.measure).replace("_", " ") if paid.measure in UNTYPED_MEASURES \
        else paid.measure.replace("_", " ")
    items = [_item(paid, kb_dirs), _item(ceiling, kb_dirs)]
    about = f"{what}: {items[0]['value']} already paid vs {items[1]['value']} still to be provided"
    return {"kind": "conflict", "type": "nature", "about": about, "severity": "medium", "items": items,
            "block": key,
            "reason": (f"One account has {items[0]['value']} already handed over; another, no earlier, has "
                       f"{items[1]['value']} as a maximum still to be provided: the same sum cannot be both."),
            "conflict_id": stable_id("c", [key, "payment", sorted((i["doc_id"], i["quote"]) for i in items)])}


def _item(m: QuantityMention, kb_dirs: tuple[str, ...] = ()) -> dict:
    """A side of a disagreement; an amount in another currency shows its dollar value beside it."""
    item = m.item()
    if is_money(m.unit, kb_dirs) and m.unit != "USD":
        usd = in_usd(m, kb_dirs)
        if usd is not None:
            _, spread = currency_rates(kb_dirs)
            item["usd"] = round(usd.low / (1 - spread))
            item["value"] += f" (about {format_amount(item['usd'], 'USD')})"
    return item


def _disagreements(pairs: list[tuple[QuantityMention, QuantityMention]]) -> list[list[tuple]]:
    """Clashing pairs that share a statement, together: three outlets with three figures are one
    disagreement with three sides, not three."""
    parent: dict[int, int] = {}

    def find(i: int) -> int:
        while parent.setdefault(i, i) != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in pairs:
        parent[find(id(a))] = find(id(b))
    groups: dict[int, list[tuple]] = defaultdict(list)
    for pair in pairs:
        groups[find(id(pair[0]))].append(pair)
    return list(groups.values())


def _party_buckets(pool: list[QuantityMention], actors: ActorResolver | None) -> list[list[QuantityMention]]:
    """The sets of figures that may be of one fact, by the parties they name (see conflicts_in_block):
    one bucket per set of parties named, joined by the figures naming a subset of it or none."""
    by_parties: dict[frozenset, list[QuantityMention]] = defaultdict(list)
    partyless: list[tuple[frozenset, QuantityMention]] = []
    for m in pool:
        named = _parties(m, actors)
        if named:
            by_parties[named].append(m)
        elif m.context:
            context = _context_states(m, actors)
            if context:
                partyless.append((context, m))
    buckets = []
    for named, members in by_parties.items():
        bucket = list(members)
        if len(named) > 1:
            for state in named:
                bucket += by_parties.get(frozenset({state}), [])
        bucket += [m for context, m in partyless if named <= context]
        if len(bucket) > 1:
            buckets.append(bucket)
    return buckets


def _one_text_states_both(a: list[QuantityMention], b: list[QuantityMention], ranges: dict) -> bool:
    """One document states, in one voice, a figure of each group that the other cannot meet: the two are
    parts of a package or two instances, and another outlet repeating one of them does not make them clash."""
    for doc_id in {m.doc_id for m in a} & {m.doc_id for m in b}:
        for ma in (m for m in a if m.doc_id == doc_id):
            for mb in (m for m in b if m.doc_id == doc_id):
                same_voice = not (ma.attributed_to and mb.attributed_to and ma.attributed_to != mb.attributed_to)
                if same_voice and not ranges[id(ma)].meets(ranges[id(mb)]):
                    return True
    return False


def _one_per_statement(pairs: list[tuple[QuantityMention, QuantityMention]]):
    """One conflict per pair of statements (the same two quotes clash once)."""
    seen, out = set(), []
    for a, b in pairs:
        ident = tuple(sorted(((a.doc_id, a.quote), (b.doc_id, b.quote))))
        if ident not in seen:
            seen.add(ident)
            out.append((a, b))
    return out


def _clashing_pair(a: list[QuantityMention], b: list[QuantityMention], own: set[int], ranges: dict,
                   states: dict, block_state: str):
    """The first two mentions, one from each group, of one fact with ranges that cannot meet, the pair
    owned by this block (the earlier of them here, or a dated one against an undated one)."""
    for ma in a:
        for mb in b:
            if ma.doc_id == mb.doc_id and not (ma.attributed_to and mb.attributed_to
                                               and ma.attributed_to != mb.attributed_to):
                continue  # two amounts in one text are two quantities (parts of a package), not a clash
            if ma.instalment != mb.instalment and "increment" in (ma.instalment, mb.instalment):
                continue  # an additional 25% is a second tariff, not a restatement of the first
            if ma.occasion and mb.occasion and ma.occasion != mb.occasion:
                continue
            if ma.measure in UNTYPED_MEASURES and ma.counts != mb.counts:
                continue
            if not _owned(ma, mb, own):
                continue
            shared = states[id(ma)] & states[id(mb)]
            if (min(shared) if shared else "-") != block_state:
                continue  # the pair is reported by the block of the first state both figures concern
            if not ranges[id(ma)].meets(ranges[id(mb)]):
                return ma, mb
    return None


def _owned(a: QuantityMention, b: QuantityMention, own: set[int]) -> bool:
    """The pair is at the same time and this block owns it: two dated figures overlap and the earlier is
    here; a dated and an undated one belong to the dated one's block; two undated ones to theirs."""
    if a.span is not None and b.span is not None:
        first = a if a.span[0] <= b.span[0] else b
        return id(first) in own and overlaps(a.span, b.span)
    if a.span is None and b.span is None:
        return id(a) in own and id(b) in own
    dated = a if a.span is not None else b
    return id(dated) in own


def _severity(a: QuantityMention, b: QuantityMention) -> str:
    low, high = sorted((abs(a.value) or 1e-9, abs(b.value) or 1e-9))
    if a.qualifier or b.qualifier:
        return "medium" if high / low >= 1.25 else "low"
    return "high" if high / low >= 1.1 else "medium"


def _conflict_record(key: str, pairs: list[tuple[QuantityMention, QuantityMention]],
                     kb_dirs: tuple[str, ...] = ()) -> dict:
    seen: dict[int, QuantityMention] = {}
    for pair in pairs:
        for m in pair:
            seen.setdefault(id(m), m)
    sides = sorted(seen.values(), key=lambda m: (m.published or "9999", m.doc_id, m.start or 0))
    items = [_item(m, kb_dirs) for m in sides]
    a, b = sides[0], sides[-1]
    what = (a.counts or a.measure).replace("_", " ") if a.measure in UNTYPED_MEASURES else a.measure.replace("_", " ")
    parties = " and ".join(dict.fromkeys(n for m in sides for n in (m.holder, m.target) if n))
    # "detained persons (United States and South Korea)": what is counted, and between whom
    about = f"{what}" + (f" ({parties})" if parties else "")
    levels = ["low", "medium", "high"]
    severity = max((_severity(x, y) for x, y in pairs), key=levels.index)
    record = {"kind": "conflict", "type": "value", "about": "", "subject": about, "severity": severity,
              "items": items, "block": key}
    values = [i["value"] for i in items]
    if len(sides) == 2 and a.published and b.published and a.published < b.published and a.doc_id != b.doc_id:
        record["revision"] = {"from": values[0], "from_date": a.published, "to": values[1], "to_date": b.published}
        record["about"] = f"{about}: {values[0]} on {a.published}, revised to {values[1]} on {b.published}"
        if a.qualifier:
            record["severity"] = "low"
    else:
        record["about"] = f"{about}: " + " vs ".join(values)
    record["reason"] = (f"{', '.join(values[:-1])} and {values[-1]} are given for the same {what} at the same time, "
                        f"and no single figure fits them all.")
    record["conflict_id"] = stable_id("c", [key, sorted((i["doc_id"], i["quote"]) for i in items)])
    return record
