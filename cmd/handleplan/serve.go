package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/handleplan/handleplan"
	"github.com/handleplan/handleplan/generator/i18n"
	"github.com/handleplan/handleplan/generator/serve"
	"github.com/handleplan/handleplan/generator/watch"
)

func runServe(args []string, stdout, stderr io.Writer) int {
	var port *int
	var bind *string
	var open *bool
	var hosts hostList
	sf, opts, ok := siteCommand("serve", args, stderr, func(fs *flagSet) {
		port = fs.Int("port", 1313, fs.t("cli.flag.port"))
		bind = fs.String("bind", "127.0.0.1", fs.t("cli.flag.bind"))
		open = fs.Bool("open", false, fs.t("cli.flag.open"))
		fs.Var(&hosts, "host", fs.t("cli.flag.hostname"))
	})
	if !ok {
		return exitUsage
	}
	lang := sf.lang
	if *port < 0 || *port > 65535 {
		fmt.Fprintln(stderr, "serve:", i18n.T(lang, "cli.serve.port", *port))
		return exitUsage
	}
	var todayFn func() time.Time
	if sf.now == "" {
		// Without --now, "today" moves on while the server runs.
		todayFn = func() time.Time { t, _ := today(lang, ""); return t }
	}
	srv := serve.New(serve.Options{Site: sf.site, Theme: handleplan.Theme, Build: opts, Today: todayFn, Log: stderr,
		// The address as given to --bind, e.g. 0.0.0.0, is the server's
		// own, as is the address a connection comes in on.
		Hosts: append(hosts, *bind)})

	ln, err := net.Listen("tcp", net.JoinHostPort(*bind, strconv.Itoa(*port)))
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			fmt.Fprintln(stderr, "serve:", i18n.T(lang, "cli.serve.taken", *port, *bind))
		} else {
			fmt.Fprintln(stderr, "serve:", osMessage(lang, err))
		}
		return exitUsage
	}
	srv.Rebuild(nil)

	w, err := watch.New(sf.site, serve.Debounce, srv.Rebuild, func(err error) { fmt.Fprintln(stderr, "serve:", i18n.T(lang, "cli.serve.watch", osMessage(lang, err))) })
	if err != nil {
		fmt.Fprintln(stderr, "serve:", i18n.T(lang, "cli.serve.watch", osMessage(lang, err)))
		ln.Close()
		return exitUsage
	}
	defer w.Close()

	url := "http://" + ln.Addr().String() + "/"
	fmt.Fprintln(stdout, i18n.T(lang, "cli.serve.serving", sf.site, url))
	if *open {
		openBrowser(url)
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	hs.RegisterOnShutdown(srv.CloseEvents)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case <-ctx.Done():
		fmt.Fprintln(stdout, "\n"+i18n.T(lang, "cli.serve.stopping"))
		sctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		// Shutdown ends the event streams (RegisterOnShutdown above);
		// whatever else does not finish in time is closed.
		if err := hs.Shutdown(sctx); err != nil {
			hs.Close()
		}
		return exitOK
	case err := <-errc:
		fmt.Fprintln(stderr, "serve:", osMessage(lang, err))
		return exitContent
	}
}

// hostList is the repeatable --host flag: names, besides its own
// address, that the dev server answers for.
type hostList []string

func (h *hostList) String() string { return strings.Join(*h, ",") }

func (h *hostList) Set(v string) error {
	for _, name := range strings.Split(v, ",") {
		name = strings.TrimSpace(name)
		if name == "" || strings.ContainsAny(name, " /\\@?#") {
			return hostError{}
		}
		*h = append(*h, name)
	}
	return nil
}
