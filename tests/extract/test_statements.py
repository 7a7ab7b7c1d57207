"""Statements on short texts written for the purpose: cues, sources, content spans and hard cases."""

import pytest

import sitrep

PUBLISHED = "Published Mar 12, 2017, 2:00 pm PKT\n\n"


def extract(body: str):
    return sitrep.extract("Statements in a written test story\n\n" + PUBLISHED + body)


def statements(body: str):
    doc = extract(body)
    for statement in doc.statements:
        # Every span points into the article text.
        assert doc.article.text[statement.content.start : statement.content.end] == statement.content.text
        if statement.source_mention is not None:
            mention = statement.source_mention
            assert doc.article.text[mention.start : mention.end] == mention.text
    return doc.statements


def test_anonymous_source():
    said = statements('"The attackers came from across the border," a senior police official said on condition '
                      'of anonymity because he was not authorised to speak to the media.')
    assert len(said) == 1
    statement = said[0]
    assert statement.anonymous and statement.direct
    assert statement.text == "The attackers came from across the border"
    assert statement.content.text == '"The attackers came from across the border,"'
    assert statement.source_mention.text.startswith("a senior police official")
    assert statement.role == "senior police official"


def test_reported_speech_without_quotes():
    said = statements("The interior minister said the curfew in Quetta would be lifted on Monday.")
    assert len(said) == 1
    statement = said[0]
    assert not statement.direct and statement.cue == "said"
    assert statement.content.text == "the curfew in Quetta would be lifted on Monday"
    assert statement.source_mention.text == "The interior minister"


def test_he_said_continues_the_named_speaker():
    said = statements('Ali bin Sufyan, a spokesman for LeJ Al-Alami, said the group had trained the attackers.\n\n'
                      '"We will carry out more attacks in the coming days," he said.')
    assert [s.speaker for s in said] == ["Ali bin Sufyan", "Ali bin Sufyan"]
    second = said[1]
    assert second.direct and second.source_mention.text == "he"
    assert second.role == "spokesman" and second.organization_id == "lashkar-e-jhangvi-al-alami"


def test_according_to():
    said = statements("Five soldiers were killed in the ambush, according to the provincial government.")
    assert len(said) == 1
    statement = said[0]
    assert statement.cue == "according to"
    assert statement.source_mention.text == "the provincial government"
    assert statement.content.text == "Five soldiers were killed in the ambush"


def test_according_to_before_the_clause():
    said = statements("According to local residents, the militants fled into the mountains.")
    assert [s.content.text for s in said] == ["the militants fled into the mountains"]
    assert said[0].source_mention.text == "local residents"


def test_multi_sentence_quote_interrupted_by_its_cue_is_one_statement():
    said = statements('"We have lost many brave men. Their sacrifice will not be forgotten," the army chief said. '
                      '"We will hunt down every one of those responsible."')
    assert len(said) == 1
    statement = said[0]
    assert statement.direct and statement.cue == "said"
    assert statement.content.text.startswith('"We have lost many brave men.')
    assert statement.content.text.endswith('every one of those responsible."')
    assert statement.text == ("We have lost many brave men. Their sacrifice will not be forgotten "
                              "We will hunt down every one of those responsible.")
    assert statement.source_mention.text == "the army chief"


def test_quotation_paragraph_without_a_cue_continues_the_quotation_before_it():
    said = statements('"The situation is under control," the district commissioner told reporters.\n\n'
                      '"Schools and markets will reopen tomorrow and extra police have been deployed."')
    assert len(said) == 1
    assert said[0].content.text.endswith('extra police have been deployed."')
    assert said[0].speaker == "the district commissioner"


def test_cue_before_a_colon_and_quotation():
    said = statements('The governor struck a defiant tone: "We will not bow to terror."')
    assert len(said) == 1
    assert said[0].content.text == '"We will not bow to terror."'
    assert said[0].source_mention.text == "The governor"


def test_a_cue_inside_a_quotation_is_not_a_statement_of_its_own():
    said = statements('"People say the army has abandoned us," said Gul Khan, a shopkeeper in Peshawar.')
    assert len(said) == 1
    assert said[0].speaker == "Gul Khan"


def test_nested_reported_speech_stays_in_the_outer_statement():
    said = statements("Police said the suspect told investigators that he had acted alone.")
    assert len(said) == 1
    assert said[0].speaker == "Police"
    assert said[0].content.text == "the suspect told investigators that he had acted alone"


def test_beliefs_and_stances_are_attributions():
    said = statements("The mayor believes that the bombing was meant to derail the peace talks. "
                      "Opposition leaders criticized the government's handling of the crisis.")
    assert [(s.cue, s.source_mention.text, s.content.text) for s in said] == [
        ("believes", "The mayor", "the bombing was meant to derail the peace talks"),
        ("criticized", "Opposition leaders", "the government's handling of the crisis"),
    ]


@pytest.mark.parametrize("body", [
    "Militants attacked a police post in Bannu on Sunday.",
    'The film "Zero Dark Thirty" was shown in Karachi.',
    "The minister knows the city well.",
])
def test_no_statement(body):
    assert statements(body) == []


def test_relative_pronoun_source():
    said = statements("The attack was condemned by Nawaz Sharif, who said the perpetrators would be punished.")
    assert len(said) == 1
    assert said[0].source_mention.text == "who"
    assert said[0].speaker == "Nawaz Sharif"


def test_impersonal_attribution_has_no_source():
    said = statements("The ceasefire appears to be holding in most districts.")
    assert len(said) == 1
    assert said[0].source_mention is None and said[0].speaker is None


def test_he_is_the_person_last_in_subject_position_not_the_last_group_that_spoke():
    said = statements("Opposition leaders criticized the government's handling of the crisis on Monday.\n\n"
                      'Nawaz Sharif arrived in Lahore on Tuesday. "We will not let the terrorists win," he said.')
    assert [s.speaker for s in said] == ["Opposition leaders", "Nawaz Sharif"]
    assert said[1].source_mention.text == "he"
