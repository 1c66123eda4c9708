"""The history the source tells: a title's rules on a date, comparisons of titles and of
dates, the periods of the time line, and the facts of a title's page."""
