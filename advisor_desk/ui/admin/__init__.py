"""Widgets of the Administration screen."""
