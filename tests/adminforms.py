"""Drive admin pages as a browser without JavaScript would: read a form's fields and their
current values from the page, change some, post them back."""

from __future__ import annotations

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self, form_id: str | None):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.fields: dict[str, list[str]] = {}
        self._select: str | None = None
        self._first_option: str | None = None
        self._multiple = False
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (self.form_id is None or attrs.get("id") == self.form_id):
            self.inside = True
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "image", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            default = "on" if kind in ("checkbox", "radio") else ""
            self.fields.setdefault(name, []).append(attrs.get("value") or default)
        elif tag == "select" and name:
            self._select, self._first_option = name, None
            self._multiple = "multiple" in attrs
            self.fields.setdefault(name, [])
        elif tag == "option" and self._select:
            if self._first_option is None:
                self._first_option = attrs.get("value", "")
            if "selected" in attrs:
                self.fields[self._select].append(attrs.get("value", ""))
        elif tag == "textarea" and name:
            self._textarea = name
            self.fields[name] = [""]

    def handle_data(self, data):
        if self._textarea:
            self.fields[self._textarea][0] += data

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside = False
        elif tag == "select" and self._select:
            # A single select with nothing marked selected submits its first option.
            if (
                not self.fields[self._select]
                and self._first_option is not None
                and not (self._multiple)
            ):
                self.fields[self._select].append(self._first_option)
            self._select = None
        elif tag == "textarea" and self._textarea:
            # Browsers drop the newline that follows <textarea>.
            value = self.fields[self._textarea][0]
            self.fields[self._textarea][0] = value[1:] if value.startswith("\n") else value
            self._textarea = None


def form_data(response, form_id: str | None = None) -> dict[str, list[str] | str]:
    """The fields a browser would submit from the page's form (the first, or `form_id`)."""
    reader = _FormReader(form_id)
    reader.feed(response.content.decode())
    return {
        name: values[0] if len(values) == 1 else values
        for name, values in reader.fields.items()
        if values
    }
