"""The part-of-speech tagger: its tokens, its tags on news sentences we wrote, and the model file it ships."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfacts.extraction import tagger


def tag_of(sentence: str, word: str) -> str:
    """The tag of the first token of ``sentence`` that is ``word``."""
    for token in tagger.tagged(sentence):
        if token.text == word:
            return token.tag
    raise AssertionError(f"{word!r} is no token of {sentence!r}")


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        # A capitalised plural opening a sentence is a common noun, not a name.
        ("Divers say the wreck lies deeper than the charts show.", "Divers", "NNS"),
        ("Residents said the water had been brown for a week.", "Residents", "NNS"),
        ("Prosecutors say the scheme ran for six years.", "Prosecutors", "NNS"),
        # A name before a reporting verb is a proper noun, and the verb a verb.
        ("Tomas Brenner said the bridge would reopen in May.", "Brenner", "NNP"),
        ("Tomas Brenner said the bridge would reopen in May.", "said", "VBD"),
        ("Marta Olsen told reporters the talks had stalled.", "Olsen", "NNP"),
        # "State" in a force's name is part of the name, not a verb.
        ("State Police said on Monday that the driver had fled.", "State", "NNP"),
        # A plural noun and a third-person verb end alike.
        ("The mayor says the plan works.", "says", "VBZ"),
        ("The plan works.", "works", "VBZ"),
        ("Council workers cleared the road.", "workers", "NNS"),
        # A past tense and a past participle look alike.
        ("The council closed the bridge.", "closed", "VBD"),
        ("The bridge was closed for a week.", "closed", "VBN"),
        # Adjectives and determiners that open sentences with a capital.
        ("Several witnesses described a loud bang.", "Several", "JJ"),
        ("Senior officials met in Geneva on Wednesday.", "Senior", "JJ"),
    ],
)
def test_tagger_reads_the_class_of_a_word_in_a_news_sentence(sentence: str, word: str, expected: str) -> None:
    assert tag_of(sentence, word) == expected


def test_a_name_after_a_dateline_is_a_name_and_the_plural_after_it_a_common_noun() -> None:
    line = "MILL VALE, Ohio (Reuters) - Divers say the wreck lies deeper than the charts show."
    assert tag_of(line, "Ohio") == "NNP"
    assert tag_of(line, "Divers") == "NNS"


def test_tokens_split_as_the_treebank_splits_them_and_slice_back() -> None:
    text = "Ana Ruiz's team didn't say, the U.S. official\u2019s aide said 1,200 people left at 10:30."
    spans = tagger.tokenize(text)
    assert [text[s:e] for s, e in spans] == [
        "Ana", "Ruiz", "'s", "team", "did", "n't", "say", ",", "the", "U.S.", "official", "\u2019s", "aide", "said",
        "1,200", "people", "left", "at", "10:30", ".",
    ]  # fmt: skip
    assert tag_of(text, "\u2019s") == "POS"  # a curly apostrophe is read as the treebank's straight one


def test_tag_at_gives_the_tag_of_the_token_starting_at_an_offset() -> None:
    text = "Officials said Ana Ruiz closed the road."
    assert tagger.tag_at(text, text.index("Ruiz")) == "NNP"
    assert tagger.tag_at(text, text.index("Officials")) == "NNS"
    assert tagger.tag_at(text, text.index("uiz")) is None  # no token starts inside a word


def test_tag_of_a_list_of_words_matches_tagging_the_sentence() -> None:
    words = ["Residents", "said", "the", "road", "was", "closed", "."]
    assert tagger.tag(words) == [w.tag for w in tagger.tagged("Residents said the road was closed.")]
    assert tagger.tag([]) == []


ARTICLES = Path(__file__).with_name("articles")


def test_tags_as_read_are_the_tags_of_the_whole_list_whatever_order_they_are_read_in() -> None:
    from newsfacts.extraction.sentences import split_sentences

    checked = 0
    for path in sorted(ARTICLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for sentence in split_sentences(text):
            words = [sentence.text[s:e] for s, e in tagger.tokenize(sentence.text)]
            expected = tagger.tag(words)
            tagger.clear_cache()
            as_read = tagger.tags_as_read(words)
            assert len(as_read) == len(expected)
            assert as_read[:1] == expected[:1]  # the first alone, then one further on, then all
            assert as_read[len(words) // 2 : len(words) // 2 + 1] == expected[len(words) // 2 : len(words) // 2 + 1]
            assert list(as_read) == expected
            assert as_read[-1] == expected[-1]
            checked += len(words)
    assert checked > 5_000


def test_the_list_scored_perceptron_gives_nltks_answer_for_every_word_of_the_test_articles() -> None:
    from nltk.tag.perceptron import AveragedPerceptron

    from newsfacts.extraction.sentences import split_sentences

    model = tagger._tagger()
    checked = 0
    for path in sorted(ARTICLES.glob("*.txt")):
        for sentence in split_sentences(path.read_text(encoding="utf-8")):
            words = [sentence.text[s:e] for s, e in tagger.tokenize(sentence.text)]
            context = model.START + [model.normalize(word) for word in words] + model.END
            prev, prev2 = model.START
            for index, word in enumerate(words):
                features = model._get_features(index, word, context, prev, prev2)
                expected = AveragedPerceptron.predict(model.model, features)[0]
                assert model.model.predict(features)[0] == expected, (word, sentence.text)
                prev2, prev = prev, expected
                checked += 1
    assert checked > 5_000


def test_equal_scores_go_to_the_greatest_class_name_as_nltks_predict_gives_them() -> None:
    from nltk.tag.perceptron import AveragedPerceptron

    model = tagger._scoring_class()({"suffix ing": {"NN": 1.5, "VBG": 1.5, "JJ": 0.5}}, ["DT", "JJ", "NN", "VBG"])
    for features in ({"suffix ing": 1}, {"unknown": 1}, {"suffix ing": 0}):
        assert model.predict(features)[0] == AveragedPerceptron.predict(model, features)[0] == "VBG"


def test_reading_the_first_tags_asks_the_model_about_those_words_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    model = tagger._tagger().model
    asked: list[object] = []
    predict = model.predict
    monkeypatch.setattr(model, "predict", lambda features, *args: asked.append(features) or predict(features, *args))
    words = ["Harlow", "Quarrington", "Vellacott", "Brimsworth", "Tennaby", "Oskarvik"]  # none in the tag dictionary
    tagger.clear_cache()
    as_read = tagger.tags_as_read(words)
    assert as_read[0] == tagger.tag(words)[0]
    assert len(asked) == 1 + len(words)  # the first word, then tag() for all of them
    with pytest.raises(IndexError):
        as_read[len(words)]


def test_shipped_model_is_the_file_the_training_command_recorded() -> None:
    recorded = tagger.MODEL_PATH.with_name(tagger.MODEL_PATH.name + ".sha256").read_text(encoding="utf-8").split()
    assert recorded == [tagger.model_checksum(), tagger.MODEL_PATH.name]


def test_training_twice_on_the_same_sentences_gives_the_same_bytes_of_model(tmp_path) -> None:
    sentences = [
        [("Ana", "NNP"), ("Ruiz", "NNP"), ("said", "VBD"), ("it", "PRP"), ("rained", "VBD"), (".", ".")],
        [("Divers", "NNS"), ("say", "VBP"), ("the", "DT"), ("wreck", "NN"), ("sank", "VBD"), (".", ".")],
        [("The", "DT"), ("mayor", "NN"), ("says", "VBZ"), ("roads", "NNS"), ("closed", "VBD"), (".", ".")],
    ] * 5
    first, second = tagger.model_bytes(tagger.train(sentences)), tagger.model_bytes(tagger.train(sentences))
    assert first == second
    path = tmp_path / "model.json.gz"
    path.write_bytes(first)
    loaded = tagger.load_model(path)
    assert [t for _, t in loaded.tag(["Divers", "say", "the", "wreck", "sank", "."])] == [
        "NNS", "VBP", "DT", "NN", "VBD", ".",
    ]  # fmt: skip


def test_read_conllu_skips_multiword_tokens_and_empty_nodes(tmp_path) -> None:
    path = tmp_path / "tiny.conllu"
    path.write_text(
        "# text = I don't know.\n"
        "1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n"
        "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
        "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n"
        "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
        "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\t_\n"
        "4.1\tgone\tgo\tVERB\tVBN\t_\t_\t_\t_\t_\n"
        "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n",
        encoding="utf-8",
    )
    assert tagger.read_conllu(path) == [[("I", "PRP"), ("do", "VBP"), ("n't", "RB"), ("know", "VB"), (".", ".")]]


def test_pipeline_version_covers_the_model_file() -> None:
    # A new model changes what the pipeline extracts: the version that decides re-extraction must change with it.
    from newsfacts.extraction.version import pipeline_files

    assert tagger.MODEL_PATH in pipeline_files()
    assert Path(tagger.__file__) in pipeline_files()


def test_a_word_is_known_when_the_treebank_used_it_in_any_case() -> None:
    assert tagger.is_known("Shares") and tagger.is_known("the")
    assert not tagger.is_known("Brekkeville")
