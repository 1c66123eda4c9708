"""The time line of the history drawn as SVG on the server, wide and narrow, laid out so
that nothing overlaps; the periods it draws are awards.history.periods'."""
