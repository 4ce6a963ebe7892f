package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"sort"
	"strings"
	"unicode"
)

var (
	contextType = reflect.TypeFor[context.Context]()
	errorType   = reflect.TypeFor[error]()
)

// method is one callable bound method, resolved once in New.
type method struct {
	name       string // "Struct.Method", for messages
	fn         reflect.Value
	withCtx    bool           // the first parameter is a context.Context, filled with the request's
	params     []reflect.Type // the parameters the JSON array supplies, context excluded
	variadic   bool
	hasValue   bool // the first result is the JSON answer
	errorIndex int  // index of the error result, -1 when the method returns none
	writes     bool
}

// bindMethods resolves the exported methods of every bound value. Methods whose results Wails could not
// turn into a promise either (more than two results, or two without a trailing error) are left out and
// logged; unexported methods are invisible to reflection and so never callable.
func bindMethods(bound map[string]any, writes func(string, string) bool, logf func(string, ...any)) (map[string]*method, error) {
	methods := make(map[string]*method)
	names := make([]string, 0, len(bound))
	for name := range bound {
		names = append(names, name)
	}
	sort.Strings(names) // deterministic log order
	for _, structName := range names {
		v := reflect.ValueOf(bound[structName])
		if !validName(structName) {
			return nil, fmt.Errorf("%w: name %q must be a Go identifier", ErrBadBinding, structName)
		}
		if !v.IsValid() || (v.Kind() == reflect.Pointer && v.IsNil()) {
			return nil, fmt.Errorf("%w: %s is nil", ErrBadBinding, structName)
		}
		t := v.Type()
		for i := range t.NumMethod() {
			m := t.Method(i)
			full := structName + "." + m.Name
			bm, reason := newMethod(full, v.Method(i))
			if bm == nil {
				logf("server: %s is not callable over HTTP: %s", full, reason)
				continue
			}
			if writes != nil {
				bm.writes = writes(structName, m.Name)
			}
			methods[full] = bm
		}
	}
	return methods, nil
}

func newMethod(name string, fn reflect.Value) (*method, string) {
	t := fn.Type()
	m := &method{name: name, fn: fn, variadic: t.IsVariadic(), errorIndex: -1}
	for i := range t.NumIn() {
		p := t.In(i)
		if i == 0 && p == contextType {
			m.withCtx = true
			continue
		}
		m.params = append(m.params, p)
	}
	switch t.NumOut() {
	case 0:
	case 1:
		if t.Out(0) == errorType {
			m.errorIndex = 0
		} else {
			m.hasValue = true
		}
	case 2:
		if t.Out(1) != errorType {
			return nil, "the second result is not an error"
		}
		m.hasValue, m.errorIndex = true, 1
	default:
		return nil, "it returns more than two results"
	}
	return m, ""
}

func validName(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if !(r == '_' || unicode.IsLetter(r) || (i > 0 && unicode.IsDigit(r))) {
			return false
		}
	}
	return true
}

// callError carries an HTTP status with the error the user sees.
type callError struct {
	status int
	err    error
}

func (e *callError) Error() string { return e.err.Error() }
func (e *callError) Unwrap() error { return e.err }

func badArgs(format string, args ...any) *callError {
	return &callError{http.StatusBadRequest, fmt.Errorf("%w: %s", ErrBadArguments, fmt.Sprintf(format, args...))}
}

// handleCall serves POST /api/call/<Struct>.<Method>.
func (s *Server) handleCall(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		writeError(w, r, http.StatusMethodNotAllowed, errors.New("call methods with POST"))
		return
	}
	name := strings.TrimPrefix(r.URL.Path, "/api/call/")
	m, ok := s.methods[name]
	if !ok {
		writeError(w, r, http.StatusNotFound, fmt.Errorf("%w %q", ErrUnknownMethod, name))
		return
	}
	if m.writes && s.opts.ReadOnly {
		writeError(w, r, http.StatusForbidden, ErrReadOnly)
		return
	}
	// A form or a no-CORS fetch from another page cannot send application/json without a preflight, which
	// this server never approves; refusing other declared types closes that door even without Origin.
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(strings.ToLower(ct), "application/json") {
		writeError(w, r, http.StatusUnsupportedMediaType, errors.New("send the arguments as application/json"))
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.opts.MaxBody))
	if err != nil {
		if tooLarge(err) {
			writeError(w, r, http.StatusRequestEntityTooLarge,
				fmt.Errorf("%w: the arguments exceed %s", ErrTooLarge, formatBytes(s.opts.MaxBody)))
			return
		}
		writeError(w, r, http.StatusBadRequest, fmt.Errorf("read request: %w", err))
		return
	}
	args, cerr := m.decodeArgs(r.Context(), body)
	if cerr != nil {
		writeError(w, r, cerr.status, cerr)
		return
	}
	s.inflight.Add(1)
	result, cerr := s.invoke(m, args)
	s.inflight.Add(-1)
	if cerr != nil {
		writeError(w, r, cerr.status, cerr)
		return
	}
	out, err := json.Marshal(result)
	if err != nil {
		s.opts.Logf("server: encode result of %s: %v", m.name, err)
		writeError(w, r, http.StatusInternalServerError, fmt.Errorf("%s returned a result that cannot be sent", m.name))
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(append(out, '\n'))
}

// decodeArgs turns the JSON array body into the method's arguments.
func (m *method) decodeArgs(ctx context.Context, body []byte) ([]reflect.Value, *callError) {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 || trimmed[0] != '[' {
		return nil, badArgs("%s wants a JSON array of %d argument(s) as the request body", m.name, len(m.params))
	}
	var raw []json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(trimmed))
	if err := dec.Decode(&raw); err != nil {
		return nil, badArgs("%s: the body is not a valid JSON array: %v", m.name, err)
	}
	if dec.More() || dec.InputOffset() != int64(len(trimmed)) {
		return nil, badArgs("%s: unexpected data after the argument array", m.name)
	}
	if m.variadic {
		if len(raw) < len(m.params)-1 {
			return nil, badArgs("%s takes at least %d argument(s), got %d", m.name, len(m.params)-1, len(raw))
		}
	} else if len(raw) != len(m.params) {
		return nil, badArgs("%s takes %d argument(s), got %d", m.name, len(m.params), len(raw))
	}
	args := make([]reflect.Value, 0, len(raw)+1)
	if m.withCtx {
		args = append(args, reflect.ValueOf(ctx))
	}
	for i, msg := range raw {
		t := m.paramType(i)
		v := reflect.New(t)
		d := json.NewDecoder(bytes.NewReader(msg))
		d.DisallowUnknownFields()
		if err := d.Decode(v.Interface()); err != nil {
			return nil, badArgs("%s argument %d: %s", m.name, i+1, describeDecodeError(err, t))
		}
		args = append(args, v.Elem())
	}
	return args, nil
}

// paramType is the Go type argument i decodes into; extra arguments of a variadic method fill its slice.
func (m *method) paramType(i int) reflect.Type {
	last := len(m.params) - 1
	if m.variadic && i >= last {
		return m.params[last].Elem()
	}
	return m.params[i]
}

// invoke calls m, turning a returned error into 500 and a panic into 500 with a generic message (the
// detail goes to the log, not to the browser).
func (s *Server) invoke(m *method, args []reflect.Value) (result any, cerr *callError) {
	defer func() {
		if p := recover(); p != nil {
			s.opts.Logf("server: panic in %s: %v", m.name, p)
			cerr = &callError{http.StatusInternalServerError, fmt.Errorf("internal error in %s; see the server log", m.name)}
		}
	}()
	out := m.fn.Call(args)
	if m.errorIndex >= 0 {
		if err, _ := out[m.errorIndex].Interface().(error); err != nil {
			s.opts.Logf("server: %s: %v", m.name, err)
			return nil, &callError{http.StatusInternalServerError, err}
		}
	}
	if m.hasValue {
		return out[0].Interface(), nil
	}
	return nil, nil
}

func describeDecodeError(err error, t reflect.Type) string {
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) {
		where := ""
		if typeErr.Field != "" {
			where = " in field " + typeErr.Field
		}
		return fmt.Sprintf("got a JSON %s%s, want %s", typeErr.Value, where, jsonKind(typeErr.Type))
	}
	var syntaxErr *json.SyntaxError
	if errors.As(err, &syntaxErr) {
		return "invalid JSON: " + syntaxErr.Error()
	}
	if errors.Is(err, io.EOF) {
		return "empty value, want " + jsonKind(t)
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

// jsonKind names a Go type the way a frontend developer thinks of it.
func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Bool:
		return "a boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "an integer"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.String:
		return "a string"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Map, reflect.Struct:
		return "an object"
	case reflect.Pointer:
		return jsonKind(t.Elem()) + " or null"
	}
	return t.String()
}

func tooLarge(err error) bool {
	var maxErr *http.MaxBytesError
	return errors.As(err, &maxErr)
}

func formatBytes(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
