package extract

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/stancegraph/stancegraph/stance"
)

var testDate = stance.NewDate(2022, 5, 10)

// defaultExtractor is compiled once for the table tests: an Extractor is
// immutable, and compiling one per case made the package's tests run for
// minutes.
var defaultExtractor = sync.OnceValue(func() *Extractor { return New(nil) })

// triples runs the default extractor and renders "Subject TYPE Object".
func triples(t *testing.T, text string) []string { return triplesAt(t, text, testDate) }

// triplesAt is triples for a text of the given date.
func triplesAt(t *testing.T, text string, date stance.Date) []string {
	t.Helper()
	cs, err := defaultExtractor().Extract(context.Background(), text, date)
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	var out []string
	for _, c := range cs {
		out = append(out, c.Subject.Name+" "+c.Type+" "+c.Object.Name)
	}
	slices.Sort(out)
	return out
}

type extractCase struct {
	name string
	text string
	want []string
}

func runCases(t *testing.T, cases []extractCase) {
	t.Helper()
	dated := make([]datedCase, len(cases))
	for i, c := range cases {
		dated[i] = datedCase{c.name, testDate, c.text, c.want}
	}
	runDatedCases(t, dated)
}

// datedCase is an extraction case for a text of a given date.
type datedCase struct {
	name string
	date stance.Date
	text string
	want []string
}

func runDatedCases(t *testing.T, cases []datedCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := triplesAt(t, tc.text, tc.date)
			want := slices.Clone(tc.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("text: %s\n got: %q\nwant: %q", tc.text, got, want)
			}
		})
	}
}

func TestCues(t *testing.T) {
	runCases(t, []extractCase{
		{"supports welcomed", "Brazil welcomed the Argentine announcement on Monday.", []string{"Brazil SUPPORTS Argentina"}},
		{"supports backs", "The Kenyan government said Nairobi firmly backs Somalia in its dispute.", []string{"Kenya SUPPORTS Somalia"}},
		{"supports stood by", "Cuba and Nicaragua stood by Venezuela.", []string{"Cuba SUPPORTS Venezuela", "Nicaragua SUPPORTS Venezuela"}},
		{"supports pledged", "Greece has pledged full support for Cyprus.", []string{"Greece SUPPORTS Cyprus"}},
		{"rejects", "Morocco rejected an Algerian proposal for a referendum.", []string{"Morocco REJECTS Algeria", "Algeria OFFERS Morocco"}},
		{"rejects ruled out", "A Malian official ruled out talks with Burkina Faso.", []string{"Mali REJECTS Burkina Faso"}},
		{"rejects turned down", "Serbia turned down an invitation from Croatia.", []string{"Serbia REJECTS Croatia", "Croatia OFFERS Serbia"}},
		{"rejects broke off", "Bolivia broke off diplomatic relations with Israel on Tuesday.", []string{"Bolivia REJECTS Israel"}},
		{"demands called on", "Japan called on North Korea to halt its missile tests.", []string{"Japan DEMANDS North Korea"}},
		{"demands urged list", "Norway urged Sudan, Chad and Libya to open their borders to aid.", []string{"Norway DEMANDS Chad", "Norway DEMANDS Libya", "Norway DEMANDS Sudan"}},
		{"demands that", "Lebanon demanded that Syrian troops leave the valley.", []string{"Lebanon DEMANDS Syria"}},
		{"demands must", "A Peruvian spokesman said Chile must return the documents.", []string{"Peru DEMANDS Chile"}},
		{"accuses", "Rwanda accused the Democratic Republic of the Congo of shelling its territory.", []string{"Rwanda ACCUSES DR Congo"}},
		{"accuses blamed on", "Armenia blamed the clashes on Azerbaijan.", []string{"Armenia ACCUSES Azerbaijan"}},
		{"accuses label", `Hungary called the Romanian government "a puppet regime".`, []string{"Hungary ACCUSES Romania"}},
		{"supports label", `Fiji described Australia as "a trusted partner" in the region.`, []string{"Fiji SUPPORTS Australia"}},
		{"offers ditransitive", "Japan offered the Philippines two patrol ships.", []string{"Japan OFFERS Philippines"}},
		{"offers complement", "Oman offered to mediate between Yemen and Saudi Arabia.", []string{"Oman OFFERS Saudi Arabia", "Oman OFFERS Yemen"}},
		{"engages held talks", "Vietnamese envoys held two rounds of talks with China in Hanoi.", []string{"Vietnam ENGAGES China"}},
		{"engages hosted between", "Kenya hosted negotiations between Ethiopia and Eritrea.", []string{"Ethiopia ENGAGES Eritrea", "Kenya ENGAGES Eritrea", "Kenya ENGAGES Ethiopia"}},
		{"engages established contacts", "Germany and Italy have established contacts with Libya.", []string{"Germany ENGAGES Libya", "Italy ENGAGES Libya"}},
		{"accuses traded", "Armenia and Azerbaijan traded accusations of shelling.", []string{"Armenia ACCUSES Azerbaijan", "Azerbaijan ACCUSES Armenia"}},
		{"supports reiterated", "Egypt reiterated its support for Sudan.", []string{"Egypt SUPPORTS Sudan"}},
		{"engages by phone", "The Kremlin said Putin and Erdogan spoke by phone on Friday.", []string{"Russia ENGAGES Turkey"}},
		{"engages reciprocal", "India and Pakistan held talks in Geneva.", []string{"India ENGAGES Pakistan"}},
	})
}

func TestPassiveAndReported(t *testing.T) {
	runCases(t, []extractCase{
		{"passive accused by", "Belarus was accused by Lithuania of pushing migrants across the border.", []string{"Lithuania ACCUSES Belarus"}},
		{"passive urged by", "Niger was urged by Nigeria to restore civilian rule.", []string{"Nigeria DEMANDS Niger"}},
		{"passive rejected by", "A Canadian proposal was rejected by India.", []string{"India REJECTS Canada"}},
		{"passive list agents", "Kosovo was recognised by Albania, Croatia and Slovenia.", []string{"Albania SUPPORTS Kosovo", "Croatia SUPPORTS Kosovo", "Slovenia SUPPORTS Kosovo"}},
		{"refused to recognise", "Morocco has refused to recognise Kosovo.", []string{"Morocco REJECTS Kosovo"}},
		{"refused as demanded", "Israel has refused to release prisoners as demanded by Hamas.", []string{"Hamas DEMANDS Israel", "Israel REJECTS Hamas"}},
		{"denied accusation", "Iraq accused Turkey of bombing a village. Turkey denied the accusation.", []string{"Iraq ACCUSES Turkey", "Turkey REJECTS Iraq"}},
		{"denied accusations by", "Eritrea denied accusations by Ethiopia that its troops looted towns.", []string{"Ethiopia ACCUSES Eritrea", "Eritrea REJECTS Ethiopia"}},
		{"a charge X rejects", "Ghana has been accused by Togo of harbouring rebels, a charge Ghana rejects.", []string{"Ghana REJECTS Togo", "Togo ACCUSES Ghana"}},
		{"quoted must inverted", `"Russia must withdraw," said Ukrainian President Volodymyr Zelensky.`, []string{"Ukraine DEMANDS Russia"}},
		{"quoted must", `"Colombia must stop the raids," a Venezuelan spokesman said.`, []string{"Venezuela DEMANDS Colombia"}},
		{"which object relative", "Canada criticised Iran, which Britain has accused of supplying drones.", []string{"Canada ACCUSES Iran", "United Kingdom ACCUSES Iran"}},
		{"welcomed the proposal", "Chile offered to host the talks between Peru and Bolivia. Bolivia welcomed the proposal.", []string{"Bolivia SUPPORTS Chile", "Chile OFFERS Bolivia", "Chile OFFERS Peru"}},
	})
}

func TestNegationModalityQuestions(t *testing.T) {
	runCases(t, []extractCase{
		{"did not", "Egypt did not reject the Ethiopian offer.", nil},
		{"has not", "Austria has not endorsed the plan put forward by Hungary.", nil},
		{"never", "Singapore has never accused Malaysia of anything.", nil},
		{"would", "Peru would reject any Chilean proposal that ignored the border.", nil},
		{"conditional", "Ecuador said it would back Colombia if the vote went ahead.", nil},
		{"question", "Will Poland support Ukraine's bid?", nil},
		{"asked whether", "Asked whether Sweden would condemn Turkey, a minister declined to comment.", nil},
		{"stopped short", "Norway stopped short of accusing Russia of sabotage.", nil},
		{"declined to", "Denmark declined to criticise China.", nil},
		{"no actor accuser", "Belarus has long been accused of rigging elections.", nil},
		{"non-actor speaker", "Analysts said Iraq must do more to curb militias.", nil},
		{"denied that", "Turkey denied that Sweden had accused Ankara of anything.", nil},
		{"content of accusation", "Mali accused France of arming rebels backed by Algeria.", []string{"Mali ACCUSES France"}},
		{"content of demand", "Qatar urged Hamas to free hostages held by Israel.", []string{"Qatar DEMANDS Hamas"}},
		{"nor", "Chile has not endorsed the deal, nor has it criticised Argentina.", nil},
	})
}

func TestReferences(t *testing.T) {
	runCases(t, []extractCase{
		{"the militants", "Hezbollah fired rockets on Sunday. Israel accused the militants of targeting civilians.", []string{"Israel ACCUSES Hezbollah"}},
		{"the group", "The United States sanctioned al-Shabaab leaders. Kenya urged the group to lay down its arms.", []string{"Kenya DEMANDS al-Shabaab"}},
		{"the alliance", "Sweden joined NATO in March. Russia accused the alliance of encircling it.", []string{"Russia ACCUSES NATO"}},
		{"he", "Iranian Foreign Minister Abbas Araghchi arrived in Oman. He urged the United States to lift sanctions.", []string{"Iran DEMANDS United States"}},
		{"it", "Saudi Arabia issued a statement on Monday. It called on Israel to halt the offensive.", []string{"Saudi Arabia DEMANDS Israel"}},
		{"both", "Armenia and Azerbaijan exchanged fire. France urged both to show restraint.", []string{"France DEMANDS Armenia", "France DEMANDS Azerbaijan"}},
		{"the delegation", "Qatar hosted a Taliban delegation. Qatar praised the delegation for its flexibility.", []string{"Qatar ENGAGES Taliban", "Qatar SUPPORTS Taliban"}},
		{"unresolved dropped", "The insurgents rejected the offer.", nil},
		{"learned title", "Chinese Foreign Minister Wang Yi arrived in Jakarta. Wang urged the Philippines to show restraint.", []string{"China DEMANDS Philippines"}},
		{"learned apposition", "Maria Lopez, a Mexican foreign ministry official, spoke on Monday. Lopez accused Guatemala of ignoring the treaty.", []string{"Mexico ACCUSES Guatemala"}},
		{"metonym vs place", "Protesters in Moscow said Tokyo must return the fishing boat.", nil},
		{"officials in capital", "Officials in Moscow said Tokyo must return the fishing boat.", []string{"Russia DEMANDS Japan"}},
		{"metonym actor", "Moscow said Tokyo must return the fishing boat.", []string{"Russia DEMANDS Japan"}},
		{"office holder in office", "Jens Stoltenberg urged Turkey to approve the bid.", []string{"NATO DEMANDS Turkey"}},
	})
}

func TestOfficeHolderDates(t *testing.T) {
	ex := New(nil)
	text := "Ashraf Ghani urged Pakistan to act."
	for _, tc := range []struct {
		date stance.Date
		want int
	}{
		{stance.NewDate(2019, 1, 1), 1},
		{stance.NewDate(2023, 1, 1), 0}, // no longer in office
	} {
		t.Run(tc.date.String(), func(t *testing.T) {
			cs, err := ex.Extract(context.Background(), text, tc.date)
			if err != nil {
				t.Fatal(err)
			}
			if len(cs) != tc.want {
				t.Errorf("got %d candidates, want %d: %+v", len(cs), tc.want, cs)
			}
		})
	}
}

func TestAcronyms(t *testing.T) {
	runCases(t, []extractCase{
		{"IS acronym", "Iraq blamed IS for the bombing.", []string{"Iraq ACCUSES Islamic State"}},
		{"is a word", "Iraq said the bombing is a crime.", nil},
		{"US acronym", "The US urged Iraq to protect the embassy.", []string{"United States DEMANDS Iraq"}},
		{"us a word", "Iraq urged us to protect the embassy.", nil},
		{"UN acronym", "The UN urged Myanmar to free prisoners.", []string{"United Nations DEMANDS Myanmar"}},
		{"EU acronym", "Serbia rejected an EU proposal.", []string{"Serbia REJECTS European Union", "European Union OFFERS Serbia"}},
		{"RSF acronym", "The RSF accused Chad of supplying weapons.", []string{"Rapid Support Forces ACCUSES Chad"}},
	})
}

func TestOffsetsInCodePoints(t *testing.T) {
	text := "Über-Überschrift — «Zitat» ünd ☃.\n\nMéxico dijo: nada. Türkiye welcomed the Greek proposal on Monday."
	cs, err := New(nil).Extract(context.Background(), text, testDate)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 1 {
		t.Fatalf("got %d candidates, want 1: %+v", len(cs), cs)
	}
	c := cs[0]
	if c.Subject.Name != "Turkey" || c.Object.Name != "Greece" || c.Type != Supports {
		t.Errorf("got %s %s %s", c.Subject.Name, c.Type, c.Object.Name)
	}
	runes := []rune(text)
	if c.Start < 0 || c.End > len(runes) || string(runes[c.Start:c.End]) != c.Quote {
		t.Fatalf("runes[%d:%d] = %q, quote %q", c.Start, c.End, string(runes[max(0, c.Start):min(len(runes), c.End)]), c.Quote)
	}
	if !strings.HasPrefix(c.Quote, "Türkiye welcomed") || !strings.Contains(text, c.Quote) {
		t.Errorf("quote %q", c.Quote)
	}
	if byteStart := strings.Index(text, c.Quote); utf8.RuneCountInString(text[:byteStart]) != c.Start {
		t.Errorf("start %d is not the code-point offset of the quote", c.Start)
	}
}

func TestDates(t *testing.T) {
	doc := stance.NewDate(2021, 3, 19) // a Friday
	for _, tc := range []struct {
		text string
		want string
	}{
		{"Chile urged Peru on Thursday to sign the accord.", "2021-03-18"},
		{"On March 9, Chile urged Peru to sign the accord.", "2021-03-09"},
		{"On December 30, Chile urged Peru to sign the accord.", "2020-12-30"},
		{"Chile urged Peru to sign the accord.", "2021-03-19"},
		{"On June 2, 2019, Chile urged Peru to sign the accord.", "2019-06-02"},
	} {
		t.Run(tc.want, func(t *testing.T) {
			cs, err := New(nil).Extract(context.Background(), tc.text, doc)
			if err != nil || len(cs) != 1 {
				t.Fatalf("Extract: %v, %d candidates", err, len(cs))
			}
			if got := cs[0].Date.String(); got != tc.want {
				t.Errorf("date %s, want %s", got, tc.want)
			}
		})
	}
}

func TestCandidateFields(t *testing.T) {
	text := "Ghana urged Togo to reopen the border crossing. Ghana urged Togo again."
	cs, err := New(nil).Extract(context.Background(), text, testDate)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 1 {
		t.Fatalf("one candidate per triple, got %d", len(cs))
	}
	c := cs[0]
	if c.Subject.ID != stance.ActorID("Ghana") || c.Object.ID != stance.ActorID("Togo") || c.Subject.Kind != stance.KindState || c.Subject.Country != "GHA" {
		t.Errorf("actors %+v %+v", c.Subject, c.Object)
	}
	if c.Confidence <= 0 || c.Confidence >= 1 {
		t.Errorf("confidence %v not in (0, 1)", c.Confidence)
	}
	if c.Topic != "reopen the border crossing" {
		t.Errorf("topic %q", c.Topic)
	}
	if c.Quote != "Ghana urged Togo to reopen the border crossing." || c.Start != 0 || c.End != 47 {
		t.Errorf("quote %q [%d,%d)", c.Quote, c.Start, c.End)
	}
}

func TestRobustness(t *testing.T) {
	big := strings.Repeat("Chad accused Niger of closing the border. The weather was fine; nothing happened. ", 130000)
	for _, tc := range []struct {
		name string
		text string
	}{
		{"empty", ""},
		{"invalid utf8", "Chad \xff\xfe accused \xc3 Niger of \x80 closing the border."},
		{"no actors", "The cat sat on the mat. It was a sunny day, and nobody said anything?"},
		{"html", `<html><body><p class="x">Chad <b>accused</b> Niger</p><script>var a = "b";</script></body></html>`},
		{"punctuation only", ".....,,,;;;\"\"''(((())))---\u2014\u2014???!!!"},
		{"one long sentence", strings.Repeat("Chad and Niger and ", 20000) + "Mali met."},
		{"10 MB", big},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cs, err := New(nil).Extract(context.Background(), tc.text, testDate)
			if err != nil {
				t.Fatal(err)
			}
			runes := []rune(tc.text)
			for _, c := range cs {
				if c.Start < 0 || c.End > len(runes) || c.Start > c.End {
					t.Fatalf("offsets [%d,%d) outside text of %d code points", c.Start, c.End, len(runes))
				}
				if !strings.Contains(tc.text, c.Quote) {
					t.Fatalf("quote %q not in text", c.Quote)
				}
			}
		})
	}
}

func TestCanceledContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := New(nil).Extract(ctx, "Chad accused Niger.", testDate); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestConcurrentUse(t *testing.T) {
	ex := New(nil)
	text := "Ghana urged Togo to reopen the border. Togo rejected the demand."
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cs, err := ex.Extract(context.Background(), text, testDate)
			if err == nil && len(cs) != 2 {
				err = fmt.Errorf("got %d candidates, want 2", len(cs))
			}
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
}

func TestDefaultDictionary(t *testing.T) {
	d := DefaultDictionary()
	states := 0
	for _, a := range d.Actors() {
		// Kosovo, Palestine and Taiwan are no members; Yugoslavia (SCG)
		// is a member no more.
		if a.Kind == stance.KindState && a.Country != "XKX" && a.Country != "PSE" && a.Country != "TWN" && a.Country != "SCG" {
			states++
		}
		if a.ID != stance.ActorID(a.Name) {
			t.Errorf("%s: ID %s is not ActorID(name)", a.Name, a.ID)
		}
	}
	if states != 193 {
		t.Errorf("%d UN member states, want 193", states)
	}
	for _, name := range []string{"Kabul government", "Venezuelan opposition", "Sudanese Armed Forces", "Rapid Support Forces",
		"Tigray People's Liberation Front", "East Turkestan Islamic Movement", "Islamic State", "al-Qaeda", "Hamas", "Hezbollah",
		"NATO", "European Union", "African Union", "United Nations", "Taliban"} {
		if _, ok := d.Lookup(name); !ok {
			t.Errorf("%s missing", name)
		}
	}
	// A copy: extending it leaves the shipped dictionary alone.
	extra, err := ReadDictionary(strings.NewReader(`{"name": "Wakanda", "kind": "STATE", "aliases": ["Birnin Zana"]}`))
	if err != nil {
		t.Fatal(err)
	}
	d.Extend(extra)
	if _, ok := DefaultDictionary().Lookup("Wakanda"); ok {
		t.Error("Extend changed the shipped dictionary")
	}
}

func TestReadDictionaryErrors(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
	}{
		{"bad json", "{\"name\": \"A\"}\n{oops", "line 2"},
		{"no name", `{"kind": "STATE"}`, `line 1: field "name" is empty`},
		{"bad kind", `{"name": "A", "kind": "PLANET"}`, `field "kind"`},
		{"bad country", `{"name": "A", "country": "usa"}`, `field "country"`},
		{"unknown field", `{"name": "A", "alias": ["B"]}`, `unknown field "alias"`},
		{"empty alias", `{"name": "A", "aliases": ["  "]}`, `field "aliases": entry 1 is empty`},
		{"bad member date", `{"name": "A", "members": [{"name": "B C", "from": "2020-13-01"}]}`, `field "from"`},
		{"member dates reversed", `{"name": "A", "members": [{"name": "B C", "from": "2020-01-01", "to": "2019-01-01"}]}`, `before "from"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadDictionary(strings.NewReader(tc.in))
			if !errors.Is(err, ErrDictionary) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want ErrDictionary containing %q", err, tc.want)
			}
		})
	}
}

func TestExtendDictionary(t *testing.T) {
	d := DefaultDictionary()
	extra, err := ReadDictionary(strings.NewReader(`# local additions
{"name": "Wagner Group", "aliases": ["Africa Corps"]}
{"name": "Free Aceh Movement", "kind": "ARMED_GROUP", "country": "IDN", "aliases": ["GAM"]}`))
	if err != nil {
		t.Fatal(err)
	}
	d.Extend(extra)
	ex := New(d)
	got := func(text string) []string {
		cs, _ := ex.Extract(context.Background(), text, testDate)
		var out []string
		for _, c := range cs {
			out = append(out, c.Subject.Name+" "+c.Type+" "+c.Object.Name)
		}
		return out
	}
	if g := got("Indonesia urged GAM to disarm."); !slices.Equal(g, []string{"Indonesia DEMANDS Free Aceh Movement"}) {
		t.Errorf("new actor: %q", g)
	}
	if g := got("Mali praised Africa Corps for its help."); !slices.Equal(g, []string{"Mali SUPPORTS Wagner Group"}) {
		t.Errorf("merged alias: %q", g)
	}
	if a, _ := d.Lookup("Wagner Group"); a.Kind != stance.KindArmedGroup {
		t.Errorf("merge kept kind %s, want ARMED_GROUP", a.Kind)
	}
}

func TestParseArticle(t *testing.T) {
	for _, tc := range []struct {
		name    string
		raw     string
		want    Article
		wantErr string
	}{
		{"header", "Title: T\nSource: S\nDate: 2020-03-01\nURL: http://x\n\nBody line.\n", Article{Title: "T", Source: "S", URL: "http://x", Date: stance.NewDate(2020, 3, 1), Body: "Body line."}, ""},
		{"no header", "KABUL -- Something happened.\n\nMore.", Article{Body: "KABUL -- Something happened.\n\nMore."}, ""},
		{"crlf", "Title: T\r\nDate: 2020-03-01\r\n\r\nBody.\r\n", Article{Title: "T", Date: stance.NewDate(2020, 3, 1), Body: "Body."}, ""},
		{"header only", "Title: T", Article{Title: "T"}, ""},
		{"bad date", "Date: March 1\n\nBody", Article{}, "Date:"},
		{"bad header line", "Title: T\nAuthor: A\n\nBody", Article{}, "header line 2"},
		{"empty", "", Article{}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseArticle(tc.raw)
			if tc.wantErr != "" {
				if !errors.Is(err, ErrArticle) || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want ErrArticle containing %q", err, tc.wantErr)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("got %+v, %v; want %+v", got, err, tc.want)
			}
		})
	}
}

func TestWriteJSONL(t *testing.T) {
	cs, err := New(nil).Extract(context.Background(), "Ghana urged Togo on Monday to reopen the border <now>.", testDate)
	if err != nil || len(cs) != 1 {
		t.Fatalf("Extract: %v, %d", err, len(cs))
	}
	var buf bytes.Buffer
	if err := WriteJSONL(&buf, "a.txt", cs); err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("%v: %s", err, buf.String())
	}
	for k, v := range map[string]any{"document": "a.txt", "subject": "Ghana", "type": "DEMANDS", "object": "Togo",
		"date": "2022-05-09", "start": 0.0, "quote": cs[0].Quote} {
		if got[k] != v {
			t.Errorf("%s = %v, want %v", k, got[k], v)
		}
	}
	for _, k := range []string{"topic", "end", "confidence"} {
		if _, ok := got[k]; !ok {
			t.Errorf("field %s missing", k)
		}
	}
	if !strings.Contains(buf.String(), "<now>") {
		t.Errorf("HTML escaped: %s", buf.String())
	}
}
