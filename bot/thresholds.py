"""The router's confidence cut-offs: configuration, so they live apart from the router (reading the
settings never loads the router's libraries)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Thresholds(BaseModel):
    """Confidence cut-offs (0-100), chosen on the tune split only: see docs, "Answer quality"."""

    model_config = ConfigDict(frozen=True)

    answer: float = Field(default=70.0, ge=0, le=100)
    margin: float = Field(default=6.0, ge=0, le=100)
    suggest: float = Field(default=40.0, ge=0, le=100)
    keyword_weight: float = Field(default=0.4, ge=0, le=1)
    unknown_word_penalty: float = Field(default=0.5, ge=0, le=1)
    uncovered: float = Field(default=0.34, ge=0, le=1, description="share of a question a target may leave uncovered")
    distinct: float = Field(
        default=15.0, ge=0, le=100, description="how much better a gap must fit than a fact asked with its word"
    )
    floor: float = Field(default=35.0, ge=0, le=100, description="below it a fact is not even offered")
    unknown: float = Field(default=0.5, ge=0, le=1, description="share of a question we have no word for")
    stray: float = Field(default=0.34, ge=0, le=1, description="share of a question no target covers: another subject")
    typicality: float = Field(default=0.25, ge=0, le=1, description="how much a word's typicality of a target weighs")
    # Leads of the classifier's first target over its second (a linear SVM's margin, about 0-2).
    second_opinion: float = Field(default=0.5, ge=0, le=10, description="settles a near-tie on a clean question")
    elsewhere: float = Field(default=0.3, ge=0, le=10, description="declines what it places in `elsewhere`")
    sure_gap: float = Field(default=0.8, ge=0, le=10, description="turns a 'did you mean' into the gap it picks")
    veto: float = Field(default=0.0, ge=0, le=10, description="declines an answer it places among other subjects")
    rescue: float = Field(default=1.0, ge=0, le=10, description="replies with its pick for what the rules decline")
    chat: float = Field(default=0.5, ge=0, le=10, description="replies with the chat reply it picks for a decline")
    outside: float = Field(default=1.0, ge=0, le=10, description="answers a fact it picks that the rules did not offer")
    agree: float = Field(default=0.4, ge=0, le=10, description="turns a 'did you mean' it agrees with into an answer")
    sure: float = Field(default=0.8, ge=0, le=10, description="settles a near-tie whatever words it has")
