"""Widgets and dialogs of the appointments (Rendez-vous screen, member file tab)."""
