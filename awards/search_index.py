"""Shim: migrations 0011, 0012 and 0019 import the index's functions from here. The index
lives in awards.search.index; remove this module when the migrations are squashed."""

from awards.search.index import create_index_table, drop_index_table, rebuild_search_index

__all__ = ["create_index_table", "drop_index_table", "rebuild_search_index"]
