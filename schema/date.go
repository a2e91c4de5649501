package schema

import (
	"strings"
	"time"

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/language/ast"

	"github.com/stancegraph/stancegraph/stance"
)

// DateDescription is the Date scalar's description; clients see it in
// introspection and the server quotes it when a Date argument is rejected.
const DateDescription = "A calendar date, YYYY-MM-DD. Input also accepts an RFC 3339 timestamp."

// Date returns the Date scalar: stance.Date values out as YYYY-MM-DD, input
// as YYYY-MM-DD or an RFC 3339 timestamp (its UTC date). An invalid input
// fails validation with graphql-go's message, which quotes the bad value.
func Date() *graphql.Scalar { return graphql.NewScalar(dateConfig()) }

// dateConfig is the Date scalar's Go side, from which New builds the
// scalar the SDL declares.
func dateConfig() graphql.ScalarConfig {
	return graphql.ScalarConfig{
		Name:        "Date",
		Description: DateDescription,
		Serialize:   serializeDate,
		ParseValue:  parseDate,
		ParseLiteral: func(v ast.Value) interface{} {
			s, ok := v.(*ast.StringValue)
			if !ok {
				return nil
			}
			return parseDate(s.Value)
		},
	}
}

func serializeDate(v interface{}) interface{} {
	switch d := v.(type) {
	case stance.Date:
		if d.IsZero() {
			return nil
		}
		return d.String()
	case *stance.Date:
		if d == nil {
			return nil
		}
		return serializeDate(*d)
	case time.Time:
		if d.IsZero() {
			return nil
		}
		return stance.DateOf(d).String()
	}
	return nil
}

// parseDate returns nil, which graphql-go reports as an invalid value, for
// anything but a non-empty valid date string.
func parseDate(v interface{}) interface{} {
	s, ok := v.(string)
	if !ok || strings.TrimSpace(s) == "" {
		return nil
	}
	d, err := stance.ParseDate(s)
	if err != nil {
		return nil
	}
	return d
}
