"""The registry of conferments: who received which title, on which date, by which act.

- ``rules``: what a title's rules on a date say of one conferment (plain values);
- ``checks``: a conferment checked against them, with what the check reads;
- ``numbering``: each person's awards numbered and counted;
- ``counts``: the conferments per title and year the chart reads.

The records are in awards.models.registry, the pages in awards.site, the lists in and out
in awards.exchange.registry_list.
"""
