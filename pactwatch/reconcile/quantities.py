"""Quantity clusters (one per stated fact, every mention kept) and value conflicts within one block.

A block is every mention of one measure between one holder and one target in one unit; only
mentions in the same block can be the same fact, so each block is reconciled on its own.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations

from .model import ActorResolver, QuantityMention, stable_id
from .normalize import format_amount, overlaps, period_of, span_days

# Statuses that fix one value at a time: a rate in force, the amount of a deal. Proposals,
# demands, threats and speculation can differ without contradiction (two advisers, two numbers).
EXCLUSIVE_CLASS = {"actual": "actual", "agreed": "commitment", "pledged": "commitment"}
# Clusters merge the firm statuses (an agreed 15% and a 15% in force are one fact to a reader).
FIRM = {"actual", "agreed", "pledged"}
# Two figures are "at the same time" only when both times are this precise and overlap.
MAX_COMPARABLE_SPAN_DAYS = 92


def series_key(m: QuantityMention, actors: ActorResolver) -> str:
    """What a figure measures: measure, holder, target and unit; its values over time form one series."""
    return "|".join(("q", m.measure, actors.state_of(m.holder), actors.state_of(m.target), m.unit or ""))


def block_key(m: QuantityMention, actors: ActorResolver) -> str:
    """The series split by year, so a block stays small however long the record grows."""
    return f"{series_key(m, actors)}|{period_of(m.span, by_month=False)}"


def _status_group(status: str) -> str:
    return "firm" if status in FIRM else status


def _value_groups(mentions: list[QuantityMention]) -> list[list[QuantityMention]]:
    """Mentions whose ranges share a common value, greedily from the lowest range up."""
    groups: list[tuple[object, list[QuantityMention]]] = []
    # ties broken by document and place, so the result does not depend on the order records came in
    for m in sorted(mentions, key=lambda m: (m.range.low, m.range.high, m.doc_id, m.start or 0, m.quote)):
        if groups and groups[-1][0].meets(m.range):
            common, members = groups[-1]
            groups[-1] = (common.intersect(m.range), members + [m])
        else:
            groups.append((m.range, [m]))
    return [members for _, members in groups]


def cluster_block(key: str, mentions: list[QuantityMention]) -> list[dict]:
    """One cluster per status group and compatible value; ordered in time, so a block reads as its evolution."""
    by_status: dict[str, list[QuantityMention]] = defaultdict(list)
    for m in mentions:
        by_status[_status_group(m.status)].append(m)
    clusters = []
    for group_name, members in by_status.items():
        for group in _value_groups(members):
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
        "value": stated[0], "qualifier": stated[1], "display": format_amount(stated[0], head.unit, stated[1]),
        "status": sorted({m.status for m in group}), "status_group": status_group,
        "time": times[0] if times else None, "first_day": days[0] if days else None,
        "part_of": next((m.part_of for m in group if m.part_of is not None), None),
        "prior": all(m.prior for m in group),
        "doc_ids": sorted({m.doc_id for m in group}), "source_count": len({m.doc_id for m in group}),
        "mentions": mentions,
    }


# A measure that names no kind of figure: two such amounts are rarely one quantity.
UNTYPED_MEASURES = {"other", ""}


def _comparable(m: QuantityMention) -> bool:
    """A figure that can contradict another: a firm status, a typed measure, at least one party (with
    neither holder nor target, two counts of detainees may be of two raids), a level of its own (not
    the earlier side of a change, not a part of a whole) and a time precise enough to compare."""
    return (m.status in EXCLUSIVE_CLASS and m.measure not in UNTYPED_MEASURES and bool(m.holder or m.target)
            and not m.prior and m.part_of is None and m.span is not None
            and span_days(m.span) <= MAX_COMPARABLE_SPAN_DAYS)


def conflicts_in_block(key: str, mentions: list[QuantityMention],
                       following: list[QuantityMention] = ()) -> list[dict]:
    """Value conflicts: same measure, holder, target, status class and time, ranges that cannot meet.

    A pair of values that one document states side by side is compatible (a component, a second
    instance): a source does not contradict itself in one breath, so only different sources clash.
    `following` are the next block's mentions: a pair across two blocks belongs to the earlier one.
    """
    own = {id(m) for m in mentions}
    by_class: dict[str, list[QuantityMention]] = defaultdict(list)
    for m in list(mentions) + list(following):
        if _comparable(m):
            by_class[EXCLUSIVE_CLASS[m.status]].append(m)
    conflicts = []
    for status_class, members in by_class.items():
        groups = _value_groups(members)
        if len(groups) < 2:
            continue
        docs = [{m.doc_id for m in g} for g in groups]
        clashing: list[tuple[QuantityMention, QuantityMention]] = []
        for (i, gi), (j, gj) in combinations(enumerate(groups), 2):
            if docs[i] & docs[j]:
                continue
            pair = _clashing_pair(gi, gj, own)
            if pair:
                clashing.append(pair)
        if clashing:
            conflicts.append(_conflict_record(key, status_class, clashing))
    return conflicts


def _clashing_pair(a: list[QuantityMention], b: list[QuantityMention], own: set[int]):
    """The first two mentions, one from each group, stated for overlapping times with ranges that cannot meet,
    the earlier of them in this block."""
    for ma in a:
        for mb in b:
            if ma.doc_id == mb.doc_id:
                continue  # two amounts in one text are two quantities (parts of a package), not a clash
            first = ma if ma.span[0] <= mb.span[0] else mb
            if id(first) in own and overlaps(ma.span, mb.span) and not ma.range.meets(mb.range):
                return ma, mb
    return None


def _conflict_record(key: str, status_class: str, pairs: list[tuple[QuantityMention, QuantityMention]]) -> dict:
    seen, items = set(), []
    for pair in pairs:
        for m in pair:
            if (m.doc_id, m.quote) not in seen:
                seen.add((m.doc_id, m.quote))
                items.append(m.item())
    head = pairs[0][0]
    measure = head.measure.replace("_", " ")
    # "detained persons, United States → South Korea": what is counted, and between whom
    about = f"{measure}, {head.holder or 'unknown holder'}" + (f" → {head.target}" if head.target else "")
    a, b = pairs[0]
    reason = (f"{a.item()['value']} and {b.item()['value']} are given as the {status_class} {measure} "
              f"for the same period, and no single figure fits both.")
    return {"kind": "conflict", "type": "value", "about": about, "reason": reason, "items": items,
            "block": key, "conflict_id": stable_id("c", [key, status_class, sorted((i["doc_id"], i["quote"])
                                                                                 for i in items)])}
