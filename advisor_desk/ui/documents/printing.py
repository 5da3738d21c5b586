"""Printing a PDF held in a QPdfDocument: each page rendered into the printer's painter."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

MAX_DPI = 300  # enough for text; more only costs memory


def print_pdf(document: QPdfDocument, printer: QPrinter) -> int:
    """Print every page (or the printer's page range) fitted to the page; returns pages printed."""
    count = document.pageCount()
    first, last = 0, count - 1
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = max(0, printer.fromPage() - 1)
        last = min(count - 1, printer.toPage() - 1)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    printed = 0
    try:
        dpi = min(printer.resolution(), MAX_DPI)
        target = printer.pageLayout().paintRectPixels(printer.resolution())
        for page in range(first, last + 1):
            if printed:
                printer.newPage()
            points = document.pagePointSize(page)
            size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            image = document.render(page, size)
            scaled = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            # The painter's origin is the printable area's corner: centre within it.
            x = (target.width() - scaled.width()) // 2
            y = (target.height() - scaled.height()) // 2
            painter.drawImage(QRect(x, y, scaled.width(), scaled.height()), image)
            printed += 1
    finally:
        painter.end()
    return printed
