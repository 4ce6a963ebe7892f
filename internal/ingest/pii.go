package ingest

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base32"
	"errors"
	"hash"
	"strings"
)

// PseudonymKeySize is the length of a Pseudonymizer key: 32 random bytes, kept in the workspace.
const PseudonymKeySize = 32

// pseudonymPrefix marks a stored value as a pseudonym, so exports and the UI can say so instead of showing
// what looks like a garbled identifier.
const pseudonymPrefix = "p1_"

var errPseudonymKey = errors.New("pseudonymisation key must be 32 bytes")

// pseudoEncoding is lower-case base32 without padding: case-insensitive, safe in file names and CSV.
var pseudoEncoding = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

// Pseudonymizer replaces personal values with a keyed hash: HMAC-SHA256 over the kind of value and its
// normalised form, cut to 160 bits and written as "p1_" + 32 base32 characters. The same key and value
// always give the same pseudonym, so identities still match across files and imports while no plain
// email, phone or name is stored; without the key a pseudonym cannot be reversed or checked against a
// guessed value. Losing the key only means new imports no longer match old ones.
//
// A Pseudonymizer is not safe for concurrent use (it reuses its HMAC state); give each goroutine its own
// with Clone.
type Pseudonymizer struct {
	key []byte
	mac hash.Hash
	buf []byte
}

// NewPseudonymizer returns a Pseudonymizer for a 32-byte key.
func NewPseudonymizer(key []byte) (*Pseudonymizer, error) {
	if len(key) != PseudonymKeySize {
		return nil, errPseudonymKey
	}
	k := append([]byte(nil), key...)
	return &Pseudonymizer{key: k, mac: hmac.New(sha256.New, k)}, nil
}

// Clone returns an independent Pseudonymizer with the same key.
func (p *Pseudonymizer) Clone() *Pseudonymizer {
	q, _ := NewPseudonymizer(p.key)
	return q
}

// Pseudonym returns the pseudonym of an already normalised value of a kind ("email", "phone", "name").
// The kind is part of the hash so that equal text of different kinds never collides by accident.
func (p *Pseudonymizer) Pseudonym(kind, normalized string) string {
	p.mac.Reset()
	p.buf = append(p.buf[:0], kind...)
	p.buf = append(p.buf, 0)
	p.buf = append(p.buf, normalized...)
	p.mac.Write(p.buf)
	var sum [sha256.Size]byte
	return pseudonymPrefix + pseudoEncoding.EncodeToString(p.mac.Sum(sum[:0])[:20])
}

// IsPseudonym reports whether a stored value is a pseudonym rather than plain text.
func IsPseudonym(v string) bool {
	return len(v) == len(pseudonymPrefix)+32 && strings.HasPrefix(v, pseudonymPrefix)
}

// personalNames are attribute and identifier names whose values are a person's name, email or phone.
// Compared after foldName, so "First Name", "first_name" and "firstName" all match.
var personalNames = map[string]string{
	"name": "name", "fullname": "name", "firstname": "name", "lastname": "name", "surname": "name",
	"givenname": "name", "familyname": "name", "middlename": "name", "displayname": "name",
	"billingname": "name", "shippingname": "name", "contactname": "name", "customername": "name",
	"requestername": "name", "requester": "name", "assigneename": "name", "username": "name",
	"personname": "name", "clientname": "name", "recipientname": "name", "buyername": "name",
	"traitsname": "name", "traitsfirstname": "name", "traitslastname": "name",
	"email": TypeEmail, "emailaddress": TypeEmail, "mail": TypeEmail, "requesteremail": TypeEmail,
	"contactemail": TypeEmail, "customeremail": TypeEmail, "traitsemail": TypeEmail,
	"phone": TypePhone, "phonenumber": TypePhone, "mobile": TypePhone, "mobilephone": TypePhone,
	"telephone": TypePhone, "billingphone": TypePhone, "shippingphone": TypePhone, "traitsphone": TypePhone,
}

// PersonalKind says whether a field name holds personal data that pseudonymisation must hide, and what
// kind it is: "name", "email", "phone", or "" for anything else. Identifier types email and phone and the
// attributes named like name, first_name, last_name, full_name, billing_name, email, phone... qualify.
func PersonalKind(field string) string {
	return personalNames[foldName(field)]
}

// normalizeName folds a personal name for pseudonymisation: trimmed, inner spaces collapsed, lower-cased,
// so "Ana  Silva" and "ana silva" give one pseudonym.
func normalizeName(v string) string {
	return strings.ToLower(strings.Join(strings.Fields(v), " "))
}
