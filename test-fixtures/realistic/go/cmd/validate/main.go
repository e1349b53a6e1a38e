// Command validate checks an export bundle before it is sent to the research partner.
package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/lakeshore/results/internal/export"
)

func main() {
	var patients []export.Patient
	if err := json.NewDecoder(os.Stdin).Decode(&patients); err != nil {
		fmt.Fprintf(os.Stderr, "cannot read bundle: %v\n", err)
		os.Exit(2)
	}
	bad := 0
	for _, p := range patients {
		if p.BirthDate == "" {
			fmt.Fprintf(os.Stderr, "patient without birth date: %+v\n", p)
			bad++
		}
	}
	fmt.Fprintf(os.Stdout, "%d patients, %d invalid\n", len(patients), bad)
}
