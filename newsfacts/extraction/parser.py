"""Dependency trees for the sentences a rule asks about, with offsets into the stored text.

A spaCy pipeline trained offline (``bench/train_parser.py``) and shipped beside this module (``parser_model/``,
CC BY-SA 4.0): a tagger and a dependency parser trained on the Universal Dependencies English Web Treebank. The model
is read once per process, on first use, from that folder only; nothing is downloaded. A sentence costs about two
milliseconds, so callers parse the sentences they ask about (results are cached per sentence), not whole articles.

Offsets are into the text passed in: ``parse(text, start, end)`` parses ``text[start:end]`` and every span it gives
slices ``text`` itself.

    >>> text = "Ana Ruiz, the mayor of Halden, said the bridge would reopen in May."
    >>> sentence = parse(text)
    >>> said = text.index("said")
    >>> start, end = sentence.subject(said)
    >>> text[start:end]
    'Ana Ruiz, the mayor of Halden'
    >>> start, end = sentence.complement(said)
    >>> text[start:end]
    'the bridge would reopen in May'
    >>> sentence.heads_finite_clause(text.index("reopen"))
    True
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MODEL_DIR = Path(__file__).with_name("parser_model")
PARSER_PATH = MODEL_DIR / "en_ewt_parser"

# Universal Dependencies relations (as the treebank writes them).
SUBJECT_RELATIONS = frozenset({"nsubj", "nsubj:pass", "csubj", "csubj:pass"})
# Verb forms that make a clause finite (Penn Treebank tags): past, present, modal.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
AUXILIARY_RELATIONS = frozenset({"aux", "aux:pass", "cop"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# The treebank writes straight apostrophes and quotation marks; the replacements keep every offset.
_STRAIGHT = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\n": " ", "\t": " "})


@dataclass(frozen=True, slots=True)
class ParsedSentence:
    """One sentence's dependency tree; every offset taken and given is into ``text``, the whole stored text."""

    text: str
    offset: int  # where the parsed sentence starts in ``text``
    doc: Doc

    def token_at(self, start: int) -> Token | None:
        """The token that holds offset ``start`` of ``text``, or None when none does (a space, or another
        sentence)."""
        i = start - self.offset
        for token in self.doc:
            if token.idx <= i < token.idx + len(token.text):
                return token
        return None

    def subject(self, verb_start: int) -> tuple[int, int] | None:
        """The span of the subject phrase of the verb at ``verb_start``, appositions and relative clauses included
        (``Ana Ruiz, the mayor, said``; ``said Ana Ruiz``). A verb coordinated with another shares its subject
        (``resigned and said``); the subject of a relative clause is the noun it modifies (``engineers, who said``).
        None when the verb has none (``adding that``)."""
        found = self._subject(verb_start)
        return self._span(*found[1:]) if found else None

    def subject_head(self, verb_start: int) -> tuple[int, int] | None:
        """The span of the head word of the subject phrase (``Ruiz`` in ``Ana Ruiz, the mayor, said``)."""
        found = self._subject(verb_start)
        return (self.offset + found[0].idx, self.offset + found[0].idx + len(found[0].text)) if found else None

    def _subject(self, verb_start: int) -> tuple[Token, list[Token], int | None] | None:
        """The subject's head, the words of its phrase, and the index its phrase stops before (or None)."""
        verb = self.token_at(verb_start)
        subject = _subject_token(verb) if verb is not None else None
        if verb is None or subject is None:
            return None
        if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "acl:relcl" and verb.head.i < subject.i:
            # "engineers, who said the design had flaws": the engineers; the phrase ends before the clause.
            return verb.head, list(verb.head.subtree), verb.left_edge.i
        return subject, list(subject.subtree), None

    def complement(self, verb_start: int) -> tuple[int, int] | None:
        """The span of what the verb at ``verb_start`` reports, "that" included: its clausal complement (``said
        (that) the bridge would reopen``) or, when the verb stands aside (``The bridge, she said, will reopen``;
        ``..., she said.``), the clause it stands in, outside the aside's own words. None when it reports no clause
        (``said nothing``)."""
        verb = self.token_at(verb_start)
        if verb is None:
            return None
        for child in verb.children:
            if child.dep_ == "ccomp":
                return self._span(list(child.subtree))
        if verb.dep_ == "parataxis":
            aside = {t.i for t in verb.subtree}
            return self._span([t for t in verb.head.subtree if t.i not in aside])
        for child in verb.children:
            if child.dep_ == "parataxis" and child.i > verb.i:
                return self._span(list(child.subtree))  # "She said: the bridge will reopen."
        return None

    def reports_clause(self, verb_start: int) -> bool:
        """Whether the verb at ``verb_start`` has a clausal complement (``said (that) the bridge would reopen``), not
        an object (``reported higher revenue``) or nothing."""
        verb = self.token_at(verb_start)
        return verb is not None and any(child.dep_ == "ccomp" for child in verb.children)

    def heads_finite_clause(self, start: int) -> bool:
        """Whether the word at ``start`` heads a finite clause: a verb (or predicate) in the past or present tense
        or with a modal or tensed auxiliary (``reopened``, ``will reopen``, ``is closed``), not an infinitive or a
        participle standing alone (``to reopen``, ``reopening``, ``closed for repairs``)."""
        token = self.token_at(start)
        if token is None:
            return False
        if token.tag_ in FINITE_TAGS:
            return True
        return any(c.dep_ in AUXILIARY_RELATIONS and c.tag_ in FINITE_TAGS for c in token.children)

    def words(self) -> Iterator[tuple[int, int, str, str, int]]:
        """Each token as (start, end, tag, relation, index of its head in the sentence)."""
        for token in self.doc:
            if not token.is_space:
                start = self.offset + token.idx
                yield start, start + len(token.text), token.tag_, token.dep_, token.head.i

    def _span(self, tokens: list[Token], until: int | None = None) -> tuple[int, int] | None:
        """The offsets from the first to the last of ``tokens`` (before token ``until``), marks at the edges left
        out."""
        kept = sorted((t for t in tokens if until is None or t.i < until), key=lambda t: t.i)
        while kept and (kept[0].is_punct or kept[0].is_space):
            kept.pop(0)
        while kept and (kept[-1].is_punct or kept[-1].is_space):
            kept.pop()
        if not kept:
            return None
        return self.offset + kept[0].idx, self.offset + kept[-1].idx + len(kept[-1].text)


def _subject_token(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in SUBJECT_RELATIONS:
            return child
    if verb.dep_ == "conj" and verb.head.tag_.startswith("VB"):
        return _subject_token(verb.head)  # "resigned on Monday and said": the first verb's subject
    return None


def parse(text: str, start: int = 0, end: int | None = None) -> ParsedSentence:
    """The dependency tree of ``text[start:end]`` (one sentence); offsets stay ``text``'s."""
    end = len(text) if end is None else end
    return ParsedSentence(text, start, _parsed(text[start:end].translate(_STRAIGHT)))


def load() -> None:
    """Read the model now rather than on the first sentence parsed."""
    _parser()


def clear_cache() -> None:
    """Forget the sentences parsed so far (benchmarks time parsing from cold; the model stays loaded)."""
    _parsed.cache_clear()


def model_checksum(path: Path) -> str:
    """The sha256 of a model folder: each file's path (relative, sorted) and bytes, as ``bench/train_parser.py``
    wrote it beside the folder."""
    digest = hashlib.sha256()
    for file in sorted(p for p in path.rglob("*") if p.is_file()):
        digest.update(file.relative_to(path).as_posix().encode("utf-8") + b"\0")
        digest.update(file.read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=2048)
def _parsed(sentence: str) -> Doc:
    doc: Doc = _parser()(sentence)
    return doc


@cache
def _parser() -> Any:
    return _load(PARSER_PATH)


def _load(path: Path) -> Any:
    os.environ.setdefault("OMP_NUM_THREADS", "1")  # a sentence is too small to share between threads
    import spacy  # imported on first use: spaCy takes about a second to import

    return spacy.load(path)
