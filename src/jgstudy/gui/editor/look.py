"""The editor's own stylesheet, built from the app's colours and kept in step with the theme.

The application stylesheet (gui/qss.py) styles every input already; these rules add the field
captions, the red problem marks, the draft colour and the preview surface, set on the editor page.
"""

from __future__ import annotations

from jgstudy.gui.colors import Colors
from jgstudy.gui.restyle import amber_colors


def editor_stylesheet(c: Colors, px: int) -> str:
    amber, amber_soft = amber_colors(c)
    inputs = "QLineEdit, QPlainTextEdit, QComboBox, QSpinBox, QDoubleSpinBox, QTableWidget"
    marked = ", ".join(f'{w.strip()}[problem="true"]' for w in inputs.split(","))
    return f"""
QLabel#caption {{ color: {c.muted}; font-weight: 600; font-size: {px - 1}px; }}
QLabel#fielderror {{ color: {c.bad}; font-size: {px - 1}px; }}
QLabel#hint {{ color: {c.muted}; font-size: {px - 2}px; }}
{marked} {{ border: 1px solid {c.bad}; background: {c.bad_soft}; }}
QFrame#optionrows {{ border: 1px solid transparent; border-radius: 8px; padding: 4px; }}
QFrame#optionrows[problem="true"] {{ border: 1px solid {c.bad}; background: {c.bad_soft}; }}
QLabel#optkey {{ border: 1px solid {c.border}; border-radius: 14px; font-weight: 600;
    color: {c.muted}; background: {c.surface}; }}
QFrame#draftbar, QFrame#draftbanner {{ background: {amber_soft}; border: 1px solid {amber};
    border-radius: 10px; }}
QFrame#draftbar QLabel, QFrame#draftbanner QLabel {{ color: {amber}; font-weight: 600;
    background: transparent; }}
QFrame#editorbar {{ background: {c.surface}; border-bottom: 1px solid {c.border}; }}
QFrame#editorbar QLabel {{ background: transparent; }}
QFrame#editorbar QPushButton[flat="true"] {{ padding: 8px 10px; }}
QLabel#banktitle {{ font-size: {px + 5}px; font-weight: 600; }}
QFrame#panel {{ background: {c.surface}; border: 1px solid {c.border}; border-radius: 12px; }}
QFrame#panel QLabel {{ background: transparent; }}
QFrame#previewpane {{ background: {c.window}; border: 1px solid {c.border};
    border-radius: 12px; }}
QFrame#previewpane QLabel#paneltitle, QLabel#paneltitle {{ font-weight: 600; }}
QListView#questions {{ background: {c.surface}; border: 1px solid {c.border};
    border-radius: 10px; outline: 0; padding: 4px; }}
QListWidget#problems {{ font-size: {px - 1}px; }}
QLabel#summary[state="bad"] {{ color: {c.bad}; font-weight: 600; }}
QLabel#summary[state="good"] {{ color: {c.good}; font-weight: 600; }}
QLabel#drafts {{ color: {amber}; font-weight: 600; }}
QSplitter::handle {{ background: transparent; }}
QPushButton#listbutton {{ padding: 6px 10px; }}
QPushButton#listbutton::menu-indicator {{ width: 0; image: none; }}
"""
