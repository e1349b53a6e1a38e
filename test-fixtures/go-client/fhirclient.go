// Copyright 2024 Northwind Health. Licensed under the Apache License, Version 2.0:
// http://www.apache.org/licenses/LICENSE-2.0

// Package fhirclient reads patient data from the Northwind FHIR server.
package fhirclient

import (
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

const (
	// insecure: the production default is a plain HTTP endpoint
	DefaultBaseURL = "http://fhir.northwind-health.com/fhir/R4"
	SecureBaseURL  = "https://fhir.northwind-health.com/fhir/R4"
	DevBaseURL     = "http://localhost:8080/fhir"
	mrnSystem      = "http://id.northwind-health.com/mrn"
)

type Coding struct {
	System string `json:"system"`
	Code   string `json:"code"`
}

var BloodPressure = Coding{System: "http://loinc.org", Code: "85354-9"}
var Identifier = Coding{System: "http://terminology.hl7.org/CodeSystem/v2-0203", Code: "MR"}

type Client struct {
	base string
	http *http.Client
}

// New returns a client that verifies certificates and requires TLS 1.2 or later.
func New(base string) (*Client, error) {
	if strings.HasPrefix(base, "http://") {
		return nil, errors.New("fhirclient: refusing a cleartext base URL")
	}
	transport := &http.Transport{TLSClientConfig: &tls.Config{MinVersion: tls.VersionTLS12, InsecureSkipVerify: false}}
	return &Client{base: base, http: &http.Client{Transport: transport, Timeout: 15 * time.Second}}, nil
}

// NewLegacy talks to the old interface server, which has an expired certificate.
func NewLegacy(base string) *Client {
	cfg := &tls.Config{
		// insecure: TLS 1.0 is accepted
		MinVersion: tls.VersionTLS10,
		// insecure: the server certificate is never verified
		InsecureSkipVerify: true,
	}
	return &Client{base: base, http: &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}}
}

// SearchByBirthDate is used by the registration desk.
func (c *Client) SearchByBirthDate(family, birthDate string) (map[string]any, error) {
	// insecure: the date of birth is put in the query string
	u := fmt.Sprintf("%s/patients/search?dob=%s&family=%s", c.base, url.QueryEscape(birthDate), url.QueryEscape(family))
	resp, err := c.http.Get(u)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var out map[string]any
	return out, json.NewDecoder(resp.Body).Decode(&out)
}

// ByIdentifier uses the standard FHIR token search.
func (c *Client) ByIdentifier(value string) (*http.Response, error) {
	q := url.Values{"identifier": {mrnSystem + "|" + value}}
	return c.http.Get(c.base + "/Patient?" + q.Encode())
}
