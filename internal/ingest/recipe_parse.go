package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// ParseRecipe reads a recipe from JSON and validates it. Every problem comes back as a *RecipeError
// (wrapping ErrInvalidRecipe) that names the JSON path: an unknown key ("events[0].touchpont: unknown key;
// known keys: channel, device, ..."), a value of the wrong kind, or a broken rule (see Validate).
func ParseRecipe(data []byte) (Recipe, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		return Recipe{}, &RecipeError{Msg: "not valid JSON: " + jsonErrorText(data, err)}
	}
	if dec.More() {
		return Recipe{}, &RecipeError{Msg: "not valid JSON: more than one value"}
	}
	if _, err := dec.Token(); err == nil {
		return Recipe{}, &RecipeError{Msg: "not valid JSON: trailing data after the recipe"}
	}
	if err := checkShape(doc, reflect.TypeFor[Recipe](), ""); err != nil {
		return Recipe{}, err
	}
	var r Recipe
	if err := json.Unmarshal(data, &r); err != nil {
		// checkShape has already vetted every key and kind, so this is a defensive fallback.
		return Recipe{}, &RecipeError{Msg: err.Error()}
	}
	if err := r.Validate(); err != nil {
		return Recipe{}, err
	}
	return r, nil
}

// jsonErrorText adds the line and column to a syntax error, which encoding/json reports only as an offset.
func jsonErrorText(data []byte, err error) string {
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		return err.Error()
	}
	off := int(se.Offset)
	if off > len(data) {
		off = len(data)
	}
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	col := off - bytes.LastIndexByte(data[:off], '\n')
	return fmt.Sprintf("%s (line %d, column %d)", se.Error(), line, col)
}

var fieldType = reflect.TypeFor[Field]()

// checkShape walks a decoded JSON value alongside the Go type it must fill and reports the first unknown
// key or wrong kind with its path. Reflection here runs once per recipe, never per row.
func checkShape(v any, t reflect.Type, path string) error {
	if v == nil {
		return nil // null leaves the zero value, as encoding/json does
	}
	if t == fieldType {
		if _, ok := v.(string); ok {
			return nil
		}
	}
	switch t.Kind() {
	case reflect.Pointer:
		return checkShape(v, t.Elem(), path)
	case reflect.Struct:
		obj, ok := v.(map[string]any)
		if !ok {
			if t == fieldType {
				return shapeError(path, "want a column name or an object", v)
			}
			return shapeError(path, "want an object", v)
		}
		fields := jsonFields(t)
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			ft, ok := fields[k]
			if !ok {
				return &RecipeError{Path: joinPath(path, k), Msg: "unknown key" + suggestKey(k, fields)}
			}
			if err := checkShape(obj[k], ft, joinPath(path, k)); err != nil {
				return err
			}
		}
		return nil
	case reflect.Slice:
		arr, ok := v.([]any)
		if !ok {
			return shapeError(path, "want an array", v)
		}
		for i, e := range arr {
			if err := checkShape(e, t.Elem(), fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
		return nil
	case reflect.String:
		if _, ok := v.(string); !ok {
			return shapeError(path, "want a string", v)
		}
	case reflect.Bool:
		if _, ok := v.(bool); !ok {
			return shapeError(path, "want true or false", v)
		}
	case reflect.Float64:
		n, ok := v.(json.Number)
		if !ok {
			return shapeError(path, "want a number", v)
		}
		if _, err := strconv.ParseFloat(string(n), 64); err != nil {
			return shapeError(path, "want a number that fits in a float64", v)
		}
	}
	return nil
}

func shapeError(path, want string, got any) error {
	return &RecipeError{Path: path, Msg: fmt.Sprintf("%s, got %s", want, jsonKind(got))}
}

func jsonKind(v any) string {
	switch x := v.(type) {
	case string:
		return "string " + strconv.Quote(truncateValue(x))
	case bool:
		return "boolean"
	case json.Number:
		return "number " + string(x)
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return "null"
}

// jsonFields maps the JSON names of a struct's fields to their types.
func jsonFields(t reflect.Type) map[string]reflect.Type {
	m := make(map[string]reflect.Type, t.NumField())
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		m[name] = f.Type
	}
	return m
}

// suggestKey says which known key a misspelt one probably meant, or lists them all.
func suggestKey(k string, fields map[string]reflect.Type) string {
	known := make([]string, 0, len(fields))
	for name := range fields {
		known = append(known, name)
	}
	sort.Strings(known)
	if near := closeMatches(k, known, 1); len(near) > 0 {
		return fmt.Sprintf(" (did you mean %q?)", near[0])
	}
	return "; known keys: " + strings.Join(known, ", ")
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
