"""Widgets of the Courriels (mail queue) screen."""
