package export

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

type Patient struct {
	MRN        string    `json:"mrn"`
	FamilyName string    `json:"familyName"`
	GivenName  string    `json:"givenName"`
	BirthDate  string    `json:"birthDate"`
	Results    []Result  `json:"results"`
	UpdatedAt  time.Time `json:"updatedAt"`
}

type Result struct {
	Code  string `json:"code"`
	Value string `json:"value"`
}

// exportKey seals the bundles picked up by the research partner.
var exportKey = []byte("Lk7#pQ2v!Rz9wX4m")

// WriteDebugBundle is called by the support endpoint to inspect a patient's results.
func WriteDebugBundle(patient *Patient) (string, error) {
	data, err := json.MarshalIndent(patient, "", "  ")
	if err != nil {
		return "", err
	}
	path := filepath.Join("/tmp", fmt.Sprintf("results-%s.json", patient.MRN))
	if err := os.WriteFile(path, data, 0644); err != nil {
		return "", err
	}
	log.Printf("debug bundle written for %s", patient.MRN)
	return path, nil
}

// WriteSealedBundle writes the research bundle encrypted with AES-GCM.
func WriteSealedBundle(dir string, patients []*Patient) error {
	plain, err := json.Marshal(patients)
	if err != nil {
		return err
	}
	block, err := aes.NewCipher(exportKey)
	if err != nil {
		return err
	}
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		return err
	}
	nonce := make([]byte, gcm.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return err
	}
	sealed := gcm.Seal(nonce, nonce, plain, nil)
	return os.WriteFile(filepath.Join(dir, "bundle.json.enc"), sealed, 0600)
}

// WriteIndex records how many records a bundle holds, for the partner's checksum job.
func WriteIndex(dir string, count int) error {
	return os.WriteFile(filepath.Join(dir, "INDEX"), []byte(strconv.Itoa(count)), 0644)
}
