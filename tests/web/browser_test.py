#!/usr/bin/env python3
"""The web edition in a real headless browser (Debian's chromium driven by Playwright).

Builds the sample into target/web-test/out (quarters with PDFs, the 2012 annual volumes,
every index), serves it with `python3 -m http.server` on 127.0.0.1 (a free port, stopped at
the end) and checks, in chromium:

- every page loads without console errors or page errors;
- following a name-index link lands on the entry with that number (in view, `value` = N);
- at 360 px wide no page overflows horizontally;
- the search on index.html finds a surname's entries (typed in capitals, without its
  Azerbaijani letters) and a result leads to the entry;
- screenshots of the first screen and of the statistics go to target/web-screenshots/.

Skips (exit 0, with a message saying why) only when chromium or Playwright cannot be had;
any failed check exits 1. Run from the repository root, after `cargo build`:

    python3 tests/web/browser_test.py [path/to/bulletin]
"""

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import unicodedata
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TARGET = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
OUT = TARGET / "web-test" / "out"
SHOTS = TARGET / "web-screenshots"
TIMEOUT_MS = 15_000


def skip(why):
    print(f"SKIPPED browser test: {why}")
    sys.exit(0)


def fold(text):
    """The search's folding (src/web/fold.rs), to check what the results hold."""
    lower = "".join("i" if c == "İ" else "ı" if c == "I" else c.lower() for c in text)
    bare = "".join(c for c in unicodedata.normalize("NFD", lower) if not unicodedata.category(c).startswith("M"))
    return bare.replace("ı", "i")


def chromium_path():
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return None


def build(binary):
    if OUT.exists():
        shutil.rmtree(OUT)
    env = dict(os.environ, SOURCE_DATE_EPOCH="1356912000")
    for args in (
        ["build", "--out", str(OUT)],
        ["build", "--year", "2012", "--cumulate", "--no-pdf", "--out", str(OUT)],
        ["index", "--all", "--no-pdf", "--out", str(OUT)],
    ):
        subprocess.run([str(binary), *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL, timeout=600)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def served(folder):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                urllib.request.urlopen(base + "index.html", timeout=1).read()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("the static server did not start")
                time.sleep(0.1)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=5)
        except subprocess.TimeoutExpired:
            server.kill()


class Checks:
    def __init__(self):
        self.failures = []
        self.passed = 0

    def check(self, ok, what):
        print(("ok   " if ok else "FAIL ") + what)
        if ok:
            self.passed += 1
        else:
            self.failures.append(what)


def watch_errors(page, errors):
    page.on("console", lambda m: errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: errors.append(f"request failed: {r.url}"))


def overflow(page):
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def main():
    binary = Path(sys.argv[1]) if len(sys.argv) > 1 else TARGET / "debug" / "bulletin"
    if not binary.exists():
        print(f"error: {binary} is missing: run `cargo build` first")
        return 1
    executable = chromium_path()
    if executable is None:
        skip("chromium is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        skip("the Python package playwright is not installed (pip install playwright)")

    build(binary)
    pages = sorted(p.relative_to(OUT).as_posix() for p in OUT.glob("*/*.html"))
    search = json.loads((OUT / "search-index.json").read_text(encoding="utf-8"))
    checks = Checks()
    SHOTS.mkdir(parents=True, exist_ok=True)

    with served(OUT) as base, sync_playwright() as pw:
        try:
            browser = pw.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        except Exception as e:  # the browser is there but cannot start here
            skip(f"chromium at {executable} does not start: {e}")
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.set_default_timeout(TIMEOUT_MS)
            errors = []
            watch_errors(page, errors)

            # Every page loads cleanly.
            for name in ["index.html", *pages]:
                errors.clear()
                page.goto(base + name, wait_until="load")
                checks.check(not errors, f"{name} loads without errors {errors[:3]}")
            page.goto(base + "index.html", wait_until="load")
            page.screenshot(path=str(SHOTS / "index-first-screen.png"))

            # A name-index link lands on its entry.
            bulletin = next(p for p in pages if p.startswith("2012-Q1/") and not p.endswith("statistics.html"))
            page.goto(base + bulletin, wait_until="load")
            page.screenshot(path=str(SHOTS / "bulletin-first-screen.png"))
            link = page.locator("#names a").first
            number = link.inner_text().strip()
            link.click()
            page.wait_for_function("location.hash.length > 1")
            hash_ = page.evaluate("location.hash")
            entry = page.locator(hash_)
            checks.check(hash_ == f"#e-{number}", f"name-index link {number} goes to {hash_}")
            checks.check(entry.get_attribute("value") == number, f"entry {hash_} has the number {number}")
            in_view = page.evaluate(
                "(id) => { const r = document.getElementById(id).getBoundingClientRect();"
                " return r.top >= 0 && r.top < window.innerHeight; }",
                hash_[1:],
            )
            checks.check(in_view, f"entry {hash_} is scrolled into view")

            # At 360 px nothing overflows.
            phone = browser.new_page(viewport={"width": 360, "height": 740})
            phone.set_default_timeout(TIMEOUT_MS)
            for name in ["index.html", *pages]:
                phone.goto(base + name, wait_until="load")
                checks.check(overflow(phone) <= 0, f"{name} fits 360 px (overflow {overflow(phone)} px)")
            phone.goto(base + bulletin, wait_until="load")
            phone.screenshot(path=str(SHOTS / "bulletin-phone.png"))
            phone.close()

            # The search finds a surname's entries, typed in capitals without accents.
            surname = "Şirinova"
            expected = sum(1 for e in search["entries"] if fold(surname) in e[2])
            query = unicodedata.normalize("NFD", surname.upper().replace("İ", "I"))
            query = "".join(c for c in query if not unicodedata.category(c).startswith("M"))
            page.goto(base + "index.html", wait_until="load")
            errors.clear()
            page.fill("#search-input", query)
            page.wait_for_function("document.querySelectorAll('#search-results li').length > 0")
            results = page.locator("#search-results li a")
            count = results.count()
            checks.check(expected > 0 and count == min(expected, 200), f"search {query!r}: {count} results, {expected} expected")
            first_text = results.first.inner_text()
            checks.check(fold(surname) in fold(first_text), f"the first result names {surname}: {first_text[:60]}")
            page.screenshot(path=str(SHOTS / "search.png"))
            href = results.first.get_attribute("href")
            results.first.click()
            page.wait_for_load_state("load")
            target = href.split("#", 1)[1]
            checks.check(page.evaluate("location.hash") == "#" + target, f"a result leads to {href}")
            checks.check(not errors, f"search without errors {errors[:3]}")

            # Statistics, for the screenshot (full page: the charts and tables).
            page.goto(base + "2012-Q1/statistics.html", wait_until="load")
            checks.check(page.locator("figure svg").count() >= 3, "statistics page has its charts")
            page.screenshot(path=str(SHOTS / "statistics.png"), full_page=True)
        finally:
            browser.close()

    print(f"screenshots in {SHOTS}")
    # The closing line in the form test runners end with.
    print(f"browser: {checks.passed} passed, {len(checks.failures)} failed")
    return 1 if checks.failures else 0


if __name__ == "__main__":
    sys.exit(main())
