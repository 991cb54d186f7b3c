"""Colour contrast as WCAG 2.1 defines it, for rating badges (white text on the rating's
colour). Plain Python."""

from __future__ import annotations

# WCAG 2.1 AA: normal-size text needs 4.5:1 against its background.
AA_NORMAL_TEXT = 4.5
BADGE_TEXT_COLOUR = "#ffffff"


def relative_luminance(hex_colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    digits = hex_colour.lstrip("#")
    r, g, b = (int(digits[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted([relative_luminance(first), relative_luminance(second)], reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def badge_contrast(colour: str) -> float:
    """The contrast of a badge's white label on `colour`."""
    return contrast_ratio(colour, BADGE_TEXT_COLOUR)
