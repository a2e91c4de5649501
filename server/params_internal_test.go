package server

import (
	"reflect"
	"testing"
)

// TestParseBodyAsChecked checks that the one-pass decoding of usual bodies
// gives what the parameter-by-parameter decoding gives, and that every
// other body, with its error, still gets the latter's answer.
func TestParseBodyAsChecked(t *testing.T) {
	bodies := []string{
		`{"query":"{ stats { actors } }"}`,
		` {"query":"query Q($n: String!) { actor(name: $n) { name } }","operationName":"Q","variables":{"n":"Taliban","x":[1,2.5,null,{"a":true}]},"extensions":{"persistedQuery":{}}} `,
		`{"query":"{ a }","operationName":null,"variables":null,"extensions":null}`,
		`{"query":"{ a }","variables":{}}`,
		`{"query":"first","query":"{ last }"}`,
		`{"query":"\u00e9t\u00e9 \ud83d\ude00 bad \udc00"}`,
		`{"query":"{ a }","unknown":[1,2]}`,
		`{"QUERY":"{ a }"}`,
		`{"query":""}`,
		`{"query":null}`,
		`{"query":42}`,
		`{"query":"{ a }","operationName":7}`,
		`{"query":"{ a }","variables":"{}"}`,
		`{"query":"{ a }","variables":[]}`,
		`{"query":"{ a }","extensions":"x"}`,
		`{ "variables" : { "n" : "U.S." , "m" : "" } , "query" : "query($n: String) { a(n: $n) }" , "operationName" : "" }`,
		`{"query":"a\/b\"c\\d\te\nf\rg\bh\fi"}`,
		`{"query":"{ a }","variables":{"a":"1","a":"2"}}`,
		`{"query":"{ a }","operationName":"A","operationName":"B"}`,
		`{"query":"{ a }","variables":{"a":1}}`,
		`{"query":"{ a }","variables":{"a":"\u0041"}}`,
		`{"query":"{ a }",}`,
		`{"query":"{ a }"} x`,
		`{"query":"{ a }","operationName":nullx}`,
		`{"query":"cafÃ©"}`,
		`{"query":"bad ÿ byte"}`,
		`{"query":"del "}`,
		`{"query":"tab	raw"}`,
		`{"query":"\x"}`,
		`{"query":"unterminated\`,
		`{"query":"{ a }","variables":{"a":"1",}}`,
		`{"query":"{ a }","variables":{}}  `,
		`{}`,
		`[{"query":"{ a }"}]`,
		`{"query":"{ a }"`,
		`"just a string"`,
		``,
		`   `,
		`null`,
	}
	for _, b := range bodies {
		got, gotErr := parseBody([]byte(b))
		want, wantErr := parseBodyChecked([]byte(b))
		if !reflect.DeepEqual(got, want) || errText(gotErr) != errText(wantErr) {
			t.Errorf("%s:\ngot  %+v, %v\nwant %+v, %v", b, got, gotErr, want, wantErr)
		}
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// TestParseBodyOnePass checks that the notebook's body is decoded in one
// pass: parameter by parameter it costs a half more allocations (26
// against 18 when this was written) and about 1.5 times the time.
func TestParseBodyOnePass(t *testing.T) {
	body := []byte(`{"query":"query Stances($name: String!) { actor(name: $name) { name stances(first: 20) { nodes { date type topic subject { name } object { name } evidence { quote } } } } }","variables":{"name":"Taliban"}}`)
	var kept params
	checked := testing.AllocsPerRun(100, func() { kept, _ = parseBodyChecked(body) })
	got := testing.AllocsPerRun(100, func() { kept, _ = parseBody(body) })
	if got > checked*3/4 {
		t.Errorf("parseBody: %.0f allocations, parameter by parameter %.0f; want at most three quarters", got, checked)
	}
	_ = kept
}

// TestScanBody checks which bodies scanBody reads itself (the usual ones)
// and which it leaves to encoding/json (any other), and that what it
// reads is what parseUsualBody decodes.
func TestScanBody(t *testing.T) {
	tests := []struct {
		body string
		ok   bool
	}{
		{`{"query":"query Stances($name: String!) {\n  actor(name: $name) { name }\n}","variables":{"name":"Taliban"}}`, true},
		{` {"query":"{ a }","operationName":null,"variables":null} `, true},
		{`{"operationName":"Q","query":"query Q { a }","variables":{}}`, true},
		{`{"query":"a\/b\"c\\d\te"}`, true},
		{`{"query":"{ a }","extensions":{}}`, false},
		{`{"query":"{ a }","variables":{"n":1}}`, false},
		{`{"query":"caf\u00e9"}`, false},
		{`{"query":"cafÃ©"}`, false},
		{`{"query":""}`, false},
		{`{"query":"a","query":"b"}`, false},
		{`{"query":"{ a }"`, false},
		{`[{"query":"{ a }"}]`, false},
	}
	for _, tc := range tests {
		got, ok := scanBody([]byte(tc.body))
		if ok != tc.ok {
			t.Errorf("%s: scanBody ok = %v, want %v", tc.body, ok, tc.ok)
			continue
		}
		if want, wantOK := parseUsualBody([]byte(tc.body)); ok && (!wantOK || !reflect.DeepEqual(got, want)) {
			t.Errorf("%s:\nscanBody       %+v\nparseUsualBody %+v, %v", tc.body, got, want, wantOK)
		}
	}
}

// TestScanBodyAllocations: the notebook's body costs its strings, its
// variables map and the boxing of the variable's value, where
// encoding/json's decoding took 18 allocations when this was written.
func TestScanBodyAllocations(t *testing.T) {
	body := []byte(`{"query":"query Stances($name: String!) { actor(name: $name) { name stances(first: 20) { nodes { date type topic subject { name } object { name } evidence { quote } } } } }","variables":{"name":"Taliban"}}`)
	var kept params
	if got := testing.AllocsPerRun(100, func() { kept, _ = parseBody(body) }); got > 6 {
		t.Errorf("parseBody of the notebook's body: %.0f allocations, want at most 6", got)
	}
	_ = kept
}

// FuzzScanBody: whatever body scanBody reads, parseUsualBody decodes to
// the same parameters.
func FuzzScanBody(f *testing.F) {
	for _, s := range []string{
		`{"query":"{ a }","variables":{"n":"x"}}`,
		`{"query":"a\nb","operationName":null}`,
		` { "query" : "q" , "variables" : null } `,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		got, ok := scanBody(body)
		if !ok {
			return
		}
		want, wantOK := parseUsualBody(body)
		if !wantOK || !reflect.DeepEqual(got, want) {
			t.Errorf("%q:\nscanBody       %+v\nparseUsualBody %+v, %v", body, got, want, wantOK)
		}
	})
}

// BenchmarkParseBody compares scanBody with the one-pass decoding by
// encoding/json on the notebook's body (go test -run '^$' -bench
// ParseBody ./server).
func BenchmarkParseBody(b *testing.B) {
	body := []byte(`{"query":"query Stances($name: String!) {\n  actor(name: $name) {\n    name\n    stances(first: 20) {\n      nodes { date type topic subject { name } object { name } evidence { quote } }\n    }\n  }\n}","variables":{"name":"Taliban"}}`)
	for _, p := range []struct {
		name  string
		parse func([]byte) (params, bool)
	}{{"scan", scanBody}, {"encoding-json", parseUsualBody}} {
		b.Run(p.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, ok := p.parse(body); !ok {
					b.Fatal("not read")
				}
			}
		})
	}
}
