"""A horizontal bar chart drawn as SVG on the server: no script, readable by screen readers
through its title, description and text labels. Plain Python: it only computes geometry."""

from __future__ import annotations

from dataclasses import dataclass

LABEL_WIDTH = 130
BAR_AREA = 220
ROW_HEIGHT = 28
BAR_HEIGHT = 18
DIGIT_WIDTH = 8  # room for a digit of the counts after the longest bar


@dataclass(frozen=True)
class Bar:
    label: str
    colour: str
    count: int
    y: int
    width: int  # of the bar, in SVG units; 0 draws nothing

    @property
    def text_y(self) -> int:
        return self.y + BAR_HEIGHT - 4

    @property
    def count_x(self) -> int:
        return LABEL_WIDTH + self.width + 6


@dataclass(frozen=True)
class BarChart:
    bars: list[Bar]
    width: int
    height: int
    label_width: int = LABEL_WIDTH


def bar_chart(rows: list[tuple[str, str, int]]) -> BarChart:
    """Bars for (label, colour, count) rows, scaled so the longest fills the bar area."""
    longest = max((count for _label, _colour, count in rows), default=0)
    bars = [
        Bar(
            label=label,
            colour=colour,
            count=count,
            y=index * ROW_HEIGHT,
            width=round(BAR_AREA * count / longest) if longest else 0,
        )
        for index, (label, colour, count) in enumerate(rows)
    ]
    # The longest bar's count is written past its end: room for all its digits.
    width = LABEL_WIDTH + BAR_AREA + 12 + DIGIT_WIDTH * max(3, len(str(longest)))
    return BarChart(bars=bars, width=width, height=len(rows) * ROW_HEIGHT)
