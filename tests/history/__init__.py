"""Tests of awards.history: the rules on a date, comparisons, periods and facts."""
