"""UTF-16 offsets: what JavaScript's ``text.slice(start, end)`` cuts is what Python's ``text[start:end]`` cuts."""

from __future__ import annotations

import pytest

from newsfacts.offsets import Utf16Offsets

# Emoji (astral, and with skin tone and ZWJ sequences), accents precomposed and combining, astral CJK and math letters.
HOSTILE = (
    "Café owners 👩🏽‍🍳 said «ça suffit» — e\u0301te\u0301 prices rose 𠀋 percent; "
    "\U0001d401\U0001d428\U0001d425\U0001d41d claim: 🇫🇷 wins 🎉, "
    'said Zoë Ångström, "we 💯 agree."'
)


def js_slice(text: str, start: int, end: int) -> str:
    """JavaScript's String.prototype.slice: indexes count UTF-16 code units."""
    units = text.encode("utf-16-le")
    return units[2 * start : 2 * end].decode("utf-16-le")


def spans(text: str) -> list[tuple[int, int]]:
    words = [(i, i + len(word)) for i, word in _words(text)]
    return [*words, (0, len(text)), (5, 40), (len(text) - 8, len(text))]


def _words(text: str):
    start = 0
    for word in text.split(" "):
        yield start, word
        start += len(word) + 1


@pytest.mark.parametrize(("start", "end"), spans(HOSTILE))
def test_utf16_offsets_slice_in_javascript_the_text_python_slices(start, end):
    to_utf16 = Utf16Offsets(HOSTILE)

    assert js_slice(HOSTILE, to_utf16(start), to_utf16(end)) == HOSTILE[start:end]


def test_utf16_offsets_equal_code_points_without_astral_characters():
    to_utf16 = Utf16Offsets("Zoë Ångström e\u0301te\u0301 — «ça»")

    assert [to_utf16(i) for i in range(20)] == list(range(20))


def test_each_astral_character_before_an_offset_adds_one():
    to_utf16 = Utf16Offsets("a🎉b𠀋c")

    assert [to_utf16(i) for i in range(6)] == [0, 1, 3, 4, 6, 7]
