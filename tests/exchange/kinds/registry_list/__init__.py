"""Tests of awards.exchange.kinds.registry_list: registry lists."""
