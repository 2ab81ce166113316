"""The application stylesheet, built from a colour set, the base text size and arrow images."""

from __future__ import annotations

from jgstudy.gui.colors import Colors


def stylesheet(c: Colors, px: int, arrows: dict[str, str]) -> str:
    """The whole stylesheet; ``px`` is the base text size, ``arrows`` the arrow image files."""
    return "\n".join(
        [
            _base(c, px),
            _chrome(c, px),
            _buttons(c, px),
            _cards(c, px),
            _tables(c, px),
            _practice(c, px),
            _inputs(c, px),
            _spin_and_combo(c, arrows),
            _indicators(c, arrows),
            _scrollbars(c),
        ]
    )


def _base(c: Colors, px: int) -> str:
    return f"""
QWidget {{ font-size: {px}px; color: {c.text}; }}
QMainWindow, QDialog {{ background: {c.window}; }}
QToolTip {{ background: {c.surface}; color: {c.text}; border: 1px solid {c.border}; padding: 6px; }}
QLabel[role="title"] {{ font-size: {px + 11}px; font-weight: 600; }}
QLabel[role="section"] {{ font-size: {px + 3}px; font-weight: 600; }}
QLabel[role="muted"] {{ color: {c.muted}; }}
QLabel[role="small"] {{ color: {c.muted}; font-size: {px - 2}px; }}
QLabel[role="brand"] {{ font-size: {px + 5}px; font-weight: 700; color: {c.accent}; }}
QScrollArea {{ background: transparent; border: none; }}
QScrollArea > QWidget > QWidget {{ background: transparent; }}
QProgressBar {{ background: {c.border}; border: none; border-radius: 3px; max-height: 6px;
    min-height: 6px; }}
QProgressBar::chunk {{ background: {c.accent}; border-radius: 3px; }}
"""


def _chrome(c: Colors, px: int) -> str:
    return f"""
QMenuBar {{ background: {c.sidebar}; border-bottom: 1px solid {c.border}; padding: 2px 6px; }}
QMenuBar::item {{ padding: 4px 10px; border-radius: 4px; }}
QMenuBar::item:selected, QMenu::item:selected {{ background: {c.accent_soft}; color: {c.text}; }}
QMenu {{ background: {c.surface}; border: 1px solid {c.border}; padding: 4px; }}
QMenu::item {{ padding: 6px 28px 6px 16px; border-radius: 4px; }}
QMenu::separator {{ height: 1px; background: {c.border}; margin: 4px 8px; }}
QStatusBar {{ background: {c.window}; color: {c.muted}; }}
QStatusBar::item {{ border: none; }}
QFrame#sidebar {{ background: {c.sidebar}; border: none; border-right: 1px solid {c.border}; }}
QListWidget#nav {{ background: transparent; border: none; outline: 0; }}
QListWidget#nav::item {{ padding: 10px 12px; margin: 2px 0; border-radius: 8px; color: {c.muted}; }}
QListWidget#nav[compact="true"]::item {{ padding: 4px 12px; margin: 1px 0; }}
QListWidget#nav::item:hover {{ background: {c.hover}; color: {c.text}; }}
QListWidget#nav::item:selected {{ background: {c.accent_soft}; color: {c.accent}; font-weight: 600; }}
QTabWidget::pane {{ border: none; }}
QTabBar::tab {{ padding: 8px 18px; margin-right: 4px; border: none; color: {c.muted};
    border-bottom: 2px solid transparent; background: transparent; }}
QTabBar::tab:hover {{ color: {c.text}; }}
QTabBar::tab:selected {{ color: {c.text}; border-bottom: 2px solid {c.accent}; font-weight: 600; }}
"""


def _buttons(c: Colors, px: int) -> str:
    # Buttons carry text only. GNOME's and KDE's platform themes put icons on dialog buttons
    # (a green tick on 确定/开始学习/开始比赛, whose primary background is red): switched off.
    return f"""
QPushButton {{ background: {c.surface}; border: 1px solid {c.border}; border-radius: 8px;
    padding: 8px 18px; }}
QPushButton:hover {{ background: {c.hover}; }}
QPushButton:disabled {{ color: {c.muted}; background: {c.window}; border-style: dashed; }}
QPushButton[primary="true"] {{ background: {c.primary}; color: {c.on_accent}; border: none;
    font-weight: 600; }}
QPushButton[primary="true"]:hover {{ background: {c.accent_hover}; }}
QPushButton[primary="true"]:disabled {{ background: {c.border}; color: {c.muted}; }}
QPushButton[big="true"] {{ font-size: {px + 2}px; padding: 14px 22px; border-radius: 10px; }}
QPushButton[flat="true"] {{ border: none; background: transparent; color: {c.muted}; }}
QPushButton[flat="true"]:hover {{ color: {c.text}; background: {c.hover}; }}
QPushButton[flat="true"]:disabled {{ color: {c.border}; }}
QDialogButtonBox {{ dialogbuttonbox-buttons-have-icons: 0; }}
"""


def _cards(c: Colors, px: int) -> str:
    return f"""
QFrame[card="true"] {{ background: {c.surface}; border: 1px solid {c.border}; border-radius: 12px; }}
QFrame[card="true"] QLabel {{ background: transparent; }}
QLabel[role="stat"] {{ font-size: {px + 15}px; font-weight: 600; }}
QLabel[role="statlabel"] {{ color: {c.muted}; }}
QLabel[role="fact"] {{ font-size: {px + 7}px; font-weight: 600; }}
QFrame#errors {{ background: {c.bad_soft}; border: 1px solid {c.bad}; border-radius: 10px; }}
QFrame#errors QLabel {{ color: {c.bad}; font-weight: 600; background: transparent; }}
QFrame#errors QListWidget {{ background: {c.surface}; border: none; border-radius: 6px;
    font-family: monospace; }}
"""


def _tables(c: Colors, px: int) -> str:
    return f"""
QTableView {{ background: {c.surface}; border: 1px solid {c.border}; border-radius: 10px;
    gridline-color: transparent; selection-background-color: {c.accent_soft};
    selection-color: {c.text}; alternate-background-color: {c.sidebar}; outline: 0; }}
QTableView::item {{ padding: 6px 8px; border-bottom: 1px solid {c.hover}; }}
QHeaderView {{ background: transparent; }}
QHeaderView::section {{ background: {c.surface}; color: {c.muted}; border: none;
    border-bottom: 1px solid {c.border}; padding: 8px; font-weight: 600; }}
QHeaderView::section:first {{ border-top-left-radius: 10px; }}
QListWidget {{ background: {c.surface}; border: 1px solid {c.border}; border-radius: 8px;
    padding: 4px; outline: 0; }}
QListWidget::item {{ padding: 7px 8px; border-radius: 6px; }}
QListWidget::item:hover {{ background: {c.hover}; }}
QListWidget::item:selected {{ background: {c.accent_soft}; color: {c.text}; }}
"""


def _practice(c: Colors, px: int) -> str:
    return f"""
QLabel#stem {{ font-size: {px + 5}px; }}
QLabel#stempiece {{ font-size: {px + 5}px; }}
QLabel#chip {{ background: {c.accent_soft}; color: {c.accent}; border-radius: 6px;
    padding: 3px 10px; font-weight: 600; }}
QFrame#option {{ background: {c.surface}; border: 1px solid {c.border}; border-radius: 10px; }}
QFrame#option:hover {{ border-color: {c.muted}; }}
QFrame#option QLabel {{ background: transparent; font-size: {px + 2}px; }}
QFrame#option QLabel#note {{ font-size: {px - 1}px; color: {c.muted}; }}
QFrame#option QLabel#key {{ border: 1px solid {c.border}; border-radius: 15px; font-weight: 600;
    color: {c.muted}; font-size: {px}px; }}
QFrame#option[state="selected"] {{ border: 2px solid {c.accent}; background: {c.accent_soft}; }}
QFrame#option[state="selected"] QLabel#key {{ background: {c.accent}; color: {c.on_accent};
    border-color: {c.accent}; }}
QFrame#option[state="correct"] {{ border: 2px solid {c.good}; background: {c.good_soft}; }}
QFrame#option[state="correct"] QLabel#key {{ background: {c.good}; color: #FFFFFF;
    border-color: {c.good}; }}
QFrame#option[state="correct"] QLabel#note {{ color: {c.good}; font-weight: 600; }}
QFrame#option[state="missed"] {{ border: 2px dashed {c.good}; background: {c.surface}; }}
QFrame#option[state="missed"] QLabel#key {{ color: {c.good}; border: 2px solid {c.good}; }}
QFrame#option[state="missed"] QLabel#note {{ color: {c.bad}; font-weight: 600; }}
QFrame#option[state="wrong"] {{ border: 2px solid {c.bad}; background: {c.bad_soft}; }}
QFrame#option[state="wrong"] QLabel#key {{ background: {c.bad}; color: #FFFFFF; border-color: {c.bad}; }}
QFrame#option[state="wrong"] QLabel#note {{ color: {c.bad}; font-weight: 600; }}
QFrame#option[state="dim"] QLabel {{ color: {c.muted}; }}
QFrame#feedback {{ border-radius: 12px; border: 1px solid {c.border}; background: {c.surface}; }}
QFrame#stripe {{ border-radius: 2px; background: {c.border}; }}
QFrame#stripe[verdict="good"] {{ background: {c.good}; }}
QFrame#stripe[verdict="bad"] {{ background: {c.bad}; }}
QLabel#verdict {{ font-size: {px + 4}px; font-weight: 700; background: transparent; }}
QLabel#verdict[verdict="good"] {{ color: {c.good}; }}
QLabel#verdict[verdict="bad"] {{ color: {c.bad}; }}
QLabel#answer {{ font-weight: 600; }}
QLabel#quote {{ color: {c.muted}; border-left: 3px solid {c.muted}; padding-left: 10px; }}
"""


def _inputs(c: Colors, px: int) -> str:
    return f"""
QLineEdit, QPlainTextEdit, QComboBox, QSpinBox, QDoubleSpinBox {{ background: {c.surface};
    border: 1px solid {c.border}; border-radius: 8px; padding: 6px 10px;
    selection-background-color: {c.accent}; selection-color: {c.on_accent}; }}
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus, QSpinBox:focus,
QDoubleSpinBox:focus {{ border: 1px solid {c.accent}; }}
QLineEdit:read-only {{ background: {c.window}; color: {c.muted}; }}
QLineEdit#blank {{ font-size: {px + 4}px; border: none; border-bottom: 2px solid {c.muted};
    border-radius: 0; background: transparent; padding: 2px 6px; }}
QLineEdit#blank:focus {{ border-bottom: 2px solid {c.accent}; background: {c.accent_soft}; }}
QLineEdit#blank[state="correct"] {{ color: {c.good}; border-bottom: 2px solid {c.good}; }}
QLineEdit#blank[state="wrong"] {{ color: {c.bad}; border-bottom: 2px solid {c.bad}; }}
QPlainTextEdit#shortanswer {{ font-size: {px + 2}px; padding: 10px; }}
QPlainTextEdit#shortanswer:read-only {{ background: {c.window}; }}
QCheckBox {{ spacing: 8px; }}
"""


def _spin_and_combo(c: Colors, arrows: dict[str, str]) -> str:
    return f"""
QComboBox {{ padding-right: 30px; }}
QComboBox::drop-down {{ subcontrol-origin: padding; subcontrol-position: center right;
    width: 28px; border: none; background: transparent; }}
QComboBox::down-arrow {{ image: url("{arrows["down"]}"); width: 14px; height: 14px; }}
QComboBox QAbstractItemView {{ background: {c.surface}; border: 1px solid {c.border};
    selection-background-color: {c.accent_soft}; selection-color: {c.text}; outline: 0;
    padding: 4px; }}
QSpinBox, QDoubleSpinBox {{ padding-right: 30px; }}
QSpinBox::up-button, QDoubleSpinBox::up-button {{ subcontrol-origin: border;
    subcontrol-position: top right; width: 26px; border: none;
    border-left: 1px solid {c.border}; border-top-right-radius: 8px; background: transparent; }}
QSpinBox::down-button, QDoubleSpinBox::down-button {{ subcontrol-origin: border;
    subcontrol-position: bottom right; width: 26px; border: none;
    border-left: 1px solid {c.border}; border-bottom-right-radius: 8px; background: transparent; }}
QSpinBox::up-button:hover, QDoubleSpinBox::up-button:hover,
QSpinBox::down-button:hover, QDoubleSpinBox::down-button:hover {{ background: {c.hover}; }}
QSpinBox::up-arrow, QDoubleSpinBox::up-arrow {{ image: url("{arrows["up"]}"); width: 11px;
    height: 11px; }}
QSpinBox::down-arrow, QDoubleSpinBox::down-arrow {{ image: url("{arrows["down"]}"); width: 11px;
    height: 11px; }}
"""


def _scrollbars(c: Colors) -> str:
    return f"""
QScrollBar:vertical {{ background: transparent; width: 10px; margin: 2px; }}
QScrollBar:horizontal {{ background: transparent; height: 10px; margin: 2px; }}
QScrollBar::handle {{ background: {c.border}; border-radius: 3px; }}
QScrollBar::handle:hover {{ background: {c.muted}; }}
QScrollBar::handle:vertical {{ min-height: 32px; }}
QScrollBar::handle:horizontal {{ min-width: 32px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; border: none; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: transparent; }}
"""


def _indicators(c: Colors, images: dict[str, str]) -> str:
    """Check boxes and radio buttons drawn in the theme's colours: Fusion frames them in a
    shade darker than the window, which all but vanishes on the dark scheme."""
    return f"""
QCheckBox::indicator, QRadioButton::indicator {{ width: 12px; height: 12px;
    border: 2px solid {c.muted}; background: {c.surface}; }}
QCheckBox::indicator {{ border-radius: 4px; }}
QRadioButton::indicator {{ border-radius: 8px; }}
QCheckBox::indicator:hover, QRadioButton::indicator:hover {{ border-color: {c.accent}; }}
QCheckBox::indicator:checked {{ border-color: {c.accent}; background: {c.accent};
    image: url("{images["check"]}"); }}
QRadioButton::indicator:checked {{ width: 6px; height: 6px; border: 5px solid {c.accent}; }}
QCheckBox::indicator:disabled, QRadioButton::indicator:disabled {{ border-color: {c.border};
    background: {c.window}; }}
QCheckBox::indicator:checked:disabled {{ background: {c.border}; }}
QRadioButton::indicator:checked:disabled {{ border-color: {c.border}; }}
"""
