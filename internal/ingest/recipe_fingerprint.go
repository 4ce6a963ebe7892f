package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"
)

// Fingerprint is a stable hash (32 hex characters, 128 bits of SHA-256) of what the recipe does to data.
// Two recipes that read files the same way and produce the same rows share it; labels that do not change
// the rows (Name, Source, Preset) are left out, and defaults are filled in (an attribute's Name defaults to
// its column), so a recipe saved and reloaded keeps its fingerprint. The store uses it, with file
// fingerprints, to spot an import that adds nothing new.
func (r Recipe) Fingerprint() string {
	sum := r.fingerprintSum()
	return hex.EncodeToString(sum[:16])
}

func (r Recipe) fingerprintSum() [32]byte {
	c := r
	c.Name, c.Source, c.Preset = "", "", ""
	c.Encoding = strings.ToLower(c.Encoding)
	if len(r.Attributes) > 0 {
		c.Attributes = make([]AttributeSpec, len(r.Attributes))
		for i, a := range r.Attributes {
			if a.Name == "" {
				a.Name = a.Column
			}
			c.Attributes[i] = a
		}
	}
	// encoding/json writes struct fields in declaration order and never fails on these plain types, so
	// the bytes are canonical for a given Recipe value.
	data, err := json.Marshal(c)
	if err != nil {
		panic("ingest: recipe cannot be marshalled: " + err.Error())
	}
	return sha256.Sum256(append([]byte("wayline-recipe-v1\x00"), data...))
}
