"""Web archives and feeds made in the tests from our own pages, with warcio's writer."""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

# A 1x1 PNG: a binary record the reader must skip.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000001e221bc33"
    "0000000049454e44ae426082"
)


def response(url: str, body: bytes, content_type: str = "text/html; charset=utf-8", status: str = "200 OK") -> dict:
    return {"type": "response", "url": url, "body": body, "content_type": content_type, "status": status}


def write_warc(path: Path, records: list[dict], *, gzip: bool = True, date: str = "2024-03-06T08:30:00Z") -> Path:
    """A WARC of HTTP responses (and a request or revisit record where asked), as a crawler writes it."""
    with path.open("wb") as file:
        writer = WARCWriter(file, gzip=gzip)
        for record in records:
            warc_headers = {"WARC-Date": record.get("date", date)}
            if record["type"] == "request":
                headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "bugle.example")], is_http_request=True)
                built = writer.create_warc_record(
                    record["url"], "request", http_headers=headers, warc_headers_dict=warc_headers
                )
            elif record["type"] == "revisit":
                built = writer.create_revisit_record(
                    record["url"], digest="sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", refers_to_uri=record["url"],
                    refers_to_date=date,
                )  # fmt: skip
            else:
                headers = StatusAndHeaders(
                    record["status"], [("Content-Type", record["content_type"])], protocol="HTTP/1.1"
                )
                built = writer.create_warc_record(
                    record["url"],
                    "response",
                    payload=io.BytesIO(record["body"]),
                    http_headers=headers,
                    warc_headers_dict=warc_headers,
                )
            writer.write_record(built)
    return path


def rss(entries: list[dict], *, title: str = "Springfield Bugle", language: str = "en") -> bytes:
    """An RSS 2.0 feed; an entry with `content` carries its full text in content:encoded, else only a link."""
    items = []
    for entry in entries:
        content = f"<content:encoded><![CDATA[{entry['content']}]]></content:encoded>" if "content" in entry else ""
        author = f"<dc:creator>{entry['author']}</dc:creator>" if "author" in entry else ""
        items.append(
            f"<item><title>{entry['title']}</title><link>{entry['link']}</link>"
            f"<description>{entry.get('summary', 'A summary.')}</description>"
            f"<pubDate>{entry.get('date', 'Tue, 05 Mar 2024 10:00:00 GMT')}</pubDate>{author}{content}</item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<channel><title>{title}</title><link>https://bugle.example/</link><language>{language}</language>"
        f"<description>News</description>{''.join(items)}</channel></rss>"
    ).encode()
