"""The read-only API under /api/: every public record as JSON, with an OpenAPI document.

It reads through the same ``published()`` QuerySets as the pages (drafts never), pages
lists with the keyset module, answers ``304`` to a client holding the current version
(awards.api.conditional), allows any origin to read (awards.api.cors) and limits the
requests per address (awards.api.throttling).
"""
