"""Widgets of the Supervision screen."""
