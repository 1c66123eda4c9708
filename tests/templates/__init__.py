"""Tests of templates/: conventions every page keeps."""
