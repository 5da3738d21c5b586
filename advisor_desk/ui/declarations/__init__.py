"""Declarations (démarches) widgets: the filing dialog and the detail panel of the queue."""
