"""The two colour sets: a calm light one and a dark one, with one restrained accent."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Colors:
    window: str
    surface: str
    sidebar: str
    text: str
    muted: str
    border: str
    hover: str
    accent: str
    accent_hover: str  # primary buttons on hover
    primary: str  # primary button background: white text on it stays above 4.5:1
    accent_soft: str
    on_accent: str
    good: str
    good_soft: str
    bad: str
    bad_soft: str
    heat: tuple[str, ...]
    slate: str


LIGHT = Colors(
    window="#F4F5F7",
    surface="#FFFFFF",
    sidebar="#FBFBFC",
    text="#1F2328",
    muted="#5E6570",
    border="#E2E5EA",
    hover="#F0F1F4",
    accent="#C0392B",
    accent_hover="#A5301F",
    primary="#C0392B",
    accent_soft="#FBEDEB",
    on_accent="#FFFFFF",
    good="#1E7D45",
    good_soft="#E6F4EC",
    bad="#C0392B",
    bad_soft="#FCEBEA",
    heat=("#ECEEF1", "#F5C9C3", "#E8968C", "#D45A4C", "#A82A1E"),
    slate="#7D8CA3",
)

DARK = Colors(
    window="#1C1D20",
    surface="#26282C",
    sidebar="#212226",
    text="#E7E8EA",
    muted="#A2A7B0",
    border="#393C42",
    hover="#2F3237",
    accent="#E0675A",
    accent_hover="#A93F34",
    primary="#B8483C",
    accent_soft="#3B2624",
    on_accent="#FFFFFF",
    good="#5CC98A",
    good_soft="#1F3629",
    bad="#F0786C",
    bad_soft="#42252A",
    heat=("#2E3035", "#5A3230", "#8A3F37", "#BF5146", "#EB7466"),
    slate="#8E9BB0",
)
