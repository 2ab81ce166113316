"""Rendering that needs Qt but no widgets: PDF reports and charts drawn for print.

Sits between the core and the gui/cli layers, so both the command line and the desktop app can
produce the same PDF. Uses QtGui only (QPdfWriter, QTextDocument, QPainter).
"""
