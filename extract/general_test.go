package extract

import (
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/stance"
)

// TestGeneralRules covers the failure classes seen on unseen articles, in
// sentences written for this test: naming, demonyms, coordination, groups,
// stances toward an author's text, hosting, hostile labels, speakers,
// denials and the content of a stance.
func TestGeneralRules(t *testing.T) {
	runCases(t, []extractCase{
		// Demonyms and ambiguous names.
		{"congolese is DR Congo", "Congolese officials accused Rwanda of backing the rebels.", []string{"DR Congo ACCUSES Rwanda"}},
		{"bare Congo is DR Congo", "Congo accused Rwanda of shelling Goma.", []string{"DR Congo ACCUSES Rwanda"}},
		{"Congo-Brazzaville", "The Republic of the Congo praised Gabon.", []string{"Republic of the Congo SUPPORTS Gabon"}},
		{"demonym drafted", "Russia opposed a French-drafted resolution at the council.", []string{"Russia REJECTS France"}},
		{"demonym outreach", "Iran welcomed the Saudi outreach.", []string{"Iran SUPPORTS Saudi Arabia"}},
		{"demonym pair mediators", "Egyptian and Qatari mediators met Hamas negotiators in Cairo.", []string{"Egypt ENGAGES Hamas", "Qatar ENGAGES Hamas"}},
		{"hyphenated demonyms", "Jordan backed the Egyptian-Qatari effort.", []string{"Jordan SUPPORTS Egypt", "Jordan SUPPORTS Qatar"}},
		{"brokered is not authored", "Hamas accepted the Qatari-brokered deal.", nil},
		{"title and name not a group", "Foreign Minister Anna Wagner urged Serbia to show restraint. Wagner also praised Kosovo.", nil},
		{"title name of state", "Foreign Minister Anna Wagner of Austria urged Serbia to show restraint. Wagner also praised Kosovo.", []string{"Austria DEMANDS Serbia", "Austria SUPPORTS Kosovo"}},
		{"apposition possessive", "Anna Wagner, Austria's foreign minister, urged Serbia to show restraint. Wagner later praised Kosovo.", []string{"Austria DEMANDS Serbia", "Austria SUPPORTS Kosovo"}},
		{"group name still matches", "Mali praised Wagner for its help.", []string{"Mali SUPPORTS Wagner Group"}},
		// Coordination.
		{"coordinated subjects", "Poland and Lithuania opposed the Russian plan.", []string{"Lithuania REJECTS Russia", "Poland REJECTS Russia"}},
		{"coordinated objects", "Kenya praised both Ethiopia and Eritrea.", []string{"Kenya SUPPORTS Eritrea", "Kenya SUPPORTS Ethiopia"}},
		{"new clause is no object", "The AU proposed a truce to Sudan. Ghana backed the AU plan and Nigeria endorsed it.", []string{"African Union OFFERS Sudan", "Ghana SUPPORTS African Union", "Nigeria SUPPORTS African Union"}},
		{"second verb shares subject", "Ethiopia rejected the Egyptian proposal and demanded that Sudan stay neutral.", []string{"Ethiopia DEMANDS Sudan", "Ethiopia REJECTS Egypt", "Egypt OFFERS Ethiopia"}},
		// Groups and plural references.
		{"E3", "The E3 urged Iran to return to the deal.", []string{"France DEMANDS Iran", "Germany DEMANDS Iran", "United Kingdom DEMANDS Iran"}},
		{"three European powers", "Iran criticised the three European powers.", []string{"Iran ACCUSES France", "Iran ACCUSES Germany", "Iran ACCUSES United Kingdom"}},
		{"they after a list", "Egypt and Qatar have proposed a truce. They urged Israel to accept it.", []string{"Egypt DEMANDS Israel", "Qatar DEMANDS Israel"}},
		{"they in the same sentence", "Mali and Niger said they would leave, and they accused ECOWAS of bias.", []string{"Mali ACCUSES ECOWAS", "Niger ACCUSES ECOWAS"}},
		{"they after plural officials", "Israeli officials rejected the plan. They also accused Hamas of stalling.", []string{"Israel ACCUSES Hamas"}},
		{"the two countries", "Egypt and Qatar met Hamas leaders. The two countries urged the group to free the hostages.", []string{"Egypt DEMANDS Hamas", "Egypt ENGAGES Hamas", "Qatar DEMANDS Hamas", "Qatar ENGAGES Hamas"}},
		{"the three countries", "Mali, Niger and Chad left the bloc. Senegal said the three countries must return to dialogue.", []string{"Senegal DEMANDS Chad", "Senegal DEMANDS Mali", "Senegal DEMANDS Niger"}},
		// Stance toward a text is toward its author.
		{"proposal put forward by", "Israel accepted a proposal put forward by Egypt and Qatar.", []string{"Israel SUPPORTS Egypt", "Israel SUPPORTS Qatar"}},
		{"group statement", "Iran rejected the E3 statement.", []string{"Iran REJECTS France", "Iran REJECTS Germany", "Iran REJECTS United Kingdom"}},
		{"defended position", "China defended Tehran's position.", []string{"China SUPPORTS Iran"}},
		{"objected to", "Serbia objected to the Albanian proposal.", []string{"Serbia REJECTS Albania", "Albania OFFERS Serbia"}},
		{"rejected it is no actor", "Hamas said it had studied the plan. Israel rejected it.", nil},
		// Hosting and meetings.
		{"talks hosted by", "Colombia and Venezuela resumed talks hosted by Cuba.", []string{"Colombia ENGAGES Venezuela", "Cuba ENGAGES Colombia", "Cuba ENGAGES Venezuela"}},
		{"mediated by after comma", "Israel and Hamas held indirect talks in Doha, mediated by Qatar.", []string{"Israel ENGAGES Hamas", "Qatar ENGAGES Hamas", "Qatar ENGAGES Israel"}},
		{"which hosted the first round", "Armenia and Azerbaijan resumed talks. Norway, which hosted the first round, welcomed the progress.",
			[]string{"Armenia ENGAGES Azerbaijan", "Norway ENGAGES Armenia", "Norway ENGAGES Azerbaijan"}},
		{"hosted between the two governments", "Congo accused Rwanda of backing the M23. Angola, which hosted talks between the two governments, urged calm.",
			[]string{"Angola ENGAGES DR Congo", "Angola ENGAGES Rwanda", "DR Congo ACCUSES Rwanda", "Rwanda ENGAGES DR Congo"}},
		{"rounds with officials", "Turkey has held several rounds of talks with Russian officials.", []string{"Turkey ENGAGES Russia"}},
		{"met officials of two", "Hamas met Qatari and Egyptian officials in Doha.", []string{"Hamas ENGAGES Egypt", "Hamas ENGAGES Qatar"}},
		// Hostile labels.
		{"label decision", `Ukraine called Russia's decision "reckless".`, []string{"Ukraine ACCUSES Russia"}},
		{"what it called", `Lithuania condemned what it called Belarus's "aggression".`, []string{"Lithuania ACCUSES Belarus"}},
		{"which it calls", `Turkey struck the PKK, which it calls a "terrorist group".`, []string{"Turkey ACCUSES Kurdistan Workers' Party"}},
		// Speakers.
		{"possessive organisation", "The head of the Houthis' political council said Saudi Arabia must end the blockade.", []string{"Houthis DEMANDS Saudi Arabia"}},
		{"head of is a he", `The head of Hamas's political bureau spoke on Monday. He called Israel's offensive "reckless".`, []string{"Hamas ACCUSES Israel"}},
		{"him after the subject's own mention", "Erdogan said he would call Putin and urged him to reconsider.", []string{"Turkey DEMANDS Russia", "Turkey OFFERS Russia"}},
		{"him is the leader named before", "Russian President Vladimir Putin arrived in Beijing. Xi Jinping urged him to end the war.", []string{"China DEMANDS Russia"}},
		{"told reporters keeps the content", "A French diplomat told reporters that Paris had held talks with Nigerien officials.", []string{"France ENGAGES Niger"}},
		{"hostile label on a demand rejects it", `Serbia demanded a referendum. Kosovo called the demand "unacceptable".`, []string{"Kosovo REJECTS Serbia"}},
		{"reported label on an action", `Yemen struck a tanker. Oman said the strikes were "reckless".`, []string{"Oman ACCUSES Yemen"}},
		{"demonym action noun", "The European Union condemned the Russian strikes on Odesa.", []string{"European Union ACCUSES Russia"}},
		{"demonym list action noun", "Iran condemned the American and British raids.", []string{"Iran ACCUSES United Kingdom", "Iran ACCUSES United States"}},
		{"decision owner", "Mali and Niger announced that they would leave ECOWAS. Nigeria criticised the decision.", []string{"Nigeria ACCUSES Mali", "Nigeria ACCUSES Niger"}},
		{"decision owner after said it would", `Russia said on Monday it would not extend the deal. Ukraine called the decision "blackmail".`, []string{"Ukraine ACCUSES Russia"}},
		{"offer owner without recipient", "IGAD offered to convene a summit, but Sudan dismissed the initiative.", []string{"Sudan REJECTS IGAD"}},
		{"warned against", "Egypt warned Ethiopia against any move to fill the dam.", []string{"Egypt DEMANDS Ethiopia"}},
		{"welcomed delegations is a visit", "Chad and Niger quarrelled. Turkey welcomed delegations from both capitals.", []string{"Turkey ENGAGES Chad", "Turkey ENGAGES Niger"}},
		{"two neighbours are states", "The AU and IGAD urged Chad and Niger to talk. Turkey offered to host talks between the two neighbours.",
			[]string{"African Union DEMANDS Chad", "African Union DEMANDS Niger", "IGAD DEMANDS Chad", "IGAD DEMANDS Niger", "Turkey OFFERS Chad", "Turkey OFFERS Niger"}},
		{"both after a reference subject", "Qatar and Oman suspended talks after Sudan and Chad broke the truce. The two mediators blamed both parties.",
			[]string{"Oman ACCUSES Chad", "Oman ACCUSES Sudan", "Qatar ACCUSES Chad", "Qatar ACCUSES Sudan"}},
		{"name words are no cues", "The Sudanese army and the Rapid Support Forces broke the truce.", nil},
		{"comma and starts a clause", "Turkey hosted talks between Chad and Niger, and Ankara later praised Sudan.", []string{"Chad ENGAGES Niger", "Turkey ENGAGES Chad", "Turkey ENGAGES Niger", "Turkey SUPPORTS Sudan"}},
		{"reported quoted label of an actor", `Caracas said Guyana was acting as "a puppet of the Pentagon".`, []string{"Venezuela ACCUSES Guyana"}},
		{"reported description is no label", "Caracas said Guyana was preparing for the vote.", nil},
		{"both governments as object", "Guyana accused Venezuela of threats. Venezuela denied it. Brazil and Colombia urged both governments to avoid escalation.",
			[]string{"Brazil DEMANDS Guyana", "Brazil DEMANDS Venezuela", "Colombia DEMANDS Guyana", "Colombia DEMANDS Venezuela", "Guyana ACCUSES Venezuela", "Venezuela REJECTS Guyana"}},
		{"both governments as subject", "Hezbollah fired at ships. Britain and France struck a depot, and both governments accused the group of attacks.",
			[]string{"France ACCUSES Hezbollah", "United Kingdom ACCUSES Hezbollah"}},
		{"and said after a rejection", `Venezuela dismissed the accusation and said Guyana was "a puppet".`, []string{"Venezuela ACCUSES Guyana"}},
		{"label on a long object phrase", `Cuba called the American military drills in Guyana "a dangerous provocation".`, []string{"Cuba ACCUSES United States"}},
		{"measures owner", "The African Union imposed sanctions on Mali. Ghana backed the measures, and Nigeria also endorsed them.",
			[]string{"Ghana SUPPORTS African Union", "Nigeria SUPPORTS African Union"}},
		{"measures without owner", "Ghana backed the measures, and Nigeria also endorsed them.", nil},
		{"group defined in parentheses", "The Quartet (the United Nations, the United States, the European Union and Russia) met in Cairo. Israel rejected the Quartet proposal.",
			[]string{"Israel REJECTS European Union", "Israel REJECTS Russia", "Israel REJECTS United Nations", "Israel REJECTS United States",
				"European Union OFFERS Israel", "Russia OFFERS Israel", "United Nations OFFERS Israel", "United States OFFERS Israel"}},
		{"group defined by known as", "Egypt, Qatar and the United States, known as the Mediators, spoke on Monday. Hamas praised the Mediators.",
			[]string{"Hamas SUPPORTS Egypt", "Hamas SUPPORTS Qatar", "Hamas SUPPORTS United States"}},
		{"group defined between dashes", "The Troika -- Norway, Britain and the United States -- urged Sudan to stop fighting.",
			[]string{"Norway DEMANDS Sudan", "United Kingdom DEMANDS Sudan", "United States DEMANDS Sudan"}},
		{"undefined group name", "The G9 urged Iran to free the sailors.", nil},
		{"the G7 is its members", "The G7 urged Iran to free the sailors.", []string{"Canada DEMANDS Iran", "France DEMANDS Iran", "Germany DEMANDS Iran", "Italy DEMANDS Iran", "Japan DEMANDS Iran", "United Kingdom DEMANDS Iran", "United States DEMANDS Iran"}},
		{"group made up of", "The Quartet, made up of the UN, the US, the EU and Russia, was formed in 2002. The Quartet urged Israel to halt settlement building.",
			[]string{"European Union DEMANDS Israel", "Russia DEMANDS Israel", "United Nations DEMANDS Israel", "United States DEMANDS Israel"}},
		{"sanctions are not a decision", "The M23 said it would not withdraw. Poland supported the sanctions.", nil},
		{"sanctions owner", "The EU imposed sanctions on Belarus. Poland supported the sanctions.", []string{"Poland SUPPORTS European Union"}},
		{"country before talks is a topic", "Kazakhstan has hosted several rounds of Syria talks with Russia, Turkey and Iran.",
			[]string{"Kazakhstan ENGAGES Iran", "Kazakhstan ENGAGES Russia", "Kazakhstan ENGAGES Turkey"}},
		{"demonym intervention", `Mali called the French intervention "neo-colonial".`, []string{"Mali ACCUSES France"}},
		{"decision by", `A spokesman for the Russian foreign ministry called the decision by Finland "a grave mistake".`, []string{"Russia ACCUSES Finland"}},
		{"claim label rejects", `Ethiopia accused Eritrea of looting. Eritrea's information minister called the claim "baseless".`, []string{"Eritrea REJECTS Ethiopia", "Ethiopia ACCUSES Eritrea"}},
		{"they after plural in sentence", "Ethiopian officials said the troops stayed, and they urged Asmara to pull back.", []string{"Ethiopia DEMANDS Eritrea"}},
		{"both countries with no pair", "Belize protested to Guatemala. Belize accused Guatemala of an incursion. The OAS urged both countries to avoid provocations.",
			[]string{"Belize ACCUSES Guatemala", "Organization of American States DEMANDS Belize", "Organization of American States DEMANDS Guatemala"}},
		{"every accuser of the accusation", "Norway and Finland accused Russia of jamming signals. The Kremlin rejected the accusation.",
			[]string{"Finland ACCUSES Russia", "Norway ACCUSES Russia", "Russia REJECTS Finland", "Russia REJECTS Norway"}},
		{"which some officials accuse", "Turkey, which some Israeli officials accuse of sheltering Hamas leaders, praised Qatar.", []string{"Israel ACCUSES Turkey", "Turkey SUPPORTS Qatar"}},
		{"her as object", "Zelensky spoke with Ursula von der Leyen on Monday and thanked her for her support.", []string{"Ukraine ENGAGES European Union", "Ukraine SUPPORTS European Union"}},
		{"apposition in object", "Zelensky spoke with the Commission president, Ursula von der Leyen.", []string{"Ukraine ENGAGES European Union"}},
		{"demonym president is a person", "The Russian president arrived in Ankara. Erdogan urged him to extend the deal.", []string{"Turkey DEMANDS Russia"}},
		{"both is two", "The United States, Saudi Arabia and Switzerland opened talks on Sudan. Perriello said both sides must open aid routes.", nil},
		{"drills owner", `China ended two days of large-scale military drills around Taiwan. Japan called the drills "dangerous".`, []string{"Japan ACCUSES China"}},
		{"unknown named owner", "Japan accused China of coercion. China dismissed the Western criticism.", []string{"Japan ACCUSES China"}},
		{"pledge owner", "The RSF pledged to protect aid convoys. The army rejected the pledge as propaganda.", nil},
		{"pledge owner after army named", "Sudan's army and the RSF clashed. The RSF pledged to protect aid convoys. The army rejected the pledge.",
			[]string{"Sudanese Armed Forces REJECTS Rapid Support Forces"}},
		// More cue verbs, asserted and not.
		{"lambasted", "Iran lambasted Israel over the strike.", []string{"Iran ACCUSES Israel"}},
		{"deplored demonym", "China deplored the American sanctions.", []string{"China ACCUSES United States"}},
		{"vetoed drafted by", "Russia vetoed a resolution drafted by the United States.", []string{"Russia REJECTS United States"}},
		{"did not veto", "Russia did not veto the resolution drafted by the United States.", nil},
		{"approved", "Ghana approved the Nigerian plan.", []string{"Ghana SUPPORTS Nigeria"}},
		{"has not approved", "Ghana has not approved the Nigerian plan.", nil},
		{"agreed to a proposal", "Armenia agreed to the Russian proposal.", []string{"Armenia SUPPORTS Russia"}},
		{"agreed to do", "Armenia agreed to hold talks.", nil},
		{"would agree if", "Armenia would agree to the Russian proposal if Baku withdrew.", nil},
		{"alleged that", "Serbia alleged that Kosovo had violated the agreement.", []string{"Serbia ACCUSES Kosovo"}},
		{"never alleged", "Serbia never alleged that Kosovo had violated the deal.", nil},
		{"threw its weight behind", "Greece threw its weight behind Cyprus.", []string{"Greece SUPPORTS Cyprus"}},
		{"phone call with", "India held a phone call with Japan.", []string{"India ENGAGES Japan"}},
		{"announced support", "Saudi Arabia announced its support for Yemen.", []string{"Saudi Arabia SUPPORTS Yemen"}},
		{"refused to approve", "Iran refused to approve the Saudi plan.", []string{"Iran REJECTS Saudi Arabia"}},
		{"question", "Did Cuba express solidarity with Venezuela?", nil},
		{"non-actor", "Analysts deplored the American sanctions.", nil},
		{"demonym actions", `The Philippine foreign ministry called the Chinese actions "illegal and dangerous".`, []string{"Philippines ACCUSES China"}},
		{"joint patrols", "Japan and Australia, which have held joint patrols with the Philippines, criticised Beijing.",
			[]string{"Australia ACCUSES China", "Australia ENGAGES Philippines", "Japan ACCUSES China", "Japan ENGAGES Philippines"}},
		{"betrayal label", `Belarusian President Alexander Lukashenko called Pashinyan's decision "a betrayal".`, []string{"Belarus ACCUSES Armenia"}},
		{"participle after said", "Armenia has frozen its role in the CSTO, Prime Minister Nikol Pashinyan said, accusing the bloc of failing to defend it.",
			[]string{"Armenia ACCUSES CSTO"}},
		{"as did", "Turkey welcomed the Egyptian plan, as did Italy and Spain.", []string{"Italy SUPPORTS Egypt", "Spain SUPPORTS Egypt", "Turkey SUPPORTS Egypt"}},
		{"as did after another clause", "Turkey, which backs Libya, welcomed the plan, as did Italy.", []string{"Turkey SUPPORTS Libya"}},
		{"envoy for a country", "The UN envoy for Libya, Abdoulaye Bathily, proposed a roadmap. Turkey welcomed the plan.", []string{"Turkey SUPPORTS United Nations"}},
		{"demonym peacekeepers", "Armenia accused Russian peacekeepers of standing by.", []string{"Armenia ACCUSES Russia"}},
		{"possessive adjective event", "Azerbaijan's lightning offensive ended. France condemned the offensive.", []string{"France ACCUSES Azerbaijan"}},
		{"promised to", "France promised humanitarian aid to Armenia.", []string{"France OFFERS Armenia"}},
		// An agreement of a subject list with no object is an offer of
		// each to the other (CAMEO 03), see TestCompoundActors.
		{"each side accused the other", "Sudan's army and the RSF agreed to a truce, but each side accused the other of violating it.",
			[]string{"Rapid Support Forces ACCUSES Sudanese Armed Forces", "Rapid Support Forces OFFERS Sudanese Armed Forces",
				"Sudanese Armed Forces ACCUSES Rapid Support Forces", "Sudanese Armed Forces OFFERS Rapid Support Forces"}},
		{"each side not the speakers", "Chad and Niger agreed to a truce, Qatar and Oman said, but each side accused the other of violating it.",
			[]string{"Chad ACCUSES Niger", "Chad OFFERS Niger", "Niger ACCUSES Chad", "Niger OFFERS Chad"}},
		{"blamed each other", "India and China blamed each other for the clash.", []string{"China ACCUSES India", "India ACCUSES China"}},
		{"shuttled between", "Qatari and Egyptian mediators have shuttled between Israel and Hamas for weeks.",
			[]string{"Egypt ENGAGES Hamas", "Egypt ENGAGES Israel", "Qatar ENGAGES Hamas", "Qatar ENGAGES Israel"}},
		{"played host to", "Moscow played host to delegations from Armenia and Azerbaijan.", []string{"Russia ENGAGES Armenia", "Russia ENGAGES Azerbaijan"}},
		{"brokered between", "Turkey brokered a grain deal between Russia and Ukraine.", []string{"Turkey ENGAGES Russia", "Turkey ENGAGES Ukraine"}},
		{"crown prince received", "The Saudi crown prince received Ukrainian President Volodymyr Zelensky in Jeddah.", []string{"Saudi Arabia ENGAGES Ukraine"}},
		{"both after coordinated verbs", "Kosovo accused Serbia of stoking protests. The US and the EU welcomed the move and urged both governments to avoid escalation.",
			[]string{"European Union DEMANDS Kosovo", "European Union DEMANDS Serbia", "Kosovo ACCUSES Serbia", "United States DEMANDS Kosovo", "United States DEMANDS Serbia"}},
		{"resumed talks", "Saudi and Houthi negotiators resumed talks in Muscat.", []string{"Saudi Arabia ENGAGES Houthis"}},
		{"postponement owner", "Kosovo postponed the new rule. The EU welcomed the postponement.", []string{"European Union SUPPORTS Kosovo"}},
		{"charge implied by stop doing", "The United States urged Tehran to stop smuggling weapons, a charge Iran denies.",
			[]string{"Iran REJECTS United States", "United States DEMANDS Iran"}},
		{"promised to retaliate is no offer", "Iran promised to retaliate against Israel.", nil},
		{"promised to send", "Kenya promised to send police officers to Haiti.", []string{"Kenya OFFERS Haiti"}},
		{"alleged a victim", "Serbia alleged that Kosovo had been attacked by militants.", nil},
		{"said it is the speaker", "Greece accused Ankara of blocking progress, while Britain, a guarantor power, said it supported the UN effort.",
			[]string{"Greece ACCUSES Turkey", "United Kingdom SUPPORTS United Nations"}},
		{"said its is the speaker", "Djibouti offered to mediate, and the African Union said its envoy had spoken to Somalia.", []string{"African Union ENGAGES Somalia"}},
		{"both leaders is not guessed", "Egypt warned Ethiopia. The AU said its envoy had spoken to both leaders.", nil},
		{"appointment owner", "The UN appointed a new envoy for Cyprus. The Cypriot government welcomed the appointment.", []string{"Cyprus SUPPORTS United Nations"}},
		{"whose governments", "Brazil and Mexico, whose governments have kept ties with Caracas, urged calm.", []string{"Brazil ENGAGES Venezuela", "Mexico ENGAGES Venezuela"}},
		{"interference label", `Maduro's government called the EU statement "interference".`, []string{"Venezuela ACCUSES European Union"}},
		{"wants to", "Washington wants Kabul to release the prisoners.", []string{"United States DEMANDS Taliban"}},
		{"does not want", "Washington does not want Kabul to release the prisoners.", nil},
		{"joined in", "France joined Germany in condemning the Russian strikes.", []string{"France ACCUSES Russia", "Germany ACCUSES Russia"}},
		{"challenged to", "Kenya challenged Somalia to prove the allegations.", []string{"Kenya DEMANDS Somalia"}},
		{"refused to talk to", "The Taliban have refused to talk to Pakistan, which they call a puppet.", []string{"Taliban ACCUSES Pakistan", "Taliban REJECTS Pakistan"}},
		{"hit out at", "India hit out at Pakistan over the attack.", []string{"India ACCUSES Pakistan"}},
		{"said responsible for", "Ukraine's president said Russia was responsible for the blast.", []string{"Ukraine ACCUSES Russia"}},
		{"said not responsible", "Ukraine's president said Russia was not responsible for the blast.", nil},
		{"blocked statement condemning", "Hungary blocked a joint EU statement condemning Georgia.", nil},
		{"adopted resolution condemning", "The UN General Assembly adopted a resolution condemning Russia.", []string{"United Nations ACCUSES Russia"}},
		{"passed law owner", "Georgia's parliament passed a foreign-agents law. Russia praised the law.", []string{"Russia SUPPORTS Georgia"}},
		{"demand content after relative clause", "Lebanon urged Washington and Paris, which brokered the truce, to press Israel to halt its strikes.",
			[]string{"Lebanon DEMANDS France", "Lebanon DEMANDS United States"}},
		{"asked X's president to", "ECOWAS asked Togo's president to mediate.", []string{"ECOWAS DEMANDS Togo"}},
		{"reported drones struck", "Lebanon's army said Israeli drones had struck a village.", []string{"Lebanon ACCUSES Israel"}},
		{"agreed to impose sanctions", `ECOWAS agreed to impose sanctions on Guinea's junta. Guinea called the sanctions "illegal".`, []string{"Guinea ACCUSES ECOWAS"}},
		{"X-based is a place", "New Delhi blamed Pakistan-based Lashkar-e-Taiba for the massacre.", []string{"India ACCUSES Lashkar-e-Taiba"}},
		{"both sides not the apposition", "India accused Pakistan of sheltering militants. China, Pakistan's closest ally, urged both sides to exercise restraint.",
			[]string{"China DEMANDS India", "China DEMANDS Pakistan", "India ACCUSES Pakistan"}},
		{"in touch with", "The United States said it was in touch with New Delhi and Islamabad.", []string{"United States ENGAGES India", "United States ENGAGES Pakistan"}},
		{"not in touch with", "Iran was not in touch with Israel.", nil},
		{"called for restraint from", "The UN Secretary-General called for maximum military restraint from India and Pakistan.",
			[]string{"United Nations DEMANDS India", "United Nations DEMANDS Pakistan"}},
		{"denied any involvement", "India accused Pakistan of sheltering militants. Pakistan denied any involvement.", []string{"India ACCUSES Pakistan", "Pakistan REJECTS India"}},
		{"denied any role, agentless", "India accused Pakistan of sheltering militants. Pakistan, long accused of sheltering militants, denies any role.",
			[]string{"India ACCUSES Pakistan"}},
		{"condemned what they called", "Brazil, Chile and Colombia condemned what they called a coup attempt.", nil},
		{"apposition inside relative clause", "Chad ended its pact with France. Russia, which has courted Chad's ruler, Mahamat Idriss Deby, welcomed the move.",
			[]string{"Chad REJECTS France", "Russia SUPPORTS Chad"}},
		{"ended agreement with", "Niger scrapped its military accord with the United States.", []string{"Niger REJECTS United States"}},
		{"did not end", "Chad did not end its pact with France.", nil},
		{"pledged funding is an offer", "The European Commission pledged additional funding for UNRWA.", []string{"European Union OFFERS United Nations"}},
		{"announced plan owner", "Washington announced that it would build a pier. Cyprus welcomed the plan.", []string{"Cyprus SUPPORTS United States"}},
		{"participle with by is passive", "Colombia and the ELN began talks in Havana, hosted by Cuba and backed by Norway and Mexico.",
			[]string{"Colombia ENGAGES ELN", "Cuba ENGAGES Colombia", "Cuba ENGAGES ELN"}},
		{"acronym in parentheses", "Colombia's government and the National Liberation Army (ELN) began a third round of talks.", []string{"Colombia ENGAGES ELN"}},
		{"three conveners are no parties", "The United States, Saudi Arabia and Switzerland opened talks on Sudan.", nil},
		{"which quietly relayed", "Oman, which has quietly relayed messages between Tehran and Washington, was ready.", []string{"Oman ENGAGES Iran", "Oman ENGAGES United States"}},
		{"drafted by that censured", "The IAEA board passed a resolution drafted by France and Germany that censured Iran.", nil},
		{"voted against the text", "France and Germany drafted a resolution. Russia and China voted against the text.",
			[]string{"China REJECTS France", "China REJECTS Germany", "Russia REJECTS France", "Russia REJECTS Germany"}},
		{"said it after relative clause", "The United States, which lists the ELN as a terrorist group, said it supported Colombia.", []string{"United States SUPPORTS Colombia"}},
		// Denials.
		{"denied actor accusation", "Congo accused Rwanda of backing the rebels. Rwanda denied the accusations.", []string{"DR Congo ACCUSES Rwanda", "Rwanda REJECTS DR Congo"}},
		{"denied with no accuser", "Rwanda denied the accusations.", nil},
		{"denies it after agentless charge", "Rwanda, which has long been accused of arming the M23, denies it.", nil},
		{"denies it, earlier accuser", "Congo accused Rwanda of arming the M23. Rwanda has long been accused of arming the group, and it denies it.", []string{"DR Congo ACCUSES Rwanda"}},
		{"denied doing is content", "Rwanda denied backing the M23.", nil},
		{"denied possessive claims", "Rwanda denied Congo's accusations.", []string{"Rwanda REJECTS DR Congo"}},
		// The content of a stance.
		{"content of accusation", "The United Nations accused Rwanda of fighting alongside the M23 rebels.", []string{"United Nations ACCUSES Rwanda"}},
	})
}

func TestCanonical(t *testing.T) {
	ex := New(nil)
	for _, tc := range []struct{ in, want string }{
		{"ECOWAS", "ECOWAS"},
		{"Economic Community of West African States", "ECOWAS"},
		{"IAEA", "IAEA"},
		{"international atomic energy agency", "IAEA"},
		{"Democratic Republic of the Congo", "DR Congo"},
		{"DRC", "DR Congo"},
		{"Houthi movement", "Houthis"},
		{"Association of Southeast Asian Nations", "ASEAN"},
		{"Britain", "United Kingdom"},
		{"Republic of the Congo", "Republic of the Congo"},
		{"UNITA", "National Union for the Total Independence of Angola"}, // the actor table's acronym
		{"ICJ", "International Court of Justice"},
		{"Southern African Development Community", "SADC"},
		{"PACE", "Council of Europe"}, // a body of an organization is the organization
		{"European Parliament", "European Union"},
		{"KRG", "Kurdistan Regional Government"},
		{"Alliance of Sahel States", "Alliance of Sahel States"},
		{"G7", ""},                           // a group, as the E3
		{"Colombian government", "Colombia"}, // as the text's reading takes it
		{"the Sudanese authorities", "Sudan"},
		{"Government of Colombia", "Colombia"},
		{"Gambian government officials", ""}, // more than a government
		{"Colombia and Peru", ""},
		{"Kabul", "Kabul government"},
		{"Global Rivers Forum", ""}, // named in a text, no dictionary actor
		{"Wakanda", ""},
		{"E3", ""}, // a group is not an actor
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, ok := ex.Canonical(tc.in)
			if got != tc.want || ok != (tc.want != "") {
				t.Errorf("Canonical(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
			}
		})
	}
}

func TestDictionaryGroups(t *testing.T) {
	t.Run("shipped groups resolve", func(t *testing.T) {
		d := DefaultDictionary()
		if len(d.groups) == 0 {
			t.Fatal("no groups shipped")
		}
		for _, g := range d.groups {
			for _, m := range g.members {
				if _, ok := d.Lookup(m); !ok {
					t.Errorf("group %s: member %q is no actor", g.name, m)
				}
			}
		}
		for _, a := range d.Actors() {
			if a.Name == "E3" {
				t.Error("a group is listed as an actor")
			}
		}
	})
	t.Run("custom group", func(t *testing.T) {
		d := DefaultDictionary()
		extra, err := ReadDictionary(strings.NewReader(`{"name": "Nordic Five", "aliases": ["Nordic countries"], "group": ["Norway", "Sweden", "Denmark", "Finland", "Iceland"]}`))
		if err != nil {
			t.Fatal(err)
		}
		d.Extend(extra)
		cs, err := New(d).Extract(t.Context(), "The Nordic countries urged Russia to free the activists.", testDate)
		if err != nil {
			t.Fatal(err)
		}
		if len(cs) != 5 {
			t.Errorf("got %d candidates, want one per member: %+v", len(cs), cs)
		}
	})
	for _, tc := range []struct{ name, in, want string }{
		{"one member", `{"name": "Solo", "group": ["France"]}`, "two or more members"},
		{"kind on group", `{"name": "Pair", "kind": "STATE", "group": ["France", "Spain"]}`, `only "name"`},
		{"empty alias", `{"name": "Pair", "aliases": [" "], "group": ["France", "Spain"]}`, "aliases"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadDictionary(strings.NewReader(tc.in))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestSuccessor(t *testing.T) {
	ex := New(nil)
	for _, tc := range []struct {
		date stance.Date
		want string
	}{
		{stance.NewDate(2020, 3, 1), "China DEMANDS Kabul government"},
		{stance.NewDate(2024, 3, 1), "China DEMANDS Taliban"},
	} {
		t.Run(tc.date.String(), func(t *testing.T) {
			cs, err := ex.Extract(t.Context(), "China called on Kabul to show restraint.", tc.date)
			if err != nil {
				t.Fatal(err)
			}
			if len(cs) != 1 || cs[0].Subject.Name+" "+cs[0].Type+" "+cs[0].Object.Name != tc.want {
				t.Errorf("got %+v, want %s", cs, tc.want)
			}
		})
	}
	for _, tc := range []struct{ name, in, want string }{
		{"until without successor", `{"name": "Old", "until": "2020-01-01"}`, `"until" and "successor"`},
		{"bad until", `{"name": "Old", "until": "soon", "successor": "New"}`, `field "until"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadDictionary(strings.NewReader(tc.in))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}
