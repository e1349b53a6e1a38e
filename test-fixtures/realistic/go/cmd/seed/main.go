// Command seed loads the demo tenant used for onboarding new clinics.
package main

import (
	"context"
	"log"

	"github.com/lakeshore/results/internal/export"
	"github.com/lakeshore/results/internal/store"
)

var demoPatients = []export.Patient{
	{MRN: "LSC-0077154", FamilyName: "Abernathy", GivenName: "Cornelius", BirthDate: "1946-12-08", Results: []export.Result{{Code: "2345-7", Value: "182 mg/dL"}}},
	{MRN: "DEMO-0000002", FamilyName: "Doe", GivenName: "Jane", BirthDate: "1970-01-01"},
}

var demoInsurance = map[string]string{
	"LSC-0077154": "SSN 602-38-4417",
}

func main() {
	db, err := store.Open()
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	for _, p := range demoPatients {
		if _, err := db.ExecContext(context.Background(),
			"INSERT INTO patients (mrn, family_name, given_name, birth_date) VALUES ($1, $2, $3, $4)",
			p.MRN, p.FamilyName, p.GivenName, p.BirthDate); err != nil {
			log.Fatal(err)
		}
	}
	log.Printf("seeded %d demo patients (%d insurance records)", len(demoPatients), len(demoInsurance))
}
