"""Rival accounts inside one report (reconcile/accounts.py)."""
from __future__ import annotations

from pactwatch.reconcile.accounts import check_accounts


def said(speaker, side, topics, quote, start, negated=False, denied=(), rebuttal=False):
    return {"speaker": speaker, "side": side, "topics": list(topics), "negated": negated, "denied": list(denied),
            "rebuttal": rebuttal, "start": start, "end": start + len(quote), "quote": quote}


CLAIM = said("Ana Ruiz", "Freedonia", ["quota", "steel"], "that the steel quota was lifted for good", 0)


def test_a_correction_by_another_side_on_the_same_topic_is_a_conflict():
    fix = said("Ole Berg", "Sylvania", ["quota", "review"], "that the quota would be reviewed each year", 200,
               rebuttal=True)
    found = check_accounts("d", "src", [CLAIM, fix])
    assert len(found) == 1 and found[0]["type"] == "account"
    assert [i["quote"] for i in found[0]["items"]] == [CLAIM["quote"], fix["quote"]]
    assert "Ana Ruiz vs Ole Berg (a correction)" in found[0]["about"]


def test_a_denial_must_deny_what_the_other_says():
    denial = said("Ole Berg", "Sylvania", ["quota", "review"], "that no quota was lifted", 200, negated=True,
                  denied=["quota"])
    assert len(check_accounts("d", "src", [CLAIM, denial])) == 1
    aside = said("Ole Berg", "Sylvania", ["quota", "detail"], "that the quota details were not disclosed", 200,
                 negated=True, denied=["detail"])
    assert check_accounts("d", "src", [CLAIM, aside]) == []


def test_the_same_speaker_or_side_or_another_topic_is_no_rival_account():
    same_side = said("Eva Lind", "Freedonia", ["quota"], "that the quota stays", 200, rebuttal=True)
    other_topic = said("Ole Berg", "Sylvania", ["pipeline"], "that the pipeline will open", 300, rebuttal=True)
    assert check_accounts("d", "src", [CLAIM, same_side, other_topic]) == []
