"""Tests of awards.management.commands: what each command prints and exits with."""
