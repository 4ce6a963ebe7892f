package persona

import (
	"encoding/json"
	"fmt"
)

// SettingName is the workspace setting that keeps the last run, so names, notes and colours survive
// re-runs and restarts.
const SettingName = "personas.saved"

// Settings is where a workspace keeps named JSON values (store.Workspace satisfies it).
type Settings interface {
	Setting(name string) (json.RawMessage, error)
	SetSetting(name string, v json.RawMessage) error
}

// LoadSaved reads the last run from s; nil when personas were never discovered.
func LoadSaved(s Settings) (*Saved, error) {
	raw, err := s.Setting(SettingName)
	if err != nil || raw == nil {
		return nil, err
	}
	var saved Saved
	if err := json.Unmarshal(raw, &saved); err != nil {
		return nil, fmt.Errorf("the saved personas are damaged (%v): discover them again", err)
	}
	return &saved, nil
}

// StoreSaved keeps r as the last run in s.
func StoreSaved(s Settings, r *Result) error {
	raw, err := json.Marshal(r.Save())
	if err != nil {
		return err
	}
	return s.SetSetting(SettingName, raw)
}
