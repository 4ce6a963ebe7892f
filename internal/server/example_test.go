package server_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"

	"wayline/internal/server"
)

// Greeter stands in for an app-layer struct such as *app.Workspace.
type Greeter struct{}

func (Greeter) Hello(name string) (string, error) { return "Hello, " + name, nil }

func ExampleServer_Handler() {
	s, err := server.New(server.Options{
		Addr:  "127.0.0.1:8765",
		Bound: map[string]any{"Greeter": Greeter{}},
	})
	if err != nil {
		panic(err)
	}
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()

	for _, body := range []string{`["Ann"]`, `[1]`} {
		resp, err := http.Post(ts.URL+"/api/call/Greeter.Hello", "application/json", strings.NewReader(body))
		if err != nil {
			panic(err)
		}
		out, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		fmt.Print(resp.StatusCode, " ", string(out))
	}
	// Output:
	// 200 "Hello, Ann"
	// 400 {"error":"bad arguments: Greeter.Hello argument 1: got a JSON number, want a string"}
}

func ExampleNew_tokenRequired() {
	_, err := server.New(server.Options{Addr: "0.0.0.0:8765"})
	fmt.Println(err)
	// Output: binding 0.0.0.0:8765 exposes the workspace to the network: pass --token or bind 127.0.0.1
}
