"""The tests, as a tree that mirrors the code: a folder per package, a file per module."""
