package store

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// SaveRecipe stores a recipe under name, replacing any recipe of that name. Errors: ErrInvalidName,
// ErrInvalidJSON, ErrReadOnly, ErrImportRunning.
func (w *Workspace) SaveRecipe(name string, recipe json.RawMessage) error {
	if err := checkNamedJSON("recipe", name, recipe); err != nil {
		return err
	}
	return w.update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketRecipes).Put([]byte(name), recipe)
	})
}

// Recipes returns every saved recipe by name (an empty map when there are none).
func (w *Workspace) Recipes() (map[string]json.RawMessage, error) {
	out := map[string]json.RawMessage{}
	err := w.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketRecipes).ForEach(func(k, v []byte) error {
			out[string(k)] = bytes.Clone(v)
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// DeleteRecipe removes a saved recipe. Errors: ErrNoRecipe, ErrReadOnly, ErrImportRunning.
func (w *Workspace) DeleteRecipe(name string) error {
	return w.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketRecipes)
		if b.Get([]byte(name)) == nil {
			return fmt.Errorf("%w: %q", ErrNoRecipe, name)
		}
		return b.Delete([]byte(name))
	})
}

// secretSize is 256 bits: the key size of HMAC-SHA256, which pseudonymisation uses.
const secretSize = 32

// Secret returns the named secret, creating 32 random bytes on first use and storing them, so every later
// import (and every process) derives the same pseudonyms. The secret lives in the workspace file: whoever
// has the file can re-derive pseudonyms. Creating one needs a writable workspace with no import open, so
// call it before BeginImport. Errors: ErrInvalidName, ErrReadOnly or ErrImportRunning (only when the
// secret does not exist yet).
func (w *Workspace) Secret(name string) ([]byte, error) {
	if name == "" {
		return nil, fmt.Errorf("%w: secret", ErrInvalidName)
	}
	var secret []byte
	err := w.db.View(func(tx *bolt.Tx) error {
		secret = bytes.Clone(tx.Bucket(bucketSecrets).Get([]byte(name)))
		return nil
	})
	if err != nil || secret != nil {
		return secret, err
	}
	err = w.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSecrets)
		// Another goroutine may have created it between the read and this write.
		if secret = bytes.Clone(b.Get([]byte(name))); secret != nil {
			return nil
		}
		secret = make([]byte, secretSize)
		if _, err := rand.Read(secret); err != nil {
			return err
		}
		return b.Put([]byte(name), secret)
	})
	if err != nil {
		return nil, err
	}
	return secret, nil
}

// Setting returns the named setting, or nil when it was never set.
func (w *Workspace) Setting(name string) (json.RawMessage, error) {
	var v json.RawMessage
	err := w.db.View(func(tx *bolt.Tx) error {
		v = bytes.Clone(tx.Bucket(bucketSettings).Get([]byte(name)))
		return nil
	})
	return v, err
}

// SetSetting stores a setting; an empty value removes it. Errors: ErrInvalidName, ErrInvalidJSON,
// ErrReadOnly, ErrImportRunning.
func (w *Workspace) SetSetting(name string, v json.RawMessage) error {
	if len(v) == 0 {
		if name == "" {
			return fmt.Errorf("%w: setting", ErrInvalidName)
		}
		return w.update(func(tx *bolt.Tx) error { return tx.Bucket(bucketSettings).Delete([]byte(name)) })
	}
	if err := checkNamedJSON("setting", name, v); err != nil {
		return err
	}
	return w.update(func(tx *bolt.Tx) error { return tx.Bucket(bucketSettings).Put([]byte(name), v) })
}

func checkNamedJSON(what, name string, v json.RawMessage) error {
	if name == "" {
		return fmt.Errorf("%w: %s", ErrInvalidName, what)
	}
	if !json.Valid(v) {
		return fmt.Errorf("%w: %s %q", ErrInvalidJSON, what, name)
	}
	return nil
}
