package server

import "testing"

func TestNegotiate(t *testing.T) {
	tests := []struct {
		accept, want string
		err          bool
	}{
		{"", mediaGraphQLResponse, false},
		{"*/*", mediaGraphQLResponse, false},
		{"application/json", mediaJSON, false},
		{"application/graphql-response+json", mediaGraphQLResponse, false},
		{"application/graphql-response+json, application/json;q=0.9", mediaGraphQLResponse, false},
		{"application/graphql-response+json;q=0.1, application/json", mediaJSON, false},
		{"application/json, */*;q=0.5", mediaJSON, false},
		{"application/json;charset=utf-16", "", true},
		{"text/html", "", true},
		{"application/json;q=0", "", true},
	}
	for _, tt := range tests {
		got, err := negotiate(tt.accept)
		if (err != nil) != tt.err || got != tt.want {
			t.Errorf("negotiate(%q) = %q, %v; want %q, error %v", tt.accept, got, err, tt.want, tt.err)
		}
	}
}
