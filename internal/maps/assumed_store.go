package maps

import (
	"encoding/json"
	"fmt"
	"sort"
)

// AssumedSetting is the workspace setting that keeps the saved assumed maps: a JSON array of maps sorted
// by id.
const AssumedSetting = "maps.assumed"

// WorkspaceSettings is where a workspace keeps named JSON values (store.Workspace satisfies it).
type WorkspaceSettings interface {
	Setting(name string) (json.RawMessage, error)
	SetSetting(name string, v json.RawMessage) error
}

// ListAssumed returns the saved assumed maps sorted by id (none: an empty list). Errors: the store's, or
// ErrAssumedDamaged when the setting cannot be read back.
func ListAssumed(s WorkspaceSettings) ([]Assumed, error) {
	raw, err := s.Setting(AssumedSetting)
	if err != nil {
		return nil, err
	}
	out := []Assumed{}
	if raw == nil {
		return out, nil
	}
	var stored []json.RawMessage
	if err := json.Unmarshal(raw, &stored); err != nil {
		return nil, fmt.Errorf("%w (%v): delete the setting %q or save the maps again", ErrAssumedDamaged, err, AssumedSetting)
	}
	// Each map is read back through ParseAssumed, so a saved map obeys the same rules as an imported one.
	for i, m := range stored {
		a, err := ParseAssumed(m)
		if err != nil {
			return nil, fmt.Errorf("%w: map %d: %v", ErrAssumedDamaged, i+1, err)
		}
		out = append(out, a)
	}
	return out, nil
}

// LoadAssumed returns the saved assumed map with this id. Errors: ErrAssumedNotFound, and those of
// ListAssumed.
func LoadAssumed(s WorkspaceSettings, id string) (Assumed, error) {
	all, err := ListAssumed(s)
	if err != nil {
		return Assumed{}, err
	}
	for _, a := range all {
		if a.ID == id {
			return a, nil
		}
	}
	return Assumed{}, fmt.Errorf("%w: %q", ErrAssumedNotFound, id)
}

// SaveAssumed validates a and stores it, replacing a saved map with the same id. It keeps a.Updated as
// given (the caller owns the clock; the app stamps it). The maps are read, changed and written back as one
// setting, so two writers at once would lose one's change: the app saves from one place. Errors: an
// *AssumedError (ErrInvalidAssumed), the store's, and those of ListAssumed.
func SaveAssumed(s WorkspaceSettings, a Assumed) error {
	if err := a.Validate(); err != nil {
		return err
	}
	a.Updated = a.Updated.UTC()
	all, err := ListAssumed(s)
	if err != nil {
		return err
	}
	replaced := false
	for i := range all {
		if all[i].ID == a.ID {
			all[i], replaced = a, true
		}
	}
	if !replaced {
		all = append(all, a)
	}
	return storeAssumed(s, all)
}

// DeleteAssumed removes the saved map with this id. Errors: ErrAssumedNotFound, the store's, and those of
// ListAssumed.
func DeleteAssumed(s WorkspaceSettings, id string) error {
	all, err := ListAssumed(s)
	if err != nil {
		return err
	}
	for i := range all {
		if all[i].ID == id {
			return storeAssumed(s, append(all[:i], all[i+1:]...))
		}
	}
	return fmt.Errorf("%w: %q", ErrAssumedNotFound, id)
}

// storeAssumed writes the maps sorted by id; no maps removes the setting.
func storeAssumed(s WorkspaceSettings, all []Assumed) error {
	if len(all) == 0 {
		return s.SetSetting(AssumedSetting, nil)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].ID < all[j].ID })
	raw, err := json.Marshal(all)
	if err != nil {
		return err
	}
	return s.SetSetting(AssumedSetting, raw)
}
