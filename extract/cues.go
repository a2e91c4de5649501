package extract

import "github.com/stancegraph/stancegraph/stance"

// Stance types the cues produce: the default vocabulary's, kept under
// these names for callers of package extract.
const (
	Supports = stance.Supports
	Rejects  = stance.Rejects
	Demands  = stance.Demands
	Accuses  = stance.Accuses
	Offers   = stance.Offers
	Engages  = stance.Engages
)

// cueMode says where a cue finds its object.
type cueMode uint8

const (
	mObj      cueMode = iota // first actor (list) of the object noun phrase
	mObjTo                   // actor directly after, followed by "to": "called for X to"
	mNear                    // actor within two words: "condemned Russia"
	mBlame                   // "blamed X for", "blamed Y on X"
	mLabel                   // "called X a 'puppet'": polarity decides the type
	mDeny                    // "denied the accusation": the accuser
	mRefuse                  // "refused to ... as demanded by X", "refused to deal with X"
	mThat                    // "demanded that X leave", "insisted that X must"
	mOffer                   // "offered X Y" or "offered to mediate between X and Y"
	mHost                    // "hosted X", "hosted talks between X and Y"
	mTalks                   // "held talks with X"
	mContacts                // "established contacts with X"
	mWith                    // "broke off relations with X"
	mPledge                  // "pledged support for X"
	mGive                    // "gave X diplomats 72 hours to leave"
	mTrade                   // "Armenia and Azerbaijan traded accusations": each accuses the other
	mContest                 // "challenged X to": as mObjTo; "challenged X's account": rejects X
)

// cueDef is one cue: the inflected verb (and particle) that states a stance.
type cueDef struct {
	words []string // lower-case tokens
	typ   string
	mode  cueMode
	// verb marks a cue whose words are known to be a verb group (an intent
	// marker and its verb), which the noun-use test must not drop.
	verb bool
	// recip is the type of an act of cooperation (CAMEO 03-06: intent,
	// talks, diplomatic or material cooperation) that a list of subjects
	// with no object does with each other: "Chile and Peru agreed to a
	// truce" is an offer of each to the other. Empty for other cues.
	recip string
	// intent marks an offer coded from an intent marker and its verb
	// ("would allow"), whose object may stand deeper in the act's
	// phrase ("the return of U.N. inspectors").
	intent bool
}

// verbForms lists inflections of a verb: base, third person, past (and
// participle), gerund; extra irregular forms may follow.
func verbForms(forms ...string) []string { return forms }

var cueTable = func() map[string][]cueDef {
	t := map[string][]cueDef{}
	add := func(typ string, mode cueMode, particle []string, forms []string) {
		for _, f := range forms {
			w := append([]string{f}, particle...)
			t[f] = append(t[f], cueDef{words: w, typ: typ, mode: mode})
		}
	}
	p := func(s ...string) []string { return s }
	// ACCUSES
	add(Accuses, mObj, nil, verbForms("accuse", "accuses", "accused", "accusing"))
	// "reproaching the US for meddling": a charge, as "accused X of".
	add(Accuses, mObj, nil, verbForms("reproach", "reproaches", "reproached", "reproaching"))
	add(Accuses, mBlame, nil, verbForms("blame", "blames", "blamed", "blaming"))
	add(Accuses, mNear, nil, verbForms("condemn", "condemns", "condemned", "condemning", "denounce", "denounces", "denounced", "denouncing",
		"criticise", "criticises", "criticised", "criticising", "criticize", "criticizes", "criticized", "criticizing"))
	add(Accuses, mNear, nil, verbForms("slam", "slams", "slammed", "slamming", "chastise", "chastised", "rebuke", "rebuked", "rebukes"))
	add(Accuses, mNear, nil, verbForms("lambast", "lambasts", "lambasted", "lambasting", "blast", "blasts", "blasted", "blasting",
		"castigate", "castigates", "castigated", "assail", "assails", "assailed", "decry", "decries", "decried", "decrying",
		"deplore", "deplores", "deplored", "deploring", "censure", "censures", "censured", "berate", "berates", "berated"))
	add(Accuses, mThat, nil, verbForms("allege", "alleges", "alleged", "alleging"))
	add(Accuses, mObj, p("out", "at"), verbForms("lash", "lashes", "lashed", "lashing", "hit", "hits", "hitting"))
	// "hit back at X over the tariffs": a rebuke in return.
	add(Accuses, mObj, p("back", "at"), verbForms("lash", "lashes", "lashed", "lashing", "hit", "hits", "hitting", "strike", "strikes",
		"struck", "striking", "fire", "fires", "fired", "firing"))
	add(Accuses, mLabel, nil, verbForms("brand", "brands", "branded", "branding", "label", "labels", "labelled", "labeled", "labelling",
		"call", "calls", "called", "calling", "describe", "describes", "described", "describing", "dub", "dubbed",
		"term", "terms", "termed", "terming", "view", "views", "viewed", "viewing", "regard", "regards", "regarded", "regarding",
		// "considers X terrorists" labels X; the dictionary's block codes
		// considering as consultation (040), which it is not.
		"consider", "considers", "considered", "considering"))
	add(Accuses, mLabel, p("to"), verbForms("refer", "refers", "referred", "referring"))
	// DEMANDS
	// "took aim at X", "pointed the finger at X": idioms of blame.
	add(Accuses, mObj, p("aim", "at"), verbForms("take", "takes", "took", "taking", "taken"))
	add(Accuses, mObj, p("the", "finger", "at"), verbForms("point", "points", "pointed", "pointing"))
	add(Demands, mObj, p("on"), verbForms("call", "calls", "called", "calling"))
	add(Demands, mObj, p("upon"), verbForms("call", "calls", "called", "calling"))
	add(Demands, mObjTo, p("for"), verbForms("call", "calls", "called", "calling"))
	add(Demands, mObj, nil, verbForms("urge", "urges", "urged", "urging"))
	add(Demands, mObjTo, nil, verbForms("press", "presses", "pressed", "pressing", "ask", "asks", "asked", "asking",
		"order", "orders", "ordered", "ordering", "tell", "tells", "told", "telling", "warn", "warns", "warned", "warning"))
	add(Demands, mObjTo, p("to"), verbForms("appeal", "appeals", "appealed", "appealing"))
	add(Demands, mObjTo, nil, verbForms("want", "wants", "wanted"))
	// "We expect X to take action": an expectation of an actor's act is
	// a demand of it; the dictionary coded "expect" as intent (an offer).
	add(Demands, mObjTo, nil, verbForms("expect", "expects", "expected", "expecting"))
	// Persuading, reminding, instructing, prodding or lobbying X to act
	// asks it of X; the dictionary coded persuading as support and the
	// rest as nothing. "Cautioned X against" warns as "warned X against".
	add(Demands, mObjTo, nil, verbForms("persuade", "persuades", "persuaded", "persuading", "remind", "reminds", "reminded",
		"reminding", "instruct", "instructs", "instructed", "instructing", "prod", "prods", "prodded", "prodding",
		"lobby", "lobbies", "lobbied", "lobbying", "caution", "cautions", "cautioned", "cautioning"))
	add(Demands, mContest, nil, verbForms("challenge", "challenges", "challenged"))
	add(Demands, mThat, nil, verbForms("demand", "demands", "demanded", "demanding", "insist", "insists", "insisted", "insisting"))
	add(Demands, mGive, nil, verbForms("give", "gives", "gave", "giving", "given"))
	// REJECTS
	add(Rejects, mObj, nil, verbForms("reject", "rejects", "rejected", "rejecting", "dismiss", "dismisses", "dismissed", "dismissing",
		"spurn", "spurns", "spurned", "spurning", "rebuff", "rebuffs", "rebuffed", "rebuffing", "repudiate", "repudiates", "repudiated"))
	add(Rejects, mObj, nil, verbForms("oppose", "opposes", "opposed", "opposing", "veto", "vetoes", "vetoed", "vetoing"))
	// "resisted Ugandan pressure", "ignored calls by X"
	add(Rejects, mObj, nil, verbForms("resist", "resists", "resisted", "resisting", "ignore", "ignores", "ignored", "ignoring"))
	add(Rejects, mObj, p("to"), verbForms("opposed"))
	add(Rejects, mObj, p("to"), verbForms("object", "objects", "objected", "objecting"))
	add(Rejects, mObj, p("out"), verbForms("rule", "rules", "ruled", "ruling"))
	add(Rejects, mObj, p("down"), verbForms("turn", "turns", "turned", "turning"))
	for _, degree := range [][]string{nil, {"strong"}, {"serious"}, {"strongest"}} {
		// "took (strong) exception to X's remarks"
		add(Rejects, mObj, append(append([]string{}, degree...), "exception", "to"), verbForms("take", "takes", "took", "taking", "taken"))
	}
	// Dismissals by phrasal verbs: "brushed aside X's proposal",
	// "shrugged off X's criticism", "balked at X's demands", "pushed back
	// against X's demands"; snubbing X's invitation rejects it (the
	// dictionary coded a snub as disapproval).
	add(Rejects, mObj, p("aside"), verbForms("brush", "brushes", "brushed", "brushing"))
	add(Rejects, mObj, p("off"), verbForms("shrug", "shrugs", "shrugged", "shrugging"))
	add(Rejects, mObj, p("at"), verbForms("scoff", "scoffs", "scoffed", "scoffing", "balk", "balks", "balked", "balking"))
	add(Rejects, mObj, p("back", "against"), verbForms("push", "pushes", "pushed", "pushing"))
	add(Rejects, mObj, nil, verbForms("snub", "snubs", "snubbed", "snubbing"))

	// Relations or talks suspended, frozen or downgraded with X reject X
	// as cutting ties does.
	add(Rejects, mWith, nil, verbForms("suspend", "suspends", "suspended", "suspending", "freeze", "freezes", "froze", "frozen",
		"freezing", "downgrade", "downgrades", "downgraded", "downgrading")) // suspendVerbs
	add(Rejects, mDeny, nil, verbForms("deny", "denies", "denied", "denying"))
	// "refuted X's claims": a denial that argues, CAMEO 016 as denying.
	add(Rejects, mDeny, nil, verbForms("refute", "refutes", "refuted", "refuting", "rebut", "rebuts", "rebutted", "rebutting",
		"rubbish", "rubbishes", "rubbished", "rubbishing", "debunk", "debunks", "debunked", "debunking"))
	add(Rejects, mRefuse, nil, verbForms("refuse", "refuses", "refused", "refusing"))
	add(Rejects, mWith, p("off"), verbForms("break", "breaks", "broke", "breaking"))
	add(Rejects, mWith, nil, verbForms("end", "ends", "ended", "terminate", "terminates", "terminated", "scrap", "scraps", "scrapped", "tore", "sever", "severs", "severed", "severing"))
	add(Rejects, mWith, p("ties"), verbForms("cut", "cuts", "cutting", "sever", "severs", "severed", "severing"))
	for _, ties := range [][]string{{"all", "ties"}, {"diplomatic", "ties"}, {"all", "diplomatic", "ties"}, {"diplomatic", "relations"}, {"all", "relations"}, {"all", "diplomatic", "relations"}} {
		// "cut all ties with X", "cut diplomatic relations with X"
		add(Rejects, mWith, ties, verbForms("cut", "cuts", "cutting"))
	}
	add(Rejects, mWith, p("on"), verbForms("renege", "reneges", "reneged", "reneging"))
	add(Rejects, mWith, p("out", "of"), verbForms("back", "backs", "backed", "backing", "pull", "pulls", "pulled", "pulling"))
	add(Rejects, mWith, p("away", "from"), verbForms("walk", "walks", "walked", "walking"))
	add(Rejects, mWith, p("out", "of"), verbForms("walk", "walks", "walked", "walking", "storm", "storms", "stormed", "storming"))
	// SUPPORTS
	add(Supports, mObj, nil, verbForms("support", "supports", "supported", "supporting", "back", "backs", "backed", "backing",
		"welcome", "welcomes", "welcomed", "welcoming", "praise", "praises", "praised", "praising",
		"endorse", "endorses", "endorsed", "endorsing", "recognise", "recognises", "recognised", "recognising",
		"recognize", "recognizes", "recognized", "recognizing", "hail", "hails", "hailed", "hailing",
		"applaud", "applauds", "applauded", "applauding", "thank", "thanks", "thanked", "thanking", "congratulate", "congratulates",
		"congratulated", "congratulating", "accept", "accepts", "accepted", "accepting", "defend", "defends", "defended", "defending",
		"approve", "approves", "approved", "approving"))
	add(Supports, mObj, p("to"), verbForms("agree", "agrees", "agreed"))
	// Bowing to X's demands accepts them (CAMEO 08); "will not bow to
	// demands by X" refuses them, as "did not accept" does. Yielding or
	// succumbing to X is as often a defeat in the field.
	add(Supports, mObj, p("to"), verbForms("bow", "bows", "bowed", "bowing"))
	add(Supports, mObj, p("in", "to"), verbForms("give", "gives", "gave", "given", "giving", "cave", "caves", "caved", "caving"))
	recipOf(t, Offers, p("to"), "agree", "agrees", "agreed")
	// Siding or aligning with X backs X.
	add(Supports, mObj, p("with"), verbForms("side", "sides", "sided", "siding", "align", "aligns", "aligned", "aligning"))
	add(Supports, mObj, p("itself", "with"), verbForms("align", "aligns", "aligned", "aligning"))
	// Informing or briefing X is contact with X, as a call is.
	add(Engages, mNear, nil, verbForms("inform", "informs", "informed", "informing", "brief", "briefs", "briefed", "briefing"))
	// Withdrawing recognition of X, or closing one's embassy in X,
	// breaks with X (CAMEO 16).
	for _, own := range [][]string{nil, {"its"}, {"their"}} {
		add(Rejects, mObj, append(append([]string{}, own...), "recognition", "of"), verbForms("drop", "drops", "dropped", "dropping",
			"withdraw", "withdraws", "withdrew", "withdrawn", "withdrawing", "revoke", "revokes", "revoked", "revoking",
			"rescind", "rescinds", "rescinded", "rescinding"))
	}
	for _, own := range []string{"its", "their"} {
		add(Rejects, mObj, p(own, "embassy", "in"), verbForms("close", "closes", "closed", "closing", "shut", "shuts", "shutting"))
	}
	add(Supports, mObj, p("its", "weight", "behind"), verbForms("throw", "throws", "threw", "thrown", "throwing"))
	add(Supports, mObj, p("their", "weight", "behind"), verbForms("throw", "throws", "threw", "thrown", "throwing"))
	add(Supports, mObj, p("its", "support", "behind"), verbForms("throw", "throws", "threw", "thrown", "throwing"))
	add(Supports, mObj, p("their", "support", "behind"), verbForms("throw", "throws", "threw", "thrown", "throwing"))
	add(Supports, mObj, p("with"), verbForms("side", "sides", "sided", "siding"))
	add(Supports, mObj, p("by"), verbForms("stand", "stands", "stood", "standing"))
	add(Supports, mObj, p("with"), verbForms("stand", "stands", "stood", "standing"))
	// "commended X for its restraint" praises X (the dictionary's block
	// read the "for" as a meeting's).
	add(Supports, mObj, nil, verbForms("commend", "commends", "commended", "commending"))
	add(Supports, mObj, p("behind"), verbForms("stand", "stands", "stood", "standing"))
	add(Accuses, mTrade, nil, verbForms("trade", "traded", "trading", "exchange", "exchanged", "exchanging", "swap", "swapped", "swapping"))
	add(Supports, mPledge, nil, verbForms("reiterate", "reiterates", "reiterated", "reiterating", "renew", "renewed", "renews"))
	add(Supports, mPledge, nil, verbForms("announce", "announces", "announced", "announcing"))
	add(Supports, mPledge, nil, verbForms("pledge", "pledges", "pledged", "pledging", "express", "expresses", "expressed", "expressing",
		"voice", "voices", "voiced", "voicing", "reaffirm", "reaffirms", "reaffirmed", "reaffirming"))
	// OFFERS
	add(Offers, mOffer, nil, verbForms("offer", "offers", "offered", "offering", "propose", "proposes", "proposed", "proposing",
		"promise", "promises", "promised", "promising"))
	add(Offers, mObjTo, nil, verbForms("invite", "invites", "invited", "inviting"))
	// ENGAGES
	add(Engages, mHost, nil, verbForms("host", "hosts", "hosted", "hosting"))
	add(Engages, mHost, nil, verbForms("mediate", "mediates", "mediated", "mediating", "facilitate", "facilitates", "facilitated", "facilitating"))
	add(Engages, mHost, p("between"), verbForms("mediate", "mediates", "mediated", "mediating", "shuttle", "shuttled", "shuttles", "shuttling"))
	add(Engages, mHost, nil, verbForms("broker", "brokers", "brokered", "brokering", "relay", "relays", "relayed", "relaying"))
	add(Rejects, mObj, p("against"), verbForms("vote", "votes", "voted", "voting"))
	add(Supports, mObj, p("for"), verbForms("vote", "votes", "voted"))
	add(Engages, mHost, p("host", "to"), verbForms("play", "plays", "played", "playing"))
	add(Engages, mTalks, nil, verbForms("hold", "holds", "held", "holding", "had", "resume", "resumes", "resumed", "resuming",
		"began", "begin", "begins", "begun", "opened", "started", "start", "starts"))
	// Contact named by a noun the subject holds, makes or conducts: "conducted
	// a telephone call with X", "made contact with X", "had a video call with X".
	add(Engages, mTalks, nil, verbForms("conduct", "conducts", "conducted", "conducting"))
	add(Engages, mContacts, nil, verbForms("make", "makes", "made", "making"))
	// Reaching out is contact, not yet a demand: "reached out to X to resume talks".
	add(Engages, mObj, p("out", "to"), verbForms("reach", "reaches", "reached", "reaching"))
	add(Engages, mTalks, nil, verbForms("speak", "speaks", "spoke", "spoken", "talked", "conferred"))
	add(Engages, mContacts, nil, verbForms("establish", "establishes", "established", "establishing", "keep", "keeps", "kept", "keeping",
		"maintain", "maintains", "maintained", "maintaining", "open", "opens", "opened", "opening", "reopen", "reopens", "reopened",
		"reopening", "restore", "restores", "restored", "restoring"))
	add(Engages, mObj, nil, verbForms("met", "meets", "phone", "phones", "phoned", "phoning", "telephoned"))
	add(Engages, mNear, nil, verbForms("receive", "receives", "received", "receiving"))
	add(Engages, mObj, p("with"), verbForms("meet", "meets", "met", "speak", "speaks", "spoke", "spoken", "speaking",
		"talked", "negotiate", "negotiates", "negotiated", "negotiating", "confer", "conferred"))
	add(Engages, mObj, p("to"), verbForms("speak", "speaks", "spoke", "spoken", "speaking", "talked"))
	add(Engages, mObj, p("down", "with"), verbForms("sit", "sits", "sat", "sitting"))
	// Going to talks is holding them: "sat down for talks with X",
	// "returned to negotiations with X"; negated, a refusal.
	// Only the talks themselves: "returned to Geneva for talks" is travel.
	sit, ret := verbForms("sit", "sits", "sat", "sitting"), verbForms("return", "returns", "returned", "returning")
	for _, n := range []string{"talks", "negotiations"} {
		add(Engages, mObj, p("down", "for", n, "with"), sit)
		add(Engages, mObj, p("down", "to", n, "with"), sit)
		add(Engages, mObj, p("to", n, "with"), ret)
	}
	add(Engages, mObj, p("with"), verbForms("touch", "contact"))
	add(Engages, mObj, nil, verbForms("contacted"))
	// Longest cue first, so "called on" wins over the label verb "called".
	for k, ds := range t {
		for i := 1; i < len(ds); i++ {
			for j := i; j > 0 && len(ds[j].words) > len(ds[j-1].words); j-- {
				ds[j], ds[j-1] = ds[j-1], ds[j]
			}
		}
		t[k] = ds
	}
	return t
}()

// recipOf marks the cues of forms with particle as acts of cooperation
// that a subject list with no object does with each other, of type typ.
func recipOf(t map[string][]cueDef, typ string, particle []string, forms ...string) {
	for _, f := range forms {
		for k := range t[f] {
			if slicesEqual(t[f][k].words[1:], particle) {
				t[f][k].recip = typ
			}
		}
	}
}

func slicesEqual(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// officeNouns make a demonym name its state: "Pakistani officials".
var officeNouns = set("government", "authorities", "official", "officials", "president", "minister", "ministry", "spokesman",
	"ministers", "presidents", "ambassadors", "spokesmen", "chiefs", "secretaries", "ministries", "generals", "rulers", "junta",
	"spokeswoman", "spokesperson", "spokespeople", "envoy", "envoys", "ambassador", "diplomat", "diplomats", "delegation",
	"delegations", "negotiator", "negotiators", "instructors", "advisers", "advisors", "trainers", "contractors", "peacekeepers", "jets", "warplanes", "drones", "warships", "mercenaries", "forces", "troops", "army", "military", "soldiers", "leader", "leaders",
	"leadership", "counterpart", "counterparts", "side", "sides", "administration", "embassy", "office", "adviser", "advisor",
	"premier", "chancellor", "king", "regime", "navy", "commander", "commanders", "chief", "media", "parliament", "cabinet",
	"secretary", "statement", "mission", "coalition", "representative", "representatives", "mediators", "police", "presidency", "foreign",
	"prince", "emir", "sultan", "monarch", "guard", "coastguard", "vessel", "vessels", "ship", "ships",
	// A Commonwealth state's envoy to another is its High Commissioner;
	// an embassy without an ambassador is led by a chargé d'affaires.
	"commissioner", "commissioners", "charg\u00e9", "charge", "consul", "consuls", "pm", "pms")

// officeModifiers may stand between a demonym and its office noun.
var officeModifiers = set("crown", "senior", "high", "foreign", "special", "peace", "top", "prime", "vice", "first", "defence", "defense",
	"deputy", "national", "security", "interior", "presidential", "air", "naval", "armed", "border", "acting", "interim",
	"state", "federal", "chief", "government", "junior", "new", "elected", "military", "intelligence", "policy", "affairs",
	"caretaker", "outgoing", "incoming", "transitional", "regional", "finance", "trade", "energy", "economy", "justice", "coast", "survey", "research", "patrol",
	"political")

// titleWords introduce a person's name after an actor: "Afghan President Ashraf Ghani".
var titleWords = set("director", "commissioner", "prince", "emir", "sultan", "president", "minister", "secretary", "envoy", "ambassador", "spokesman", "spokeswoman", "spokesperson",
	"commander", "chief", "general", "gen.", "leader", "king", "premier", "chancellor", "adviser", "advisor", "official",
	"diplomat", "negotiator", "head", "representative", "counterpart", "counterparts", "mediator")

// roleNouns refer back to the actor they last belonged to: "the delegation".
var roleNouns = set("delegation", "spokesman", "spokeswoman", "spokesperson", "envoy", "negotiators", "mediators", "mission", "commander",
	"minister", "president", "leader", "chief")

// eventClass groups nouns whose owner a stance toward them targets.
var eventClass = map[string]string{
	"offer": "offer", "offers": "offer", "proposal": "offer", "proposals": "offer", "plan": "offer", "invitation": "offer",
	"initiative": "offer", "overture": "offer", "overtures": "offer", "resolution": "offer", "draft": "offer",
	"outreach": "offer", "roadmap": "offer", "text": "offer", "intention": "offer", "intentions": "offer", "plans": "offer", "position": "remarks", "stance": "remarks", "presence": "efforts",
	"demand": "demand", "demands": "demand", "ultimatum": "demand", "order": "demand", "request": "demand", "call": "demand",
	"pressure": "demand", "calls": "demand", "preconditions": "demand", "appeal": "demand", "appeals": "demand", "objections": "remarks",
	"accusation": "accusation", "accusations": "accusation", "charge": "accusation", "charges": "accusation",
	"claim": "accusation", "claims": "accusation", "complaint": "accusation", "complaints": "accusation", "criticism": "accusation", "allegation": "accusation", "allegations": "accusation", "assessment": "accusation",
	"ceasefire": "ceasefire", "truce": "ceasefire", "armistice": "ceasefire",
	"announcement": "announcement", "decision": "announcement", "move": "announcement", "decisions": "announcement",
	"postponement": "announcement", "suspension": "announcement", "extension": "announcement", "withdrawal": "withdrawal",
	"ban": "announcement", "moratorium": "announcement", "closure": "announcement", "appointment": "announcement", "law": "announcement", "bill": "announcement", "legislation": "announcement",
	"strikes": "action", "operation": "action", "raids": "action", "offensive": "action", "attack": "action",
	"attacks": "action", "threats": "action", "intervention": "action", "drills": "action", "exercises": "action", "manoeuvres": "action",
	"maneuvers": "action", "tests": "action", "launches": "action", "measures": "measures", "sanctions": "measures", "steps": "measures", "agreement": "agreement", "deal": "agreement", "pledge": "pledge",
	"mediation": "efforts", "role": "efforts", "support": "efforts", "aid": "efforts", "assistance": "efforts",
	"remarks": "remarks", "statement": "remarks", "behaviour": "remarks", "behavior": "remarks", "efforts": "efforts", "effort": "efforts",
}

// auxWords may stand between a subject and its verb.
var auxWords = set("has", "have", "had", "is", "are", "was", "were", "be", "been", "being", "will", "would", "could", "should",
	"may", "might", "must", "can", "did", "does", "do", "also", "quickly", "repeatedly", "long", "already", "later", "then",
	"again", "jointly", "publicly", "reportedly", "formally", "officially", "firmly", "fully", "strongly", "openly",
	"previously", "recently", "now", "still", "just", "not", "never", "swiftly", "immediately", "since", "first", "twice",
	"once", "effectively", "promptly", "separately", "privately", "personally", "directly", "explicitly", "instead", "only",
	"continued", "to", "in", "turn", "sharply", "angrily", "flatly", "all", "each", "both", "itself", "himself", "herself",
	"themselves", "subsequently", "earlier", "yesterday", "today", "overnight", "late", "early", "this", "week", "n't",
	"cannot", "widely", "unanimously", "roundly", "bluntly", "pointedly", "tacitly", "implicitly", "reluctantly", "warmly",
	"quietly", "secretly", "vehemently", "fiercely", "harshly", "loudly", "vigorously", "categorically", "unequivocally",
	"emphatically", "indirectly", "partly", "largely", "initially", "finally", "eventually", "ultimately", "apparently",
	"allegedly", "increasingly", "consistently", "routinely", "regularly", "frequently", "occasionally", "briefly",
	"originally", "simultaneously", "collectively", "unilaterally", "bilaterally", "informally", "tentatively", "cautiously",
	"vocally", "heavily", "sternly", "forcefully", "squarely", "swiftly", "personally")

var beWords = set("is", "are", "was", "were", "be", "been", "being")

var modalWords = set("would", "could", "might", "may", "should", "will", "shall", "wo")

var negWords = set("not", "never", "n't", "nor", "neither", "cannot", "no")

// reportVerbs introduce reported speech whose speaker holds the stance.
var reportVerbs = set("said", "says", "say", "saying", "told", "tells", "added", "adding", "insisted", "insists", "argued",
	"arguing", "argues", "stressed", "stated", "declared", "noted", "warned", "announced", "claimed", "asserted", "maintained",
	"maintains", "contended", "wrote", "tweeted", "reiterated", "believes", "believed", "thinks", "concluded", "concludes",
	"affirmed", "reaffirmed", "emphasized", "emphasised", "underlined", "underscored", "observed", "remarked")

// weekdays and months date a stance stated "on Sunday" or "on March 9".
var weekdays = map[string]int{"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6}

var months = map[string]int{"january": 1, "jan": 1, "jan.": 1, "february": 2, "feb": 2, "feb.": 2, "march": 3, "mar.": 3,
	"april": 4, "apr": 4, "apr.": 4, "may": 5, "june": 6, "jun.": 6, "july": 7, "jul.": 7, "august": 8, "aug": 8, "aug.": 8,
	"september": 9, "sept": 9, "sept.": 9, "sep.": 9, "october": 10, "oct": 10, "oct.": 10, "november": 11, "nov": 11, "nov.": 11,
	"december": 12, "dec": 12, "dec.": 12}

// hostile and friendly words decide what a label says ("a 'puppet'" or
// "a trusted friend").
var hostileWords = set("puppet", "puppets", "regime", "terrorist", "terrorists", "terror", "criminal", "criminals", "clique", "servant",
	"occupying", "occupier", "occupiers", "occupation", "invader", "invaders", "aggressor", "aggressors", "illegitimate",
	"militia", "rebel", "rebels", "crafty", "ploy", "senseless", "traitor", "traitors", "thugs", "bandits", "mercenaries",
	"mercenary", "confrontation", "warmonger", "warmongers", "arrogance", "arrogant", "colonialism", "domination", "hegemony", "imperialist", "imperialists", "colonial", "colonialist", "aggressive", "enemy", "enemies", "junta", "fascist", "fascists", "nazi", "nazis", "genocidal", "murderers", "killers",
	"war", "crimes", "barbaric", "barbarism", "rogue", "evil", "dictator", "dictatorship", "tyrant", "usurper", "coup",
	"illegal", "unacceptable", "provocation", "provocations", "provocative", "hostile", "lies", "lying", "liar", "liars",
	"extremist", "extremists", "irresponsible", "reckless", "destabilising", "destabilizing", "absurd", "nonsense",
	"baseless", "unfair", "unjust", "discriminatory", "retaliatory", "slanderous", "fraudulent", "rigged", "sham", "stooge", "stooges", "lackey", "lackeys", "proxy", "proxies", "hypocritical",
	"hypocrisy", "unreasonable", "unfriendly", "interference", "meddling", "fraud", "mistake", "blunder", "betrayal", "treachery", "treason", "unjustified", "outrageous", "shameful", "disgraceful", "unlawful", "aggression", "blackmail", "piracy", "terrorism", "violation", "violations", "blatant", "threat", "danger", "dangerous", "gangsters", "gang", "murderous", "corrupt", "interventionist", "condemnable", "delinquent")

var friendlyWords = set("friend", "friends", "friendly", "partner", "partners", "ally", "allies", "brother", "brothers",
	"brotherly", "trusted", "reliable", "positive", "constructive", "welcome", "important", "forward-leaning", "leaning",
	"specific", "historic", "significant", "good", "valuable", "legitimate", "helpful", "promising", "encouraging", "serious", "genuine")

// locPreps make a capital or country a place rather than an actor.
var locPreps = set("in", "at", "into", "inside", "near", "across", "throughout", "around", "within", "outside", "toward", "towards", "across")

// travelWords make "to X" a destination.
var travelWords = set("travel", "travelled", "traveled", "travelling", "trip", "visit", "visits", "return", "returned", "flew",
	"went", "came", "envoy", "ambassador", "ambassadors", "envoys", "mission", "back", "fled", "flee", "sent", "send", "moved")

// boundaryWords end the clause a subject or object is searched in.
var boundaryWords = set(";", ":", "--", "\u2014", "\u2013", "but", "while", "whereas", "although", "though", "because",
	"whether", "if", "unless", "after", "before", "when", "where", "since", "until", "that", "which", "who", "whom", "whose")

// subordinators make what follows conditional or a question.
var hypoWords = set("if", "unless", "whether", "whenever", "provided")
