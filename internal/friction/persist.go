package friction

import (
	"encoding/json"
	"fmt"
	"time"
)

// SettingName is the workspace setting that keeps the user's friction settings.
const SettingName = "friction.settings"

// Store is where a workspace keeps named JSON values (*store.Workspace satisfies it).
type Store interface {
	Setting(name string) (json.RawMessage, error)
	SetSetting(name string, v json.RawMessage) error
}

// settingsJSON is the saved form, the same shape the app's Friction.Settings returns.
type settingsJSON struct {
	Weights struct {
		Exit      float64 `json:"exit"`
		Loop      float64 `json:"loop"`
		Stall     float64 `json:"stall"`
		Support   float64 `json:"support"`
		Sentiment float64 `json:"sentiment"`
		Effort    float64 `json:"effort"`
	} `json:"weights"`
	MinCustomers       int     `json:"minCustomers"`
	SupportWindowHours float64 `json:"supportWindowHours"`
	LowRating          float64 `json:"lowRating"`
}

// MarshalJSON writes the saved form: weights by lower-case name, the window in hours.
func (s Settings) MarshalJSON() ([]byte, error) {
	var j settingsJSON
	j.Weights.Exit, j.Weights.Loop, j.Weights.Stall = s.Weights.Exit, s.Weights.Loop, s.Weights.Stall
	j.Weights.Support, j.Weights.Sentiment, j.Weights.Effort = s.Weights.Support, s.Weights.Sentiment, s.Weights.Effort
	j.MinCustomers, j.SupportWindowHours, j.LowRating = s.MinCustomers, s.SupportWindow.Hours(), s.LowRating
	return json.Marshal(j)
}

// UnmarshalJSON reads the saved form; fields left out keep their defaults.
func (s *Settings) UnmarshalJSON(b []byte) error {
	d := DefaultSettings()
	var j settingsJSON
	j.Weights.Exit, j.Weights.Loop, j.Weights.Stall = d.Weights.Exit, d.Weights.Loop, d.Weights.Stall
	j.Weights.Support, j.Weights.Sentiment, j.Weights.Effort = d.Weights.Support, d.Weights.Sentiment, d.Weights.Effort
	j.MinCustomers, j.SupportWindowHours, j.LowRating = d.MinCustomers, d.SupportWindow.Hours(), d.LowRating
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*s = Settings{
		Weights: Weights{Exit: j.Weights.Exit, Loop: j.Weights.Loop, Stall: j.Weights.Stall, Support: j.Weights.Support,
			Sentiment: j.Weights.Sentiment, Effort: j.Weights.Effort},
		MinCustomers: j.MinCustomers, SupportWindow: time.Duration(j.SupportWindowHours * float64(time.Hour)),
		LowRating: j.LowRating,
	}
	return nil
}

// LoadSettings reads the saved settings of a workspace, DefaultSettings when none were saved. Damaged or
// invalid saved settings come back as ErrDamagedSettings with the reason.
func LoadSettings(w Store) (Settings, error) {
	raw, err := w.Setting(SettingName)
	if err != nil {
		return Settings{}, err
	}
	if raw == nil {
		return DefaultSettings(), nil
	}
	var s Settings
	if err := json.Unmarshal(raw, &s); err != nil {
		return Settings{}, fmt.Errorf("%w (%v): save them again", ErrDamagedSettings, err)
	}
	if err := s.Validate(); err != nil {
		return Settings{}, fmt.Errorf("%w: %v: save them again", ErrDamagedSettings, err)
	}
	return s, nil
}

// SaveSettings validates s and keeps it in the workspace; invalid settings are refused with ErrBadSettings.
func SaveSettings(w Store, s Settings) error {
	if err := s.Validate(); err != nil {
		return err
	}
	raw, err := json.Marshal(s)
	if err != nil {
		return err
	}
	return w.SetSetting(SettingName, raw)
}
