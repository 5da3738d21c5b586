"""Office settings widgets: offices, opening hours, closures, reasons, schedules, absences."""
