// zstack-vcsim: the vSphere simulator of the V2V tests.
//
// It serves govmomi's simulator (a real SOAP vSphere API) with an inventory described by a JSON fixture, plus
// what the simulator lacks and the migration needs: VirtualMachine.ExportVm with an HttpNfcLease whose device
// URLs serve the VM's disks, changed block tracking (changeId on snapshots, QueryChangedDiskAreas), and a side
// HTTP endpoint (/zstack-sim/...) on the same port through which a test inspects and controls the simulator.
//
// When it is ready it prints one JSON line on stdout:
//
//	{"url":"https://127.0.0.1:PORT/sdk","host":"127.0.0.1","port":PORT,"username":...,"password":...,
//	 "thumbprint":"AA:BB:...","pid":PID,"dir":"...","startMillis":N}
//
// Everything else (logs) goes to stderr.
package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha1"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/ioutil"
	"log"
	"math/big"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25"
)

// readyLine is what the launcher parses; keep the field names stable.
type readyLine struct {
	URL         string `json:"url"`
	Host        string `json:"host"`
	Port        int    `json:"port"`
	Username    string `json:"username"`
	Password    string `json:"password"`
	Thumbprint  string `json:"thumbprint"`
	Pid         int    `json:"pid"`
	Dir         string `json:"dir"`
	StartMillis int64  `json:"startMillis"`
}

func main() {
	started := time.Now()
	fixtureFile := flag.String("fixture", "", "JSON fixture describing the inventory (default: a small model)")
	listen := flag.String("listen", "127.0.0.1:0", "address to listen on (port 0: a random free port)")
	dir := flag.String("dir", "", "directory for the datastores (default: a new temporary directory, removed at exit)")
	trace := flag.Bool("trace", false, "write the SOAP traffic to stderr")
	exitOnEOF := flag.Bool("exit-on-stdin-eof", false, "exit when stdin closes (the parent process died)")
	removeAtExit := flag.Bool("remove-dir-at-exit", false, "remove -dir when exiting (it is removed anyway when made here)")
	flag.Parse()

	log.SetPrefix("vcsim ")
	log.SetFlags(log.LstdFlags | log.Lmicroseconds)

	fx := &Fixture{}
	if *fixtureFile != "" {
		data, err := ioutil.ReadFile(*fixtureFile)
		if err != nil {
			fatal("cannot read the fixture: %v", err)
		}
		if fx, err = ParseFixture(data); err != nil {
			fatal("invalid fixture %s: %v", *fixtureFile, err)
		}
	} else {
		fx, _ = ParseFixture([]byte("{}"))
	}

	workDir := *dir
	removeDir := false
	if workDir == "" {
		d, err := ioutil.TempDir("", "zstack-vcsim-")
		if err != nil {
			fatal("cannot create a work directory: %v", err)
		}
		workDir, removeDir = d, true
	} else if err := os.MkdirAll(workDir, 0755); err != nil {
		fatal("cannot create %s: %v", workDir, err)
	} else {
		removeDir = *removeAtExit
	}
	cleanup := func() {
		if removeDir {
			_ = os.RemoveAll(workDir)
		}
	}

	simulator.Trace = *trace
	model := simulator.VPX()
	// an empty skeleton: our builder creates every entity from the fixture
	model.Datacenter, model.Portgroup, model.Host, model.Cluster, model.ClusterHost = 0, 0, 0, 0, 0
	model.Datastore, model.Machine, model.Autostart = 0, 0, false
	if err := model.Create(); err != nil {
		cleanup()
		fatal("cannot create the simulator model: %v", err)
	}

	instanceUuid := fx.InstanceUuid
	if instanceUuid == "" {
		instanceUuid = randomUUID()
	}
	simulator.Map.Get(vim25.ServiceInstance).(*simulator.ServiceInstance).Content.About.InstanceUuid = instanceUuid

	ctx := context.Background()
	client, err := vim25.NewClient(ctx, model.Service)
	if err != nil {
		cleanup()
		fatal("cannot create the in-process client: %v", err)
	}

	sim := &Sim{fixture: fx, client: client, dir: workDir}
	if err := sim.Build(ctx); err != nil {
		cleanup()
		fatal("cannot build the inventory: %v", err)
	}
	installCBT(sim)

	cert, thumbprint, err := selfSignedCert()
	if err != nil {
		cleanup()
		fatal("cannot create a certificate: %v", err)
	}
	sim.thumbprint = thumbprint
	model.Service.TLS = &tls.Config{Certificates: []tls.Certificate{cert}}
	model.Service.Listen = &url.URL{Host: *listen, User: url.UserPassword(fx.Username, fx.Password)}
	// our own routes go to the simulator's mux before it registers its own (RegisterSDK keeps an existing mux)
	model.Service.ServeMux = http.NewServeMux()
	server := model.Service.NewServer()

	host, portText, _ := net.SplitHostPort(server.URL.Host)
	port, _ := strconv.Atoi(portText)
	sim.host, sim.port = host, port
	sim.inner = server.Config.Handler
	// Every request passes our front handler first: the control endpoint, pausing, our SOAP methods, our NFC
	// leases. The server has not accepted any client yet: nobody knows its port before the ready line below.
	server.Config.Handler = sim

	ready := readyLine{
		URL:         "https://" + server.URL.Host + vim25.Path,
		Host:        host,
		Port:        port,
		Username:    fx.Username,
		Password:    fx.Password,
		Thumbprint:  thumbprint,
		Pid:         os.Getpid(),
		Dir:         workDir,
		StartMillis: time.Since(started).Milliseconds(),
	}
	line, _ := json.Marshal(ready)
	fmt.Println(string(line))
	log.Printf("ready in %d ms on %s: %s", ready.StartMillis, ready.URL, sim.summary())

	done := make(chan string, 2)
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGTERM, syscall.SIGINT)
	go func() { done <- "signal " + (<-signals).String() }()
	if *exitOnEOF {
		go func() {
			_, _ = io.Copy(ioutil.Discard, os.Stdin)
			done <- "stdin closed"
		}()
	}
	go func() { done <- "shutdown requested: " + <-sim.shutdown() }()

	reason := <-done
	log.Printf("stopping (%s)", reason)
	sim.resumeAll()
	cleanup()
	os.Exit(0)
}

// randomUUID is a version 4 UUID.
func randomUUID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

func fatal(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "vcsim: "+format+"\n", args...)
	os.Exit(2)
}

// selfSignedCert makes a fresh certificate for 127.0.0.1/localhost and its vSphere-style SHA-1 thumbprint.
func selfSignedCert() (tls.Certificate, string, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, "", err
	}
	serial, _ := rand.Int(rand.Reader, big.NewInt(1<<62))
	tmpl := &x509.Certificate{
		SerialNumber:          serial,
		Subject:               pkix.Name{CommonName: "zstack-vcsim", Organization: []string{"ZStack V2V tests"}},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(10 * 365 * 24 * time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		DNSNames:              []string{"localhost"},
		IPAddresses:           []net.IP{net.ParseIP("127.0.0.1"), net.ParseIP("::1")},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return tls.Certificate{}, "", err
	}
	sum := sha1.Sum(der)
	parts := make([]string, len(sum))
	for i, b := range sum {
		parts[i] = fmt.Sprintf("%02X", b)
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, strings.Join(parts, ":"), nil
}
