package ingest_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"wayline/internal/ingest"
)

// TestDocsRecipesParse keeps docs/recipes.md honest: every full recipe shown there must parse.
func TestDocsRecipesParse(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "docs", "recipes.md"))
	if err != nil {
		t.Skipf("docs/recipes.md not found: %v", err)
	}
	blocks := strings.Split(string(data), "```json\n")[1:]
	full := 0
	for _, b := range blocks {
		js := b[:strings.Index(b, "```")]
		if !strings.Contains(js, `"identifiers"`) {
			continue // a fragment, such as one event
		}
		full++
		if _, err := ingest.ParseRecipe([]byte(js)); err != nil {
			t.Errorf("recipe in docs does not parse: %v\n%s", err, js)
		}
	}
	if full < 3 {
		t.Errorf("got %d full recipes in docs/recipes.md, want at least 3", full)
	}
}

func ExampleParseRecipe() {
	r, err := ingest.ParseRecipe([]byte(`{
		"identifiers": [{"column": "email", "type": "email"}],
		"events": [{"time": "created_at", "touchpoint": {"const": "Signed up"}}]
	}`))
	if err != nil {
		panic(err)
	}
	_, err = ingest.ParseRecipe([]byte(`{"identifiers": [{"column": "email", "type": "email"}], "evnts": []}`))
	fmt.Println(r.Events[0].Touchpoint.Const)
	fmt.Println(err)
	// Output:
	// Signed up
	// recipe: evnts: unknown key (did you mean "events"?)
}
