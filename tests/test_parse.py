"""The shared spaCy parse: the memoised attribute ruler and lemmas give exactly the full pipeline's Docs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.events import parse as P

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

SENTENCES = [
    "Government forces were shelling the town of Kafr Zita on Monday, activists said.",
    "The rebels have been pushed out of the district, which is now in the hands of the army.",
    "It's been 14 months and the killing goes on.",
    "Protesters are growing bolder and the security forces are firing on crowds.",
    "An air strike killed 24 civilians, up from an earlier toll of 13, the Observatory said.",
    "If the talks fail, the militia could attack the city within days.",
    # the attribute ruler's context patterns and whitespace tokens: "there were" (VERB), "let's", "gonna"
    "There were clashes in Homs and there is no sign that it's over.",
    "Let's see, he said: they're gonna hit the base, y'all ain't safe.",
    "Rebels  shelled the\nairport on Monday.",
    "There were clashes in Hama, and the rebels were shelled.",
    "Ain't nothin' gonna stop 'em: there is fighting, let's go.",
]


def _view(docs: list) -> list[list[tuple[str, str, str, str, str, int, str]]]:  # type: ignore[type-arg]
    return [[(t.text, t.tag_, t.pos_, t.dep_, t.lemma_, t.head.i, str(t.morph)) for t in d] for d in docs]


def test_memoised_lemmas_equal_the_full_pipeline_cold_and_warm() -> None:
    nlp = P.load_parser()
    reference = _view(list(nlp.pipe(SENTENCES)))
    assert _view(P.parse_many(SENTENCES)) == reference  # cold or partly warm memo
    assert _view(P.parse_many(SENTENCES)) == reference  # every token known: lemmas from the memo
    assert _view(P.parse_many(list(reversed(SENTENCES)))) == list(reversed(reference))


def test_memoised_lemmas_equal_the_full_pipeline_on_real_news() -> None:
    path = SHARED / "dev" / "events" / "articles.jsonl"
    if not path.exists():
        pytest.skip("../shared/dev absent")
    from sitrep.text import split_sentences

    lines = path.read_text(encoding="utf-8").splitlines()[:8]
    sents = [s.text for line in lines for s in split_sentences("x", json.loads(line)["text"])]
    reference = _view(list(P.load_parser().pipe(sents)))
    assert _view(P.parse_many(sents)) == reference
    assert _view(P.parse_many(sents)) == reference


def test_parse_one_sentence_matches_parse_many() -> None:
    assert _view([P.parse(SENTENCES[0])]) == _view(P.parse_many(SENTENCES[:1]))


def test_lemma_index_as_sets_gives_the_shipped_lists_lemmas() -> None:
    """``_index_sets``: the same lemmas as the model's own list index, for words the lemmatizer has not seen."""
    nlp = P.load_parser()
    lem = nlp.get_pipe("lemmatizer")
    table = lem.lookups.get_table("lemma_index")
    assert all(isinstance(v, frozenset) for v in table.values())
    words = "shelled bombardments fleeing militias retook wounded besieging lootings geese was better ran".split()
    doc = nlp(" ".join(words))
    lem.cache.clear()
    with_sets = [lem.rule_lemmatize(t) for t in doc]
    saved = {k: table[k] for k in table}
    try:
        for k, v in saved.items():
            table[k] = sorted(v)
        lem.cache.clear()
        assert [lem.rule_lemmatize(t) for t in doc] == with_sets
    finally:
        for k, v in saved.items():
            table[k] = v
        lem.cache.clear()
