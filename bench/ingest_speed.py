"""How fast `manage.py ingest` turns a web archive into articles, with 1 and 2 worker processes, and its peak memory.

Builds (once, into bench/out/) a WARC of synthetic news pages written here: four page templates (a newspaper page
with navigation, byline, dateline, photo caption and related stories; a blog page with JSON-LD; an old table layout;
a page of nested divs), varied boilerplate, four encodings (UTF-8 declared and undeclared, ISO-8859-1,
Windows-1252), broken markup (unclosed and stray tags), some pages in French or German (stored, not extracted), and
records that are no articles (images, JSON, 404s, empty pages, revisits). Every story is different text.

Then runs `ingest -v 0 --workers N` on it into a fresh SQLite database per run, one run at a time, and prints
articles per second, the speed-up over one worker, the CPU time of all its processes (what parallel work costs
beyond the sequential run), and the peak memory (the largest process's resident size, and the whole process tree's
proportional set size sampled every 0.1 s). A smaller archive runs too: flat memory means the same peak whatever
the archive's size.

    .venv/bin/python bench/ingest_speed.py [--pages 3000] [--small 1000] [--workers 1,2]

The machine is shared: the load average is printed before each run; figures are noisy, compare within one run.
"""

from __future__ import annotations

import argparse
import html
import io
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"

FIRST = ["Ana", "Ben", "Chloé", "David", "Elena", "Farid", "Grace", "Hiroshi", "Inés", "Jonas", "Kwame", "Lena"]
LAST = ["Ruiz", "Okafor", "Martin", "Schulz", "Novak", "Haddad", "Lindqvist", "Tanaka", "Moreau", "Adeyemi"]
ROLES = ["the mayor", "the finance minister", "a council spokesperson", "the union leader", "the head of the agency"]
PLACES = ["Springfield", "Riverton", "Lakeside", "Port Ellis", "Northgate", "Ashford", "Millbrook", "Eastwick"]
TOPICS = ["bridge", "hospital", "school", "rail line", "budget", "harbour", "stadium", "water plant", "library"]
VERBS = ["said", "told reporters", "added", "said in a statement", "wrote on social media"]
FRENCH = [
    "Le conseil municipal a approuvé lundi un budget de {n} millions d'euros pour la nouvelle {t}.",
    "Les travaux commenceront en {y} et devraient durer {k} ans, selon la mairie.",
    "« C'est un projet attendu depuis longtemps », a déclaré la maire lors d'une conférence de presse.",
]
GERMAN = [
    "Der Stadtrat hat am Montag ein Budget von {n} Millionen Euro für das neue Projekt genehmigt.",
    "Die Bauarbeiten sollen {y} beginnen und etwa {k} Jahre dauern, teilte die Stadt mit.",
    "„Das ist ein wichtiger Tag für unsere Stadt“, sagte die Bürgermeisterin.",
]


def sentence(rng: random.Random, n: int) -> str:
    """One English news sentence: a figure, a date, a direct or reported quote, or plain background."""
    who = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    place, topic = rng.choice(PLACES), rng.choice(TOPICS)
    figure, year = rng.randint(2, 900), rng.randint(1990, 2030)
    return rng.choice(
        [
            f"The {topic} in {place} will cost ${figure} million, {rng.randint(5, 60)}% more than planned in {year}.",
            f'"We will open the {topic} in {year}," {rng.choice(VERBS)} {who}, {rng.choice(ROLES)}.',
            f"{who}, {rng.choice(ROLES)}, said the {topic} would serve {figure * 100:,} people a day.",
            f"Officials in {place} said on Tuesday that {figure} jobs would be created by the {topic} project.",
            f'"This is not what residents asked for," {who} said, adding that the vote was {n % 9 + 1} to 2.',
            f"The council first discussed the {topic} in {year}, when the plan was estimated at ${figure // 2 + 1} "
            "million.",
            f"Construction of the {topic} is expected to start in {year} and take {rng.randint(2, 6)} years.",
        ]
    )


def story(rng: random.Random, n: int, language: str) -> tuple[str, list[str]]:
    """A headline and paragraphs; the story number is in the first sentence so that no two texts are the same."""
    place, topic = rng.choice(PLACES), rng.choice(TOPICS)
    if language != "en":
        lines = FRENCH if language == "fr" else GERMAN
        paragraphs = [
            " ".join(s.format(n=n, t=topic, y=2025 + n % 5, k=n % 4 + 2) for s in rng.sample(lines, 3))
            for _ in range(rng.randint(3, 6))
        ]
        return f"{place}: {topic} ({n})", paragraphs
    dateline = f"{place.upper()}, March {n % 28 + 1} (Wire) - Story {n}: "
    paragraphs = [" ".join(sentence(rng, n) for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(4, 14))]
    paragraphs[0] = dateline + paragraphs[0]
    return f"{place} approves {topic} plan ({n})", paragraphs


def boilerplate(rng: random.Random) -> dict[str, str]:
    links = "".join(f'<a href="/s/{i}">Section {i}</a> ' for i in range(rng.randint(5, 40)))
    related = "".join(f'<li><a href="/r/{i}">Related headline number {i}</a></li>' for i in range(rng.randint(0, 8)))
    comments = "".join(
        f'<div class="comment"><b>{rng.choice(FIRST)}</b><p>I think this is {rng.choice(["great", "bad"])}.</p></div>'
        for _ in range(rng.randint(0, 6))
    )
    return {
        "nav": f"<nav>{links}</nav>",
        "related": f'<aside class="related"><h3>Related stories</h3><ul>{related}</ul></aside>' if related else "",
        "comments": f'<section id="comments">{comments}</section>',
        "footer": "<footer><p>&copy; 2024 The Wire. All rights reserved.</p><a href='/privacy'>Privacy</a></footer>",
        "ads": '<div class="ad">Advertisement</div>' * rng.randint(0, 4),
    }


def page(rng: random.Random, n: int) -> tuple[bytes, str]:
    """One HTML page and its content type (with the charset it declares in HTTP, when it does)."""
    language = "fr" if n % 40 == 7 else "de" if n % 40 == 23 else "en"
    title, paragraphs = story(rng, n, language)
    author = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    b = boilerplate(rng)
    esc = html.escape
    body = "".join(f"<p>{esc(p)}</p>" for p in paragraphs)
    template = n % 4
    encoding = ["utf-8", "utf-8-undeclared", "iso-8859-1", "windows-1252"][(n // 4) % 4]
    charset = "" if encoding == "utf-8-undeclared" else f'<meta charset="{encoding}">'
    lang = f' lang="{language}"' if n % 3 else ""  # a third of the pages declare no language
    if template == 0:
        figure = f"<figure><img src='/i/{n}.jpg'><figcaption>The site in {2020 + n % 4}. Photo: Wire</figcaption>"
        doc = (
            f"<!DOCTYPE html><html{lang}><head>{charset}<title>{esc(title)} | The Wire</title>"
            f'<meta property="og:site_name" content="The Wire"><meta name="author" content="{author}">'
            f'<meta property="article:published_time" content="2024-03-{n % 28 + 1:02d}T10:00:00Z">'
            f'<link rel="canonical" href="https://wire.example/{n}"></head><body>{b["nav"]}<main><article>'
            f'<h1>{esc(title)}</h1><p class="byline">By {author}</p>{figure}</figure>{body}{b["related"]}'
            f"</article>{b['comments']}</main>{b['ads']}{b['footer']}</body></html>"
        )
    elif template == 1:
        doc = (
            f"<html{lang}><head>{charset}<title>{esc(title)}</title>"
            f'<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{esc(title)}", '
            f'"datePublished": "2024-04-{n % 28 + 1:02d}", "author": {{"name": "{author}"}}}}</script></head>'
            f'<body>{b["nav"]}<div class="post-content"><h2>{esc(title)}</h2>{body}</div>'
            f'<div class="newsletter">Sign up for our newsletter.</div>{b["comments"]}</body></html>'
        )
    elif template == 2:
        cells = "".join(f"<tr><td>{p}</td></tr>" for p in (f"<p>{esc(x)}" for x in paragraphs))  # unclosed <p>
        doc = (
            f"<HTML{lang}><HEAD>{charset}<TITLE>{esc(title)}</TITLE></HEAD><BODY><TABLE><TR><TD>{b['nav']}</TD></TR>"
            f"<TR><TD><H1>{esc(title)}</H1></TD></TR>{cells}</TABLE></div></span>{b['footer']}</BODY>"
        )  # stray closing tags, no </HTML>
    else:
        nested = "".join(f'<div class="row"><div class="col"><p>{esc(p)}</p></div></div>' for p in paragraphs)
        doc = (
            f"<!doctype html><html{lang}><head>{charset}<title>{esc(title)}</title></head><body>"
            f'<div id="page"><div class="header">{b["nav"]}</div><div id="story"><h1>{esc(title)}</h1>{nested}'
            f"</div>{b['related']}{b['ads']}</div>{b['footer']}</body></html>"
        )
    codec = "utf-8" if encoding == "utf-8-undeclared" else encoding
    data = doc.encode(codec, errors="xmlcharrefreplace")
    content_type = "text/html" if encoding != "utf-8" else "text/html; charset=utf-8"
    return data, content_type


def build_warc(path: Path, pages: int, seed: int = 16) -> None:
    """`pages` HTML responses, with 1 in 25 records an image, JSON, 404, empty page or revisit besides."""
    rng = random.Random(seed)
    with path.open("wb") as file:
        writer = WARCWriter(file, gzip=True)
        for n in range(pages):
            data, content_type = page(rng, n)
            url = f"https://wire.example/story/{n}"
            writer.write_record(_response(writer, url, data, content_type))
            extra = n % 25
            if extra == 3:
                writer.write_record(_response(writer, f"{url}.jpg", os.urandom(3000), "image/jpeg"))
            elif extra == 8:
                writer.write_record(_response(writer, f"{url}.json", b'{"views": 3}', "application/json"))
            elif extra == 13:
                writer.write_record(_response(writer, f"{url}/x", b"<html>Not found</html>", "text/html", "404"))
            elif extra == 18:
                empty = b"<html><body><nav><a href='/'>Home</a></nav></body></html>"
                writer.write_record(_response(writer, f"{url}/empty", empty, "text/html"))
            elif extra == 21:
                writer.write_record(
                    writer.create_revisit_record(url, digest="sha1:" + "A" * 32, refers_to_uri=url, refers_to_date="")
                )


def _response(writer: WARCWriter, url: str, data: bytes, content_type: str, status: str = "200"):  # type: ignore[no-untyped-def]
    headers = StatusAndHeaders(f"{status} OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    return writer.create_warc_record(
        url, "response", payload=io.BytesIO(data), http_headers=headers,
        warc_headers_dict={"WARC-Date": "2024-03-06T08:30:00Z"},
    )  # fmt: skip


def _tree_memory(root: int) -> int:
    """Memory of a process and all its descendants, from /proc: the sum of their proportional set sizes (a page that
    workers share with the writer after `fork` counts once in all, split among them), or of their resident sizes
    where the kernel gives no `smaps_rollup`."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    ppid = int(stat.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            with open(f"/proc/{pid}/smaps_rollup") as rollup:
                total += next(int(line.split()[1]) * 1024 for line in rollup if line.startswith("Pss:"))
        except (OSError, StopIteration, IndexError, ValueError):
            try:
                with open(f"/proc/{pid}/statm") as statm:
                    total += int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            except (OSError, IndexError, ValueError):
                pass
    return total


def run_ingest(archive: Path, workers: int) -> dict[str, float]:
    database = OUT / f"ingest-w{workers}-{archive.stem}.sqlite3"
    for leftover in OUT.glob(database.name + "*"):
        leftover.unlink()
    # DEBUG off, as in production: with it on, Django keeps the SQL of every query (and, on SQLite, asks the
    # database to quote each one's parameters), a cost of its own that only the writer pays.
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "DEBUG": "0", "SECRET_KEY": "bench-only"}
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v", "0"], env=env, check=True, cwd=ROOT)
    load = os.getloadavg()[0]
    # A fresh interpreter per run, so that its children's peak memory is this run's alone.
    probe = (
        "import resource, subprocess, sys, time\n"
        "p = subprocess.Popen(sys.argv[1:])\n"
        "p.wait()\n"
        "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(usage.ru_maxrss, usage.ru_utime + usage.ru_stime)\n"
    )
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", probe, *manage, "ingest", str(archive), "-v", "0", "--workers", str(workers)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    peak_tree = 0
    while process.poll() is None:
        peak_tree = max(peak_tree, _tree_memory(process.pid))
        time.sleep(0.1)
    seconds = time.perf_counter() - start
    output = process.stdout.read() if process.stdout else ""
    if process.returncode:
        raise SystemExit(f"ingest failed with exit code {process.returncode}")
    lines = output.strip().splitlines()
    summary, (largest_kib, cpu) = lines[-2], lines[-1].split()
    stored = int(summary.split(": ", 1)[1].split(" stored")[0])
    return {
        "seconds": seconds,
        "stored": stored,
        "rate": stored / seconds,
        "cpu": float(cpu),
        "largest_mb": int(largest_kib) / 1024,
        "tree_mb": peak_tree / 2**20,
        "load": load,
        "summary": summary,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=3000, help="pages in the main archive (default 3000)")
    parser.add_argument("--small", type=int, default=1000, help="pages in the smaller archive, for memory (1000)")
    parser.add_argument("--workers", default="1,2", help="worker counts to compare (default 1,2)")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    counts = [int(w) for w in args.workers.split(",")]
    rows = []
    for pages in (args.small, args.pages):
        archive = OUT / f"ingest-{pages}.warc.gz"
        if not archive.exists():
            started = time.perf_counter()
            build_warc(archive, pages)
            took = time.perf_counter() - started
            print(f"built {archive.name}: {archive.stat().st_size / 2**20:.1f} MB in {took:.0f} s")
        for workers in counts if pages == args.pages else counts[-1:]:
            result = run_ingest(archive, workers)
            rows.append((pages, workers, result))
            print(f"  {pages} pages, {workers} worker(s): {result['summary']}", flush=True)
    base = {pages: r["rate"] for pages, workers, r in rows if workers == counts[0]}
    print(f"\ningest of a WARC on {os.cpu_count()} cores (the machine is shared: figures are noisy)")
    print(f"{'pages':>6} {'workers':>7} {'load':>5} {'seconds':>8} {'CPU s':>6} {'articles/s':>10} {'x 1 worker':>10} "
          f"{'largest process MB':>18} {'process tree MB':>15}")  # fmt: skip
    for pages, workers, r in rows:
        ratio = f"{r['rate'] / base[pages]:.2f}" if pages in base else "-"
        print(
            f"{pages:>6} {workers:>7} {r['load']:>5.2f} {r['seconds']:>8.1f} {r['cpu']:>6.1f} {r['rate']:>10.1f} "
            f"{ratio:>10} {r['largest_mb']:>18.0f} {r['tree_mb']:>15.0f}"
        )
    print(f"\nload average now: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; peak of this script: "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")  # fmt: skip


if __name__ == "__main__":
    main()
