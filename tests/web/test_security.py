"""Article text is untrusted: every page escapes it, links only http(s) URLs, and sends a strict CSP."""

from __future__ import annotations

import re

import pytest

PAYLOADS = ("<script>alert('text')</script>", "<img src=x onerror=alert('body')>", "<svg onload=alert('quote')>")
INJECTED = re.compile(r"<script>alert|<img src=x|<svg onload|<b onmouseover|href=\"javascript:|href='javascript:",
                      re.IGNORECASE)


@pytest.fixture(scope="module")
def xss(reader) -> dict:
    (incident,) = reader.get("/api/incidents", params={"q": "Quetta market"}).json()["items"]
    return incident


def pages(xss: dict) -> list[str]:
    article = xss["sources"][0]["article_id"]
    return ["/", f"/?q={xss['id']}", "/?q=<script>alert('q')</script>", "/map", "/timeline",
            f"/incidents/{xss['id']}", f"/articles/{article}", "/actors/islamic-state", "/actors?q=<img src=x>",
            "/network", "/audit"]


def test_the_payloads_reach_the_store(reader, xss):
    detail = reader.get(f"/api/incidents/{xss['id']}").json()
    article = detail["reports"][0]["article"]
    assert all(payload in article["text"] for payload in PAYLOADS)
    assert article["url"].startswith("javascript:") and "<script>" in article["title"]


def test_every_page_escapes_article_content(reader, xss):
    for path in pages(xss):
        response = reader.get(path)
        assert response.status_code == 200, path
        assert not INJECTED.search(response.text), path
    incident = reader.get(f"/incidents/{xss['id']}").text
    assert "&lt;script&gt;alert(&#39;text&#39;)&lt;/script&gt;" in incident
    assert "&lt;svg onload=alert(&#39;quote&#39;)&gt;" in reader.get("/actors/islamic-state").text


def test_a_javascript_url_is_shown_not_linked(reader, xss):
    incident = reader.get(f"/incidents/{xss['id']}").text
    assert 'class="unsafe-url"' in incident and "javascript:alert(&#39;url&#39;)" in incident


@pytest.mark.parametrize("path", ["/", "/api/incidents", "/incidents/nope", "/static/sitrep.css"])
def test_every_response_carries_the_content_security_policy(reader, path):
    headers = reader.get(path).headers
    policy = headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy and "object-src 'none'" in policy
    assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY"


def test_templates_have_no_inline_script_or_style_and_never_mark_content_safe():
    from sitrep.web.templates import TEMPLATES

    for template in TEMPLATES.glob("*.html"):
        text = template.read_text(encoding="utf-8")
        assert "|safe" not in text.replace("|safe_link", ""), template.name
        assert not re.search(r"<script(?![^>]*\bsrc=)", text), template.name
        assert " style=" not in text and "<style" not in text, template.name
        assert not re.search(r"\son[a-z]+=", text), template.name


def test_vendor_route_serves_only_the_listed_files(reader):
    assert reader.get("/vendor/leaflet/leaflet.js").status_code == 200
    assert reader.get("/vendor/../package.json").status_code == 404
    assert reader.get("/vendor/leaflet/package.json").status_code == 404
