"""Full-text search of the published records, Russian and English, on both databases.

- ``index``: the index table and its entries, kept with every write (awards.records.writes);
- ``queries``: what a visitor's words find, ranked and grouped.
"""
