package store

import "testing"

func TestValidateRejectsCleartext(t *testing.T) {
	for _, u := range []string{
		"http://fhir.lakeshore-care.net/r4",
		"postgres://results@results-db.prod.lakeshore-care.net:5432/results?sslmode=disable",
	} {
		if err := Validate(u); err == nil {
			t.Errorf("Validate(%q) accepted a cleartext endpoint", u)
		}
	}
}
