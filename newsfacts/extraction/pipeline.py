"""The whole pipeline: sentences, then speakers and quotes, then claims. Shared by `ingest` and `extract --json`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsfacts.extraction.claims import Claim, find_claims
from newsfacts.extraction.quotes import Quote, find_quotes
from newsfacts.extraction.sentences import Sentence, split_sentences
from newsfacts.extraction.speakers import Speaker


@dataclass(frozen=True, slots=True)
class Extraction:
    sentences: tuple[Sentence, ...]
    speakers: tuple[Speaker, ...]
    quotes: tuple[Quote, ...]
    claims: tuple[Claim, ...]

    def as_json(self) -> dict[str, Any]:
        """The stable shape printed by `manage.py extract --json`."""
        return {
            "sentences": [
                {"position": s.position, "start": s.start, "end": s.end, "kind": s.kind, "text": s.text}
                for s in self.sentences
            ],
            "speakers": [
                {"name": s.name, "kind": s.kind, "aliases": list(s.aliases), "description": s.description}
                for s in self.speakers
            ],
            "quotes": [
                {
                    "text": q.text,
                    "start": q.start,
                    "end": q.end,
                    "kind": q.kind,
                    "speaker": q.speaker,
                    "speaker_description": q.speaker_description,
                    "cue": q.cue,
                    "sentence": q.sentence,
                    "confidence": q.confidence,
                    "attribution": q.attribution,
                }
                for q in self.quotes
            ],
            "claims": [
                {
                    "text": c.text,
                    "start": c.start,
                    "end": c.end,
                    "kind": c.kind,
                    "claimant": c.claimant,
                    "claimant_description": c.claimant_description,
                    "sentence": c.sentence,
                    "confidence": c.confidence,
                }
                for c in self.claims
            ],
        }


def extract(text: str) -> Extraction:
    sentences = split_sentences(text)
    speakers, quotes = find_quotes(text, sentences)
    claims = find_claims(text, sentences, quotes)
    return Extraction(tuple(sentences), tuple(speakers), tuple(quotes), tuple(claims))
