package cli

import (
	"errors"
	"flag"
)

var serveCommand = command{
	name:    "serve",
	usage:   "wayline serve -w FILE [--addr 127.0.0.1:PORT] [--token T] [--read-only]",
	summary: "serves the full app to a browser; loopback only unless --token is given",
	flags: func(fs *flag.FlagSet) func(*Env, []string) error {
		ws := workspaceFlag(fs)
		addr := fs.String("addr", "127.0.0.1:8765", "listen `ADDRESS`; anything but loopback needs --token")
		token := fs.String("token", "", "access `TOKEN` every request must carry; 'generate' prints a new one")
		readOnly := fs.Bool("read-only", false, "refuse every method that writes (the default off loopback)")
		return func(env *Env, args []string) error {
			if err := needWorkspace(*ws); err != nil {
				return err
			}
			if len(args) > 0 {
				return usagef("unexpected argument %q", args[0])
			}
			if err := mustExist(*ws); err != nil {
				return err
			}
			if env.Serve == nil {
				return errors.New("this build has no server")
			}
			set := false
			fs.Visit(func(f *flag.Flag) { set = set || f.Name == "read-only" })
			return env.Serve(env.Ctx, ServeOptions{Workspace: *ws, Addr: *addr, Token: *token, ReadOnly: *readOnly, ReadOnlySet: set})
		}
	},
}
