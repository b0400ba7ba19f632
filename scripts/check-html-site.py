#!/usr/bin/env python3
"""Checks an exported HTML site needs no network and has no broken links.

usage: check-html-site.py SITE-FOLDER

- No page loads anything from outside the folder: every src, every <link href>, every CSS url()
  is a relative path (no scheme, no //host, no leading /).
- Every relative <a href> (and SVG <a href>) points at a file of the site.
- Every page is UTF-8, declares <meta charset="utf-8"> and a viewport (phones).
Exit status 0 when all holds; 1 with the problems on stderr.
"""
import os
import re
import sys
from html.parser import HTMLParser
from urllib.parse import urlsplit

problems = []


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.loads, self.links, self.charset, self.viewport = [], [], False, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "src" in attrs:
            self.loads.append(attrs["src"])
        if tag == "link" and "href" in attrs:
            self.loads.append(attrs["href"])
        if tag == "a" and "href" in attrs:
            self.links.append(attrs["href"])
        if tag == "meta" and attrs.get("charset", "").lower() == "utf-8":
            self.charset = True
        if tag == "meta" and attrs.get("name") == "viewport":
            self.viewport = True


def local(url):
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc and not url.startswith("/")


def main():
    site = os.path.abspath(sys.argv[1])
    pages = 0
    for folder, _, files in os.walk(site):
        for name in files:
            path = os.path.join(folder, name)
            text = open(path, encoding="utf-8").read()
            if name.endswith(".css"):
                for url in re.findall(r"url\(([^)]*)\)", text):
                    if not local(url.strip("'\" ")):
                        problems.append(f"{path}: loads {url}")
                if "@import" in text:
                    problems.append(f"{path}: @import")
            if not name.endswith(".html"):
                continue
            pages += 1
            page = Page()
            page.feed(text)
            if not page.charset or not page.viewport:
                problems.append(f"{path}: no <meta charset=utf-8> or no viewport")
            for url in page.loads:
                if not local(url):
                    problems.append(f"{path}: loads {url}")
                elif not os.path.exists(os.path.join(folder, urlsplit(url).path)):
                    problems.append(f"{path}: loads missing {url}")
            for url in page.links:
                if local(url) and urlsplit(url).path:
                    target = os.path.normpath(os.path.join(folder, urlsplit(url).path))
                    if not target.startswith(site) or not os.path.exists(target):
                        problems.append(f"{path}: broken link {url}")
    if pages == 0:
        problems.append(f"{site}: no pages")
    for line in problems[:50]:
        print(line, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
