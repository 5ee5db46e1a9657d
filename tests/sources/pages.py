"""Web pages we wrote for the tests, in the shapes news sites use, with the text and metadata each must give."""

from __future__ import annotations

# A wire story on a newspaper site: navigation, a byline, a dateline, a photo with its caption, a related-stories
# box, a comment form and a footer around three paragraphs.
NEWS_PARAGRAPHS = [
    "SPRINGFIELD, March 5 (Bugle) - The city council approved a $30 million bridge over the Clear River on Monday, "
    "ending a dispute that had delayed the project for three years.",
    '"This bridge will carry 20,000 cars a day," said Mayor Ann Smith, who has backed the plan since 2021. '
    '"It is the largest project the city has built in a generation."',
    "Construction is to start in June and end in 2027, according to the council's plan. Opponents said the cost "
    "would rise by at least 15% before the first car crosses.",
]
NEWS_PAGE = f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Council approves Clear River bridge | Springfield Bugle</title>
<meta property="og:site_name" content="Springfield Bugle">
<meta property="og:title" content="Council approves Clear River bridge">
<meta name="author" content="Jane Doe; John Roe">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<link rel="canonical" href="https://bugle.example/news/2024/03/05/bridge">
</head>
<body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a> <a href="/subscribe">Subscribe
</a></nav></header>
<main>
<article>
<h1>Council approves Clear River bridge</h1>
<p class="byline">By <a href="/authors/jane-doe" rel="author">Jane Doe</a> and John Roe</p>
<p>{NEWS_PARAGRAPHS[0]}</p>
<figure><img src="/img/bridge.jpg" alt="The old bridge"><figcaption>The old Clear River bridge in 2019.
Photo: Bugle staff</figcaption></figure>
<p>{NEWS_PARAGRAPHS[1]}</p>
<p>{NEWS_PARAGRAPHS[2]}</p>
<aside class="related"><h3>Related stories</h3><ul>
<li><a href="/news/mayor">Mayor Smith wins a second term</a></li>
<li><a href="/news/traffic">Traffic on the old bridge up 10% in a year</a></li></ul></aside>
</article>
<section id="comments"><h3>Comments</h3><form><textarea name="c"></textarea><button>Post</button></form></section>
</main>
<footer><p>&copy; 2024 Springfield Bugle. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body>
</html>
"""

# A blog-style template: metadata in Open Graph and JSON-LD only, text in a div, a share bar and a newsletter box.
BLOG_PARAGRAPHS = [
    "The national statistics office said on Tuesday that consumer prices rose 3.2% in the year to April, down from "
    "3.8% in March and the slowest rise since 2021.",
    "Food prices fell for the first time in two years, the office said, while rents rose 6.1%. Economists had "
    "expected inflation of 3.4%.",
]
BLOG_PAGE = f"""<html>
<head>
<meta charset="utf-8">
<title>Inflation slows to 3.2% - The Ledger</title>
<meta property="og:site_name" content="The Ledger">
<meta property="og:url" content="https://ledger.example/economy/inflation-april">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "Inflation slows to 3.2%", "datePublished": "2024-05-14",
"author": {{"@type": "Person", "name": "Maria Ortiz"}}}}</script>
</head>
<body>
<div class="share-bar"><a href="#">Share on social</a> <a href="#">Email</a></div>
<div class="post-content">
<h2>Inflation slows to 3.2%</h2>
<p>{BLOG_PARAGRAPHS[0]}</p>
<p>{BLOG_PARAGRAPHS[1]}</p>
</div>
<div class="newsletter">Sign up for our newsletter and never miss a story. Enter your email address below.</div>
</body>
</html>
"""

# A page whose markup is broken (unclosed tags, a stray </div>), in Latin-1 declared in a meta tag.
BROKEN_PARAGRAPHS = [
    "The regional hospital in Nîmes will add 120 beds by 2026, the health authority said on Thursday, after "
    "waiting times doubled over the winter.",
    "The £45 million extension is the hospital's first since 1998, officials said.",
]
BROKEN_PAGE = (
    """<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
<title>Hospital to add 120 beds</title></head><body><div id="main"><div class="story">
<p>"""
    + BROKEN_PARAGRAPHS[0]
    + """<p>"""
    + BROKEN_PARAGRAPHS[1]
    + """</div></div></div><div class="footer">Contact us</body>"""
)
BROKEN_PAGE_BYTES = BROKEN_PAGE.encode("iso-8859-1")

# The same kind of story in French, declared in <html lang>.
FRENCH_PARAGRAPHS = [
    "Le conseil municipal a approuvé lundi la construction d'un nouveau pont sur la rivière, un projet de 30 "
    "millions d'euros attendu depuis trois ans.",
    "Les travaux commenceront en juin et devraient s'achever en 2027, selon le calendrier présenté par la mairie.",
]


def french_page(*, declared: bool = True) -> str:
    lang = ' lang="fr"' if declared else ""
    body = "".join(f"<p>{p}</p>" for p in FRENCH_PARAGRAPHS)
    return f"<html{lang}><head><title>Un nouveau pont</title></head><body><article>{body}</article></body></html>"


EMPTY_PAGE = "<html><head><title>Nothing here</title></head><body><nav><a href='/'>Home</a></nav></body></html>"


def expected_text(paragraphs: list[str], title: str = "") -> str:
    """The text trafilatura keeps: the headline when the article shows one, then the paragraphs, one a line."""
    return "\n".join([title, *paragraphs] if title else paragraphs)
