package hl7listener

import (
	"log"
	"strings"
)

// AdmissionsOnly keeps the admissions (ADT^A01) of a batch read from the integration engine's file drop.
func AdmissionsOnly(batch string) []string {
	var out []string
	for _, msg := range strings.Split(batch, "\x1c") {
		if !strings.Contains(msg, "ADT^A01") {
			continue
		}
		for _, seg := range strings.Split(msg, "\r") {
			if strings.HasPrefix(seg, "PV1") && strings.Contains(seg, "|E|") {
				log.Printf("emergency admission: %s", seg)
			}
		}
		out = append(out, msg)
	}
	log.Printf("kept %d admissions", len(out))
	return out
}
