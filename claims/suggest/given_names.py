"""Given names that say whether "he" or "she" can stand for a person ("The BBC's Rachel Harvey
reports that ... He also said ..." is not Rachel Harvey).

Written by hand for this project: common given names in the English-language press, across
languages, that are used for one sex only in almost every case; names that are not ("Kim",
"Jean", "Andrea") are left out. A name missing here tells nothing; the honorifics "Mr" and "Ms"
in the article tell as much.
"""

from .lexicon import word_set

FEMALE = word_set(
    """
    abigail ada adriana agnes aisha alexandra alice alicia alison amanda amelia amy ana anastasia
    angela angelina anita ann anna anne annette antonia barbara beatrice beatriz bertha
    betty beverly brenda bridget camila carla carmen carol caroline carolyn catherine cecilia
    charlotte chloe christina christine claire clara claudia colette cristina cynthia daniela
    deborah debra denise diana diane donna dorothy elaine eleanor elena elisabeth elizabeth
    ella ellen emily emma erica erin esther eva evelyn fatima fiona florence frances francesca
    gabriela gloria grace hannah harriet heather helen helena hillary ingrid irene isabel
    isabella jacqueline jane janet janice jasmine jennifer jessica jill joan joanna
    josephine joyce judith judy julia julie karen karin katherine kathleen kathryn katie
    kelly kimberly laura lauren linda lisa louise lucy lydia madeleine margaret maria
    marie marina marion martha mary maya megan melanie melissa michelle miriam monica nadia
    nancy natalia natalie natasha nicole nina olga olivia pamela patricia paula pauline
    penelope priya rachel rebecca rita rosa rose ruth sabine sally samantha sandra sara sarah
    sharon sheila shirley silvia sofia sonia sophia sophie stephanie susan susanne suzanne
    svetlana sylvia tamara tanya teresa theresa tina ursula valentina valerie vanessa
    veronica veronika victoria virginia wendy yulia yvette yvonne zoe
    """
)

MALE = word_set(
    """
    aaron abdul adam ahmed alan albert alejandro alexander alexei alfred ali andre andrew
    andrei angelo anthony antonio arnold arthur barack benjamin bernard bill bob boris brian
    bruce carl carlos charles christopher colin craig daniel david dennis dmitry donald douglas
    dylan edward emmanuel eric ernest eugene fernando francis francisco frank franz fred
    frederick gabriel gary george gerald giuseppe gordon gregory hans harold harry henry hugh
    ian igor ivan jack jacob james jason jean-pierre jeffrey jeremy jerry jim joe johannes john
    jonathan jorge jose joseph juan julian justin keith kenneth kevin klaus larry lawrence
    leonard luis luke marco marcus mark martin matthew michael mikhail mohamed mohammad
    mohammed muhammad nathan neil nicholas nick nikolai oleg oliver omar oscar patrick paul
    pedro peter philip pierre rafael ralph raymond richard robert roger ronald russell ryan
    samuel scott sean sergei sergey stanley stephen steve steven stuart thomas timothy tom
    tony vladimir walter wayne william xavier yuri
    """
)
