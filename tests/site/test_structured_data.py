"""schema.org descriptions of the pages as JSON-LD (awards.site.structured_data)."""

import json
import re

from tests.support.public_pages import get_page


def _json_ld(response):
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    return [json.loads(block) for block in blocks]


def test_json_ld_describes_the_act_as_legislation(client, seeded):
    data = _json_ld(get_page(client, "/decrees/1940-05-22-hammer-and-sickle/"))
    act = next(item for item in data if item["@type"] == "Legislation")
    assert act["legislationDate"] == "1940-05-22"
    assert any(item["@type"] == "BreadcrumbList" for item in data)


def test_json_ld_of_the_home_page_offers_the_search(client, seeded):
    (site,) = _json_ld(get_page(client, "/"))
    assert site["@type"] == "WebSite"
    assert site["potentialAction"]["target"] == "http://testserver/search/?q={search_term_string}"
