"""sitemap.xml (awards.site.sitemaps): every published record, in both languages."""

from tests.support.public_pages import TITLE_URL, get_page


def test_sitemap_lists_published_records_in_both_languages(client, seeded, make_title):
    draft = make_title(published=False)
    xml = get_page(client, "/sitemap.xml").content.decode()
    assert f"<loc>http://testserver{TITLE_URL}</loc>" in xml
    assert f"<loc>http://testserver/en{TITLE_URL}</loc>" in xml
    assert 'hreflang="en" href="http://testserver/en/history/"' in xml
    assert "<loc>http://testserver/citations/hsl-p1-s1/</loc>" in xml
    assert draft.slug not in xml
