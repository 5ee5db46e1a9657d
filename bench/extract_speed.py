"""How fast the extraction pipeline runs on a long article: each step alone, then ``pipeline.extract`` whole.

The article (about 10,000 words by default) is built from the test articles, each copy varied (its numbers shifted,
its paragraphs rotated) so that no two copies are the same text. Prints median and best times and words per second.

    .venv/bin/python bench/extract_speed.py [--words 10000] [--runs 7]
    .venv/bin/python bench/extract_speed.py --profile [30]   # one cold run under cProfile: where the time goes

Target: well under half a second for 10,000 words. Also prints the part-of-speech model's and the dependency parser's
load times and what tagging, or parsing, every sentence of the article would cost.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from newsfacts.extraction import parser as dependencies  # noqa: E402
from newsfacts.extraction import tagger  # noqa: E402
from newsfacts.extraction.claims import find_claims  # noqa: E402
from newsfacts.extraction.pipeline import extract  # noqa: E402
from newsfacts.extraction.quotes import find_quotes  # noqa: E402
from newsfacts.extraction.sentences import split_sentences  # noqa: E402

ARTICLES = ROOT / "tests" / "extraction" / "articles"
SEED = ROOT / "fixtures" / "seed-afp-iss-film.txt"
WORD = re.compile(r"\S+")
NUMBER = re.compile(r"\d+")


def source_articles() -> list[str]:
    """The test articles (the seed alone when they are missing), in a stable order."""
    paths = sorted(ARTICLES.glob("*.txt")) or [SEED]
    return [path.read_text(encoding="utf-8") for path in paths]


def varied(text: str, copy: int) -> str:
    """A variant of ``text``: every number shifted by ``copy`` and the paragraphs rotated by ``copy``."""
    text = NUMBER.sub(lambda m: str(int(m.group()) + copy), text) if copy else text
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    if len(paragraphs) > 1:
        shift = copy % len(paragraphs)
        paragraphs = paragraphs[shift:] + paragraphs[:shift]
    return "\n\n".join(paragraphs)


def long_article(words: int) -> str:
    """Concatenate varied copies of the test articles until the text holds at least ``words`` words."""
    sources = source_articles()
    parts: list[str] = []
    total, copy = 0, 0
    while total < words:
        part = varied(sources[copy % len(sources)], copy // len(sources))
        parts.append(part)
        total += len(WORD.findall(part))
        copy += 1
    return "\n\n".join(parts)


def timed(step: Callable[[], Any], runs: int) -> tuple[list[float], Any]:
    """Run ``step`` once to warm up, then ``runs`` times; return the timings (seconds) and the last result."""
    result = step()
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        result = step()
        timings.append(time.perf_counter() - start)
    return timings, result


def report(name: str, timings: list[float], words: int, detail: str) -> None:
    median, best = statistics.median(timings), min(timings)
    rate = f"{words / median:,.0f}" if median > 1e-6 else "-"
    print(f"{name:<16}{median * 1000:>10.1f}{best * 1000:>10.1f}{rate:>16}   {detail}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=10_000, help="length of the article in words (default 10000)")
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each step (default 7)")
    parser.add_argument(
        "--profile",
        type=int,
        nargs="?",
        const=30,
        metavar="LINES",
        help="profile one cold run of the whole pipeline instead; print the top LINES functions (default 30)",
    )
    args = parser.parse_args(argv)

    text = long_article(args.words)
    if args.profile is not None:
        return profile(text, args.profile)
    words = len(WORD.findall(text))
    print(f"load average {' '.join(Path('/proc/loadavg').read_text().split()[:3])}")
    print(f"article: {words:,} words, {len(text):,} characters; {args.runs} runs per step after one warm-up")
    began = time.perf_counter()
    tagger.load()
    print(f"part-of-speech model loaded in {(time.perf_counter() - began) * 1000:.0f} ms (once per process, not below)")
    began = time.perf_counter()
    dependencies.load()
    seconds = time.perf_counter() - began
    print(f"dependency parser (spaCy) imported and loaded in {seconds * 1000:.0f} ms (once per process, not below)")
    print(f"{'step':<16}{'median ms':>10}{'best ms':>10}{'words/s':>16}   output")

    try:
        timings, sentences = timed(lambda: split_sentences(text), args.runs)
    except NotImplementedError:
        print("split_sentences not implemented yet: nothing else can run")
        return 1
    report("sentences", timings, words, f"{len(sentences)} sentences")

    def tag_all() -> int:
        tagger.clear_cache()
        return sum(len(tagger.tagged(text[s.start : s.end])) for s in sentences)

    timings, tokens = timed(tag_all, args.runs)
    report("tag every word", timings, words, f"{tokens} tokens (the pipeline tags only the sentences it asks about)")

    def parse_all() -> int:
        dependencies.clear_cache()
        return sum(len(list(dependencies.parse(text, s.start, s.end).words())) for s in sentences)

    timings, tokens = timed(parse_all, args.runs)
    report("parse every one", timings, words, f"{tokens} tokens, one sentence at a time")

    timings, (speakers, quotes) = timed(lambda: (tagger.clear_cache(), find_quotes(text, sentences))[1], args.runs)
    report("speakers+quotes", timings, words, f"{len(speakers)} speakers, {len(quotes)} quotes")

    timings, claims = timed(lambda: find_claims(text, sentences, quotes), args.runs)
    report("claims", timings, words, f"{len(claims)} claims")

    def extract_cold() -> Any:
        tagger.clear_cache()  # each run tags afresh, as an article met once would
        return extract(text)

    timings, extraction = timed(extract_cold, args.runs)
    report("extract (all)", timings, words, f"{len(extraction.claims)} claims")

    median = statistics.median(timings)
    verdict = "within" if median < 0.5 else "OVER"
    print(f"pipeline: {median:.3f} s median for {words:,} words ({verdict} the 0.5 s target)")
    return 0


def profile(text: str, lines: int) -> int:
    """One cold run of ``extract`` under cProfile (after a warm-up, as the timings): the functions by their own time,
    then by the time spent in them and below. Profiling slows Python calls, so compare the shares, not the seconds,
    with the timings above; the calls counted (the tagger's ``predict``, say) are exact."""
    tagger.load()
    dependencies.load()
    extract(text)
    tagger.clear_cache()
    profiler = cProfile.Profile()
    profiler.enable()
    extract(text)
    profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats("tottime").print_stats(lines)
    stats.sort_stats("cumulative").print_stats(lines)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
