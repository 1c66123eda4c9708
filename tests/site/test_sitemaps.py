"""sitemap.xml (awards.site.sitemaps): every published record, in both languages."""

import re

from awards import models
from awards.site import sitemaps
from tests.support.public_pages import TITLE_URL, get_page


def test_sitemap_lists_published_records_in_both_languages(client, seeded, make_title):
    draft = make_title(published=False)
    xml = get_page(client, "/sitemap.xml").content.decode()
    assert f"<loc>http://testserver{TITLE_URL}</loc>" in xml
    assert f"<loc>http://testserver/en{TITLE_URL}</loc>" in xml
    assert 'hreflang="en" href="http://testserver/en/history/"' in xml
    assert "<loc>http://testserver/citations/hsl-p1-s1/</loc>" in xml
    assert draft.slug not in xml


def _locations(xml: str) -> list[str]:
    return re.findall(r"<loc>([^<]+)</loc>", xml)


def test_a_large_site_gets_an_index_of_files_that_hold_every_address_once(
    client, seeded, monkeypatch
):
    """Over URLS_PER_FILE addresses, /sitemap.xml is an index; its files, each of at most
    that many addresses, list together exactly what the single sitemap listed."""
    whole = _locations(get_page(client, "/sitemap.xml").content.decode())
    assert "<sitemapindex" not in get_page(client, "/sitemap.xml").content.decode()
    monkeypatch.setattr(sitemaps, "URLS_PER_FILE", 25)
    for section in sitemaps.sitemaps.values():
        monkeypatch.setattr(section, "limit", 25)
    index = get_page(client, "/sitemap.xml").content.decode()
    assert "<sitemapindex" in index
    files = _locations(index)
    assert "http://testserver/sitemap-citation.xml?p=2" in files
    listed = []
    for address in files:
        xml = get_page(client, address.removeprefix("http://testserver")).content.decode()
        assert len(_locations(xml)) <= 25
        listed += _locations(xml)
    assert sorted(listed) == sorted(whole)
    assert len(set(listed)) == len(listed)


def test_a_slice_of_a_kind_in_both_languages_is_read_in_one_limited_query(
    seeded, django_assert_num_queries
):
    """A section's file loads its slice of records, never the whole kind."""
    citations = models.Citation.objects.published().order_by("pk")
    pairs = sitemaps.InEveryLanguage(citations, ["ru", "en"])
    with django_assert_num_queries(1) as captured:
        window = pairs[3:8]
    assert "LIMIT" in captured.captured_queries[0]["sql"]
    expected = [(c, language) for c in list(citations)[1:5] for language in ("ru", "en")][1:6]
    assert window == expected
    assert len(pairs) == 2 * citations.count()


def test_an_unknown_section_or_page_answers_404(client, seeded):
    get_page(client, "/sitemap-nothing.xml", status=404)
    get_page(client, "/sitemap-citation.xml?p=999", status=404)
    get_page(client, "/sitemap.xml?p=2", status=404)
