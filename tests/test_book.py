"""The book (`make book`) reads offline in a real browser.

Static checks run everywhere. The browser checks open every page in headless
Chromium (Debian's `chromium` and `chromium-driver`) with the network off: the only
server it can reach is a local one that serves build/book/. A page fails when a
formula stayed raw LaTeX or MathJax reported an error, a figure did not load, it
requested anything outside the book, or (for the search page) a word that is in a
notebook finds nothing. Without Chromium these tests are skipped, with a reason;
`make book-check` sets GLUON_RNN_REQUIRE_CHROMIUM=1 and then they fail instead.
Set GLUON_RNN_BOOK_SHOTS=DIR to save a screenshot of every page there.
"""
import functools
import http.server
import json
import os
import re
import shutil
import sys
import tempfile
import threading
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import build_book  # noqa: E402

NOTEBOOKS = sorted(p for folder in build_book.SECTIONS for p in (ROOT / folder).glob("*.ipynb"))
SEARCH_WORDS = ["forget gate", "perplexity", "vanishing"]  # each appears in a notebook's text
ZH_NOTEBOOKS = sorted(p for folder in build_book.SECTIONS for p in (build_book.ZH / folder).glob("*.ipynb"))
RAW_LATEX = ["$\\", "$$", "\\begin{", "\\end{", "\\frac", "\\(", "\\[", "\\tanh", "_{t-1}"]


@pytest.fixture(scope="module")
def book():
    """Build the book (incrementally: seconds when it is up to date) and return its folder."""
    return build_book.build().parent


def pages(book):
    return sorted(p for p in book.rglob("*.html")
                  if not any(part.startswith(("_", ".")) for part in p.relative_to(book).parts))


# ---------------------------------------------------------------- static checks


class Resources(HTMLParser):
    """Collect every URL a page loads by itself: scripts, styles, images, frames, fonts."""

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in {"script", "img", "iframe", "source", "embed", "audio", "video"} and attrs.get("src"):
            self.urls.append(attrs["src"])
        if tag == "link" and attrs.get("href"):
            self.urls.append(attrs["href"])
        if tag == "object" and attrs.get("data"):
            self.urls.append(attrs["data"])


def outside(url):
    return bool(re.match(r"^(https?:)?//", url.strip(), re.I))


def test_every_notebook_has_a_page_in_order(book):
    index = (book / "index.html").read_text()
    for notebook in NOTEBOOKS:
        page = book / notebook.parent.name / (notebook.stem + ".html")
        assert page.exists(), f"{notebook.name} has no page in the book"
    positions = [index.find(f'href="{n.parent.name}/{n.stem}.html"') for n in NOTEBOOKS]
    assert -1 not in positions and positions == sorted(positions), \
        "the landing page must link every notebook, in order"


@pytest.mark.skipif(not ZH_NOTEBOOKS, reason="no Chinese notebook yet (tools/translate.py)")
def test_chinese_book_has_every_translated_notebook_and_a_language_switch(book):
    for notebook in ZH_NOTEBOOKS:
        page = book / "zh" / notebook.parent.name / (notebook.stem + ".html")
        assert page.exists(), f"zh/{notebook.parent.name}/{notebook.name} has no page in the Chinese book"
    assert 'href="zh/index.html"' in (book / "index.html").read_text()
    zh_index = (book / "zh" / "index.html").read_text()
    assert 'href="../index.html"' in zh_index and 'lang="zh' in zh_index


def test_no_page_loads_anything_from_outside_the_book(book):
    problems = []
    for page in pages(book):
        parser = Resources()
        parser.feed(page.read_text())
        problems += [f"{page.name}: {url}" for url in parser.urls if outside(url)]
    for css in book.glob("_static/**/*.css"):
        problems += [f"{css.name}: {url}" for url in
                     re.findall(r"url\(\s*['\"]?((?:https?:)?//[^'\")]+)", css.read_text())]
        problems += [f"{css.name}: @import {url}" for url in
                     re.findall(r"@import\s+(?:url\()?['\"]?((?:https?:)?//[^'\")]+)", css.read_text())]
    assert not problems, "resources from outside the book:\n" + "\n".join(problems)


def test_mathjax_ships_with_the_book(book):
    assert (book / "_static" / "mathjax" / "tex-chtml.js").stat().st_size > 100_000
    page = (book / "notebooks" / "07_lstm.html").read_text()
    assert re.search(r'<script[^>]+src="\.\./_static/mathjax/tex-chtml\.js', page)


# ---------------------------------------------------------------- in Chromium


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(book):
    """Serve the book on 127.0.0.1 (search needs http://; file:// would also show pages)."""
    handler = functools.partial(_QuietHandler, directory=str(book))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


def find_chromium():
    binary = next(filter(None, map(shutil.which, ["chromium", "chromium-browser"])), None)
    driver = next(filter(None, map(shutil.which, ["chromedriver", "chromium.chromedriver"])), None)
    if binary and driver:
        return binary, driver
    message = ("the book was not tested in a browser: Chromium not found (needs `chromium` and "
               "`chromedriver` on PATH; on Debian: apt-get install chromium chromium-driver; "
               "README, 'Read it as a book')")
    if os.environ.get("GLUON_RNN_REQUIRE_CHROMIUM") == "1":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def browser(server):
    binary, driver_path = find_chromium()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="book-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,900",
                 f"--user-data-dir={profile}",
                 # The network is off: every host name fails to resolve, and every other
                 # address goes to a proxy that is not there; only the book's server answers.
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                 "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=127.0.0.1"]:
        options.add_argument(flag)
    # Chromium's DevTools log of the page: every request it sends is in it, sent or blocked.
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=driver_path))
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def requested_urls(driver):
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


NETWORK_SCHEMES = ("http:", "https:", "ws:", "wss:", "ftp:")


def leaving(urls, server):
    """The requests that went to the network outside the book. Only network schemes count:
    Chromium also logs its own internal pages (chrome://, chrome-untrusted://new-tab-page/...,
    devtools://), which never leave the machine."""
    return [u for u in urls if u.lower().startswith(NETWORK_SCHEMES) and not u.startswith(server)]


def screenshot(driver, name):
    folder = os.environ.get("GLUON_RNN_BOOK_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(Path(folder) / f"{name}.png"))


# Runs in the page after it loaded: waits for MathJax, then reports what a reader sees.
INSPECT = """
const done = arguments[arguments.length - 1];
// MathJax loads asynchronously: on a busy machine the page's load event can come before
// MathJax has even started. Wait (up to 25 s) until it exists, then for its first typesetting.
const start = Date.now();
const ready = () => new Promise((resolve) => {
  const poll = () => {
    const formulas = document.querySelectorAll(".math").length;
    if (window.MathJax && MathJax.startup && MathJax.startup.promise) resolve(MathJax.startup.promise);
    else if (formulas === 0 || Date.now() - start > 25000) resolve();
    else setTimeout(poll, 100);
  };
  poll();
});
ready().then(() => {
  const skip = "pre, code, script, style, textarea, mjx-container, .highlight, .output";
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let text = "";
  while (walker.nextNode()) {
    const el = walker.currentNode.parentElement;
    if (el && !el.closest(skip) && el.offsetParent !== null) text += walker.currentNode.data + " ";
  }
  done({
    text: text,
    mathjax: Boolean(window.MathJax && MathJax.startup),
    math: document.querySelectorAll(".math").length,
    typeset: document.querySelectorAll("mjx-container").length,
    errors: Array.from(document.querySelectorAll("mjx-merror"), e => e.textContent),
    broken: Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0)
                 .map(i => i.getAttribute("src")),
    images: document.images.length,
    next: Boolean(document.querySelector("a.next-page")),
    prev: Boolean(document.querySelector("a.prev-page")),
    toc: document.querySelectorAll(".toc-tree a").length,
  });
}, e => done({failed: String(e)}));
"""


def test_every_page_renders_offline(book, server, browser):
    problems, shown = [], {}
    requested_urls(browser)  # empty the log
    for page in pages(book):
        name = page.relative_to(book).as_posix()
        browser.get(server + name)
        seen = browser.execute_async_script(INSPECT)
        shown[name] = seen
        screenshot(browser, name.replace("/", "_")[:-5])
        if "failed" in seen:
            problems.append(f"{name}: MathJax failed: {seen['failed']}")
            continue
        raw = [s for s in RAW_LATEX if s in seen["text"]]
        if raw:
            at = seen["text"].find(raw[0])
            problems.append(f"{name}: raw LaTeX {raw} in the text: ...{seen['text'][max(0, at - 60):at + 60]}...")
        if seen["math"] and not (seen["mathjax"] and seen["typeset"] >= seen["math"]):
            problems.append(f"{name}: {seen['math']} formulas but {seen['typeset']} typeset by MathJax")
        if seen["errors"]:
            problems.append(f"{name}: MathJax errors {seen['errors']}")
        if seen["broken"]:
            problems.append(f"{name}: figures that did not load: {seen['broken']}")
        problems += [f"{name}: requested {url}" for url in leaving(requested_urls(browser), server)]
    assert not problems, "\n".join(problems)
    # the pages are really there: maths typeset and figures shown where the notebooks have them
    lstm = shown["notebooks/07_lstm.html"]
    assert lstm["typeset"] > 20 and lstm["images"] >= 3
    for notebook in NOTEBOOKS:
        seen = shown[f"{notebook.parent.name}/{notebook.stem}.html"]
        assert seen["prev"] and seen["toc"] > 0, f"{notebook.name}: no navigation"
    assert shown[f"{NOTEBOOKS[0].parent.name}/{NOTEBOOKS[0].stem}.html"]["next"]


SEARCHES = [("", words, "notebooks/") for words in SEARCH_WORDS] + [
    pytest.param("zh/", words, f"notebooks/{name}", marks=pytest.mark.skipif(
        not (build_book.ZH / "notebooks" / f"{name}.ipynb").exists(),
        reason=f"notebook {name} is not translated yet"))
    for words, name in [("遗忘门", "07_lstm"), ("困惑度", "09_language_models")]]


@pytest.mark.parametrize("book_path, words, expected", SEARCHES)
def test_search_finds_words_of_the_notebooks(book, server, browser, book_path, words, expected):
    from urllib.parse import quote_plus

    from selenium.webdriver.support.ui import WebDriverWait

    requested_urls(browser)
    browser.get(server + book_path + "search.html?q=" + quote_plus(words))
    WebDriverWait(browser, 20).until(lambda d: d.execute_script(
        "const s = document.querySelector('#search-results p.search-summary, "
        "#search-results .search-summary');"
        "return s && s.textContent.trim().length > 0 && !/preparing/i.test(s.textContent);"))
    results = browser.execute_script(
        "return Array.from(document.querySelectorAll('#search-results ul.search li a'),"
        " a => a.getAttribute('href'));")
    screenshot(browser, "search_" + book_path.strip("/") + words.replace(" ", "_"))
    assert any(expected in href for href in results), f"search for {words!r} found {results}"
    assert not leaving(requested_urls(browser), server)
