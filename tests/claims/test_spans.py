from claims.spans import Mark, segments


def test_segments_cut_at_every_boundary_and_list_covering_marks():
    text = "0123456789"

    pieces = segments(text, 0, 10, [Mark(2, 8, "statement", 1), Mark(4, 6, "candidate", 0)])

    assert [(p.start, p.end, p.text) for p in pieces] == [
        (0, 2, "01"),
        (2, 4, "23"),
        (4, 6, "45"),
        (6, 8, "67"),
        (8, 10, "89"),
    ]
    assert pieces[2].marks == {"statement": [1], "candidate": [0]}
    assert pieces[0].marks == {}


def test_segments_keep_to_the_paragraph_and_clip_marks_crossing_it():
    text = "aaaa\nbbbb"

    pieces = segments(text, 5, 9, [Mark(2, 7, "statement", "s")])

    assert [(p.text, p.first("statement")) for p in pieces] == [("bb", "s"), ("bb", None)]
    assert "".join(p.text for p in pieces) == text[5:9]
