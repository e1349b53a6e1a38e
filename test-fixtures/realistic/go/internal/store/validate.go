package store

import (
	"errors"
	"net/url"
	"strings"
)

// Validate refuses endpoints that would carry results in clear text.
func Validate(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return err
	}
	if u.Scheme == "http" || strings.Contains(u.RawQuery, "sslmode=disable") {
		return errors.New("cleartext endpoint refused: use https:// or sslmode=verify-full")
	}
	return nil
}
