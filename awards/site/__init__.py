"""The public site: urls, thin views, forms, sitemaps, structured data, the whole-page
cache, and the drawings of the time line and the chart."""
