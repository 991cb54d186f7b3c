"""Word lists the engine reads English news with, kept in one place so that each rule module
says what it does rather than which words it knows.

Every set holds lower-case words; callers lower-case before looking up.
"""

from __future__ import annotations

import re


def word_set(text: str) -> frozenset[str]:
    """The blank-separated words of a text, as a set."""
    return frozenset(text.split())


def singular(word: str) -> str:
    """A plural noun's singular by its regular ending ("deputies", "witnesses", "officials");
    any other word as it is."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


# Verbs (and "according") that attribute words to someone. A cue in a sentence is what turns it
# from the outlet's narration into someone's statement.
CUE_WORDS = word_set("""
    said says say saying added adds adding noted notes noting stressed stresses stressing
    emphasized emphasised emphasizes emphasises emphasizing emphasising stated told tells
    explained explains explaining recalled recalls recalling warned warns warning announced
    announces claimed claims claiming argued argues arguing insisted insists insisting
    suggested asserted asserts declared declares continued wrote writes tweeted posted
    remarked replied responded answered acknowledged acknowledges admitted admits confirmed
    confirms denied denies revealed reveals underlined underlines underscored observed
    commented comments comment concluded urged predicted promised vowed vows maintained
    maintains alleged
    alleges complained estimated estimates assured reiterated reiterates highlighted specified
    clarified indicated mentioned disclosed believes believed thinks contended contends
    reported pointed point points pointing according testified testifies assailed described
    describes found finds concur concurs concurred agree agrees blame blames blamed envision
    envisions envisioned envisage envisages envisaged
    show shows showed shown suggests indicates reports believe warn argue insist estimate write
    cautions cautioned cautioning predicts concludes stating
    predict contend maintain stress note add explain mentions tell telling cautioned conceded
    countered retorted lamented recounted boasted charged pledged forecast projected ruled
    determined agreed disputed objected protested continues mention allege deny admit
    acknowledge concede characterized characterised characterizes characterises theorized
    theorised speculated speculates stating writing wonders wondered suggest indicate reveal
    accused accuses accusing opined opines claim accuse assert confirm complain testify declare
    urge refute refutes refuted rebut rebuts rebutted surmise surmised surmises hinted hints
    signalled signaled reckon reckons reckoned posited posits hypothesized hypothesised
    proclaimed proclaims attested swore concedes quipped joked bragged grumbled bemoaned
    restated reasoned divulged
    """)

# Cues of two words: the first attributes only with the second after it ("according to",
# "points out").
TWO_WORD_CUES = {
    "according": "to",
    **dict.fromkeys(("point", "points", "pointed", "pointing"), "out"),
}

# Cues that attribute only when their subject is a study, data or an organisation ("the survey
# found that", "official figures show"): a person who "found" or "showed" something did it.
FINDING_CUES = word_set(
    "found finds show shows showed shown suggests indicates suggest indicate reveal"
)

# Cues followed by the listener, not the speaker: in "told Newsweek" or ", telling Cook",
# the name after the verb is who heard the words.
LISTENER_CUES = word_set("told tell tells telling assured assures reminded reminds informed")

# Nouns for what someone asserts, and the verbs by which they assert it again: "repeated her
# claim that", "made the claim that", "stood by his assertion that" ("denied the claim that"
# is another matter: the speaker rejects the clause).
CLAIM_NOUNS = word_set(
    "claim claims assertion assertions allegation allegations argument view belief warning "
    "warnings prediction accusation accusations contention insistence"
)
RESTATING = word_set(
    "repeated repeats reiterated reiterates renewed renews restated restates made makes stood "
    "stands defended defends"
)

# Cues whose words follow as "X as Y": "described the plan as unworkable".
AS_CUES = word_set(
    "described describes assailed characterized characterised characterizes characterises"
)

# Verbs that attribute only before a quoted name for something: 'called it "a textbook case
# of favoritism"', 'calls this “electoral theft”'; "called a meeting" is an act.
NAMING_CUES = word_set("called calls call calling dubbed dubs termed terms")

# Verbs that attribute only before a tally: "gave a count of 116 injured", "put the toll at 40".
TALLY_VERBS = word_set("gave gives give put puts offers offered cites cited")
TALLIES = word_set(
    "count figure figures toll number estimate total tally cost damage losses magnitude"
)

# Cues whose words follow as "X of Y": "accused ministers of cutting the budget".
OF_CUES = word_set("accuse accused accuses accusing")

# Cues whose words follow as a topic: "writes about the neglect of ...", "warned of delays".
ABOUT_CUES = word_set("writes wrote write spoke speaks talked talks complained warned warns")

# Cues that, glued to the name before them by a typo ("Putinsaid"), are split off again.
GLUE_CUES = (
    "said",
    "says",
    "added",
    "noted",
    "stated",
    "stressed",
    "told",
    "warned",
    "explained",
    "recalled",
    "announced",
    "claimed",
)

# Participles that open a reported clause after a comma: '"...," he said, adding that ...'.
TAIL_CUES = word_set(
    "adding noting saying stressing explaining warning insisting recalling claiming "
    "arguing emphasizing emphasising telling stating writing"
)

# Words allowed between a speaker and the cue ("Lavrov also said", "he later added").
SKIP_BEFORE_CUE = word_set("""
    also further later then reportedly previously earlier recently has had have once again
    repeatedly publicly separately subsequently quickly firmly clearly explicitly bluntly openly
    flatly categorically emphatically specifically immediately already further however
    always never long consistently strongly vehemently initially originally first both does
    did do yesterday today famously privately formally officially only
    """)

# A cue after one of these is a passive or a parenthetical, not someone speaking.
PASSIVE_BEFORE_CUE = word_set("is was were be been being are as so")

PERSON_PRONOUNS = frozenset({"he", "she"})
GROUP_PRONOUNS = frozenset({"they", "it"})
FIRST_PERSON = frozenset({"i", "we", "you"})

# The speaker's own words: outside quotations, they make a text its author's or an
# institution's rather than a report about them.
SELF_SINGULAR = word_set("i me my")
SELF_PLURAL = word_set("we us our")


def as_written(words: frozenset[str]) -> re.Pattern[str]:
    """A pattern for whole words as running text writes them: lower case, or capitalised at
    the start of a sentence ("I" always)."""
    forms = sorted({w.upper() if w == "i" else f for w in words for f in (w, w.capitalize())})
    return re.compile(rf"\b(?:{'|'.join(forms)})\b")


# Words naming a role: the head of "the minister", "Foreign Minister Sergey Lavrov".
TITLE_WORDS = word_set("""
    president minister secretary chancellor premier spokesperson spokesman spokeswoman
    ambassador senator governor mayor general director chairman chairwoman chair ceo cfo head
    chief leader king queen prince princess pope judge justice commissioner envoy
    representative speaker officer official adviser advisor aide professor diplomat lawmaker
    congressman congresswoman deputy mp analyst expert economist researcher scientist
    candidate founder attorney prosecutor lawyer commander colonel captain admiral sheriff
    coach executive emir sultan sheikh archbishop bishop patriarch cardinal marshal lieutenant
    sergeant president-elect vice-president press-secretary negotiator coordinator
    administrator counsel counsellor councillor councilman councilwoman solicitor registrar
    inspector superintendent constable auditor comptroller treasurer surgeon physician taoiseach
    tanaiste procurator
    """)

# Honorifics: a name follows directly ("Mr. Trudeau", "Dr. Fauci").
HONORIFICS = word_set(
    "mr mrs ms miss dr prof sir dame lord lady sen rep gov gen col lt sgt capt adm rev"
)

# Words that modify a role without being a name ("Prime", "Foreign", "of State").
ROLE_MODIFIERS = word_set("""
    prime foreign deputy vice former top chief senior acting interim first assistant press
    defense defence state affairs interior finance health economy economic trade energy
    education security national executive managing current outgoing incoming presidential
    federal regional local military general home justice internal external public lead
    principal associate co-author study medical hospital rescue emergency intelligence police
    government provincial county city
    """)

# Words that make a capitalised name an organisation rather than a person.
ORG_WORDS = word_set("""
    ministry department office agency council commission committee kremlin pentagon
    government parliament congress senate party bank company corporation corp inc ltd llc plc
    association union organization organisation institute university service police army navy
    forces command court foundation group board bureau embassy administration cabinet duma
    house alliance federation fund network news times post press channel authority
    inspectorate ombudsman tribunal centre center laboratory observatory hospital clinic
    academy society trust charity coalition watchdog regulator directorate secretariat
    programme firm holdings airlines airways motors technologies media newspaper magazine
    journal radio television broadcasting broadcaster herald guardian telegraph tribune
    gazette daily monitor chronicle nations assembly legislature exchange blog website club
    republic kingdom emirates team consulate nonprofit outfit giant chipmaker carmaker automaker
    drugmaker retailer manufacturer airline carrier insurer lender publisher operator developer
    startup conglomerate military militia junta regime college league confederation chamber
    corps
    """)

# Nouns for a person described rather than named ("a witness", "another resident"): with an
# indefinite article they are someone new, never a person named earlier.
PERSON_NOUNS = word_set("""
    witness eyewitness resident neighbour neighbor victim survivor student teacher nurse doctor
    patient farmer worker employee owner driver passenger parent mother father relative friend
    colleague source insider observer campaigner activist protester voter villager citizen
    author researcher scientist engineer pilot soldier firefighter paramedic juror defendant
    suspect plaintiff bystander fan supporter critic historian member manager organiser
    organizer volunteer participant customer user shopper trader investor banker analyst
    economist expert official spokesperson spokesman spokeswoman representative blogger
    artist journalist writer editor columnist reporter commentator sociologist lecturer
    academic entrepreneur businessman businesswoman poster commenter contributor opponent
    proponent backer advocate accused medic rescuer
    """)

# Nouns for findings rather than people: what "found", "shows" or "according to" can cite.
# "data compiled by Bloomberg", "a report published by the Institute": the finding's maker
COMPILED = word_set("""
    compiled published released collected gathered conducted commissioned done filed unsealed
    """)
FINDING_NOUNS = word_set("""
    study studies survey surveys report reports analysis analyses research data figures
    statistics poll polls paper review audit inspection census estimate estimates findings
    results trial trials investigation inquiry assessment evaluation model modelling modeling
    records documents filings forecast projections experiment experiments
    """)

# Papers with a maker the article may name ("a report by Pew", "The FTC filed a complaint"),
# which "the report" or "according to the complaint" later cite: research and findings, and
# what a party files in court (an indictment or affidavit names no maker of its own).
RESEARCH_PAPERS = word_set(
    "report study survey analysis poll research paper review audit assessment"
)
FILED_PAPERS = word_set("complaint lawsuit petition")
MADE_PAPERS = RESEARCH_PAPERS | FILED_PAPERS

# Papers filed in court, which speak for whoever filed them: "the lawsuit alleges".
COURT_PAPERS = FILED_PAPERS | word_set("indictment affidavit")

# What a body is called by its kind after it was named ("the rights group", "the chipmaker").
BODY_KINDS = word_set("""
    group organisation organization company firm agency watchdog charity nonprofit body outfit
    giant chipmaker carmaker automaker drugmaker retailer manufacturer airline carrier insurer
    lender bank broadcaster network newspaper paper publisher union coalition alliance
    association foundation institute regulator operator developer startup conglomerate
    """)

# Determiners that introduce someone not met before.
INDEFINITES = word_set("a an another one some several two three four five many")

# Capitalised words that start sentences or qualify nouns without ever being names.
STOP_CAPS = word_set("""
    the a an but and or so yet however meanwhile also in on at for with as after before when
    while if this that these those it he she they we i you there here his her their our its
    my your according earlier later then now still moreover furthermore besides although though
    because since during from to by of about under over into one two three four five six seven
    eight nine ten last next first some many most all both each every no not what why how who
    where which speaking asked despite among amid instead thus therefore indeed even just only
    such other another separately previously recently today yesterday tomorrow monday tuesday
    wednesday thursday friday saturday sunday january february april june july august september
    october november december don't doesn't didn't can't won't isn't aren't wasn't weren't
    let's it's that's there's i'm i've we're we've you're they're says adds asks writes
    explains recalls warns argues insists
    """)

# Determiners that open a noun phrase; they end a backwards scan.
DETERMINERS = word_set("the a an our his her their its this that these those")

# Abbreviations whose full stop does not end a sentence.
ABBREVIATIONS = word_set("""
    mr mrs ms dr prof st jr sr gen col lt sgt capt gov sen rep rev hon inc ltd co corp no vs
    etc jan feb mar apr jun jul aug sep sept oct nov dec mt ft approx dept univ est fig vol
    adm cmdr gov pres
    """)

# Words that start a new sentence after a dotted abbreviation ("... in the U.S. The ...").
SENTENCE_STARTERS = word_set("""
    the this that these those he she it they we i in but and however a an his her their our
    there what why how when after before meanwhile still yet moreover
    """)

# Finite verbs a clause can turn on: auxiliaries and common irregular past forms, so that
# "..., and the mayor fled" reads as a new clause and "..., and in Rome" does not.
FINITE_VERBS = word_set(
    """
    is are was were be been has have had will would can could must should may might did does
    do shall need needs want wants shows showed say says said remains remained seems seemed
    took fled went came made told gave got left lost won met saw sent spent stood fell rose
    grew ran began brought bought built caught chose drove fought found held kept knew led
    paid put sold struck taught thought threw wrote became broke cut hit let set shot shut
    spoke stole tore sank drew flew forgot hid laid meant rode sought stuck swept understood
    withdrew overtook cost hurt spread burst cast forecast split quit shed upset broadcast
    bled fed dealt felt slept wept swung hung dug sat lit slid bit wound bound died heard
    shrank swam sprang rang sang drank stank shook woke wore bore swore froze arose strove
    forgave forbade undertook mistook outgrew oversaw foresaw underwent overcame overran
    overthrew lent leapt crept knelt slew flung clung stung wrung sprung spun shone trod bred
    sped spat blew ate strode upheld withheld withstood awoke befell forsook partook
    """
)
# Auxiliaries with their negation written in ("the city can't afford it"): a clause's verb.
NEGATED_VERBS = word_set(
    """
    cannot can't won't isn't aren't wasn't weren't don't doesn't didn't hasn't haven't hadn't
    shouldn't couldn't wouldn't mustn't can’t won’t isn’t aren’t wasn’t weren’t don’t
    doesn’t didn’t hasn’t haven’t hadn’t shouldn’t couldn’t wouldn’t mustn’t
    """
)

# Leading words trimmed from a clause so that a candidate starts with its assertion.
LEADING_CONNECTORS = word_set("and but that while whereas yet so")

MONTHS = word_set("""
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    """)

WEEKDAYS = word_set(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri "
    "sat sun"
)

# Role nouns that describe someone by the kind of job, mapped to words their role must contain.
ROLE_FAMILIES: dict[str, tuple[str, ...]] = {
    "diplomat": ("foreign", "ambassador", "envoy", "diplomat", "secretary of state"),
    "premier": ("prime", "premier"),
    "spokesman": ("spokes", "press secretary"),
    "spokeswoman": ("spokes", "press secretary"),
    "spokesperson": ("spokes", "press secretary"),
    "leader": ("president", "prime", "chancellor", "leader", "king", "queen", "premier"),
    "official": ("",),
    "politician": ("",),
    "lawmaker": ("senator", "lawmaker", "congress", "mp", "deputy", "representative"),
}
